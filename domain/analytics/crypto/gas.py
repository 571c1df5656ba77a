"""Gas prices: spike detection by a rolling z-score, and the cheapest time of the week.

Spikes. For observation t, the mean m and the sample standard deviation s (ddof 1) of the
`window` observations before it (t excluded, so a spike does not dampen its own score);
z = (g_t - m) / s, a spike when z > `threshold`. A window whose s is at most FLAT_RELATIVE
times its mean is flat: z is None and t is a spike when g_t exceeds the mean by more than
that tolerance. The first `window` observations have no score. Each window's statistics are
computed in two passes over the window itself (chunked numpy, O(n x window)), not from
running sums, so a quiet window after a volatile stretch keeps its precision.

Cheapest window. Observations are bucketed by hour of the week, 0..167 (Monday 00:00-00:59
is 0, Sunday 23:00 is 167), in whatever time zone the caller turned timestamps into; each
bucket's median is its typical price (the median shrugs off the spikes). The cheapest block
is the `hours` consecutive buckets (wrapping from Sunday to Monday) with the lowest mean of
medians, every bucket in it holding at least `min_samples` observations; ties go to the
earliest start. Savings compare the block's mean median with the median of all observations.

Units: gwei (1e-9 ETH per gas unit), float64; fractions for savings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from domain.analytics.crypto.errors import InvalidCryptoInput

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
HOURS_PER_WEEK = 168
FLAT_RELATIVE = 1e-9
_CHUNK_CELLS = 1 << 20  # rows x window per chunk: ~8 MB of float64 at a time
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class RollingScores:
    """Per observation: the trailing window's mean and std (NaN for the first `window`), the
    z-score (NaN where there is none: the first `window`, or a flat window), the spike flags."""

    mean: FloatArray
    std: FloatArray
    z: FloatArray
    flat: npt.NDArray[np.bool_]
    spike: npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class HourBucket:
    hour_of_week: int
    median: float | None  # None: no observation in this hour
    count: int

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.hour_of_week // 24]

    @property
    def hour(self) -> int:
        return self.hour_of_week % 24


@dataclass(frozen=True, slots=True)
class CheapestWindow:
    """The cheapest block of `hours` hours (None when no block has enough observations)."""

    hours: int
    start_hour_of_week: int | None
    mean_median: float | None  # gwei
    overall_median: float  # gwei, all observations
    savings: float | None  # 1 - mean_median / overall_median
    buckets: tuple[HourBucket, ...]  # all 168, by hour of the week

    @property
    def start_weekday(self) -> str | None:
        start = self.start_hour_of_week
        return None if start is None else WEEKDAYS[start // 24]


def rolling_scores(gwei: FloatArray, window: int, threshold: float) -> RollingScores:
    """Rolling z-scores and spikes of `gwei` (module doc); InvalidCryptoInput names `window`,
    `threshold` or `gwei`."""
    values = np.ascontiguousarray(gwei, dtype=np.float64)
    n = values.size
    if window < 2:
        raise InvalidCryptoInput("window must be at least 2 observations", field="window")
    if n <= window:
        raise InvalidCryptoInput(
            f"needs more than window ({window}) observations, got {n}", field="window"
        )
    if not (np.isfinite(threshold) and threshold > 0):
        raise InvalidCryptoInput("threshold must be greater than 0", field="threshold")
    _check_prices(values)
    mean = np.full(n, np.nan)
    std = np.full(n, np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(values[:-1], window)  # row j: j..j+w-1
    rows = max(1, _CHUNK_CELLS // window)
    for start in range(0, windows.shape[0], rows):
        block = windows[start : start + rows]
        block_mean = block.mean(axis=1)
        deviations = block - block_mean[:, None]
        block_var = np.einsum("ij,ij->i", deviations, deviations) / (window - 1)
        mean[window + start : window + start + block.shape[0]] = block_mean
        std[window + start : window + start + block.shape[0]] = np.sqrt(block_var)
    scored = ~np.isnan(mean)
    flat = scored & (std <= FLAT_RELATIVE * np.abs(mean))
    z = np.full(n, np.nan)
    live = scored & ~flat
    z[live] = (values[live] - mean[live]) / std[live]
    spike = np.zeros(n, dtype=np.bool_)
    spike[live] = z[live] > threshold
    spike[flat] = values[flat] > mean[flat] * (1 + FLAT_RELATIVE)
    return RollingScores(mean, std, z, flat, spike)


def cheapest_window(
    hour_of_week: IntArray, gwei: FloatArray, *, hours: int = 1, min_samples: int = 1
) -> CheapestWindow:
    """The cheapest block of `hours` consecutive hours of the week (module doc)."""
    values = np.asarray(gwei, dtype=np.float64)
    slots = np.asarray(hour_of_week, dtype=np.int64)
    if values.size == 0 or values.size != slots.size:
        raise InvalidCryptoInput("needs observations, one hour per price", field="gwei")
    if not 1 <= hours <= HOURS_PER_WEEK:
        raise InvalidCryptoInput(f"hours must be 1 to {HOURS_PER_WEEK}", field="hours")
    if min_samples < 1:
        raise InvalidCryptoInput("min_samples must be at least 1", field="min_samples")
    if slots.min() < 0 or slots.max() >= HOURS_PER_WEEK:
        raise InvalidCryptoInput("hour of the week must be 0 to 167", field="hour_of_week")
    _check_prices(values)
    order = np.lexsort((values, slots))
    ordered = values[order]
    counts = np.bincount(slots, minlength=HOURS_PER_WEEK)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    medians = np.full(HOURS_PER_WEEK, np.nan)
    has = counts > 0
    low = starts[has] + (counts[has] - 1) // 2
    high = starts[has] + counts[has] // 2
    medians[has] = (ordered[low] + ordered[high]) / 2
    usable = counts >= min_samples
    ring = np.concatenate((medians, medians[: hours - 1]))
    ring_ok = np.concatenate((usable, usable[: hours - 1]))
    sums = np.convolve(np.where(ring_ok, ring, 0.0), np.ones(hours), mode="valid")
    complete = np.convolve(ring_ok.astype(np.int64), np.ones(hours, dtype=np.int64), "valid")
    candidates = np.where(complete == hours, sums / hours, np.inf)[:HOURS_PER_WEEK]
    overall = float(np.median(values))
    buckets = tuple(
        HourBucket(h, None if not has[h] else float(medians[h]), int(counts[h]))
        for h in range(HOURS_PER_WEEK)
    )
    if not np.isfinite(candidates).any():
        return CheapestWindow(hours, None, None, overall, None, buckets)
    best = int(np.argmin(candidates))  # the first minimum: the earliest start
    mean_median = float(candidates[best])
    savings = None if overall == 0 else 1.0 - mean_median / overall
    return CheapestWindow(hours, best, mean_median, overall, savings, buckets)


def _check_prices(values: FloatArray) -> None:
    bad = np.flatnonzero(~np.isfinite(values) | (values < 0))
    if bad.size:
        raise InvalidCryptoInput(
            "gas prices must be finite and 0 or more (gwei)", field=f"gwei[{int(bad[0])}]"
        )
