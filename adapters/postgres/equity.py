"""Equity history on the `equity_snapshots` table, each call in its own short transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import desc, select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.repos.base import insert_for
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.equity import equity_snapshots as table
from ports.trading.equity import EquitySnapshot

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


class SqlEquityHistory(EngineStore):
    """An EquityHistory on SQL: the upsert is one INSERT ... ON CONFLICT DO UPDATE whose
    WHERE keeps a stored snapshot taken later than the incoming one."""

    async def upsert(self, snapshot: EquitySnapshot) -> None:
        async def work(conn: AsyncConnection) -> None:
            statement = insert_for(conn)(table).values(_row(snapshot))
            statement = statement.on_conflict_do_update(
                index_elements=[table.c.account_id, table.c.day],
                set_={name: statement.excluded[name] for name in _VALUES},
                where=table.c.taken_at <= statement.excluded.taken_at,
            )
            await conn.execute(statement)

        await self._write(work)

    async def range(self, account_id: str, start: date, end: date) -> list[EquitySnapshot]:
        query = (
            select(table)
            .where(table.c.account_id == account_id, table.c.day >= start, table.c.day <= end)
            .order_by(table.c.day)
        )
        return await self._all(query)

    async def latest(self, account_id: str, before: date | None = None) -> EquitySnapshot | None:
        query = select(table).where(table.c.account_id == account_id)
        if before is not None:
            query = query.where(table.c.day < before)
        found = await self._all(query.order_by(desc(table.c.day)).limit(1))
        return found[0] if found else None

    async def _all(self, query: Any) -> list[EquitySnapshot]:
        return [_snapshot(row) for row in await self._read(query)]
