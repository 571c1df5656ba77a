"""Market regime detection from a daily close history.

Indicators, computed on the closes p_0 .. p_n (oldest first, positive, finite):
- `volatility`: annualised realised volatility of the last 20 daily log returns (sample standard
  deviation, ddof 1, times sqrt(252)); `volatility_60d` the same over 60 returns.
- `sma_50`, `sma_200`: simple moving averages of the last 50 / 200 closes; `trend` =
  sma_50 / sma_200 - 1 (golden-cross positive, death-cross negative).
- `rsi`: Wilder's 14-day RSI: the first average gain / loss is the plain mean of the first 14
  changes, then avg <- (13 avg + today) / 14; RSI = 100 - 100 / (1 + gain / loss), 100 when
  there was no loss (50 when there was no change at all).
- `drawdown`: 1 - p_n / max(p_0 .. p_n), the fall from the peak of the supplied history.

Scoring (each score in [0, 1]; ramp(x, a, b) rises linearly from 0 at a to 1 at b):
    high  = ramp(volatility, 0.15, 0.30)       calm  = 1 - ramp(volatility, 0.10, 0.20)
    up    = ramp(trend, 0, 0.03)               down  = ramp(-trend, 0, 0.03)
    flat  = 1 - ramp(|trend|, 0.005, 0.025)    deep  = ramp(drawdown, 0.05, 0.20)
    strong = ramp(rsi, 50, 70)                 weak  = ramp(50 - rsi, 0, 20)
    bull     = 0.50 up + 0.20 (1 - deep) + 0.15 (1 - high) + 0.15 strong
    bear     = 0.40 down + 0.35 deep + 0.25 weak
    volatile = 0.60 high + 0.40 (1 - max(up, down))   (high volatility without a clear trend)
    stable   = 0.45 calm + 0.35 flat + 0.20 (1 - deep)
The label is the regime with the highest score (ties: bull, bear, volatile, stable order).
At least `MIN_HISTORY` = 200 closes are needed (the 200-day average).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.analytics.montecarlo.regime_model import Regime
from domain.errors import DomainError
from domain.market_data.indicators import rsi

FloatArray = npt.NDArray[np.float64]

TRADING_DAYS = 252
MIN_HISTORY = 200
RSI_PERIOD = 14


class InvalidPriceHistory(DomainError):
    """The close history is not a 1-d series of positive finite numbers."""

    code = "INVALID_PRICE_HISTORY"


class InsufficientPriceHistory(InvalidPriceHistory):
    """Fewer closes than the indicators need."""

    code = "INSUFFICIENT_PRICE_HISTORY"


@dataclass(frozen=True, slots=True)
class RegimeReading:
    """The detected regime, its indicator values and the score of every regime (module doc)."""

    label: Regime
    scores: dict[Regime, float]
    volatility: float
    volatility_60d: float
    trend: float
    sma_50: float
    sma_200: float
    rsi: float
    drawdown: float
    last_close: float
    observations: int


def _closes(prices: Sequence[float] | FloatArray, minimum: int) -> FloatArray:
    try:
        closes = np.asarray(prices, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidPriceHistory("prices must be numbers", field="prices") from None
    if closes.ndim != 1:
        raise InvalidPriceHistory("prices must be a 1-d series of daily closes", field="prices")
    if not np.all(np.isfinite(closes)) or np.any(closes <= 0.0):
        raise InvalidPriceHistory("prices must be positive finite numbers", field="prices")
    if closes.shape[0] < minimum:
        raise InsufficientPriceHistory(
            f"need at least {minimum} daily closes, got {closes.shape[0]}", field="prices"
        )
    return closes


def realised_volatility(prices: Sequence[float] | FloatArray, window: int) -> float:
    """Annualised sample standard deviation of the last `window` daily log returns."""
    closes = _closes(prices, window + 1)
    returns = np.diff(np.log(closes[-(window + 1) :]))
    return float(np.std(returns, ddof=1) * math.sqrt(TRADING_DAYS))


def simple_moving_average(prices: Sequence[float] | FloatArray, window: int) -> float:
    """Mean of the last `window` closes."""
    return float(np.mean(_closes(prices, window)[-window:]))


def wilder_rsi_series(prices: Sequence[float] | FloatArray, period: int = RSI_PERIOD) -> FloatArray:
    """Wilder's RSI after each close from index `period` on (length n + 1 - period).

    The market-data indicators' RSI (numba; seeded with the first `period` changes' mean; 50
    while nothing moved), from its first defined value.
    """
    closes = _closes(prices, period + 1)
    series: FloatArray = rsi(closes, period)[period:]
    return series


def drawdown_from_peak(prices: Sequence[float] | FloatArray) -> float:
    """1 - last close / highest close of the history (0 at a new high)."""
    closes = _closes(prices, 1)
    return float(1.0 - closes[-1] / np.max(closes))


def _ramp(x: float, lo: float, hi: float) -> float:
    return min(1.0, max(0.0, (x - lo) / (hi - lo)))


def regime_scores(
    volatility: float, trend: float, rsi: float, drawdown: float
) -> dict[Regime, float]:
    """The scores of the module doc from the indicator values."""
    high = _ramp(volatility, 0.15, 0.30)
    calm = 1.0 - _ramp(volatility, 0.10, 0.20)
    up = _ramp(trend, 0.0, 0.03)
    down = _ramp(-trend, 0.0, 0.03)
    flat = 1.0 - _ramp(abs(trend), 0.005, 0.025)
    deep = _ramp(drawdown, 0.05, 0.20)
    strong = _ramp(rsi, 50.0, 70.0)
    weak = _ramp(50.0 - rsi, 0.0, 20.0)
    return {
        Regime.BULL: 0.50 * up + 0.20 * (1.0 - deep) + 0.15 * (1.0 - high) + 0.15 * strong,
        Regime.BEAR: 0.40 * down + 0.35 * deep + 0.25 * weak,
        Regime.VOLATILE: 0.60 * high + 0.40 * (1.0 - max(up, down)),
        Regime.STABLE: 0.45 * calm + 0.35 * flat + 0.20 * (1.0 - deep),
    }


def detect_regime(prices: Sequence[float] | FloatArray) -> RegimeReading:
    """Label the market of a daily close history (oldest first; rules in the module doc)."""
    closes = _closes(prices, MIN_HISTORY)
    volatility = realised_volatility(closes, 20)
    sma_50 = simple_moving_average(closes, 50)
    sma_200 = simple_moving_average(closes, 200)
    trend = sma_50 / sma_200 - 1.0
    rsi = float(wilder_rsi_series(closes)[-1])
    drawdown = drawdown_from_peak(closes)
    scores = regime_scores(volatility, trend, rsi, drawdown)
    label = max(scores, key=lambda regime: scores[regime])
    return RegimeReading(
        label=label,
        scores=scores,
        volatility=volatility,
        volatility_60d=realised_volatility(closes, 60),
        trend=trend,
        sma_50=sma_50,
        sma_200=sma_200,
        rsi=rsi,
        drawdown=drawdown,
        last_close=float(closes[-1]),
        observations=int(closes.shape[0]),
    )
