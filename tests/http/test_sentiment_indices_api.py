"""/api/v1/analytics/fear-greed and /analytics/hype over the real app.

Hand-written VIX and put/call files and a replayed social file give exact figures; momentum
and breadth come from the synthetic market's bars of the instruments the test quotes.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("analytics", "market_data", "markets")

API = "/api/v1/analytics"
NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)  # the harness clock: a Monday


def write_series(folder: Path) -> Path:
    folder.mkdir()
    (folder / "vix.csv").write_text("date,close\n2026-01-02,30.0\n2026-01-05,26.0\n")
    (folder / "put_call.csv").write_text("date,p/c ratio\n2026-01-05,0.64\n")
    return folder


def write_mentions(path: Path) -> Path:
    """ACME: one mention in each of the 24 hours before the current one, then 8 in it."""
    rows = []
    for hour in range(1, 25):
        at = NOW - timedelta(hours=hour, minutes=5)
        rows.append({"id": f"a{hour}", "symbols": ["ACME"], "text": "ACME steady",
                     "posted_at": at.isoformat(), "likes": 1})  # fmt: skip
    for i in range(8):
        at = NOW - timedelta(minutes=2 + i)
        rows.append({"id": f"b{i}", "symbols": ["ACME", "BOLT"], "posted_at": at.isoformat(),
                     "text": "ACME short squeeze incoming", "likes": 10, "shares": 2,
                     "comments": 1, "views": 1000})  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    return path


@pytest.fixture
async def desk(tmp_path: Path) -> AsyncIterator[tuple[Harness, User]]:
    async with harness_with(
        fear_greed_series="file",
        fear_greed_dir=str(write_series(tmp_path / "fg")),
        social_source="file",
        social_file=str(write_mentions(tmp_path / "mentions.jsonl")),
    ) as harness:
        for symbol, price in (("SPY", "560"), ("AAPL", "190"), ("MSFT", "410")):
            await harness.instrument(symbol, price)
        yield harness, await harness.user(Role.VIEWER)


async def get(h: tuple[Harness, User], path: str, **params: Any) -> Any:
    harness, user = h
    return await harness.client.get(f"{API}{path}", params=params, headers=user.headers)


async def test_todays_composite_from_the_files_and_the_market(
    desk: tuple[Harness, User],
) -> None:
    # Act
    response = await get(desk, "/fear-greed")

    # Assert: VIX 26 (one earlier day: the bounds, 50) and put/call 0.64 (80) from the files;
    # momentum and breadth from the bars; no news: social missing, the rest renormalised
    assert response.status_code == 200, response.text
    out = response.json()
    parts = {c["name"]: c for c in out["components"]}
    assert (parts["vix"]["raw"], parts["vix"]["score"], parts["vix"]["method"]) == (
        26.0, 50.0, "bounds",
    )  # fmt: skip
    assert (parts["vix"]["as_of"], parts["vix"]["source"]) == ("2026-01-05", "file")
    assert parts["put_call"]["score"] == 80.0
    assert parts["momentum"]["raw"] is not None and parts["breadth"]["raw"] is not None
    assert (parts["social"]["score"], parts["social"]["reason"]) == (None, "NO_SENTIMENT")
    present = [c["score"] for c in out["components"] if c["score"] is not None]
    assert out["score"] == pytest.approx(sum(present) / 4, abs=0.01)
    assert (out["coverage"], out["missing"], out["day"]) == (0.8, ["social"], "2026-01-05")
    assert out["bands"][0]["label"] == "extreme_fear"
    assert out["label"] in {"extreme_fear", "fear", "neutral", "greed", "extreme_greed"}


async def test_weights_in_the_query_reweigh_and_bad_ones_are_refused(
    desk: tuple[Harness, User],
) -> None:
    # Act
    only_vix = await get(desk, "/fear-greed", weights="vix:1")
    short = await get(desk, "/fear-greed", weights="vix:0.5,put_call:0.4")
    unknown = await get(desk, "/fear-greed", weights="gold:1")
    garbled = await get(desk, "/fear-greed", weights="vix")

    # Assert
    assert only_vix.status_code == 200 and only_vix.json()["score"] == 50.0
    assert only_vix.json()["missing"] == []  # social weighs nothing now
    problem = assert_problem(short, 422, "INVALID_WEIGHTS")
    assert problem["errors"][0]["field"] == "weights" and "sum to 1" in problem["detail"]
    assert_problem(unknown, 422, "UNKNOWN_SERIES")
    assert_problem(garbled, 422, "INVALID_WEIGHTS")


async def test_too_few_inputs_answer_503_naming_each_missing_one() -> None:
    # Arrange: the chain source with no index quoted, nothing in the universe
    async with harness_with() as harness:
        viewer = await harness.user(Role.VIEWER)

        # Act
        response = await harness.client.get(f"{API}/fear-greed", headers=viewer.headers)

    # Assert
    problem = assert_problem(response, 503, "DATA_SOURCE_UNAVAILABLE")
    assert response.headers["retry-after"] == "60"
    assert "vix: SYMBOL_NOT_FOUND" in problem["detail"]
    assert "breadth: NO_BREADTH" in problem["detail"]


async def test_a_composite_of_posted_inputs_by_hand(desk: tuple[Harness, User]) -> None:
    # Arrange
    harness, viewer = desk
    body = {
        "inputs": {"vix": 26.0, "put_call": 0.64, "momentum": -0.04, "breadth": 0.62,
                   "social": 0.0},
        "weights": {"vix": 0.3, "put_call": 0.2, "momentum": 0.2, "breadth": 0.1, "social": 0.2},
    }  # fmt: skip

    # Act
    response = await harness.client.post(
        f"{API}/fear-greed/composite", json=body, headers=viewer.headers
    )

    # Assert: 0.3*50 + 0.2*80 + 0.2*30 + 0.1*70 + 0.2*50 = 54
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["score"], out["label"], out["coverage"]) == (54.0, "neutral", 1.0)
    assert [c["score"] for c in out["components"]] == [50.0, 80.0, 30.0, 70.0, 50.0]
    assert {c["source"] for c in out["components"]} == {"posted"}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"inputs": {"gold": 1.0}}, 422, "UNKNOWN_SERIES"),
        ({"inputs": {"vix": 20.0}, "weights": {"vix": 0.6}}, 422, "INVALID_WEIGHTS"),
        ({"inputs": {"vix": 20.0}}, 422, "INSUFFICIENT_INPUTS"),
        ({"inputs": {"vix": 20.0}, "history": {"vix": [1.0] * 2521}}, 400, "VALIDATION_ERROR"),
        ({"inputs": {}}, 400, "VALIDATION_ERROR"),
        ({"inputs": {"vix": "high"}}, 400, "VALIDATION_ERROR"),
    ],
)
async def test_posted_inputs_that_cannot_be_used_are_problems(
    desk: tuple[Harness, User], body: dict[str, Any], status: int, code: str
) -> None:
    harness, viewer = desk

    response = await harness.client.post(
        f"{API}/fear-greed/composite", json=body, headers=viewer.headers
    )

    assert_problem(response, status, code)


async def test_the_recorded_days_read_back_chart_ready(desk: tuple[Harness, User]) -> None:
    # Arrange: the recorder stores Monday, then Tuesday
    harness, _ = desk
    recorder = harness.container.markets.fear_greed_recorder()
    monday = await recorder.record()
    harness.clock.advance(timedelta(days=1))
    tuesday = await recorder.record()

    reader = (harness, await harness.user(Role.VIEWER))  # a session of today's

    # Act
    response = await get(reader, "/fear-greed/history", start="2026-01-01")
    bad = await get(reader, "/fear-greed/history", start="2026-02-01", end="2026-01-01")

    # Assert
    assert monday.recorded is not None and tuesday.recorded is not None
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["count"], out["dates"]) == (2, ["2026-01-05", "2026-01-06"])
    assert out["score"] == [round(monday.recorded.score, 2), round(tuesday.recorded.score, 2)]
    assert out["components"]["vix"][0] == 50.0 and out["components"]["social"] == [None, None]
    assert len(out["label"]) == len(out["coverage"]) == 2
    assert_problem(bad, 422, "INVALID_SENTIMENT_INPUT")


async def test_an_input_series_and_an_unknown_one(desk: tuple[Harness, User]) -> None:
    vix = await get(desk, "/fear-greed/series/vix", start="2026-01-01")
    unknown = await get(desk, "/fear-greed/series/gold")

    assert vix.status_code == 200, vix.text
    assert (vix.json()["dates"], vix.json()["values"]) == (
        ["2026-01-02", "2026-01-05"],
        [30.0, 26.0],
    )
    assert_problem(unknown, 404, "UNKNOWN_SERIES")


async def test_a_symbols_hype_from_the_replayed_file(desk: tuple[Harness, User]) -> None:
    # Act
    response = await get(desk, "/hype/acme")

    # Assert: 8 mentions this hour over a flat baseline of 1 an hour: a spike (z undefined);
    # each burst mention weighs 10 + 2*1 + 3*2 + 0.01*1000 = 28
    assert response.status_code == 200, response.text
    reading = response.json()["reading"]
    assert (reading["symbol"], reading["mentions"], reading["velocity"]) == ("ACME", 8, 8.0)
    assert (reading["baseline_mean"], reading["baseline_std"], reading["z"]) == (1.0, 0.0, None)
    assert reading["spike"] is True
    assert reading["engagement"] == 8 * 28.0
    assert reading["top_mentions"][0]["engagement"] == 28.0
    # the keyword model is not built in the test environment: the reading says so
    assert reading.get("keywords_reason") == "MODEL_UNAVAILABLE" or reading.get("keywords")
    assert response.json()["engagement_weights"] == {
        "likes": 1.0, "comments": 2.0, "shares": 3.0, "views": 0.01,
    }  # fmt: skip


async def test_the_top_movers_and_bad_windows(desk: tuple[Harness, User]) -> None:
    # Act
    movers = await get(desk, "/hype", limit=5)
    narrow = await get(desk, "/hype/ACME", window_minutes=4)
    long_ = await get(desk, "/hype/ACME", window_minutes=1440, baseline_windows=10)
    not_int = await get(desk, "/hype/ACME", window_minutes="soon")
    bad_limit = await get(desk, "/hype", limit=0)

    # Assert: BOLT's 8 mentions have no baseline at all (flat at 0): both spike; ACME and BOLT
    assert movers.status_code == 200, movers.text
    assert {i["symbol"] for i in movers.json()["items"]} == {"ACME", "BOLT"}
    assert movers.json()["candidates"] == 2
    assert assert_problem(narrow, 422, "INVALID_SENTIMENT_INPUT")["errors"][0]["field"] == (
        "window_minutes"
    )
    assert_problem(long_, 422, "INVALID_SENTIMENT_INPUT")
    assert_problem(not_int, 400, "VALIDATION_ERROR")
    assert_problem(bad_limit, 422, "INVALID_SENTIMENT_INPUT")
