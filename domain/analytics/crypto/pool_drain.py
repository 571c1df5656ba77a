"""Pool-drain alerts: a pool's total value locked (TVL) falling fast from its recent peak.

Rule. At each observation t, the reference is the highest TVL observed in the trailing
window [t - window, t] (t included); the drop is 1 - TVL(t) / reference (0 when the reference
is 0). An observation breaches when its drop is at least `threshold` (a fraction: 0.3 = a
30% fall within the window). Consecutive breaching observations form one alert, reported
with the first and last breaching times, its deepest point (trough) and the peak that point
was measured from. `alerting` says whether the last observation breaches (the pool is
draining now). The window maximum is kept with a monotone deque: O(n) for n observations.

Units: TVL in any one unit (USD, or the pool's quote token), Decimal; drops are fractions.
Timestamps must be timezone-aware and strictly increasing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from domain.analytics.crypto.errors import InvalidCryptoInput
from domain.numbers import ONE, ZERO


@dataclass(frozen=True, slots=True)
class TvlPoint:
    at: datetime
    tvl: Decimal


@dataclass(frozen=True, slots=True)
class DrainAlert:
    """A run of breaching observations: the deepest drop and where it was measured from."""

    start: datetime  # first breaching observation
    end: datetime  # last breaching observation
    peak_at: datetime
    peak_tvl: Decimal
    trough_at: datetime
    trough_tvl: Decimal
    max_drop: Decimal  # fraction: 1 - trough / peak
    observations: int  # breaching observations in the run


@dataclass(frozen=True, slots=True)
class DrainReport:
    window: timedelta
    threshold: Decimal
    alerts: tuple[DrainAlert, ...]
    latest_drop: Decimal  # the last observation's drop from its window's peak
    max_drop: Decimal  # the deepest drop over the whole series
    alerting: bool  # the last observation breaches


def pool_drain(points: Sequence[TvlPoint], window: timedelta, threshold: Decimal) -> DrainReport:
    """The alerts of `points` under the rule of the module doc. InvalidCryptoInput names
    `at`, `at[i]`, `tvl[i]`, `window` or `threshold`."""
    _check(points, window, threshold)
    peaks: deque[int] = deque()  # indices in the window, TVL decreasing
    alerts: list[DrainAlert] = []
    run: list[tuple[int, int, Decimal]] = []  # (index, peak index, drop) of the current run
    deepest = ZERO
    drop = ZERO
    for i, point in enumerate(points):
        while peaks and points[peaks[-1]].tvl <= point.tvl:
            peaks.pop()
        peaks.append(i)
        while points[peaks[0]].at < point.at - window:
            peaks.popleft()
        peak = points[peaks[0]]
        drop = ZERO if peak.tvl == ZERO else ONE - point.tvl / peak.tvl
        deepest = max(deepest, drop)
        if drop >= threshold:
            run.append((i, peaks[0], drop))
        elif run:
            alerts.append(_alert(points, run))
            run = []
    alerting = bool(run)
    if run:
        alerts.append(_alert(points, run))
    return DrainReport(window, threshold, tuple(alerts), drop, deepest, alerting)


def _alert(points: Sequence[TvlPoint], run: list[tuple[int, int, Decimal]]) -> DrainAlert:
    index, peak_index, drop = max(run, key=lambda r: (r[2], -r[0]))
    return DrainAlert(
        start=points[run[0][0]].at,
        end=points[run[-1][0]].at,
        peak_at=points[peak_index].at,
        peak_tvl=points[peak_index].tvl,
        trough_at=points[index].at,
        trough_tvl=points[index].tvl,
        max_drop=drop,
        observations=len(run),
    )


def _check(points: Sequence[TvlPoint], window: timedelta, threshold: Decimal) -> None:
    if len(points) < 2:
        raise InvalidCryptoInput("needs at least 2 observations", field="at")
    if window <= timedelta(0):
        raise InvalidCryptoInput("window must be longer than 0", field="window")
    if not (threshold.is_finite() and ZERO < threshold <= ONE):
        raise InvalidCryptoInput("threshold must be a fraction in (0, 1]", field="threshold")
    previous: datetime | None = None
    for i, point in enumerate(points):
        if point.at.tzinfo is None:
            raise InvalidCryptoInput(
                "timestamps must carry a time zone (e.g. 2025-01-01T00:00:00Z)",
                field=f"at[{i}]",
            )
        if previous is not None and point.at <= previous:
            raise InvalidCryptoInput("timestamps must be strictly increasing", field=f"at[{i}]")
        if not point.tvl.is_finite() or point.tvl < ZERO:
            raise InvalidCryptoInput("tvl must be 0 or more", field=f"tvl[{i}]")
        previous = point.at
