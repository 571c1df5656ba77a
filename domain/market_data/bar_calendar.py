"""The bar starts a trading calendar expects, and the gaps in stored bars, as time ranges.

The stores' calendar is a simplification of the US equity market's: every weekday is a
trading day, a daily bar starts at 00:00 UTC of its day (as `Timeframe.D1.floor` places it),
and intraday bars are the timeframe's epoch-aligned bars that overlap the regular session,
09:30-16:00 America/New_York, on a weekday (a 1h bar at 09:00 holds the first half hour).
A venue's sessions (domain/calendars/) then narrow those gaps to the bars the venue really
trades (`session_starts`, `within_sessions`): holidays and the hours after an early close
are no gaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from domain.calendars.sessions import MarketSession
from domain.market_data.bars import Timeframe

Epochs = npt.NDArray[np.int64]

SESSION_ZONE = ZoneInfo("America/New_York")
SESSION_OPEN = time(9, 30)
SESSION_CLOSE = time(16, 0)
_SATURDAY = 5


@dataclass(frozen=True, slots=True)
class TimeRange:
    """The half-open span [start, end) of aware UTC times."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"time range ends ({self.end}) at or before it starts ({self.start})")


def epoch(at: datetime) -> int:
    """Whole seconds since the epoch of an aware time."""
    if at.tzinfo is None:
        raise ValueError("bar times must be timezone-aware")
    return int(at.timestamp())


def utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def _weekdays(first: date, last: date) -> list[date]:
    days: list[date] = []
    day = first
    while day <= last:
        if day.weekday() < _SATURDAY:
            days.append(day)
        day += timedelta(days=1)
    return days


def _session_starts(day: date, step: int) -> Epochs:
    opens = epoch(datetime.combine(day, SESSION_OPEN, SESSION_ZONE))
    closes = epoch(datetime.combine(day, SESSION_CLOSE, SESSION_ZONE))
    first = opens - opens % step
    return np.arange(first, closes, step, dtype=np.int64)


def expected_starts(timeframe: Timeframe, start: datetime, end: datetime) -> Epochs:
    """Epoch seconds of the bars the calendar expects to start in [start, end), ascending."""
    low, high = epoch(start), epoch(end)
    if high <= low:
        return np.empty(0, dtype=np.int64)
    first_day = start.astimezone(UTC).date() - timedelta(days=1)
    last_day = end.astimezone(UTC).date() + timedelta(days=1)
    days = _weekdays(first_day, last_day)
    if timeframe is Timeframe.D1:
        starts = np.array([epoch(datetime.combine(d, time(0), UTC)) for d in days], dtype=np.int64)
    else:
        parts = [_session_starts(d, timeframe.seconds) for d in days]
        starts = np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)
    return starts[(starts >= low) & (starts < high)]


def missing_ranges(timeframe: Timeframe, expected: Epochs, stored: Epochs) -> list[TimeRange]:
    """Runs of consecutive expected bars that are not stored, each as [first, last + bar)."""
    absent = np.flatnonzero(~np.isin(expected, stored))
    if absent.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(absent) != 1)
    firsts = np.concatenate(([absent[0]], absent[breaks + 1]))
    lasts = np.concatenate((absent[breaks], [absent[-1]]))
    step = timeframe.seconds
    return [
        TimeRange(utc(int(expected[a])), utc(int(expected[b]) + step))
        for a, b in zip(firsts.tolist(), lasts.tolist(), strict=True)
    ]


def gaps(
    timeframe: Timeframe, start: datetime, end: datetime, stored: Sequence[int] | Epochs
) -> list[TimeRange]:
    """The expected bars in [start, end) that are not among `stored` (epoch seconds), as ranges."""
    stored_starts = np.asarray(stored, dtype=np.int64)
    return missing_ranges(timeframe, expected_starts(timeframe, start, end), stored_starts)


def session_starts(
    timeframe: Timeframe, start: datetime, end: datetime, sessions: Sequence[MarketSession]
) -> Epochs:
    """Epoch seconds of the bars a venue's `sessions` expect to start in [start, end), ascending:
    a daily bar at 00:00 UTC of each session's day, intraday bars overlapping each session."""
    low, high = epoch(start), epoch(end)
    if timeframe is Timeframe.D1:
        days = [epoch(datetime.combine(s.day, time(0), UTC)) for s in sessions]
        starts = np.array(days, dtype=np.int64)
    else:
        step = timeframe.seconds
        parts = []
        for session in sessions:
            opens, closes = epoch(session.open), epoch(session.close)
            parts.append(np.arange(opens - opens % step, closes, step, dtype=np.int64))
        starts = np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int64)
    return starts[(starts >= low) & (starts < high)]


def within_sessions(
    timeframe: Timeframe, missing: Sequence[TimeRange], expected: Epochs
) -> list[TimeRange]:
    """The runs of `expected` bars (ascending) that lie in one of the `missing` ranges.

    `missing` are the weekday calendar's gaps and `expected` what a venue's sessions expect
    (a subset of the weekday calendar's bars): a bar of the sessions is missing exactly when
    it lies in a weekday gap, and a holiday inside a gap no longer splits or lengthens it.
    """
    absent = np.zeros(expected.size, dtype=bool)
    for gap in missing:
        first, last = np.searchsorted(expected, [epoch(gap.start), epoch(gap.end)])
        absent[first:last] = True
    return missing_ranges(timeframe, expected, expected[~absent])
