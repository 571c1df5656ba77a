"""Filing reminders on the `filing_reminders` and `filing_reminders_sent` tables (migration
0022), one short transaction per call."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import select

from adapters.postgres.repos.base import insert_ignore_many
from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import RowPerKey
from adapters.postgres.tables.filing_reminders import filing_reminders
from adapters.postgres.tables.filing_reminders import filing_reminders_sent as sent_table
from ports.markets.filing_reminders import ReminderSettings

MAX_KEYS = 500  # keys a call asks about at once (a pass asks about a handful)


class SqlFilingReminderStore(RowPerKey[ReminderSettings]):
    """A FilingReminderStore on SQL; `put` upserts by owner, `mark_sent` inserts new keys."""

    table, key = filing_reminders, "owner_id"

    def to_row(self, item: ReminderSettings) -> dict[str, Any]:
        return row_of(
            item,
            self.table,
            filings=",".join(item.filings),
            lead_days=",".join(str(d) for d in item.lead_days),
        )

    def from_row(self, row: Any) -> ReminderSettings:
        return record(
            ReminderSettings,
            row,
            filings=tuple(f for f in row.filings.split(",") if f),
            lead_days=tuple(int(d) for d in row.lead_days.split(",") if d),
        )

    async def subscribers(self, after: str | None, limit: int) -> list[ReminderSettings]:
        query = select(self.table).where(self.table.c.filings != "")
        if after is not None:
            query = query.where(self.table.c.owner_id > after)
        query = query.order_by(self.table.c.owner_id).limit(limit)
        return [self.from_row(r) for r in await self._read(query)]

    async def sent(self, owner_id: str, keys: Collection[str]) -> set[str]:
        asked = list(keys)[:MAX_KEYS]
        if not asked:
            return set()
        query = select(sent_table.c.reminder_key).where(
            sent_table.c.owner_id == owner_id, sent_table.c.reminder_key.in_(asked)
        )
        return {r.reminder_key for r in await self._read(query)}

    async def mark_sent(self, owner_id: str, keys: Collection[str], at: datetime) -> None:
        rows = [{"owner_id": owner_id, "reminder_key": k, "sent_at": at} for k in keys]
        if rows:
            await self._write(lambda conn: insert_ignore_many(conn, sent_table, rows))
