"""Signals on the `signals` table, each call in its own short transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, desc, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.outbox import OutboxBatch, OutboxWriter
from adapters.postgres.outbox_pump import pump_for
from adapters.postgres.repos.base import insert_for
from adapters.postgres.rows import record, row_of
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.signals import signals
from adapters.postgres.types import UtcDateTime
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, Signal
from ports.strategies.signals import SignalSearch


def to_row(signal: Signal) -> dict[str, Any]:
    return row_of(signal, signals, details=dict(signal.details))


def from_row(row: Any) -> Signal:
    return record(
        Signal,
        row,
        timeframe=Timeframe(row.timeframe),
        pattern=Pattern(row.pattern),
        score=float(row.score),
        details={str(k): float(v) for k, v in (row.details or {}).items()},
    )


class SqlSignalRepository(EngineStore):
    """A SignalRepository on SQL; an `add` inserts all its signals, and their events into
    the outbox, in one transaction."""

    events_in_outbox = True

    def __init__(self, engine: AsyncEngine, outbox: OutboxWriter | None = None) -> None:
        super().__init__(engine)
        self._outbox = outbox or OutboxWriter()

    async def add(self, new: Sequence[Signal]) -> list[Signal]:
        if not new:
            return []
        stored, batch = await self._write(lambda conn: self._insert(conn, new))
        pump = pump_for(self._engine)
        if batch is not None and pump is not None:  # committed: published from memory
            pump.committed(batch)
        return stored

    async def _insert(
        self, conn: AsyncConnection, new: Sequence[Signal]
    ) -> tuple[list[Signal], OutboxBatch | None]:
        """The signals stored (a taken key or id is skipped) and their events' outbox batch."""
        stored: list[Signal] = []
        batch = None
        dialect_insert = insert_for(conn)
        for signal in new:
            # Without a conflict target: a taken key and a taken id are both skipped.
            statement = (
                dialect_insert(signals)
                .values(to_row(signal))
                .on_conflict_do_nothing()
                .returning(signals.c.id)
            )
            if (await conn.execute(statement)).first() is not None:
                stored.append(signal)
        if stored:
            events = self._outbox.stamp([s.emitted() for s in stored])
            batch = await self._outbox.write(conn, events)
        return stored, batch

    async def page(self, search: SignalSearch) -> list[Signal]:
        query = select(signals)
        if search.symbol is not None:
            query = query.where(signals.c.symbol == search.symbol)
        if search.pattern is not None:
            query = query.where(signals.c.pattern == search.pattern.value)
        if search.timeframe is not None:
            query = query.where(signals.c.timeframe == search.timeframe.value)
        if search.min_score is not None:
            query = query.where(func.abs(signals.c.score) >= search.min_score)
        if search.after is not None:
            at = literal(search.after.created_at, UtcDateTime())
            created = signals.c.created_at
            query = query.where(
                or_(created < at, and_(created == at, signals.c.id < search.after.signal_id))
            )
        query = query.order_by(desc(signals.c.created_at), desc(signals.c.id))
        rows = await self._read(query.limit(max(0, search.limit)))
        return [from_row(row) for row in rows]
