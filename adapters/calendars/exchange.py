"""The SessionSource over `exchange_calendars`: XNYS, XNAS, CMES, FX, and crypto around the clock.

`exchange_calendars` is the maintained library of exchange sessions, holidays and early
closes (pandas_market_calendars wraps it for its exchange calendars). A calendar takes
a fraction of a second to build: each is built once, on first use, and kept; the library
(and pandas) is imported then too, so a process that never asks pays nothing.
"""

from __future__ import annotations

import threading
import warnings
from datetime import UTC, date
from typing import Any

from domain.calendars.sessions import (
    MarketSession,
    OutsideCalendar,
    UnknownVenue,
    VenueSessions,
)
from domain.calendars.table import around_the_clock
from domain.calendars.venues import CMES, CRYPTO, FX, XNAS, XNYS
from ports.core.clock import Clock

# Our venue name -> the library's calendar (ISO 10383 MIC codes, CME Globex for futures,
# its around-the-clock weekday calendar for spot FX).
LIBRARY_CALENDARS = {XNYS: "XNYS", XNAS: "XNAS", CMES: "CMES", FX: "24/5"}
FIRST_DAY = date(2000, 1, 3)
_LIBRARY_DEPRECATION = "Series.values returning an ndarray that drops timezone"
YEARS_AHEAD = 2


class ExchangeCalendarSessions:
    """Sessions of XNYS, XNAS, CMES, FX (exchange_calendars) and CRYPTO (every UTC day, all day),
    from FIRST_DAY to `years_ahead` years after the clock's today at the first use."""

    def __init__(
        self, clock: Clock, *, first: date = FIRST_DAY, years_ahead: int = YEARS_AHEAD
    ) -> None:
        self._clock = clock
        self._first = first
        self._years_ahead = years_ahead
        self._last: date | None = None
        self._calendars: dict[str, Any] = {}
        self._lock = threading.Lock()

    def venues(self) -> tuple[str, ...]:
        return (*LIBRARY_CALENDARS, CRYPTO)

    def coverage(self, venue: str) -> tuple[date, date]:
        self._known(venue)
        return self._first, self._last_day()

    def sessions(self, venue: str, first: date, last: date) -> VenueSessions:
        low, high = self.coverage(venue)
        if first < low or last > high or last < first:
            raise OutsideCalendar(
                f"{venue} sessions are kept from {low} to {high}; asked {first} to {last}"
            )
        if venue == CRYPTO:
            return around_the_clock(CRYPTO, first, last)
        import pandas as pd

        calendar = self._calendar(venue)
        schedule = calendar.schedule.loc[pd.Timestamp(first) : pd.Timestamp(last)]
        early = set(calendar.early_closes)
        sessions = tuple(
            MarketSession(
                day.date(),
                opens.to_pydatetime().astimezone(UTC),
                closes.to_pydatetime().astimezone(UTC),
                day in early,
            )
            for day, opens, closes in zip(
                schedule.index, schedule["open"], schedule["close"], strict=True
            )
        )
        weekdays = frozenset(i for i, bit in enumerate(calendar.weekmask) if bit == "1")
        return VenueSessions(venue, str(calendar.tz), first, last, sessions, weekdays)

    def _known(self, venue: str) -> None:
        if venue not in LIBRARY_CALENDARS and venue != CRYPTO:
            raise UnknownVenue(f"no calendar is kept for venue {venue!r}")

    def _last_day(self) -> date:
        if self._last is None:
            today = self._clock.now().date()
            self._last = date(today.year + self._years_ahead, today.month, min(today.day, 28))
        return self._last

    def _calendar(self, venue: str) -> Any:
        calendar = self._calendars.get(venue)
        if calendar is None:
            import exchange_calendars as xcals
            import pandas as pd

            with self._lock:  # one build per venue, even when two threads ask at once
                calendar = self._calendars.get(venue)
                if calendar is None:
                    with warnings.catch_warnings():
                        # The library's own use of a pandas API that pandas 4 changes.
                        warnings.filterwarnings("ignore", message=_LIBRARY_DEPRECATION)
                        calendar = xcals.get_calendar(
                            LIBRARY_CALENDARS[venue],
                            start=pd.Timestamp(self._first),
                            end=pd.Timestamp(self._last_day()),
                        )
                    self._calendars[venue] = calendar
        return calendar
