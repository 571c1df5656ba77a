"""The durable audit log: an append-only table, each call in its own short transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded
from adapters.postgres.group_commit import write_alone
from adapters.postgres.tables.platform import audit_log
from ports.events import AuditEntry


class SqlAuditLog:
    """An AuditLog on the `audit_log` table; entries come back newest first by (at, id)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def record(self, entry: AuditEntry) -> None:
        await guarded(lambda: self._record(entry))

    async def entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
        return await guarded(lambda: self._entries(target, limit))

    async def _record(self, entry: AuditEntry) -> None:
        row: dict[str, Any] = {
            "actor": entry.actor,
            "action": entry.action,
            "target": entry.target,
            "outcome": entry.outcome,
            "at": entry.at,
            "details": dict(entry.details),
        }
        await write_alone(self._engine, lambda conn: conn.execute(insert(audit_log).values(row)))

    async def _entries(self, target: str | None, limit: int) -> list[AuditEntry]:
        query = select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
        if target is not None:
            query = query.where(audit_log.c.target == target)
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query.limit(max(limit, 0)))).all()
        return [
            AuditEntry(
                actor=row.actor,
                action=row.action,
                target=row.target,
                outcome=row.outcome,
                at=row.at,
                details=row.details,
            )
            for row in rows
        ]
