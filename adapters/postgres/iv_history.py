"""Daily IV history on the `option_iv_history` table, one short transaction per call."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from adapters.postgres.repos.base import upsert
from adapters.postgres.rows import row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.options import option_iv_history
from ports.market_data.iv_history import DailyIV


class SqlIVHistoryStore(EngineStore):
    """An IVHistoryStore on SQL; `record` upserts by (symbol, day)."""

    async def record(self, entry: DailyIV) -> None:
        row = row_of(entry, option_iv_history)
        await self._write(lambda conn: upsert(conn, option_iv_history, row, ("symbol", "day")))

    async def last(self, symbol: str, *, up_to: date, limit: int) -> list[DailyIV]:
        if limit <= 0:
            return []
        table = option_iv_history
        query = (
            select(table)
            .where(table.c.symbol == symbol, table.c.day <= up_to)
            .order_by(table.c.day.desc())
            .limit(limit)
        )
        rows = await self._read(query)
        return [
            DailyIV(symbol=r.symbol, day=r.day, iv=float(r.iv), recorded_at=r.recorded_at)
            for r in reversed(rows)
        ]
