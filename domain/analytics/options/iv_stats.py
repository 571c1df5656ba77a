"""IV rank and IV percentile over a daily history, and the constant-maturity 30-day ATM IV.

IV rank and percentile (`iv_rank`): the history is one implied volatility per trading day,
oldest first, the last element being the current (today's) IV. Only the last `window`
observations count (default 252, about one year of trading days), the current one included.
Non-finite values are dropped before the window is taken.

- rank = (current - min) / (max - min), min and max over the window (current included), so
  rank is in [0, 1]: 0 at the year's low, 1 at its high.
- percentile = the share of the PRIOR days of the window (current excluded) whose IV is
  strictly below the current one, in [0, 1].

With fewer than 2 observations neither is defined (`reason` INSUFFICIENT_HISTORY, both None);
in a flat window (max == min) rank is undefined (`reason` FLAT_WINDOW, rank None) while the
percentile is 0.0 (no prior day is below).

Constant-maturity ATM IV (`constant_maturity_iv`): given each expiry's time to expiry in years
and its at-the-money IV, the IV at `target_years` (default 30 calendar days / 365) comes from
linear interpolation of the TOTAL variance w(T) = vol^2 T between the two expiries that bracket
the target, vol = sqrt(w(target) / target) (the VIX-style convention: variance is additive in
time). A target shorter than every expiry takes the shortest expiry's vol, one longer than
every expiry the longest's (flat extrapolation in vol). `atm_volatility` gives one expiry's ATM
IV: per strike the mean of the call and put IVs that are finite, then linear interpolation in
strike at the spot (the nearest strike's IV when spot is outside the listed strikes).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

TRADING_DAYS_WINDOW = 252
CONSTANT_MATURITY_DAYS = 30
DAYS_PER_YEAR = 365.0
TARGET_YEARS = CONSTANT_MATURITY_DAYS / DAYS_PER_YEAR


class IVRankReason(StrEnum):
    """Why a rank or percentile is missing (OK when both are there)."""

    OK = "OK"
    INSUFFICIENT_HISTORY = "INSUFFICIENT_HISTORY"
    FLAT_WINDOW = "FLAT_WINDOW"
    NO_CURRENT_IV = "NO_CURRENT_IV"  # no IV can be computed now (set by the caller)


@dataclass(frozen=True, slots=True)
class IVRank:
    """IV rank and percentile of the current IV within the window (see the module docstring).

    `observations` counts the finite observations in the window (the current one included);
    `window` is the window asked for. IVs are annualised vols as fractions (0.25 = 25%).
    """

    current: float | None
    rank: float | None
    percentile: float | None
    observations: int
    window: int
    minimum: float | None
    maximum: float | None
    reason: IVRankReason


def iv_rank(history: npt.ArrayLike, *, window: int = TRADING_DAYS_WINDOW) -> IVRank:
    """Rank and percentile of the last value of `history` (oldest first) over `window` days."""
    if window < 2:
        raise ValueError("window must be at least 2")
    values = np.asarray(history, dtype=np.float64).ravel()
    values = values[np.isfinite(values)][-window:]
    count = int(values.size)
    if count == 0:
        return IVRank(None, None, None, 0, window, None, None, IVRankReason.INSUFFICIENT_HISTORY)
    current = float(values[-1])
    low, high = float(values.min()), float(values.max())
    if count < 2:
        return IVRank(
            current, None, None, count, window, low, high, IVRankReason.INSUFFICIENT_HISTORY
        )
    prior = values[:-1]
    percentile = float(np.count_nonzero(prior < current)) / float(prior.size)
    if high == low:
        return IVRank(current, None, percentile, count, window, low, high, IVRankReason.FLAT_WINDOW)
    rank = min(1.0, max(0.0, (current - low) / (high - low)))
    return IVRank(current, rank, percentile, count, window, low, high, IVRankReason.OK)


def atm_volatility(strikes: npt.ArrayLike, vols: npt.ArrayLike, spot: float) -> float | None:
    """One expiry's at-the-money IV at `spot` (None when no finite IV is given).

    `strikes` and `vols` are per contract (calls and puts mixed): contracts of one strike are
    averaged over their finite IVs, then the IV is interpolated linearly in strike at spot.
    """
    k = np.asarray(strikes, dtype=np.float64).ravel()
    v = np.asarray(vols, dtype=np.float64).ravel()
    if k.shape != v.shape:
        raise ValueError("strikes and vols must have the same length")
    usable = np.isfinite(k) & np.isfinite(v) & (v > 0)
    if not usable.any():
        return None
    unique, inverse = np.unique(k[usable], return_inverse=True)
    sums = np.bincount(inverse, weights=v[usable], minlength=unique.size)
    counts = np.bincount(inverse, minlength=unique.size)
    per_strike = sums / counts
    return float(np.interp(spot, unique, per_strike))


def constant_maturity_iv(
    years: npt.ArrayLike, atm_vols: npt.ArrayLike, *, target_years: float = TARGET_YEARS
) -> float | None:
    """ATM IV at `target_years` from expiries' (years, ATM vol) by total-variance interpolation.

    Expiries with a non-finite or non-positive time or vol are left out; None when none is left.
    """
    if not (math.isfinite(target_years) and target_years > 0):
        raise ValueError("target_years must be positive")
    t = np.asarray(years, dtype=np.float64).ravel()
    v = np.asarray(atm_vols, dtype=np.float64).ravel()
    if t.shape != v.shape:
        raise ValueError("years and atm_vols must have the same length")
    usable = np.isfinite(t) & np.isfinite(v) & (t > 0) & (v > 0)
    if not usable.any():
        return None
    order = np.argsort(t[usable], kind="stable")
    t, v = t[usable][order], v[usable][order]
    if target_years <= t[0]:
        return float(v[0])
    if target_years >= t[-1]:
        return float(v[-1])
    upper = int(np.searchsorted(t, target_years, side="left"))
    if t[upper] == target_years:
        return float(v[upper])
    t1, t2 = float(t[upper - 1]), float(t[upper])
    w1, w2 = float(v[upper - 1]) ** 2 * t1, float(v[upper]) ** 2 * t2
    weight = (target_years - t1) / (t2 - t1)
    variance = w1 + weight * (w2 - w1)
    return math.sqrt(max(variance, 0.0) / target_years)


def chain_constant_maturity_iv(
    spot: float,
    years: npt.ArrayLike,
    strikes: npt.ArrayLike,
    vols: npt.ArrayLike,
    *,
    target_years: float = TARGET_YEARS,
) -> float | None:
    """The constant-maturity ATM IV of a chain given per contract (years, strike, IV)."""
    t = np.asarray(years, dtype=np.float64).ravel()
    k = np.asarray(strikes, dtype=np.float64).ravel()
    v = np.asarray(vols, dtype=np.float64).ravel()
    if not t.shape == k.shape == v.shape:
        raise ValueError("years, strikes and vols must have the same length")
    expiries = np.unique(t)
    atm = [atm_volatility(k[t == each], v[t == each], spot) for each in expiries]
    known = [(each, vol) for each, vol in zip(expiries, atm, strict=True) if vol is not None]
    if not known:
        return None
    return constant_maturity_iv(
        [each for each, _ in known], [vol for _, vol in known], target_years=target_years
    )
