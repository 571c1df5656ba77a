"""/api/v1/analytics/regime: the detected regime of a posted daily close history, or of a
symbol's stored daily bars.

The reading must equal `detect_regime` on the same closes (its own unit tests check the
indicators against hand computations); here: the wiring, the caps and each refusal.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from application.analytics import market_regime
from domain.analytics.regime_detection import detect_regime
from domain.market_data.bars import BarSeries, Timeframe
from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("analytics"), pytest.mark.shares_app()]

REGIME = "/api/v1/analytics/regime"
WIRE = 5e-11  # the API rounds analytics to 10 places: half a unit of the last place


def walk(n: int, drift: float, vol: float, seed: int = 3) -> list[float]:
    """A seeded geometric random walk of n daily closes from 100."""
    steps = np.random.default_rng(seed).normal(drift, vol, size=n - 1)
    return [100.0, *(100.0 * np.exp(np.cumsum(steps))).tolist()]


async def test_the_reading_equals_the_domain_detector(harness: Harness, owner: User) -> None:
    # Arrange
    prices = walk(600, 0.0002, 0.015)
    expected = detect_regime(prices)

    # Act
    response = await harness.client.post(REGIME, json={"prices": prices}, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["label"] == expected.label.value
    scores = {regime.value: score for regime, score in expected.scores.items()}
    assert out["scores"] == pytest.approx(scores, rel=0, abs=WIRE)
    assert out["volatility_20d"] == pytest.approx(expected.volatility, rel=0, abs=WIRE)
    assert out["volatility_60d"] == pytest.approx(expected.volatility_60d, rel=0, abs=WIRE)
    smas = (expected.sma_50, expected.sma_200)
    assert (out["sma_50"], out["sma_200"]) == pytest.approx(smas, rel=0, abs=WIRE)
    assert out["trend"] == pytest.approx(expected.trend, rel=0, abs=WIRE)
    assert out["cross"] == ("golden" if expected.sma_50 > expected.sma_200 else "death")
    assert out["rsi_14"] == pytest.approx(expected.rsi, rel=0, abs=WIRE)
    assert out["drawdown"] == pytest.approx(expected.drawdown, rel=0, abs=WIRE)
    assert out["last_close"] == pytest.approx(prices[-1], rel=0, abs=WIRE)
    assert out["observations"] == 600
    assert set(out["conventions"]) >= {"volatility_20d", "trend", "rsi_14", "drawdown"}


@pytest.mark.parametrize(
    ("prices", "label"),
    [
        (walk(400, 0.002, 0.004), "bull"),  # a calm steady rise
        (walk(400, -0.003, 0.01), "bear"),  # a steady fall, deep drawdown
        ([100.0 + 0.01 * (i % 2) for i in range(300)], "stable"),  # flat, no volatility
    ],
)
async def test_clear_markets_get_their_label(
    harness: Harness, owner: User, prices: list[float], label: str
) -> None:
    # Act
    response = await harness.client.post(REGIME, json={"prices": prices}, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    assert response.json()["label"] == label


@pytest.mark.parametrize(
    ("prices", "code", "field"),
    [
        ([100.0] * 199, "INSUFFICIENT_PRICE_HISTORY", "prices"),
        ([], "INSUFFICIENT_PRICE_HISTORY", "prices"),
        ([100.0] * 5 + [0.0] + [100.0] * 250, "INVALID_PRICE_HISTORY", "prices[5]"),
        ([100.0] * 250 + [-3.0], "INVALID_PRICE_HISTORY", "prices[250]"),
    ],
)
async def test_bad_histories_are_422_naming_the_field(
    harness: Harness, owner: User, prices: list[float], code: str, field: str
) -> None:
    # Act
    response = await harness.client.post(REGIME, json={"prices": prices}, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, code)) == {field}


async def test_more_than_100_000_closes_is_422_naming_prices(harness: Harness, owner: User) -> None:
    # Arrange: 100,001 closes "1," fit in the default 1 MiB body limit.
    raw = b'{"prices":[' + b",".join([b"1"] * 100_001) + b"]}"

    # Act
    response = await harness.client.post(
        REGIME, content=raw, headers={**owner.headers, "Content-Type": "application/json"}
    )

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_PRICE_HISTORY")) == {"prices"}


@pytest.mark.parametrize("payload", [{"prices": "abc"}, {"prices": [1.0, "x"]}, {}])
async def test_malformed_bodies_are_400(
    harness: Harness, owner: User, payload: dict[str, Any]
) -> None:
    # Act
    response = await harness.client.post(REGIME, json=payload, headers=owner.headers)

    # Assert
    assert_problem(response, 400, "VALIDATION_ERROR")


async def test_a_long_history_past_the_time_budget_is_503_with_retry_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Arrange: 1 ms of budget for 100,000 closes (above the 2,000 that go to the budget),
    # in cents: 100,000 of them fit the default 1 MiB body limit. The detector is held a
    # second, so the budget runs out whatever the machine's speed (a fast detection on a busy
    # box could finish before the loop looked at its deadline).
    def held_detector(series: Any) -> Any:
        time.sleep(1.0)
        return detect_regime(series)

    monkeypatch.setattr(market_regime, "detect_regime", held_detector)
    async with harness_with(compute_budget_s="0.001") as harness:
        user = await harness.user()
        prices = [max(0.01, round(close, 2)) for close in walk(100_000, 0.0, 0.01)]

        # Act
        response = await harness.client.post(REGIME, json={"prices": prices}, headers=user.headers)

    # Assert
    assert_problem(response, 503, "COMPUTE_TIME_BUDGET")
    assert int(response.headers["Retry-After"]) >= 1


async def test_a_long_history_within_the_budget_is_read(harness: Harness, owner: User) -> None:
    # Arrange
    prices = walk(20_000, 0.0001, 0.01)

    # Act
    response = await harness.client.post(REGIME, json={"prices": prices}, headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    rsi = detect_regime(prices).rsi
    assert response.json()["rsi_14"] == pytest.approx(rsi, rel=0, abs=WIRE)


async def test_unauthenticated_is_401(harness: Harness) -> None:
    # Act
    response = await harness.client.post(REGIME, json={"prices": [100.0] * 300})

    # Assert
    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_a_viewer_may_detect(harness: Harness) -> None:
    # Arrange
    viewer = await harness.user(Role.VIEWER)

    # Act
    response = await harness.client.post(
        REGIME, json={"prices": [100.0] * 300}, headers=viewer.headers
    )

    # Assert
    assert response.status_code == 200, response.text


async def store_closes(harness: Harness, symbol: str, prices: list[float]) -> tuple[str, str]:
    """`prices` as daily bars of `symbol` on consecutive days to the harness clock's yesterday,
    in the app's bar store: the first and last day."""
    today = harness.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    n = len(prices)
    days = [today - timedelta(days=n - k) for k in range(n)]
    close = np.asarray(prices)
    starts = np.array([d.timestamp() for d in days])
    series = BarSeries(starts, close, close, close, close, np.full(n, 1000.0))
    await harness.container.market_data.bar_store().write_series(symbol, Timeframe.D1, series)
    return days[0].date().isoformat(), days[-1].date().isoformat()


async def test_a_stored_history_reads_as_the_same_closes_posted(
    harness: Harness, owner: User
) -> None:
    # Arrange: 400 stored closes; the range's default start reaches three years back.
    prices = walk(400, 0.0004, 0.012, seed=9)
    first, last = await store_closes(harness, "WALK", prices)
    posted = await harness.client.post(REGIME, json={"prices": prices}, headers=owner.headers)

    # Act
    stored = await harness.client.get(f"{REGIME}/walk", headers=owner.headers)
    ranged = await harness.client.get(
        f"{REGIME}/WALK", params={"start": first, "end": last}, headers=owner.headers
    )

    # Assert
    assert stored.status_code == 200, stored.text
    out = stored.json()
    assert out["history"] == {"symbol": "WALK", "first_day": first, "last_day": last,
                              "adjusted": True}  # fmt: skip
    same = {k: v for k, v in out.items() if k != "history"}
    assert same == {k: v for k, v in posted.json().items() if k != "history"}
    assert posted.json()["history"] is None
    assert ranged.json() == out


async def test_a_stored_history_too_short_or_backwards_is_422_naming_the_field(
    harness: Harness, owner: User
) -> None:
    # Arrange: 150 stored closes, fewer than the 200-day average needs.
    first, last = await store_closes(harness, "SHORT", walk(150, 0.0, 0.01))

    # Act
    short = await harness.client.get(f"{REGIME}/SHORT", headers=owner.headers)
    unknown = await harness.client.get(f"{REGIME}/NOBARS", headers=owner.headers)
    backwards = await harness.client.get(
        f"{REGIME}/SHORT", params={"start": last, "end": first}, headers=owner.headers
    )
    malformed = await harness.client.get(
        f"{REGIME}/SHORT", params={"start": "yesterday"}, headers=owner.headers
    )

    # Assert
    problem = assert_problem(short, 422, "INSUFFICIENT_PRICE_HISTORY")
    assert field_names(problem) == {"symbol"} and "150 stored daily closes" in problem["detail"]
    assert field_names(assert_problem(unknown, 422, "INSUFFICIENT_PRICE_HISTORY")) == {"symbol"}
    assert field_names(assert_problem(backwards, 422, "INVALID_PRICE_HISTORY")) == {"start"}
    assert_problem(malformed, 400, "VALIDATION_ERROR")
