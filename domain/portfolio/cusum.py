"""Two-sided tabular CUSUM on an active-return series: dated regime-shift events.

The tabular CUSUM of Page (1954) as Montgomery writes it (Introduction to Statistical
Quality Control, section 9.1). Observation x_t is one period's active return (a fraction,
R_p,t - R_b,t); mu0 is the target mean (default 0: no active return), sigma the series'
standard deviation (fraction per period), K = k sigma the slack and H = h sigma the decision
interval:

    C+_t = max(0, x_t - (mu0 + K) + C+_{t-1})     N+_t = N+_{t-1} + 1 if C+_t > 0 else 0
    C-_t = max(0, (mu0 - K) - x_t + C-_{t-1})     N-_t likewise

An alarm is raised at the first t with C+_t > H (direction "up") or C-_t > H ("down"; when
both cross at once, the one further past H). The
shift began N_t periods back (its start is the period at index t - N_t + 1, where the sum
last left 0) and the new mean is estimated (Montgomery eq. 9.4) as mu0 + K + C+_t / N+_t
(up) or mu0 - K - C-_t / N-_t (down); `magnitude` is that estimate less mu0 (signed,
fraction per period) and `magnitude_sigmas` the same in units of sigma. After an alarm both
sums and counters restart from 0, so a lasting shift can alarm again.

Defaults k = 0.5, h = 5 (Montgomery's recommendation: quick to flag a one-sigma shift, an
in-control average run length of about 465 periods). When sigma is not given it is estimated
from the average moving range, MR / d2 with d2 = 1.128 (the individuals-chart estimate, little
affected by a shift in the mean, unlike the plain standard deviation). A series with fewer
than two values or no variation has no scale: no events are reported and sigma is None.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

import numpy as np
import numpy.typing as npt

DEFAULT_TARGET = 0.0
DEFAULT_K = 0.5
DEFAULT_H = 5.0
D2 = 1.128  # E[|X1 - X2|] / sigma for two normal observations

__all__ = [
    "D2",
    "DEFAULT_H",
    "DEFAULT_K",
    "DEFAULT_TARGET",
    "CusumEvent",
    "CusumResult",
    "Direction",
    "SigmaSource",
    "cusum",
    "moving_range_sigma",
]


class Direction(Enum):
    """Which way the mean moved."""

    UP = "up"
    DOWN = "down"


class SigmaSource(Enum):
    """Where sigma came from."""

    GIVEN = "given"
    MOVING_RANGE = "moving_range"


@dataclass(frozen=True, slots=True)
class CusumEvent:
    """One alarm: the shift began at `start`, was flagged at `alarm` (module doc)."""

    start: date
    alarm: date
    start_index: int
    alarm_index: int
    direction: Direction
    magnitude: float  # estimated new mean - target, fraction per period (signed)
    magnitude_sigmas: float  # magnitude / sigma
    statistic: float  # C+ or C- at the alarm, in units of sigma (> h)


@dataclass(frozen=True, slots=True)
class CusumResult:
    """The parameters used and the events, oldest first."""

    target: float
    k: float
    h: float
    sigma: float | None
    sigma_source: SigmaSource
    events: tuple[CusumEvent, ...]


def moving_range_sigma(values: npt.ArrayLike) -> float | None:
    """mean(|x_t - x_{t-1}|) / 1.128, or None with fewer than 2 values or no variation."""
    array = np.asarray(values, dtype=np.float64)
    if array.size < 2:
        return None
    sigma = float(np.mean(np.abs(np.diff(array)))) / D2
    return sigma if sigma > 0.0 else None


def cusum(
    values: npt.ArrayLike,
    dates: Sequence[date],
    *,
    target: float = DEFAULT_TARGET,
    k: float = DEFAULT_K,
    h: float = DEFAULT_H,
    sigma: float | None = None,
) -> CusumResult:
    """The two-sided tabular CUSUM of `values` (dated by `dates`, one each; module doc)."""
    series = np.asarray(values, dtype=np.float64)
    if series.ndim != 1 or series.size != len(dates):
        raise ValueError("values must be a 1-d array with one date per value")
    if not (math.isfinite(k) and k >= 0.0 and math.isfinite(h) and h > 0.0):
        raise ValueError("k must be >= 0 and h > 0 (both finite, in units of sigma)")
    if sigma is not None and not (math.isfinite(sigma) and sigma > 0.0):
        raise ValueError("sigma must be positive and finite")
    source = SigmaSource.MOVING_RANGE if sigma is None else SigmaSource.GIVEN
    scale = moving_range_sigma(series) if sigma is None else sigma
    if scale is None:
        return CusumResult(target, k, h, None, source, ())
    slack, interval = k * scale, h * scale
    events: list[CusumEvent] = []
    upper = lower = 0.0
    n_upper = n_lower = 0
    for index, x in enumerate(series.tolist()):
        upper = max(0.0, x - (target + slack) + upper)
        lower = max(0.0, (target - slack) - x + lower)
        n_upper = n_upper + 1 if upper > 0.0 else 0
        n_lower = n_lower + 1 if lower > 0.0 else 0
        if upper <= interval and lower <= interval:
            continue
        if upper - interval >= lower - interval:
            direction, statistic, run = Direction.UP, upper, n_upper
            magnitude = slack + upper / run
        else:
            direction, statistic, run = Direction.DOWN, lower, n_lower
            magnitude = -(slack + lower / run)
        start = index - run + 1
        events.append(
            CusumEvent(
                start=dates[start],
                alarm=dates[index],
                start_index=start,
                alarm_index=index,
                direction=direction,
                magnitude=magnitude,
                magnitude_sigmas=magnitude / scale,
                statistic=statistic / scale,
            )
        )
        upper = lower = 0.0
        n_upper = n_lower = 0
    return CusumResult(target, k, h, scale, source, tuple(events))
