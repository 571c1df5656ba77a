"""Regime detection: indicators against hand-worked values, labels on synthetic markets."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.analytics.montecarlo.regime import Regime
from domain.analytics.montecarlo.regime_model import MARKET_REGIMES
from domain.analytics.regime_detection import (
    MIN_HISTORY,
    InsufficientPriceHistory,
    InvalidPriceHistory,
    detect_regime,
    drawdown_from_peak,
    realised_volatility,
    regime_scores,
    simple_moving_average,
    wilder_rsi_series,
)


def _geometric(drift: float, vol: float, days: int = 300, seed: int = 1) -> np.ndarray:
    """Closes of a geometric random walk: annual drift and volatility of the log price."""
    rng = np.random.default_rng(seed)
    steps = (drift - 0.5 * vol**2) / 252 + vol / math.sqrt(252) * rng.standard_normal(days)
    return np.asarray(100.0 * np.exp(np.concatenate([[0.0], np.cumsum(steps)])))


def _mean_reverting(daily_sd: float, days: int = 300, seed: int = 2) -> np.ndarray:
    """Closes around 100 whose log price reverts fast (AR(1), phi 0.5): no trend."""
    rng = np.random.default_rng(seed)
    level = np.zeros(days + 1)
    for t in range(1, days + 1):
        level[t] = 0.5 * level[t - 1] + daily_sd * rng.standard_normal()
    return np.asarray(100.0 * np.exp(level))


def test_rsi_matches_a_hand_worked_example() -> None:
    # Arrange: period 3; changes +1, -0.5, +1 | +0.5 | -1
    # By hand: first averages gain 2/3, loss 1/6 -> RS 4 -> RSI 80
    #          then gain (2 * 2/3 + 0.5) / 3 = 11/18, loss (2 * 1/6) / 3 = 2/18 -> RS 5.5 -> 84.615
    #          then gain (2 * 11/18) / 3 = 11/27, loss (2 * 2/18 + 1) / 3 = 11/27 -> RS 1 -> 50
    closes = [10.0, 11.0, 10.5, 11.5, 12.0, 11.0]
    # Act
    rsi = wilder_rsi_series(closes, period=3)
    # Assert
    assert rsi == pytest.approx([80.0, 100.0 - 100.0 / 6.5, 50.0], rel=1e-12)


def test_rsi_edge_cases() -> None:
    # Act / Assert: only gains -> 100, no change -> 50
    assert wilder_rsi_series(np.arange(1.0, 31.0))[-1] == 100.0
    assert wilder_rsi_series(np.full(30, 5.0))[-1] == 50.0


def test_indicators_match_hand_computed_values() -> None:
    # Arrange: closes 1 .. 300 (linear), and a series alternating log returns +a / -a
    linear = np.arange(1.0, 301.0)
    a = 0.01
    zigzag = 100.0 * np.exp(a * (np.arange(61) % 2))
    # Act / Assert: SMA of the last 50 = (251 + 300) / 2, of the last 200 = (101 + 300) / 2
    assert simple_moving_average(linear, 50) == pytest.approx(275.5)
    assert simple_moving_average(linear, 200) == pytest.approx(200.5)
    # 20 returns, ten +a and ten -a: sample sd a sqrt(20 / 19), annualised by sqrt(252)
    assert realised_volatility(zigzag, 20) == pytest.approx(a * math.sqrt(20 / 19 * 252))
    assert drawdown_from_peak([100.0, 120.0, 90.0]) == pytest.approx(0.25)
    assert drawdown_from_peak([100.0, 120.0]) == 0.0


@pytest.mark.parametrize(
    ("closes", "label"),
    [
        (_geometric(0.30, 0.08), Regime.BULL),  # rising, calm
        (_geometric(-0.45, 0.20), Regime.BEAR),  # falling
        (_mean_reverting(0.035), Regime.VOLATILE),  # choppy, high volatility, no trend
        (_mean_reverting(0.003), Regime.STABLE),  # flat, calm
    ],
    ids=["rising-calm", "falling", "choppy", "flat-calm"],
)
def test_synthetic_markets_get_their_label(closes: np.ndarray, label: Regime) -> None:
    # Act
    reading = detect_regime(closes)
    # Assert: the label wins by a clear margin
    assert reading.label == label
    runner_up = max(score for regime, score in reading.scores.items() if regime != label)
    assert reading.scores[label] > runner_up + 0.1
    assert reading.observations == closes.shape[0]


def test_reading_reports_the_indicators() -> None:
    # Arrange
    closes = _geometric(0.30, 0.08)
    # Act
    reading = detect_regime(closes)
    # Assert
    assert reading.volatility == pytest.approx(realised_volatility(closes, 20))
    assert reading.volatility_60d == pytest.approx(realised_volatility(closes, 60))
    assert reading.trend == pytest.approx(reading.sma_50 / reading.sma_200 - 1.0)
    assert reading.rsi == pytest.approx(wilder_rsi_series(closes)[-1])
    assert reading.last_close == closes[-1]


@pytest.mark.parametrize(
    ("prices", "error"),
    [
        (np.full(MIN_HISTORY - 1, 100.0), InsufficientPriceHistory),
        ([100.0] * 250 + [math.nan], InvalidPriceHistory),
        ([100.0] * 250 + [-1.0], InvalidPriceHistory),
        (np.ones((250, 2)), InvalidPriceHistory),
        (["x"] * 250, InvalidPriceHistory),
    ],
    ids=["too-short", "nan", "negative", "2-d", "not-numbers"],
)
def test_bad_history_is_refused_with_the_field(prices: object, error: type[Exception]) -> None:
    # Act / Assert
    with pytest.raises(error) as caught:
        detect_regime(prices)  # type: ignore[arg-type]
    assert isinstance(caught.value, InvalidPriceHistory)
    assert caught.value.field == "prices"
    assert caught.value.code in {"INVALID_PRICE_HISTORY", "INSUFFICIENT_PRICE_HISTORY"}


@settings(max_examples=50, deadline=None)
@given(
    vol=st.floats(0.0, 2.0),
    trend=st.floats(-1.0, 1.0),
    rsi=st.floats(0.0, 100.0),
    drawdown=st.floats(0.0, 1.0),
)
def test_scores_lie_in_the_unit_interval(
    vol: float, trend: float, rsi: float, drawdown: float
) -> None:
    # Act
    scores = regime_scores(vol, trend, rsi, drawdown)
    # Assert
    assert set(scores) == set(MARKET_REGIMES)  # never the calibrated model's one regime
    assert all(0.0 <= score <= 1.0 + 1e-12 for score in scores.values())


@settings(max_examples=20, deadline=None)
@given(scale=st.floats(0.01, 1000.0), seed=st.integers(0, 1000))
def test_detection_ignores_the_price_unit(scale: float, seed: int) -> None:
    # Arrange
    closes = _geometric(0.05, 0.25, seed=seed)
    # Act
    base, scaled = detect_regime(closes), detect_regime(closes * scale)
    # Assert: every indicator but the price levels is scale free
    assert scaled.label == base.label
    assert scaled.rsi == pytest.approx(base.rsi, abs=1e-9)
    assert scaled.trend == pytest.approx(base.trend, abs=1e-12)
    assert scaled.volatility == pytest.approx(base.volatility, rel=1e-9)
