"""The order journal in SQL: each placed order's audit entry written with the decision, and
moved into the audit chain by its projection.

Written: `OrderJournalRepo.add` stages one bulk INSERT of plain rows in the decision's unit of
work, so the entries share its transaction (and its group commit: the rows of every unit in a
group go in one statement, on SQLite's writer through the driver directly). Nothing else on
the order path touches the table.

Moved: `SqlOrderJournalProjection.project` runs as the one writer of the chain's head
(adapters/postgres/audit.py: an advisory lock on PostgreSQL, SQLite's write lock): it reads the
oldest rows, appends them to `audit_log` as consecutive links and deletes exactly those rows,
in one transaction. So an entry is chained once, whichever process projects it, and a crash
anywhere leaves it either in the journal or in the chain. Rows are deleted by id, never by a
range: on PostgreSQL a row with a smaller id may commit after a larger one was chained.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit import SqlAuditLog, append_links
from adapters.postgres.engine import guarded
from adapters.postgres.group_commit import Bulk
from adapters.postgres.prepared import prepared
from adapters.postgres.repos.base import SqlRepo
from adapters.postgres.rows import record
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.trading import order_journal
from application.core.audit_context import stamped
from ports.core.audit import JournalLag
from ports.core.events import AuditEntry

_JOURNAL_INSERT = prepared(insert(order_journal))
_OLDEST = select(order_journal).order_by(order_journal.c.id).limit(bindparam("most"))
_ANY = select(order_journal.c.id).limit(1)
_LAG = select(func.count(), func.min(order_journal.c.at))


def _journal_row(entry: AuditEntry) -> dict[str, Any]:
    return {
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "outcome": entry.outcome,
        "at": entry.at,
        "details": entry.details,
        "request_id": entry.request_id,
        "ip": entry.ip,
        "actor_id": entry.actor_id,
    }


async def _insert(conn: Any, rows: list[dict[str, Any]]) -> None:
    await conn.execute(_JOURNAL_INSERT, rows)


class OrderJournalRepo(SqlRepo):
    """Entries inserted with the unit of work's commit (one statement for a whole group)."""

    async def add(self, entries: Sequence[AuditEntry]) -> None:
        if entries:
            rows = [_journal_row(stamped(entry)) for entry in entries]
            self._uow.stage(Bulk("order_journal", rows, _insert))


class SqlOrderJournalProjection(EngineStore):
    """The journal's rows moved into `log`'s chain (see the module docstring)."""

    def __init__(self, engine: AsyncEngine, log: SqlAuditLog) -> None:
        super().__init__(engine)
        self._log = log

    async def project(self, most: int) -> int:
        if most <= 0 or not await self._read(_ANY):  # nothing waits: no lock taken
            return 0
        moved: list[int] = []

        async def append(conn: Any) -> None:
            moved.clear()  # a group that ran it once and rolled back runs it again
            rows = (await conn.execute(_OLDEST, {"most": most})).all()
            if not rows:
                return  # another process chained them meanwhile
            await append_links(conn, [record(AuditEntry, row) for row in rows])
            ids = [row.id for row in rows]
            await conn.execute(delete(order_journal).where(order_journal.c.id.in_(ids)))
            moved.append(len(rows))

        await guarded(lambda: self._log.write_at_head(append))
        return moved[-1] if moved else 0

    async def lag(self) -> JournalLag:
        [(entries, oldest)] = await self._read(_LAG)
        return JournalLag(int(entries), oldest)
