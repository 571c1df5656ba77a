"""Filing reminders on the `filing_reminders` and `filing_reminders_sent` tables (migration
0022), one short transaction per call."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.repos.base import insert_ignore_many, upsert
from adapters.postgres.tables.filing_reminders import filing_reminders as table
from adapters.postgres.tables.filing_reminders import filing_reminders_sent as sent_table
from ports.filing_reminders import ReminderSettings

MAX_KEYS = 500  # keys a call asks about at once (a pass asks about a handful)


def to_row(settings: ReminderSettings) -> dict[str, Any]:
    return {
        "owner_id": settings.owner_id,
        "filings": ",".join(settings.filings),
        "lead_days": ",".join(str(d) for d in settings.lead_days),
        "updated_at": settings.updated_at,
    }


def from_row(row: Any) -> ReminderSettings:
    return ReminderSettings(
        owner_id=row.owner_id,
        filings=tuple(f for f in row.filings.split(",") if f),
        lead_days=tuple(int(d) for d in row.lead_days.split(",") if d),
        updated_at=row.updated_at,
    )


class SqlFilingReminderStore:
    """A FilingReminderStore on SQL; `put` upserts by owner, `mark_sent` inserts new keys."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def get(self, owner_id: str) -> ReminderSettings | None:
        return await guarded(lambda: self._get(owner_id))

    async def put(self, settings: ReminderSettings) -> None:
        await guarded(lambda: self._put(settings))

    async def subscribers(self, after: str | None, limit: int) -> list[ReminderSettings]:
        return await guarded(lambda: self._subscribers(after, limit))

    async def sent(self, owner_id: str, keys: Collection[str]) -> set[str]:
        return await guarded(lambda: self._sent(owner_id, list(keys)[:MAX_KEYS]))

    async def mark_sent(self, owner_id: str, keys: Collection[str], at: datetime) -> None:
        rows = [{"owner_id": owner_id, "reminder_key": k, "sent_at": at} for k in keys]
        await guarded(lambda: self._mark(rows))

    async def _get(self, owner_id: str) -> ReminderSettings | None:
        async with self._engine.begin() as conn:
            row = (await conn.execute(select(table).where(table.c.owner_id == owner_id))).first()
        return None if row is None else from_row(row)

    async def _put(self, settings: ReminderSettings) -> None:
        async with single_writer(self._engine), self._engine.begin() as conn:
            await upsert(conn, table, to_row(settings), ("owner_id",))

    async def _subscribers(self, after: str | None, limit: int) -> list[ReminderSettings]:
        query = select(table).where(table.c.filings != "")
        if after is not None:
            query = query.where(table.c.owner_id > after)
        query = query.order_by(table.c.owner_id).limit(limit)
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query)).all()
        return [from_row(r) for r in rows]

    async def _sent(self, owner_id: str, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        query = select(sent_table.c.reminder_key).where(
            sent_table.c.owner_id == owner_id, sent_table.c.reminder_key.in_(keys)
        )
        async with self._engine.begin() as conn:
            return {r.reminder_key for r in (await conn.execute(query)).all()}

    async def _mark(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        async with single_writer(self._engine), self._engine.begin() as conn:
            await insert_ignore_many(conn, sent_table, rows)
