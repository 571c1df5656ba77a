"""The calendars port: venues' sessions, holidays and early closes from a maintained source."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from domain.calendars.sessions import VenueSessions


class SessionSource(Protocol):
    """The sessions of the venues it keeps calendars for.

    `sessions(venue, first, last)` answers the venue's sessions whose day lies in
    [first, last] (both included), in order; it raises domain.calendars.sessions.UnknownVenue
    for a venue not in `venues()` and OutsideCalendar for days beyond `coverage(venue)`.
    Calls after the first for a venue are cheap: the source builds each calendar once.
    """

    def venues(self) -> tuple[str, ...]: ...

    def coverage(self, venue: str) -> tuple[date, date]: ...

    def sessions(self, venue: str, first: date, last: date) -> VenueSessions: ...
