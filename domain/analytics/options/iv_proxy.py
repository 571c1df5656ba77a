"""Realised volatility as a stand-in for implied volatility, for IV rank before the daily IV
history has been recorded.

`realised_vol_series(closes)`: for each day with `days` (default 30) daily log returns
before it, the sample standard deviation (ddof 1) of those returns, annualised by
sqrt(`annualisation`) (252 trading days), as a fraction (0.25 = 25 %). Element i belongs to
the day of close i + days; the first `days` closes have none. Closes that are not positive
and finite are dropped first. Realised volatility is not implied volatility: implied
volatility usually sits above it (the variance risk premium), so a rank of a realised-vol
history says where today's realised vol stands, not today's implied vol.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

PROXY_DAYS = 30
ANNUALISATION = 252


def realised_vol_series(
    closes: npt.ArrayLike, *, days: int = PROXY_DAYS, annualisation: int = ANNUALISATION
) -> FloatArray:
    """The rolling annualised realised volatility of `closes` (oldest first; module doc)."""
    if days < 2 or annualisation < 1:
        raise ValueError("days must be at least 2 and annualisation at least 1")
    values = np.asarray(closes, dtype=np.float64).ravel()
    values = values[np.isfinite(values) & (values > 0)]
    returns = np.diff(np.log(values))
    if returns.size < days:
        return np.empty(0, dtype=np.float64)
    windows = np.lib.stride_tricks.sliding_window_view(returns, days)
    return np.asarray(windows.std(axis=1, ddof=1) * math.sqrt(annualisation), dtype=np.float64)
