"""In-process filing reminders (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from ports.filing_reminders import ReminderSettings


class InMemoryFilingReminderStore:
    """A FilingReminderStore in dicts: settings by owner, sent keys per owner."""

    def __init__(self) -> None:
        self._settings: dict[str, ReminderSettings] = {}
        self._sent: dict[str, dict[str, datetime]] = {}

    async def get(self, owner_id: str) -> ReminderSettings | None:
        return self._settings.get(owner_id)

    async def put(self, settings: ReminderSettings) -> None:
        self._settings[settings.owner_id] = settings

    async def subscribers(self, after: str | None, limit: int) -> list[ReminderSettings]:
        owners = sorted(o for o, s in self._settings.items() if s.filings)
        if after is not None:
            owners = [o for o in owners if o > after]
        return [self._settings[o] for o in owners[:limit]]

    async def sent(self, owner_id: str, keys: Collection[str]) -> set[str]:
        done = self._sent.get(owner_id, {})
        return {k for k in keys if k in done}

    async def mark_sent(self, owner_id: str, keys: Collection[str], at: datetime) -> None:
        done = self._sent.setdefault(owner_id, {})
        for key in keys:
            done.setdefault(key, at)
