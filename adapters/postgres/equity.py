"""Equity history on the `equity_snapshots` table, each call in its own short transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import desc, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.tables.equity import equity_snapshots as table
from ports.equity import EquitySnapshot

_VALUES = (
    "equity",
    "cash",
    "market_value",
    "gross_exposure",
    "net_flow",
    "traded_notional",
    "realized_pnl",
    "taken_at",
)


def _row(snapshot: EquitySnapshot) -> dict[str, Any]:
    return {name: getattr(snapshot, name) for name in ("account_id", "day", *_VALUES)}


def _snapshot(row: Any) -> EquitySnapshot:
    return EquitySnapshot(**{name: getattr(row, name) for name in ("account_id", "day", *_VALUES)})


class SqlEquityHistory:
    """An EquityHistory on SQL: the upsert is one INSERT ... ON CONFLICT DO UPDATE whose
    WHERE keeps a stored snapshot taken later than the incoming one."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def upsert(self, snapshot: EquitySnapshot) -> None:
        await guarded(lambda: self._upsert(snapshot))

    async def range(self, account_id: str, start: date, end: date) -> list[EquitySnapshot]:
        query = (
            select(table)
            .where(table.c.account_id == account_id, table.c.day >= start, table.c.day <= end)
            .order_by(table.c.day)
        )
        return await guarded(lambda: self._all(query))

    async def latest(self, account_id: str, before: date | None = None) -> EquitySnapshot | None:
        query = select(table).where(table.c.account_id == account_id)
        if before is not None:
            query = query.where(table.c.day < before)
        found = await guarded(lambda: self._all(query.order_by(desc(table.c.day)).limit(1)))
        return found[0] if found else None

    async def _upsert(self, snapshot: EquitySnapshot) -> None:
        async with single_writer(self._engine), self._engine.begin() as conn:
            insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            statement = insert(table).values(_row(snapshot))
            statement = statement.on_conflict_do_update(
                index_elements=[table.c.account_id, table.c.day],
                set_={name: statement.excluded[name] for name in _VALUES},
                where=table.c.taken_at <= statement.excluded.taken_at,
            )
            await conn.execute(statement)

    async def _all(self, query: Any) -> list[EquitySnapshot]:
        async with self._engine.connect() as conn:
            return [_snapshot(row) for row in (await conn.execute(query)).all()]
