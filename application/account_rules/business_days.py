"""The business days the day-trade rules count over: the venue calendar's sessions (XNYS, the
US equities' and options' venue), holidays and early closes as the calendars context keeps them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.calendars.venues import XNYS
from ports.calendars import SessionSource

# Far enough back to find five sessions before any day (the longest US closure since 1900 is
# well within it).
_LOOK_BACK = timedelta(days=31)


@dataclass(eq=False)
class BusinessDays:
    """A venue's trading days: the day an instant belongs to (the venue's local date), and the
    last sessions up to a day (kept per day asked)."""

    source: SessionSource
    venue: str = XNYS
    _zone: ZoneInfo | None = field(default=None, init=False)
    _recent: dict[date, tuple[date, ...]] = field(default_factory=dict, init=False)

    def day_of(self, at: datetime) -> date:
        zone = self._zone
        if zone is None:
            self.recent(at.date())
            zone = self._zone
        return at.astimezone(zone).date()

    def recent(self, day: date) -> tuple[date, ...]:
        """The session days on or before `day`, oldest first, over the last month."""
        found = self._recent.get(day)
        if found is None:
            first, _ = self.source.coverage(self.venue)
            sessions = self.source.sessions(self.venue, max(first, day - _LOOK_BACK), day)
            self._zone = ZoneInfo(sessions.zone)
            found = tuple(s.day for s in sessions.sessions)
            if len(self._recent) > 64:
                self._recent.clear()
            self._recent[day] = found
        return found

    def last(self, day: date, count: int) -> tuple[date, ...]:
        """The last `count` session days on or before `day` (today included when a session)."""
        return self.recent(day)[-count:]

    def before(self, day: date, count: int) -> tuple[date, ...]:
        """The last `count` session days strictly before `day`."""
        return tuple(d for d in self.recent(day) if d < day)[-count:]
