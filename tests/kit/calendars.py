"""An in-memory market clock for gate and calendar tests: one hand-written week of a venue.

Thanksgiving week 2026 as New York trades it: Monday to Wednesday 09:30-16:00, Thursday
the 26th a holiday, Friday the 27th closing early at 13:00, Monday the 30th as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from domain.calendars.clock import MarketCalendars
from domain.calendars.sessions import MarketSession, VenueSessions
from domain.calendars.table import around_the_clock
from domain.calendars.venues import CRYPTO, XNYS, VenueMap

NEW_YORK = ZoneInfo("America/New_York")
FIRST, LAST = date(2026, 11, 23), date(2026, 11, 30)


def new_york(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    """An aware time in New York, in November 2026 unless told."""
    return datetime(2026, month, day, hour, minute, tzinfo=NEW_YORK)


def session(day: int, close: time = time(16, 0), *, early: bool = False) -> MarketSession:
    return MarketSession(
        date(2026, 11, day), new_york(day, 9, 30), new_york(day, close.hour, close.minute), early
    )


def thanksgiving_week(venue: str = XNYS) -> VenueSessions:
    sessions = (
        session(23),
        session(24),
        session(25),
        session(27, time(13, 0), early=True),
        session(30),
    )
    return VenueSessions(venue, "America/New_York", FIRST, LAST, sessions)


class CountingCalendars(MarketCalendars):
    """MarketCalendars over the week above (XNYS) and around the clock (CRYPTO), counting loads."""

    def __init__(
        self, venues: Iterable[str] = (XNYS, CRYPTO), venue_map: VenueMap | None = None
    ) -> None:
        self.loads: list[str] = []
        super().__init__(self._week, venues, venue_map)

    def _week(self, venue: str) -> VenueSessions:
        self.loads.append(venue)
        if venue == CRYPTO:
            return around_the_clock(CRYPTO, FIRST, LAST)
        return thanksgiving_week(venue)


class WeekSource:
    """A SessionSource that knows the week above for XNYS, and nothing around it."""

    def venues(self) -> tuple[str, ...]:
        return (XNYS,)

    def coverage(self, venue: str) -> tuple[date, date]:
        return FIRST, LAST

    def sessions(self, venue: str, first: date, last: date) -> VenueSessions:
        week = thanksgiving_week(venue)
        kept = tuple(s for s in week.sessions if first <= s.day <= last)
        return VenueSessions(venue, week.zone, first, last, kept, week.weekdays)
