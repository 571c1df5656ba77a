"""The scenario simulation's fitted model and its measured variance reduction.

Calibration (domain/analytics/montecarlo/calibration.py has the fit and its conventions): the
portfolio's assets' split- and dividend-adjusted daily closes from the bar history store
(ports/market_data/bar_store.py), the last LOOKBACK calendar days up to now, on the days every
asset has one. Variance reduction: domain/analytics/montecarlo/variance_reduction.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

import numpy as np
import numpy.typing as npt

from application.core.stored_closes import daily_closes
from domain.analytics.montecarlo.calibration import (
    MIN_OBSERVATIONS,
    WINDOW,
    Calibration,
    NoCalibration,
    calibrate,
)
from domain.analytics.montecarlo.regime_model import Regime, RegimeModel
from domain.analytics.montecarlo.variance_reduction import (
    ControlVariateEstimate,
    TailEstimate,
    control_variate_mean,
    log_return_moments,
    mean_return_controls,
)
from domain.risk.held_correlation import common_closes
from ports.market_data.bar_store import BarStore

FloatArray = npt.NDArray[np.float64]
CalibrationStatus = Literal["fitted", "fallback", "not_requested"]
# Calendar days read back for WINDOW (504) daily returns: two years and a margin for holidays.
LOOKBACK = timedelta(days=760)
SOURCE = "bar history store: split- and dividend-adjusted daily closes"


@dataclass(frozen=True, slots=True)
class StoredCloses:
    """The common days and the closes (days x symbols, the symbols' order) read back."""

    symbols: tuple[str, ...]
    days: list[date]
    closes: FloatArray


@dataclass(frozen=True, slots=True)
class CalibrationOutcome:
    """What the run's model is: `fitted` (calibration set), `fallback` (the default model,
    `reason` says why) or `not_requested` (the caller chose the model, `reason` says how)."""

    status: CalibrationStatus
    reason: str | None = None
    calibration: Calibration | None = None
    source: str = SOURCE
    window: int = WINDOW
    min_observations: int = MIN_OBSERVATIONS


async def stored_closes(
    bars: Callable[[], BarStore], symbols: Sequence[str], now: datetime
) -> StoredCloses | NoCalibration:
    """The assets' adjusted daily closes of the last LOOKBACK up to `now`, on common days."""
    series = await daily_closes(bars(), symbols, now - LOOKBACK, now)
    missing = [s for s in symbols if s not in series or len(series[s]) == 0]
    if missing:
        return NoCalibration(f"no stored daily bars for {', '.join(missing)}")
    closes = {symbol: s.pairs() for symbol, s in series.items() if symbol in symbols}
    days, grid = common_closes(closes)  # columns in sorted symbol order
    order = sorted(symbols)
    columns = [order.index(s) for s in symbols]
    return StoredCloses(tuple(symbols), days, np.asarray(grid[:, columns], dtype=np.float64))


def fit(stored: StoredCloses | NoCalibration, weights: Sequence[float]) -> CalibrationOutcome:
    """The calibration of the stored closes, or the fallback with its reason (CPU work)."""
    if isinstance(stored, NoCalibration):
        return CalibrationOutcome("fallback", stored.reason)
    result = calibrate(stored.symbols, stored.days, stored.closes, weights)
    if isinstance(result, NoCalibration):
        return CalibrationOutcome("fallback", result.reason)
    return CalibrationOutcome("fitted", calibration=result)


@dataclass(frozen=True, slots=True)
class ImportanceSampling:
    """The importance-sampled run beside the plain one: the per-step shift of the normals,
    the confidence it aims at, and the tail figures per confidence."""

    shift: tuple[float, ...]
    confidence: float
    paths: int
    tails: tuple[TailEstimate, ...]


@dataclass(frozen=True, slots=True)
class VarianceReduction:
    """Standard errors of the mean horizon return with and without each technique, on the
    same run: `plain_standard_error` as if the paths were independent (std / sqrt(paths)),
    `antithetic_standard_error` over pair means (None without pairs), `control_variate` on
    top of the pairs; `importance_sampling` for the tail (None: `importance_note` says why)."""

    plain_standard_error: float
    antithetic_standard_error: float | None
    control_variate: ControlVariateEstimate
    importance_sampling: ImportanceSampling | None
    importance_note: str | None

    @property
    def antithetic_variance_ratio(self) -> float | None:
        anti = self.antithetic_standard_error
        if anti is None:
            return None
        return (self.plain_standard_error / anti) ** 2 if anti > 0.0 else math.inf

    @property
    def combined_variance_ratio(self) -> float:
        error = self.control_variate.standard_error
        return (self.plain_standard_error / error) ** 2 if error > 0.0 else math.inf


def control_variates(
    model: RegimeModel,
    initial: Regime,
    weights: FloatArray,
    asset_returns: FloatArray,
    portfolio_returns: FloatArray,
    *,
    steps: int,
    dt: float,
    antithetic: bool,
) -> ControlVariateEstimate:
    mean, variance = log_return_moments(model, initial, steps, dt)
    controls, expected = mean_return_controls(asset_returns, weights, mean, variance)
    return control_variate_mean(portfolio_returns, controls, expected, antithetic=antithetic)


def plain_standard_error(values: FloatArray) -> float:
    return float(np.std(values, ddof=1) / math.sqrt(values.shape[0]))
