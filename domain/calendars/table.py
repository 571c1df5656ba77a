"""A venue's sessions as sorted epoch arrays: the status at an instant by one bisection."""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.calendars.sessions import (
    MarketSession,
    MarketStatus,
    OutsideCalendar,
    StatusSpan,
    VenueSessions,
)

_OPEN = MarketStatus.OPEN
_CLOSED = MarketStatus.CLOSED
_HOLIDAY = MarketStatus.HOLIDAY
_EARLY_CLOSE = MarketStatus.EARLY_CLOSE


class SessionTable:
    """A venue's sessions, precomputed once, answering "open at t, and if not why".

    Between two sessions the status is constant over each local day of the venue: the rest
    of an early-closed session's day is EARLY_CLOSE, a weekday of the venue with no session
    is HOLIDAY, and anything else (the evening, the night, the weekend) is CLOSED. An
    instant before the first session opens or after the last closes raises OutsideCalendar
    (the gate denies: fail closed).
    """

    __slots__ = ("_closes", "_days", "_early", "_opens", "_weekdays", "_zone", "venue")

    def __init__(self, calendar: VenueSessions) -> None:
        sessions = calendar.sessions
        if not sessions:
            raise OutsideCalendar(f"{calendar.venue} has no session from {calendar.first}")
        self.venue = calendar.venue
        self._zone = ZoneInfo(calendar.zone)
        self._weekdays = calendar.weekdays
        self._opens = [s.open.timestamp() for s in sessions]
        self._closes = [s.close.timestamp() for s in sessions]
        self._days = [s.day for s in sessions]
        self._early = [s.early_close for s in sessions]

    @property
    def start(self) -> float:
        return self._opens[0]

    @property
    def end(self) -> float:
        return self._closes[-1]

    def covers(self, ts: float) -> bool:
        return self._opens[0] <= ts < self._closes[-1]

    def span(self, ts: float) -> StatusSpan:
        """The venue's status at `ts` (epoch seconds) and the span over which it holds."""
        i = bisect_right(self._opens, ts) - 1
        if i < 0 or ts >= self._closes[-1]:
            raise OutsideCalendar(
                f"{_utc(ts):%Y-%m-%d %H:%M} UTC is outside the {self.venue} calendar "
                f"({_utc(self._opens[0]):%Y-%m-%d} to {_utc(self._closes[-1]):%Y-%m-%d})"
            )
        close = self._closes[i]
        if ts < close:
            return StatusSpan(self._opens[i], close, _OPEN)
        zone = self._zone
        day = datetime.fromtimestamp(ts, zone).date()
        midnight = datetime.combine(day, time(0), zone).timestamp()
        next_midnight = datetime.combine(day + timedelta(days=1), time(0), zone).timestamp()
        start, end = max(close, midnight), min(self._opens[i + 1], next_midnight)
        return StatusSpan(start, end, self._between(i, day))

    def _between(self, i: int, day: date) -> MarketStatus:
        if day == self._days[i] and self._early[i]:
            return _EARLY_CLOSE
        if self._days[i] < day < self._days[i + 1] and day.weekday() in self._weekdays:
            return _HOLIDAY
        return _CLOSED


def around_the_clock(venue: str, first: date, last: date) -> VenueSessions:
    """A venue that never closes (crypto): one session per UTC day, each ending as the next opens.

    The sessions touch, so a lookup never finds the venue between two of them.
    """
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    sessions = tuple(
        MarketSession(
            day,
            datetime.combine(day, time(0), UTC),
            datetime.combine(day + timedelta(days=1), time(0), UTC),
        )
        for day in days
    )
    return VenueSessions(venue, "UTC", first, last, sessions, frozenset(range(7)))


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)
