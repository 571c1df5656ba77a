"""How many outbox rows wait for the relay: the figure behind the outbox backlog gauge."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.tables.outbox import outbox


class OutboxBacklog:
    """Counts the rows the relay has yet to publish (neither sent nor marked failed)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._query = (
            select(func.count())
            .select_from(outbox)
            .where(outbox.c.sent_at.is_(None), outbox.c.failed_at.is_(None))
        )

    async def __call__(self) -> int:
        async with self._engine.connect() as conn:
            return int((await conn.execute(self._query)).scalar_one())
