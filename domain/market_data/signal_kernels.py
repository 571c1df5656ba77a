"""Numba loops behind domain/market_data/signal_columns.py: each detector's raw score per bar.

Each loop repeats, for every end row, the float operations the detector in signals.py does on
the series cut at that row, in the same order (numpy's pairwise sum included), so a score
read here equals the one the engine gives on bars[: i + 1]. NaN means "no reading".
Imported on first use; compiled on the first call (cache=True keeps it in __pycache__).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from domain.market_data.bars import FloatArray
from domain.market_data.signals import band_excess, usable


@njit(cache=True)
def pairwise_sum(a: FloatArray) -> float:
    """numpy's sum of a contiguous block of at most 128 values (8 accumulators, then the rest)."""
    n = len(a)
    if n < 8:
        total = 0.0
        for i in range(n):
            total += a[i]
        return float(total)
    r = np.empty(8)
    for j in range(8):
        r[j] = a[j]
    i = 8
    while i < n - (n % 8):
        for j in range(8):
            r[j] += a[i + j]
        i += 8
    total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n:
        total += a[i]
        i += 1
    return float(total)


# The engine's own scalar steps, compiled: one definition for both paths.
_usable = njit(cache=True)(usable)
_band_excess = njit(cache=True)(band_excess)


@njit(cache=True)
def _finite_or_zero(raw: float) -> float:
    """A raw score, or 0.0 where it is not finite (the engine's flat reading)."""
    return raw if math.isfinite(raw) else 0.0


@njit(cache=True)
def ema_crossover_raw(
    close: FloatArray,
    fast: FloatArray,
    slow: FloatArray,
    atr: FloatArray,
    first: int,
    k: int,
    gap_weight: float,
    change_weight: float,
) -> FloatArray:
    """tanh(gap_weight x gap/ATR + change_weight x change/ATR) from row `first` on."""
    n = len(close)
    out = np.full(n, np.nan)
    for i in range(first, n):
        gap = fast[i] - slow[i]
        scale = atr[i]
        if not _usable(scale, close[i]):
            out[i] = 0.0
            continue
        gap_atr = gap / scale
        change_atr = (gap - (fast[i - k] - slow[i - k])) / scale
        out[i] = _finite_or_zero(math.tanh(gap_weight * gap_atr + change_weight * change_atr))
    return out


@njit(cache=True)
def vwap_deviation_raw(
    high: FloatArray,
    low: FloatArray,
    close: FloatArray,
    volume: FloatArray,
    window: int,
    z_scale: float,
) -> FloatArray:
    """-tanh(z / z_scale) of the close against each window's VWAP, from row window - 1 on."""
    n = len(close)
    out = np.full(n, np.nan)
    typical = np.empty(window)
    weights = np.empty(window)
    products = np.empty(window)
    for end in range(window - 1, n):
        base = end - window + 1
        weighted = 0.0
        traded = 0.0
        for j in range(window):
            typical[j] = (high[base + j] + low[base + j] + close[base + j]) / 3.0
            weighted += typical[j] * volume[base + j]
            traded += volume[base + j]
            weights[j] = volume[base + j]
        level = weighted / traded if traded > 0 else np.nan
        if not math.isfinite(level):
            level = pairwise_sum(typical) / window
            for j in range(window):
                weights[j] = 1.0
        for j in range(window):
            products[j] = (typical[j] - level) ** 2 * weights[j]
        spread = math.sqrt(pairwise_sum(products) / pairwise_sum(weights))
        price = close[end]
        if not _usable(spread, price):
            out[end] = 0.0
            continue
        z = (price - level) / spread
        out[end] = _finite_or_zero(-math.tanh(z / z_scale))
    return out


@njit(cache=True)
def breakout_raw(
    close: FloatArray,
    middle: FloatArray,
    std: FloatArray,
    atr: FloatArray,
    first: int,
    band_k: float,
    atr_scale: float,
) -> FloatArray:
    """tanh(excess / atr_scale), excess = ATRs beyond the previous row's band, from `first` on."""
    n = len(close)
    out = np.full(n, np.nan)
    for i in range(first, n):
        upper = middle[i - 1] + band_k * std[i - 1]
        lower = middle[i - 1] - band_k * std[i - 1]
        price = close[i]
        scale = atr[i]
        if not _usable(scale, price):
            out[i] = 0.0
            continue
        out[i] = _finite_or_zero(math.tanh(_band_excess(price, upper, lower, scale) / atr_scale))
    return out
