"""In-process filing reminders (the embedded store's and the unit tests' store)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from adapters.memory.by_key import InMemoryByKey
from ports.markets.filing_reminders import ReminderSettings


class InMemoryFilingReminderStore(InMemoryByKey[ReminderSettings]):
    """A FilingReminderStore in dicts: settings by owner, sent keys per owner."""

    key = "owner_id"

    def __init__(self) -> None:
        super().__init__()
        self._sent: dict[str, dict[str, datetime]] = {}

    async def subscribers(self, after: str | None, limit: int) -> list[ReminderSettings]:
        owners = sorted(o for o, s in self._items.items() if s.filings)
        if after is not None:
            owners = [o for o in owners if o > after]
        return [self._items[o] for o in owners[:limit]]

    async def sent(self, owner_id: str, keys: Collection[str]) -> set[str]:
        done = self._sent.get(owner_id, {})
        return {k for k in keys if k in done}

    async def mark_sent(self, owner_id: str, keys: Collection[str], at: datetime) -> None:
        done = self._sent.setdefault(owner_id, {})
        for key in keys:
            done.setdefault(key, at)
