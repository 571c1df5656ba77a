"""The market's clock the gate reads: an instrument's venue and its status at an instant."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol
from zoneinfo import ZoneInfo

from domain.calendars.sessions import StatusSpan, UnknownVenue, VenueSessions
from domain.calendars.table import SessionTable
from domain.calendars.venues import VenueMap
from domain.trading.instruments import Instrument


class TradingCalendar(Protocol):
    """Answers "is the market of this instrument open at t, and if not, why".

    `span` raises UnknownVenue for a venue it keeps no calendar of and OutsideCalendar for an
    instant its sessions do not cover; the gate denies on either (fail closed).
    """

    def venue_for(self, instrument: Instrument) -> str | None: ...

    def span(self, venue: str, ts: float) -> StatusSpan: ...

    def zone(self, venue: str) -> ZoneInfo: ...


class MarketCalendars:
    """A TradingCalendar over venues' session tables, each built once, on first use.

    `load(venue)` gives the venue's sessions over the range they are kept for (a library
    calendar is slow to build: it is called once per venue and the table kept); a lookup
    after that is a dict get and a bisection.
    """

    __slots__ = ("_load", "_tables", "_zones", "venue_map", "venues")

    def __init__(
        self,
        load: Callable[[str], VenueSessions],
        venues: Iterable[str],
        venue_map: VenueMap | None = None,
    ) -> None:
        self._load = load
        self.venues = tuple(venues)
        self.venue_map = venue_map or VenueMap()
        self._tables: dict[str, SessionTable] = {}
        self._zones: dict[str, ZoneInfo] = {}

    def venue_for(self, instrument: Instrument) -> str | None:
        return self.venue_map.venue_for(instrument)

    def span(self, venue: str, ts: float) -> StatusSpan:
        table = self._tables.get(venue)
        if table is None:
            table = self._table(venue)
        return table.span(ts)

    def zone(self, venue: str) -> ZoneInfo:
        zone = self._zones.get(venue)
        if zone is None:
            self._table(venue)
            zone = self._zones[venue]
        return zone

    def warm(self) -> None:
        """Build every venue's table now (`bulwark serve` does, off the event loop, at start)."""
        for venue in self.venues:
            if venue not in self._tables:
                self._table(venue)

    def _table(self, venue: str) -> SessionTable:
        if venue not in self.venues:
            raise UnknownVenue(f"no calendar is kept for venue {venue!r}")
        sessions = self._load(venue)
        table = self._tables[venue] = SessionTable(sessions)
        self._zones[venue] = ZoneInfo(sessions.zone)
        return table
