"""Numba kernels of the indicators whose values depend on the previous ones (recursions).

Imported on first use by domain.market_data.indicators, so importing that module stays cheap;
each kernel compiles on its first call (cache=True keeps the machine code in __pycache__).
`kernel.py_func` is the same loop in plain Python: the reference the tests and the benchmark
compare against.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from domain.market_data.bars import FloatArray


@njit(cache=True)
def recursive_mean(x: FloatArray, period: int, alpha: float) -> FloatArray:
    """prev + alpha * (x - prev), seeded with the mean of the first `period` finite values.

    The seed waits for `period` consecutive finite values (an input's own warm-up NaNs are
    skipped); a NaN after the seed gives NaN for that row and leaves the state as it was.
    EMA: alpha = 2 / (period + 1); Wilder's smoothing (RSI, ATR): alpha = 1 / period.
    """
    n = len(x)
    out = np.full(n, np.nan)
    total = 0.0
    count = 0
    i = 0
    while i < n and count < period:
        value = x[i]
        if np.isnan(value):
            total = 0.0
            count = 0
        else:
            total += value
            count += 1
        i += 1
    if count < period:
        return out
    state = total / period
    out[i - 1] = state
    while i < n:
        value = x[i]
        if not np.isnan(value):
            state += alpha * (value - state)
            out[i] = state
        i += 1
    return out


@njit(cache=True)
def rolling_mean_std(x: FloatArray, period: int) -> tuple[FloatArray, FloatArray]:
    """Mean and population standard deviation of each window of `period` rows ending here.

    Two passes per window (mean, then squared deviations): exact to rounding whatever the
    price level, where running sums of squares cancel catastrophically.
    """
    n = len(x)
    mean = np.full(n, np.nan)
    std = np.full(n, np.nan)
    for end in range(period - 1, n):
        total = 0.0
        for j in range(end - period + 1, end + 1):
            total += x[j]
        centre = total / period
        squares = 0.0
        for j in range(end - period + 1, end + 1):
            squares += (x[j] - centre) ** 2
        mean[end] = centre
        std[end] = np.sqrt(squares / period)
    return mean, std


@njit(cache=True)
def session_vwap(
    start: FloatArray,
    typical: FloatArray,
    volume: FloatArray,
    session_s: float,
) -> FloatArray:
    """Running sum of typical * volume over running volume, restarted at each session.

    A session is the `session_s`-second span of the epoch a row starts in (0: one session).
    Running sums that restart, rather than differences of whole-series sums, keep a quiet
    session exact after a heavy one.
    """
    n = len(typical)
    out = np.full(n, np.nan)
    weighted = 0.0
    traded = 0.0
    session = np.nan
    for i in range(n):
        current = np.floor(start[i] / session_s) if session_s > 0 else 0.0
        if current != session:
            weighted = 0.0
            traded = 0.0
            session = current
        weighted += typical[i] * volume[i]
        traded += volume[i]
        if traded > 0:
            out[i] = weighted / traded
    return out
