"""The durable audit log: an append-only, hash-chained table, each append its own transaction.

Appends are serialized across processes, so seq stays gap-free and each prev_hash names the
entry just before: on PostgreSQL a transaction-scoped advisory lock taken before the head
is read (released by the COMMIT); on SQLite the database's single writer (`BEGIN IMMEDIATE`
on the group committer's writer thread, whose write lock other processes wait for), or, for
an in-memory database, this process's single-writer lock. The head read and the insert are
one short transaction: two statements after the lock, an index probe and a row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.audit_links import link_many
from adapters.postgres.engine import guarded, is_sqlite, single_writer
from adapters.postgres.group_commit import groups_commits, write_alone
from adapters.postgres.rows import record
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.platform import audit_log
from application.core.audit_chain import GENESIS, chained, storable
from application.core.audit_context import stamped
from ports.core.audit import AuditFilter, ChainedEntry
from ports.core.events import AuditEntry

# pg_advisory_xact_lock's key for "the audit log's head": any constant no other lock uses.
AUDIT_LOCK_KEY = 0x6175_6469_745F_6C6F  # "audit_lo"
_HEAD = select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
# Built once: `insert(...).values(row)` per call costs more than the append's own SQL.
_INSERT = insert(audit_log)
# A pseudonymised entry rewritten in place: its fields, never its place in the chain.
_REWRITE = (
    update(audit_log)
    .where(audit_log.c.seq == bindparam("at_seq"))
    .values(
        actor=bindparam("new_actor"),
        target=bindparam("new_target"),
        details=bindparam("new_details", type_=audit_log.c.details.type),
        ip=bindparam("new_ip"),
        request_id=bindparam("new_request_id"),
        redacted_by=bindparam("by"),
    )
)


class SqlAuditLog(EngineStore):
    """An AuditLog and AuditTrail on the `audit_log` table."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__(engine)
        self._sqlite = is_sqlite(str(engine.url.drivername))

    async def record(self, entry: AuditEntry) -> None:
        entry = storable(stamped(entry))
        await guarded(lambda: self._record(entry))

    async def record_many(self, entries: Sequence[AuditEntry]) -> None:
        """Consecutive links in one transaction: one lock, one head read, one executemany."""
        if not entries:
            return
        ready = [stamped(entry) for entry in entries]

        await guarded(lambda: self.write_at_head(lambda conn: append_links(conn, ready)))

    async def entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
        page = await self.page(AuditFilter(subject=target), limit)
        return [link.entry for link in page]

    async def page(self, query: AuditFilter, limit: int) -> list[ChainedEntry]:
        statement = (
            select(audit_log)
            .where(*_conditions(query))
            .order_by(audit_log.c.seq.desc())
            .limit(max(limit, 0))
        )
        return await self._links(statement)

    async def chain(self, after_seq: int, limit: int) -> list[ChainedEntry]:
        statement = (
            select(audit_log)
            .where(audit_log.c.seq > after_seq)
            .order_by(audit_log.c.seq)
            .limit(max(limit, 0))
        )
        return await self._links(statement)

    async def head(self) -> ChainedEntry | None:
        statement = select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)
        found = await self._links(statement)
        return found[0] if found else None

    async def redact(self, rewritten: Mapping[int, AuditEntry], commit: AuditEntry) -> int:
        commit = storable(stamped(commit))
        appended: list[int] = []

        async def append(conn: Any) -> None:
            head = (await conn.execute(_HEAD)).first()
            seq, prev = (head.seq + 1, head.hash) if head is not None else (1, GENESIS)
            await conn.execute(_INSERT, _row(chained(seq, commit, prev)))
            rows = [_rewrite(at_seq, storable(entry), seq) for at_seq, entry in rewritten.items()]
            if rows:
                await conn.execute(_REWRITE, rows)
            appended.append(seq)

        await guarded(lambda: self.write_at_head(append))
        return appended[0]

    async def _record(self, entry: AuditEntry) -> None:
        async def append(conn: Any) -> None:
            head = (await conn.execute(_HEAD)).first()
            seq, prev = (head.seq + 1, head.hash) if head is not None else (1, GENESIS)
            link = chained(seq, entry, prev)
            await conn.execute(_INSERT, _row(link))

        await self.write_at_head(append)

    async def write_at_head(self, append: Any) -> None:
        """Run `append(conn)` in a transaction as the one writer of the chain's head (see the
        module docstring): what it reads of the head stays the head until it commits."""
        if not self._sqlite:
            async with self._engine.begin() as conn:
                await conn.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY}
                )
                await append(conn)
        elif groups_commits(self._engine):
            await write_alone(self._engine, append)  # BEGIN IMMEDIATE on the writer thread
        else:
            async with single_writer(self._engine), self._engine.begin() as conn:
                await append(conn)

    async def _links(self, statement: Any) -> list[ChainedEntry]:
        return [_link(row) for row in await self._read(statement)]


async def append_links(conn: Any, entries: Sequence[AuditEntry]) -> None:
    """`entries` (stamped) appended after the chain's head as consecutive links, on `conn`,
    whose transaction is the head's one writer (`SqlAuditLog.write_at_head`): one read of the
    head, one multi-row insert."""
    head = (await conn.execute(_HEAD)).first()
    seq, prev = (head.seq, head.hash) if head is not None else (0, GENESIS)
    await conn.execute(_INSERT, [_row(link) for link in link_many(entries, seq, prev)])


def _row(link: ChainedEntry) -> dict[str, Any]:
    entry = link.entry
    return {
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "outcome": entry.outcome,
        "at": entry.at,
        "details": dict(entry.details),
        "request_id": entry.request_id,
        "ip": entry.ip,
        "actor_id": entry.actor_id,
        "seq": link.seq,
        "prev_hash": link.prev_hash,
        "hash": link.hash,
    }


def _rewrite(seq: int, entry: AuditEntry, by: int) -> dict[str, Any]:
    return {
        "at_seq": seq,
        "new_actor": entry.actor,
        "new_target": entry.target,
        "new_details": dict(entry.details),
        "new_ip": entry.ip,
        "new_request_id": entry.request_id,
        "by": by,
    }


def _link(row: Any) -> ChainedEntry:
    entry = record(AuditEntry, row)
    return ChainedEntry(row.seq, entry, row.prev_hash, row.hash, row.redacted_by)


def _conditions(query: AuditFilter) -> list[ColumnElement[bool]]:
    c = audit_log.c
    found: list[ColumnElement[bool]] = []
    pairs: list[tuple[Any, Any]] = [
        (c.actor, query.actor),
        (c.action, query.action),
        (c.target, query.subject),
        (c.outcome, query.outcome),
        (c.request_id, query.request_id),
    ]
    found.extend(column == value for column, value in pairs if value is not None)
    if query.action_prefix is not None:
        found.append(c.action.startswith(query.action_prefix, autoescape=True))
    if query.since is not None:
        found.append(c.at >= query.since)
    if query.until is not None:
        found.append(c.at < query.until)
    if query.before_seq is not None:
        found.append(c.seq < query.before_seq)
    if query.visible_to is not None or query.visible_subjects is not None:
        scope: list[ColumnElement[bool]] = []
        if query.visible_to is not None:
            scope.append(c.actor == query.visible_to)
            scope.append(c.actor_id == query.visible_to)
        if query.visible_subjects:
            scope.append(c.target.in_(list(query.visible_subjects)))
        found.append(or_(*scope) if scope else and_(c.seq < 0))
    return found
