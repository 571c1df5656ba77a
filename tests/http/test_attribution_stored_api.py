"""POST /api/v1/analytics/attribution with a stored portfolio: the periods built from the
ledger and the bar store answer what the same periods posted as figures answer; regime
shifts; owner scoping; short histories.

The worked example is tests/unit/analytics/test_stored_attribution.py's (its module doc has
the hand computation): T1 and T2 (Tech), E1 (Energy), monthly from 2024-01-31 to 2024-03-31,
the portfolio 10 T1 + 20 E1 (5 more E1 mid-February), the benchmark T1 0.2, T2 0.4, E1 0.4.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest

from application.core.stored_closes import midnight
from domain.market_data.bars import BarSeries, Timeframe
from tests.http.core_helpers import assert_problem, field_names
from tests.http.harness import Harness, User
from tests.http.ledger_helpers import buy, portfolio_with

pytestmark = pytest.mark.serves("analytics", "portfolio")

URL = "/api/v1/analytics/attribution"
DAYS = ["2024-01-31", "2024-02-29", "2024-03-31"]
CLOSES = {"T1": [100.0, 112.5, 101.25], "T2": [50.0, 52.5, 52.5], "E1": [50.0, 45.0, 49.5]}
SECTORS = {"T1": "Tech", "T2": "Tech", "E1": "Energy"}
BENCHMARK = [{"symbol": "T1", "weight": 0.2}, {"symbol": "T2", "weight": 0.4},
             {"symbol": "E1", "weight": 0.4}]  # fmt: skip


async def write_closes(
    harness: Harness, symbol: str, days: list[date], closes: list[float]
) -> None:
    column = np.asarray(closes, dtype=np.float64)
    series = BarSeries(
        start=np.asarray([midnight(d).timestamp() for d in days], dtype=np.float64),
        open=column, high=column, low=column, close=column, volume=np.ones(len(column)),
    )  # fmt: skip
    await harness.container.market_data.bar_store().write_series(symbol, Timeframe.D1, series)


async def worked_example(harness: Harness, owner: User) -> str:
    for symbol, closes in CLOSES.items():
        await harness.instrument(symbol, "100", sector=SECTORS[symbol])
        await write_closes(harness, symbol, [date.fromisoformat(d) for d in DAYS], closes)
    return await portfolio_with(
        harness, owner,
        buy("T1", "10", "90", "2024-01-02"), buy("E1", "20", "48", "2024-01-02"),
        buy("E1", "5", "47", "2024-02-15"),
    )  # fmt: skip


def stored(pid: str, **fields: Any) -> dict[str, Any]:
    return {"portfolio_id": pid, "start": DAYS[0], "end": DAYS[-1], "benchmark": BENCHMARK,
            "regime": "none", **fields}  # fmt: skip


def posted() -> dict[str, Any]:
    def sector(name: str, w_p: float, w_b: float, r_p: float, r_b: float) -> dict[str, Any]:
        return {"sector": name, "portfolio_weight": w_p, "benchmark_weight": w_b,
                "portfolio_return": r_p, "benchmark_return": r_b}  # fmt: skip

    return {
        "periods": [
            {"start": DAYS[0], "end": DAYS[1], "sectors": [
                sector("Energy", 0.5, 0.4, -0.10, -0.10), sector("Tech", 0.5, 0.6, 0.125, 0.075)]},
            {"start": DAYS[1], "end": DAYS[2], "sectors": [
                sector("Energy", 0.5, 0.4, 0.10, 0.10), sector("Tech", 0.5, 0.6, -0.10, -1 / 30)]},
        ]
    }  # fmt: skip


async def test_the_stored_periods_answer_as_the_same_periods_posted(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await worked_example(harness, owner)

    # Act
    from_store = await harness.client.post(URL, json=stored(pid), headers=owner.headers)
    from_figures = await harness.client.post(URL, json=posted(), headers=owner.headers)

    # Assert
    assert from_store.status_code == 200, from_store.text
    got, want = from_store.json(), from_figures.json()
    assert got["sectors"] == want["sectors"] == ["Energy", "Tech"]
    for mine, theirs in zip(got["periods"], want["periods"], strict=True):
        assert (mine["start"], mine["end"]) == (theirs["start"], theirs["end"])
        assert mine["totals"] == pytest.approx(theirs["totals"], abs=2e-10)
        for a, b in zip(mine["sectors"], theirs["sectors"], strict=True):
            assert a == pytest.approx(b, abs=2e-10)
    assert got["linked"]["totals"] == pytest.approx(want["linked"]["totals"], abs=2e-10)
    assert got["periods"][0]["totals"]["selection"] == pytest.approx(0.03, abs=1e-10)
    assert got["cusum"]["sigma"] == pytest.approx(want["cusum"]["sigma"], abs=2e-10)
    assert got["source"] == {
        "portfolio_id": pid, "benchmark_portfolio_id": None, "benchmark_constituents": 3,
        "period": "monthly",
        "closes": "bar history store: split- and dividend-adjusted daily closes", "left_out": [],
    }  # fmt: skip
    assert got["regimes"] is None and want["source"] is None
    assert "weights" in got["conventions"] and "weights" not in want["conventions"]


async def regime_world(harness: Harness, owner: User) -> dict[str, Any]:
    """The benchmark index IDX rises 0.4 % a day for 420 days from 2023-01-01, then falls 1 % a
    day; the portfolio holds T1, rising steadily. The stored request over days 300 to 590."""
    first = date(2023, 1, 1)
    days = [first + timedelta(days=i) for i in range(600)]
    steps = [0.004 if i < 420 else -0.01 for i in range(1, 600)]
    await harness.instrument("IDX", "100", sector="Index")
    await harness.instrument("T1", "100", sector="Tech")
    await write_closes(harness, "IDX", days, np.exp(np.cumsum([0.0, *steps])).tolist())
    await write_closes(harness, "T1", days, [100.0 + 0.1 * i for i in range(600)])
    pid = await portfolio_with(harness, owner, buy("T1", "10", "100", "2023-01-01"))
    start, end = first + timedelta(days=300), first + timedelta(days=590)
    return {"portfolio_id": pid, "start": str(start), "end": str(end),
            "benchmark": [{"symbol": "IDX", "weight": 1}]}  # fmt: skip


async def test_regime_shifts_are_dated_with_the_effects_per_segment(
    harness: Harness, owner: User
) -> None:
    # Arrange
    body = await regime_world(harness, owner)

    # Act
    response = await harness.client.post(URL, json=body, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    shifts = out["regimes"]
    assert shifts["series"] == "benchmark" and shifts["window"] == 252
    assert [p["end"] for p in shifts["periods"]] == [p["end"] for p in out["periods"]]
    assert [s["regime"] for s in shifts["segments"]] == ["bull", "bear"]
    (change,) = shifts["changes"]
    assert (change["before"], change["after"]) == ("bull", "bear")
    assert change["on"] == out["periods"][change["period"]]["end"]
    assert shifts["segments"][1]["start"] == out["periods"][change["period"]]["start"]
    linked = sum(s["linked"]["total"] for s in shifts["segments"])
    assert linked == pytest.approx(out["linked"]["totals"]["total"], abs=1e-9)
    assert "regime" in out["conventions"]


async def test_another_users_portfolio_answers_404(harness: Harness, owner: User) -> None:
    # Arrange
    pid = await worked_example(harness, owner)
    stranger = await harness.user()

    # Act
    response = await harness.client.post(URL, json=stored(pid), headers=stranger.headers)

    # Assert
    assert_problem(response, 404, "PORTFOLIO_NOT_FOUND")


async def test_too_short_a_history_is_422_saying_what_is_missing(
    harness: Harness, owner: User
) -> None:
    # Arrange
    pid = await worked_example(harness, owner)

    # Act: no close near 2023-12-31; with the regime reading, three closes are not 200
    early = await harness.client.post(
        URL, json=stored(pid, start="2023-12-31"), headers=owner.headers
    )
    regime = await harness.client.post(
        URL, json=stored(pid, regime="benchmark"), headers=owner.headers
    )

    # Assert
    problem = assert_problem(early, 422, "INSUFFICIENT_STORED_HISTORY")
    assert "E1, T1, T2" in problem["detail"] and field_names(problem) == {"start"}
    problem = assert_problem(regime, 422, "INSUFFICIENT_STORED_HISTORY")
    assert "needs 200" in problem["detail"]


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        ({"start": None}, "start"),
        ({"benchmark": None}, "benchmark"),
        ({"periods": posted()["periods"]}, "portfolio_id"),
        ({"end": "2024-01-01"}, "end"),
    ],
)
async def test_bad_stored_requests_are_422_naming_the_field(
    harness: Harness, owner: User, edit: dict[str, Any], field: str
) -> None:
    # Arrange
    pid = await worked_example(harness, owner)
    body = {k: v for k, v in {**stored(pid), **edit}.items() if v is not None}

    # Act
    response = await harness.client.post(URL, json=body, headers=owner.headers)

    # Assert
    problem = assert_problem(response, 422, "INVALID_ATTRIBUTION_INPUT")
    assert field_names(problem) == {field}
