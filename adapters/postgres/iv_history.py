"""Daily IV history on the `option_iv_history` table, one short transaction per call."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded
from adapters.postgres.repos.base import upsert
from adapters.postgres.tables.options import option_iv_history
from ports.iv_history import DailyIV


class SqlIVHistoryStore:
    """An IVHistoryStore on SQL; `record` upserts by (symbol, day)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def record(self, entry: DailyIV) -> None:
        await guarded(lambda: self._record(entry))

    async def last(self, symbol: str, *, up_to: date, limit: int) -> list[DailyIV]:
        if limit <= 0:
            return []
        return await guarded(lambda: self._last(symbol, up_to, limit))

    async def _record(self, entry: DailyIV) -> None:
        row = {
            "symbol": entry.symbol,
            "day": entry.day,
            "iv": entry.iv,
            "recorded_at": entry.recorded_at,
        }
        async with self._engine.begin() as conn:
            await upsert(conn, option_iv_history, row, ("symbol", "day"))

    async def _last(self, symbol: str, up_to: date, limit: int) -> list[DailyIV]:
        table = option_iv_history
        query = (
            select(table)
            .where(table.c.symbol == symbol, table.c.day <= up_to)
            .order_by(table.c.day.desc())
            .limit(limit)
        )
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query)).all()
        return [
            DailyIV(symbol=r.symbol, day=r.day, iv=float(r.iv), recorded_at=r.recorded_at)
            for r in reversed(rows)
        ]
