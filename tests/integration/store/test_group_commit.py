"""Group commit on SQLite and PostgreSQL: units committing at once share one transaction,
and each still commits or fails on its own, and is answered only after the COMMIT."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.engine import PoolSettings, make_engine
from adapters.postgres.group_commit import committer_for
from adapters.postgres.outbox import OutboxWriter
from adapters.postgres.tables.trading import accounts
from adapters.postgres.uow import SqlUnitOfWork
from domain.errors import ConcurrentUpdate
from domain.trading.accounts import Account
from tests.integration.store.conftest import StoreUnderTest
from tests.integration.store.test_faults import FailingOutboxWriter, OutboxWriteFailed, _denied

D = Decimal


@pytest.fixture
def sql(store: StoreUnderTest) -> StoreUnderTest:
    if store.kind == "memory":
        pytest.skip("the in-memory store has no transactions to group")
    return store


def _account(account_id: str) -> Account:
    return Account(account_id, "u-1", D(1000), start_of_day_equity=D(1000), peak_equity=D(1000))


async def _opened(store: StoreUnderTest, count: int, prefix: str) -> list[SqlUnitOfWork]:
    """`count` units of work, each with a new account and a denied order, not yet committed."""
    units = []
    for i in range(count):
        uow = await store.uow().__aenter__()
        await uow.accounts.add(_account(f"{prefix}-{i}"))
        await uow.orders.add(_denied(f"ord-{prefix}-{i}", f"{prefix}-{i}", f"cl-{prefix}-{i}"))
        units.append(uow)
    return units


async def _close(units: Sequence[SqlUnitOfWork]) -> None:
    for uow in units:
        await uow.__aexit__(None, None, None)


async def _stored_accounts(store: StoreUnderTest) -> dict[str, int]:
    async with store.engine.connect() as conn:
        rows = (await conn.execute(select(accounts.c.id, accounts.c.version))).all()
    return {row.id: row.version for row in rows}


async def test_units_committing_at_once_share_one_transaction(sql: StoreUnderTest) -> None:
    units = await _opened(sql, 12, "g")
    committer = committer_for(sql.engine)
    groups_before = committer.groups

    await asyncio.gather(*(uow.commit() for uow in units))
    await _close(units)

    assert set(await _stored_accounts(sql)) == {f"g-{i}" for i in range(12)}
    assert committer.groups - groups_before == 1
    assert all(uow.committed for uow in units)


async def test_a_unit_failing_its_version_check_fails_alone(sql: StoreUnderTest) -> None:
    async with sql.uow() as uow:
        await uow.accounts.add(_account("shared"))
        await uow.commit()
    stale_uow = await sql.uow().__aenter__()
    stale = await stale_uow.accounts.get("shared")
    async with sql.uow() as uow:  # another writer moves the account on first
        (await uow.accounts.get("shared")).cash = D(5)
        await uow.commit()
    stale.cash = D(7)
    others = await _opened(sql, 4, "ok")
    committer = committer_for(sql.engine)
    groups_before = committer.groups

    results = await asyncio.gather(
        *(uow.commit() for uow in [*others[:2], stale_uow, *others[2:]]),
        return_exceptions=True,
    )
    await _close([*others, stale_uow])

    assert committer.groups - groups_before == 1
    assert isinstance(results[2], ConcurrentUpdate)
    assert [r for i, r in enumerate(results) if i != 2] == [None] * 4
    stored = await _stored_accounts(sql)
    assert {f"ok-{i}" for i in range(4)} <= set(stored)
    assert stored["shared"] == 1  # the other writer's update only
    assert stale.version == 0  # put back as loaded: the failed try's bump is undone
    async with sql.uow() as uow:
        assert (await uow.accounts.get("shared")).cash == D(5)


async def test_a_unit_that_crashes_mid_group_fails_alone_and_keeps_nothing(
    sql: StoreUnderTest,
) -> None:
    crashing = await SqlUnitOfWork(sql.engine, FailingOutboxWriter()).__aenter__()
    await crashing.accounts.add(_account("crash"))
    await crashing.orders.add(_denied("ord-crash", "crash", "cl-crash"))
    others = await _opened(sql, 3, "fine")
    committer = committer_for(sql.engine)
    groups_before = committer.groups

    results = await asyncio.gather(
        *(uow.commit() for uow in [others[0], crashing, *others[1:]]), return_exceptions=True
    )
    await _close([*others, crashing])

    assert committer.groups - groups_before == 1
    assert isinstance(results[1], OutboxWriteFailed)
    assert [results[0], *results[2:]] == [None] * 3
    stored = await _stored_accounts(sql)
    assert "crash" not in stored
    assert {f"fine-{i}" for i in range(3)} <= set(stored)
    assert not crashing.committed


async def test_a_duplicate_key_in_one_unit_fails_only_that_unit(sql: StoreUnderTest) -> None:
    first = await _opened(sql, 1, "dup")
    await first[0].commit()
    await _close(first)
    again = [await sql.uow().__aenter__()]
    # Another order with the client order id of dup-0's: (account, client id) is unique.
    await again[0].orders.add(_denied("ord-other", "dup-0", "cl-dup-0"))
    others = await _opened(sql, 2, "fresh")

    results = await asyncio.gather(
        *(uow.commit() for uow in [others[0], again[0], others[1]]), return_exceptions=True
    )
    await _close([*others, *again])

    assert isinstance(results[1], ConcurrentUpdate)
    assert results[0] is None and results[2] is None
    assert {"fresh-0", "fresh-1"} <= set(await _stored_accounts(sql))
    async with sql.uow() as uow:
        assert await uow.orders.get("ord-other") is None


class ProbingOutboxWriter(OutboxWriter):
    """Writes the events, then looks from another connection for the unit's account row.

    It runs inside the group's transaction, after the account's row was written: what
    it sees is what any other reader would see before COMMIT.
    """

    def __init__(self, store: StoreUnderTest, account_id: str) -> None:
        super().__init__()
        self.store = store
        self.account_id = account_id
        self.seen: list[bool] = []

    async def insert(self, conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
        await super().insert(conn, rows)
        if self.store.kind == "sqlite":  # on the writer's thread: a plain reader of the file
            self.seen.append(_visible_in_the_file(self.store, self.account_id))
        else:
            async with self.store.engine.connect() as reader:
                query = select(accounts.c.id).where(accounts.c.id == self.account_id)
                self.seen.append((await reader.execute(query)).first() is not None)


async def test_nothing_is_visible_before_the_group_commits(sql: StoreUnderTest) -> None:
    probe = ProbingOutboxWriter(sql, "probed")
    probed = await SqlUnitOfWork(sql.engine, probe).__aenter__()
    await probed.accounts.add(_account("probed"))
    await probed.orders.add(_denied("ord-probed", "probed", "cl-probed"))
    others = await _opened(sql, 3, "seen")

    await asyncio.gather(*(uow.commit() for uow in [*others, probed]))
    await _close([*others, probed])

    assert probe.seen == [False]
    assert "probed" in await _stored_accounts(sql)


@pytest.fixture
def commits() -> Iterator[list[str]]:
    """What happened, in order: each COMMIT SQLAlchemy saw on any engine's connection."""
    seen: list[str] = []

    def on_commit(conn: Any) -> None:
        seen.append("COMMIT")

    event.listen(Engine, "commit", on_commit)
    try:
        yield seen
    finally:
        event.remove(Engine, "commit", on_commit)


def _visible_in_the_file(store: StoreUnderTest, account_id: str) -> bool:
    """Whether a plain reader of the SQLite file sees the account (blocking, no await)."""
    with sqlite3.connect(str(store.engine.url.database)) as reader:
        query = "SELECT 1 FROM accounts WHERE id = ?"
        return reader.execute(query, (account_id,)).fetchone() is not None


async def test_each_commit_returns_only_after_the_groups_commit(
    sql: StoreUnderTest, commits: list[str]
) -> None:
    units = await _opened(sql, 5, "durable")

    async def commit(uow: SqlUnitOfWork, account_id: str) -> None:
        await uow.commit()
        if sql.kind == "sqlite":  # its writer commits on its own thread, outside SQLAlchemy's
            # events: read the file at once, before the loop can run anything else.
            seen = _visible_in_the_file(sql, account_id)
            commits.append("answered, committed" if seen else "answered, not committed")
        else:
            commits.append("answered")

    await asyncio.gather(*(commit(uow, f"durable-{i}") for i, uow in enumerate(units)))
    await _close(units)

    if sql.kind == "sqlite":
        assert commits == ["answered, committed"] * 5
    else:
        assert commits == ["COMMIT"] + ["answered"] * 5


async def test_a_commit_on_an_idle_writer_does_not_wait_for_company(sql: StoreUnderTest) -> None:
    units = await _opened(sql, 1, "alone")
    committer = committer_for(sql.engine)
    groups_before = committer.groups

    await asyncio.wait_for(units[0].commit(), timeout=5)
    await _close(units)

    assert committer.groups - groups_before == 1
    assert "alone-0" in await _stored_accounts(sql)


async def test_a_group_writes_the_rows_of_all_its_units_in_shared_statements(
    sql: StoreUnderTest,
) -> None:
    units = await _opened(sql, 8, "bulk")
    statements: list[str] = []

    def on_statement(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(" ".join(statement.split()[:3]).upper())

    event.listen(Engine, "before_cursor_execute", on_statement)
    try:
        await asyncio.gather(*(uow.commit() for uow in units))
    finally:
        event.remove(Engine, "before_cursor_execute", on_statement)
    await _close(units)

    assert statements.count("INSERT INTO ORDERS") == 1
    assert statements.count("INSERT INTO OUTBOX") == 1
    assert statements.count("INSERT INTO ACCOUNTS") == 8  # each its own (an upsert each)
    async with sql.uow() as uow:
        assert len([o for o in await uow.orders.list(limit=50) if o.id.startswith("ord-bulk")]) == 8


async def test_units_waiting_for_a_group_hold_no_connection_its_writer_needs(
    sql: StoreUnderTest,
) -> None:
    # One pooled connection (PostgreSQL; SQLite's writer has its own): each unit reads
    # on it, then waits for a group whose writer needs a connection from the same pool.
    engine = make_engine(str(sql.engine.url.render_as_string(hide_password=False)), ONE)
    try:
        async with SqlUnitOfWork(engine) as uow:
            await uow.accounts.add(_account("pooled"))
            await uow.commit()

        async def read_then_write(n: int) -> None:
            async with SqlUnitOfWork(engine) as uow:
                await uow.accounts.get("pooled")
                await uow.accounts.add(_account(f"pooled-{n}"))
                await uow.commit()

        await asyncio.wait_for(asyncio.gather(*(read_then_write(n) for n in range(4))), 20)

        assert {f"pooled-{n}" for n in range(4)} <= set(await _stored_accounts(sql))
    finally:
        await engine.dispose()


ONE = PoolSettings(size=1, max_overflow=0, timeout_seconds=2.0)


async def test_a_unit_with_nothing_to_write_commits_without_a_transaction(
    sql: StoreUnderTest,
) -> None:
    async with sql.uow() as uow:
        await uow.accounts.add(_account("read-only"))
        await uow.commit()
    committer = committer_for(sql.engine)
    groups_before = committer.groups

    async with sql.uow() as uow:
        account = await uow.accounts.get("read-only")
        await uow.commit()

    assert account is not None and uow.committed
    assert committer.groups == groups_before


async def test_on_postgresql_the_others_still_share_statements_after_one_fails(
    sql: StoreUnderTest,
) -> None:
    if sql.kind != "postgres":
        pytest.skip("SQLite finds the failed unit with savepoints, one unit at a time")
    async with sql.uow() as uow:
        await uow.accounts.add(_account("contested"))
        await uow.commit()
    stale_uow = await sql.uow().__aenter__()
    (await stale_uow.accounts.get("contested")).cash = D(3)
    async with sql.uow() as uow:
        (await uow.accounts.get("contested")).cash = D(4)
        await uow.commit()
    others = await _opened(sql, 4, "shared")
    statements: list[str] = []

    def on_statement(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(" ".join(statement.split()[:3]).upper())

    event.listen(Engine, "before_cursor_execute", on_statement)
    try:
        results = await asyncio.gather(
            *(uow.commit() for uow in [stale_uow, *others]), return_exceptions=True
        )
    finally:
        event.remove(Engine, "before_cursor_execute", on_statement)
    await _close([stale_uow, *others])

    assert isinstance(results[0], ConcurrentUpdate)
    assert results[1:] == [None] * 4
    # The stale unit's version check fails before any shared statement; the rest then
    # commit together: their orders in one INSERT.
    assert statements.count("INSERT INTO ORDERS") == 1
