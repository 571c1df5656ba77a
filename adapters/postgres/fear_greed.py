"""Fear & Greed history on the `fear_greed_history` table, one short transaction per call."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from adapters.postgres.repos.base import upsert
from adapters.postgres.rows import row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.sentiment import fear_greed_history
from ports.markets.fear_greed import ComponentRecord, FearGreedRecord


class SqlFearGreedHistory(EngineStore):
    """A FearGreedHistoryStore on SQL; `record` upserts by day."""

    async def record(self, record: FearGreedRecord) -> None:
        row = row_of(
            record,
            fear_greed_history,
            components=[_component_row(c) for c in record.components],
            sources=dict(record.sources),
        )
        await self._write(lambda conn: upsert(conn, fear_greed_history, row, ("day",)))

    async def between(self, start: date, end: date, limit: int) -> list[FearGreedRecord]:
        if limit <= 0:
            return []
        table = fear_greed_history
        query = (
            select(table)
            .where(table.c.day >= start, table.c.day <= end)
            .order_by(table.c.day)
            .limit(limit)
        )
        return await self._records(query, newest_first=False)

    async def last(self, up_to: date, limit: int) -> list[FearGreedRecord]:
        if limit <= 0:
            return []
        table = fear_greed_history
        query = select(table).where(table.c.day <= up_to).order_by(table.c.day.desc()).limit(limit)
        return await self._records(query, newest_first=True)

    async def _records(self, query: Any, *, newest_first: bool) -> list[FearGreedRecord]:
        records = [_record_of(r) for r in await self._read(query)]
        return records[::-1] if newest_first else records


def _component_row(c: ComponentRecord) -> dict[str, Any]:
    return {"name": c.name, "raw": c.raw, "score": c.score, "method": c.method, "weight": c.weight}


def _record_of(row: Any) -> FearGreedRecord:
    components = tuple(
        ComponentRecord(
            str(c["name"]), float(c["raw"]), float(c["score"]), str(c["method"]), float(c["weight"])
        )
        for c in row.components
    )
    return FearGreedRecord(
        day=row.day,
        score=float(row.score),
        label=row.label,
        coverage=float(row.coverage),
        components=components,
        recorded_at=row.recorded_at,
        sources={str(k): str(v) for k, v in (row.sources or {}).items()},
    )
