"""Filing-calendar reminders: which filings a user wants reminding of, how many days ahead,
and which reminders were already sent (so that each goes out once).

Stores: memory (adapters/memory/filing_reminders.py) and SQL (adapters/postgres/
filing_reminders.py, tables filing_reminders and filing_reminders_sent, migration 0022).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """One user's reminders: the filings (domain Filing values: "13F-HR", "SC 13G/A",
    "1040-ES"), the days ahead of a deadline to remind (each 0 to 60), when last changed."""

    owner_id: str
    filings: tuple[str, ...]
    lead_days: tuple[int, ...]
    updated_at: datetime


class FilingReminderStore(Protocol):
    """- `get(owner_id)`: the user's settings or None; `put(settings)`: upsert by owner.
    - `subscribers(after, limit)`: settings with at least one filing, in owner-id order after
      the id `after` (a keyset page).
    - `sent(owner_id, keys)`: which of the reminder keys were sent to the owner already;
      `mark_sent(owner_id, keys, at)`: records them (a key already recorded stays as it was).
    """

    async def get(self, owner_id: str) -> ReminderSettings | None: ...

    async def put(self, settings: ReminderSettings) -> None: ...

    async def subscribers(self, after: str | None, limit: int) -> list[ReminderSettings]: ...

    async def sent(self, owner_id: str, keys: Collection[str]) -> set[str]: ...

    async def mark_sent(self, owner_id: str, keys: Collection[str], at: datetime) -> None: ...
