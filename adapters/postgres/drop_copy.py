"""The drop copy's outbox on SQL (PostgreSQL and SQLite): ports/drop_copy/drop_copy.py.

Each write is a unit of its own, never part of an order's transaction, handed to the engine's
group committer (group_commit.write_alone): on SQLite it runs within one call on the writer's
thread, beside the order path's groups rather than against them for the database's one
write lock. `add` reads which of its rows are stored already and inserts the others (ON
CONFLICT DO NOTHING against a concurrent writer), `delivered` is one UPDATE, `failed` one
UPDATE per failure in one executemany. `due` is one SELECT whose NOT EXISTS holds back an
order behind its own message waiting for a retry.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.engine import guarded
from adapters.postgres.group_commit import write_alone
from adapters.postgres.prepared import prepared
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.drop_copy import drop_copy_outbox
from adapters.postgres.tables.trading import orders
from domain.drop_copy.messages import DropCopyMessage, OrderFacts
from ports.drop_copy.drop_copy import CopyFailure, PendingCopy

_t = drop_copy_outbox
_TIME = _t.c.next_attempt_at.type
_REASON_CHARS = 300


def _due_statement() -> Any:
    m = _t.alias("m")
    e = _t.alias("e")
    now = bindparam("now", type_=_TIME)
    held = (
        select(literal(1))
        .where(
            e.c.target == m.c.target,
            e.c.order_key == m.c.order_key,
            e.c.delivered_at.is_(None),
            e.c.seq < m.c.seq,
            e.c.next_attempt_at > now,
        )
        .exists()
    )
    return (
        select(
            m.c.message_id,
            m.c.target,
            m.c.kind,
            m.c.order_key,
            m.c.body,
            m.c.event_at,
            m.c.attempts,
        )
        .where(
            m.c.target == bindparam("target"),
            m.c.delivered_at.is_(None),
            m.c.next_attempt_at <= now,
            ~held,
        )
        .order_by(m.c.seq)
        .limit(bindparam("limit"))
    )


_DUE = _due_statement()
_FAILED = (
    update(_t)
    .where(_t.c.target == bindparam("t_target"), _t.c.message_id == bindparam("t_id"))
    .values(
        attempts=_t.c.attempts + 1,
        next_attempt_at=bindparam("t_next", type_=_TIME),
        last_error=bindparam("t_reason"),
    )
)


@functools.lru_cache(maxsize=4)
def _insert(dialect: str) -> Any:
    """The INSERT of new rows, built once per dialect."""
    statement = insert_for_dialect(dialect)(_t).on_conflict_do_nothing(
        index_elements=["message_id", "target"]
    )
    return prepared(statement)


def insert_for_dialect(dialect: str) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    return postgresql.insert if dialect == "postgresql" else sqlite.insert


class SqlDropCopyOutbox(EngineStore):
    """The outbox on `drop_copy_outbox` (tables/drop_copy.py)."""

    async def add(
        self, messages: Sequence[DropCopyMessage], targets: Sequence[str], at: datetime
    ) -> int:
        if not messages or not targets:
            return 0

        added: list[int] = []

        async def work(conn: AsyncConnection) -> None:
            added.clear()  # a group that fails whole runs its units again
            ids = list(dict.fromkeys(m.id for m in messages))
            found = await conn.execute(
                select(_t.c.message_id, _t.c.target).where(
                    _t.c.message_id.in_(ids), _t.c.target.in_(list(targets))
                )
            )
            taken = {(row.message_id, row.target) for row in found}
            rows: list[dict[str, Any]] = []
            for message in messages:
                for target in targets:
                    if (message.id, target) in taken:
                        continue
                    taken.add((message.id, target))
                    rows.append(_row(message, target, at))
            if rows:
                await conn.execute(_insert(conn.dialect.name), rows)
            added.append(len(rows))

        await guarded(lambda: write_alone(self._engine, work))
        return sum(added)

    async def due(self, target: str, now: datetime, limit: int) -> list[PendingCopy]:
        async def run() -> list[Any]:
            async with self._engine.connect() as conn:
                found = await conn.execute(_DUE, {"target": target, "now": now, "limit": limit})
                return list(found.all())

        rows = await guarded(run)
        return [
            PendingCopy(r.message_id, r.target, r.kind, r.order_key, r.body, r.event_at, r.attempts)
            for r in rows
        ]

    async def delivered(self, target: str, ids: Sequence[str], at: datetime) -> None:
        if not ids:
            return
        statement = (
            update(_t)
            .where(_t.c.target == target, _t.c.message_id.in_(list(ids)))
            .values(delivered_at=at)
        )

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(statement)

        await guarded(lambda: write_alone(self._engine, work))

    async def failed(self, target: str, failures: Sequence[CopyFailure]) -> None:
        if not failures:
            return
        rows = [
            {
                "t_target": target,
                "t_id": f.id,
                "t_next": f.retry_at,
                "t_reason": f.reason[:_REASON_CHARS],
            }
            for f in failures
        ]

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(_FAILED, rows)

        await guarded(lambda: write_alone(self._engine, work))

    async def pending(self, target: str) -> int:
        rows = await self._read(
            select(func.count())
            .select_from(_t)
            .where(_t.c.target == target, _t.c.delivered_at.is_(None))
        )
        return int(rows[0][0])

    async def purge(self, before: datetime) -> int:
        statement = delete(_t).where(_t.c.delivered_at.is_not(None), _t.c.delivered_at < before)
        purged: list[int] = []

        async def work(conn: AsyncConnection) -> None:
            purged[:] = [int((await conn.execute(statement)).rowcount or 0)]

        await guarded(lambda: write_alone(self._engine, work))
        return sum(purged)

    async def last_error(self, message_id: str, target: str) -> str | None:
        """The reason of a message's last failed attempt (tests)."""
        rows = await self._read(
            select(_t.c.last_error).where(_t.c.message_id == message_id, _t.c.target == target)
        )
        return rows[0][0] if rows else None


def _row(message: DropCopyMessage, target: str, at: datetime) -> dict[str, Any]:
    return {
        "message_id": message.id,
        "target": target,
        "kind": message.kind.value,
        "order_key": message.order_key,
        "body": message.body,
        "event_at": message.event_at,
        "recorded_at": at,
        "attempts": 0,
        "next_attempt_at": at,
        "delivered_at": None,
        "last_error": None,
    }


_o = orders
_FACTS = select(
    _o.c.id, _o.c.client_order_id, _o.c.account_id, _o.c.symbol, _o.c.side, _o.c.order_type,
    _o.c.time_in_force, _o.c.quantity, _o.c.limit_price, _o.c.stop_price, _o.c.origin_kind,
    _o.c.origin_id, _o.c.origin_channel, _o.c.broker, _o.c.broker_order_id,
)  # fmt: skip


class SqlOrderFacts(EngineStore):
    """OrderFactsSource (ports/drop_copy/drop_copy.py): the orders' columns the drop copy tells,
    for a batch of orders in one SELECT (where the unit of work would load each order whole)."""

    async def facts(self, order_ids: Sequence[str]) -> dict[str, OrderFacts]:
        if not order_ids:
            return {}
        rows = await self._read(_FACTS.where(_o.c.id.in_(list(order_ids))))
        return {
            r.id: OrderFacts(
                order_id=r.id,
                client_order_id=r.client_order_id,
                account_id=r.account_id,
                symbol=r.symbol,
                side=r.side,
                order_type=r.order_type,
                time_in_force=r.time_in_force,
                quantity=r.quantity,
                limit_price=r.limit_price,
                stop_price=r.stop_price,
                origin_kind=r.origin_kind,
                origin_id=r.origin_id,
                channel=r.origin_channel,
                broker=r.broker,
                broker_order_id=r.broker_order_id,
            )
            for r in rows
        }
