"""A venue's sessions over a bounded range of days, as the calendars API answers them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.calendars.sessions import VenueSessions
from domain.errors import DomainError
from ports.calendars import SessionSource

MAX_DAYS = 366


class InvalidDateRange(DomainError):
    """A range of days that ends before it starts, is too long, or lies outside the calendar."""

    code = "INVALID_DATE_RANGE"


@dataclass(eq=False)
class VenueSessionsQuery:
    """The sessions of one venue whose day lies in [start, end], at most MAX_DAYS days."""

    source: SessionSource

    def venues(self) -> tuple[str, ...]:
        return self.source.venues()

    def sessions(self, venue: str, start: date, end: date) -> VenueSessions:
        """Raises UnknownVenue (404) for a venue without a calendar, InvalidDateRange else."""
        first, last = self.source.coverage(venue)  # UnknownVenue first: the path is wrong
        if end < start:
            raise InvalidDateRange(f"end {end} is before start {start}", field="end")
        if (end - start).days + 1 > MAX_DAYS:
            raise InvalidDateRange(
                f"{start} to {end} is {(end - start).days + 1} days; at most {MAX_DAYS}",
                field="end",
            )
        if start < first or end > last:
            raise InvalidDateRange(
                f"{venue} sessions are kept from {first} to {last}",
                field="start" if start < first else "end",
            )
        return self.source.sessions(venue, start, end)
