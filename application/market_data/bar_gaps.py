"""The bars a symbol lacks, by its venue's calendar: holidays and after early closes are no gaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain.calendars.venues import XNYS
from domain.market_data.bar_calendar import TimeRange, session_starts, within_sessions
from domain.market_data.bars import Timeframe
from ports.calendars import SessionSource
from ports.market_data.bar_store import BarStore

_DAY = timedelta(days=1)


@dataclass(eq=False)
class SessionGaps:
    """The store's gaps (weekdays, 09:30-16:00 New York) narrowed to `venue`'s sessions.

    Without a session source, or for a range the source does not cover, the store's gaps are
    answered as they are (a holiday then shows as a gap, as the store alone counts it).
    """

    store: BarStore
    sessions: SessionSource | None
    venue: str = XNYS

    async def gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]:
        found = await self.store.gaps(symbol, timeframe, start, end)
        if not found or self.sessions is None:
            return found
        first = start.astimezone(UTC).date() - _DAY  # a session may open the evening before
        last = end.astimezone(UTC).date() + _DAY
        low, high = self.sessions.coverage(self.venue)
        if first < low or last > high:
            return found
        sessions = self.sessions.sessions(self.venue, first, last).sessions
        return within_sessions(timeframe, found, session_starts(timeframe, start, end, sessions))
