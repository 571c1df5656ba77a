"""The market's clock the gate reads: venues' session tables over the source's whole range."""

from __future__ import annotations

from bootstrap.settings.calendars import CalendarSettings
from domain.calendars.clock import MarketCalendars
from domain.calendars.sessions import VenueSessions
from domain.calendars.venues import VenueMap
from ports.calendars import SessionSource


def market_calendars(
    source: SessionSource, settings: CalendarSettings | None = None
) -> MarketCalendars:
    """Each venue's table is built once, on its first lookup, from every session kept; symbols
    go to their asset class's venue unless BULWARK_CALENDAR_VENUES names another."""

    def load(venue: str) -> VenueSessions:
        return source.sessions(venue, *source.coverage(venue))

    by_symbol = {} if settings is None else settings.by_symbol()
    return MarketCalendars(load, source.venues(), VenueMap(by_symbol=by_symbol))
