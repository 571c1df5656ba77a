"""The pattern engine's scores for every bar of a series at once, causally.

`score_columns(series)[pattern][i]` is the score SignalEngine gives on `series[: i + 1]`
(NaN where the detector has no reading yet): every input at row i (EMAs, Wilder's ATR, the
windows of the VWAP and of the bands) depends on rows <= i only, and the kernels in
signal_kernels.py repeat the detectors' float operations. A backtest reads one column instead
of running the engine once per bar; tests/unit/backtests/test_signal_columns.py proves the
equality bar by bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

import numpy as np

from domain.market_data.bars import BarSeries, FloatArray
from domain.market_data.indicators import atr, ema
from domain.market_data.signals import SCORE_DECIMALS, Pattern, SignalConfig


def _kernels() -> ModuleType:
    # Imported on first use, like indicators_numba: numba takes a second to import.
    from domain.market_data import signal_kernels

    return signal_kernels


@dataclass(frozen=True, slots=True)
class ScoreColumns:
    """Per-bar scores of each pattern (NaN: no reading) and the ATR the readings carry."""

    scores: dict[Pattern, FloatArray]
    atr: FloatArray


def score_columns(series: BarSeries, config: SignalConfig | None = None) -> ScoreColumns:
    """Every detector's score at every bar, each as the engine would give it on that prefix."""
    cfg = config or SignalConfig()
    kernels = _kernels()
    close = np.ascontiguousarray(series.close, dtype=np.float64)
    high = np.ascontiguousarray(series.high, dtype=np.float64)
    low = np.ascontiguousarray(series.low, dtype=np.float64)
    volume = np.ascontiguousarray(series.volume, dtype=np.float64)
    ranges = atr(series, cfg.atr_window)
    n = len(close)
    scores: dict[Pattern, FloatArray] = {}
    k = cfg.ema_change_bars
    first_ema = max(cfg.ema_slow + k, cfg.atr_window + 1) - 1
    scores[Pattern.EMA_CROSSOVER] = _rounded(
        kernels.ema_crossover_raw(
            close,
            ema(close, cfg.ema_fast),
            ema(close, cfg.ema_slow),
            ranges,
            first_ema,
            k,
            cfg.ema_gap_weight,
            cfg.ema_change_weight,
        )
    )
    scores[Pattern.VWAP_DEVIATION] = _rounded(
        kernels.vwap_deviation_raw(high, low, close, volume, cfg.vwap_window, cfg.vwap_z_scale)
        if n >= cfg.vwap_window
        else np.full(n, np.nan)
    )
    window = cfg.breakout_window
    middle, std = _rolling(close, window)
    scores[Pattern.VOLATILITY_BREAKOUT] = _rounded(
        kernels.breakout_raw(
            close,
            middle,
            std,
            ranges,
            max(window, cfg.atr_window),
            cfg.breakout_band_k,
            cfg.breakout_atr_scale,
        )
    )
    return ScoreColumns(scores, ranges)


def _rolling(close: FloatArray, window: int) -> tuple[FloatArray, FloatArray]:
    from domain.market_data import indicators_numba

    middle, std = indicators_numba.rolling_mean_std(close, window)
    return middle, std


def _rounded(raw: FloatArray) -> FloatArray:
    """Clamp to [-1, 1] and round to SCORE_DECIMALS as signals._reading does (Python's round,
    correctly rounded, where numpy's scaled rounding could differ: next to a half)."""
    clamped = np.clip(raw, -1.0, 1.0)
    scale = 10.0**SCORE_DECIMALS
    out: FloatArray = np.round(clamped, SCORE_DECIMALS) + 0.0
    scaled = clamped * scale
    near_half = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    for i in np.flatnonzero(near_half):
        out[i] = round(float(clamped[i]), SCORE_DECIMALS) + 0.0
    return out
