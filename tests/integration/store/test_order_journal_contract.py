"""Contract of the order journal: placed orders' audit entries journaled with a unit of work's
commit, and moved into the audit chain by the journal's projection, each exactly once, on
memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.order_journal import InMemoryOrderJournalProjection
from adapters.postgres.audit import SqlAuditLog
from adapters.postgres.order_journal import SqlOrderJournalProjection
from application.core.audit_chain import ChainWalker
from application.core.audit_context import audit_context
from application.trading.order_audit import OrderAuditTrail
from bootstrap.order_audit import order_audit_lifetime
from ports.core.audit import JournalLag
from ports.core.events import AuditEntry
from tests.integration.store.conftest import T0, StoreUnderTest


def _placed(n: int) -> AuditEntry:
    return AuditEntry(
        "agent-1", "order.placed", "account:acc-1", "approved", T0 + timedelta(seconds=n),
        {"order_id": f"ord-{n:03d}", "quantity": "1.50", "reasons": [], "algorithm": None},
    )  # fmt: skip


def _log_and_projection(store: StoreUnderTest) -> tuple[Any, Any]:
    """The store's audit log and the journal's projection into it."""
    if store.kind == "memory":
        log = InMemoryAuditLog()
        return log, InMemoryOrderJournalProjection(store.uow().store, log)
    sql = SqlAuditLog(store.engine)
    return sql, SqlOrderJournalProjection(store.engine, sql)


async def _journal(store: StoreUnderTest, *entries: AuditEntry) -> None:
    async with store.uow() as uow:
        await uow.order_journal.add(list(entries))
        await uow.commit()


async def test_journaled_entries_are_chained_in_journal_order_after_the_chain_head(
    store: StoreUnderTest,
) -> None:
    # Arrange
    log, projection = _log_and_projection(store)
    await log.record(AuditEntry("u-1", "auth.login", "user:u-1", "ok", T0))
    await _journal(store, _placed(1), _placed(2))
    await _journal(store, _placed(3))

    # Act
    waiting = await projection.lag()
    moved = await projection.project(100)
    chain = await log.chain(0, 100)

    # Assert: read back as journaled, every link checks, the journal empty
    assert waiting == JournalLag(3, T0 + timedelta(seconds=1))
    assert moved == 3
    assert [link.seq for link in chain] == [1, 2, 3, 4]
    assert [link.entry for link in chain[1:]] == [_placed(1), _placed(2), _placed(3)]
    walker = ChainWalker()
    assert walker.feed(chain) is None and walker.finish() is None
    assert await projection.lag() == JournalLag(0, None)
    assert await projection.project(100) == 0


async def test_a_unit_of_work_left_without_commit_journals_nothing(store: StoreUnderTest) -> None:
    # Arrange
    _, projection = _log_and_projection(store)

    # Act
    async with store.uow() as uow:
        await uow.order_journal.add([_placed(1)])

    # Assert
    assert await projection.lag() == JournalLag(0, None)
    assert await projection.project(100) == 0


async def test_a_projection_moves_at_most_its_share_oldest_first(store: StoreUnderTest) -> None:
    # Arrange
    log, projection = _log_and_projection(store)
    await _journal(store, *(_placed(n) for n in range(5)))

    # Act
    first = await projection.project(2)
    after_first = await projection.lag()
    rest = await projection.project(10)

    # Assert
    assert (first, rest) == (2, 3)
    assert after_first == JournalLag(3, T0 + timedelta(seconds=2))
    chain = await log.chain(0, 100)
    assert [link.entry.details["order_id"] for link in chain] == [f"ord-{n:03d}" for n in range(5)]


async def test_projections_running_at_once_chain_each_entry_once(store: StoreUnderTest) -> None:
    # Arrange: two processes' projections over one store
    log, one = _log_and_projection(store)
    _, other = _log_and_projection(store)
    if store.kind == "memory":
        other = InMemoryOrderJournalProjection(store.uow().store, log)
    await _journal(store, *(_placed(n) for n in range(40)))

    # Act
    moved = await asyncio.gather(*(p.project(7) for p in (one, other, one, other) * 3))

    # Assert
    chain = await log.chain(0, 100)
    assert sum(moved) == 40
    assert sorted(link.entry.details["order_id"] for link in chain) == [
        f"ord-{n:03d}" for n in range(40)
    ]
    walker = ChainWalker()
    assert walker.feed(chain) is None and walker.finish() is None


async def test_an_entry_keeps_the_request_context_of_its_commit(store: StoreUnderTest) -> None:
    # Arrange
    log, projection = _log_and_projection(store)
    with audit_context("req-9", "198.51.100.7"):
        await _journal(store, _placed(1))

    # Act
    await projection.project(10)

    # Assert
    [link] = await log.chain(0, 10)
    assert (link.entry.request_id, link.entry.ip) == ("req-9", "198.51.100.7")


async def test_a_start_chains_what_an_earlier_run_left_in_the_journal(
    store: StoreUnderTest,
) -> None:
    # Arrange: decisions journaled by a run that died before its turn
    log, projection = _log_and_projection(store)
    await _journal(store, _placed(1), _placed(2))
    lifetime = order_audit_lifetime(OrderAuditTrail(projection), None)

    # Act: the next run starts
    await anext(lifetime)
    chain = await log.chain(0, 10)
    await lifetime.aclose()

    # Assert
    assert [link.entry for link in chain] == [_placed(1), _placed(2)]
    assert await projection.lag() == JournalLag(0, None)
