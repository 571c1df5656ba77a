"""The market's clock the gate reads: venues' session tables over the source's whole range."""

from __future__ import annotations

from domain.calendars.clock import MarketCalendars
from domain.calendars.sessions import VenueSessions
from ports.calendars import SessionSource


def market_calendars(source: SessionSource) -> MarketCalendars:
    """Each venue's table is built once, on its first lookup, from every session kept."""

    def load(venue: str) -> VenueSessions:
        return source.sessions(venue, *source.coverage(venue))

    return MarketCalendars(load, source.venues())
