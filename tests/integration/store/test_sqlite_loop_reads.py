"""SQLite's keyed reads of the order path run on the event loop's thread: no connection of the
aiosqlite pool is taken for them, they see every committed write, and the reads a client sizes
still go through the pool."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from adapters.postgres.engine import make_engine
from adapters.postgres.schema import metadata
from adapters.postgres.sqlite_loop_reads import is_loop_read, loop_read, loop_reader
from adapters.postgres.tables.trading import accounts
from adapters.postgres.uow import unit_of_work_factory
from domain.trading.accounts import Account

D = Decimal


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'reads.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()


def _checkouts(engine: AsyncEngine) -> list[int]:
    """Counts connections taken from the engine's (aiosqlite) pool, from now on."""
    taken = [0]

    def checkout(*_args: Any) -> None:
        taken[0] += 1

    event.listen(engine.sync_engine, "checkout", checkout)
    return taken


def _account(account_id: str) -> Account:
    return Account(account_id, "u-1", D(1000), start_of_day_equity=D(1000), peak_equity=D(1000))


async def test_an_account_read_by_id_takes_no_pooled_connection_and_sees_the_last_commit(
    engine: AsyncEngine,
) -> None:
    # Arrange
    uow_factory = unit_of_work_factory(engine)
    async with uow_factory() as uow:
        await uow.accounts.add(_account("acc-1"))
        await uow.commit()
    taken = _checkouts(engine)

    # Act
    async with uow_factory() as uow:
        read = await uow.accounts.get("acc-1")
        version = await uow.accounts.version("acc-1")

    # Assert
    assert taken == [0]
    assert read is not None and read.cash == D(1000)
    assert version == read.version


async def test_a_listing_a_client_sizes_still_reads_through_the_pool(engine: AsyncEngine) -> None:
    # Arrange
    uow_factory = unit_of_work_factory(engine)
    async with uow_factory() as uow:
        await uow.accounts.add(_account("acc-1"))
        await uow.commit()
    taken = _checkouts(engine)

    # Act
    async with uow_factory() as uow:
        listed = await uow.accounts.list()

    # Assert
    assert [a.id for a in listed] == ["acc-1"]
    assert taken == [1]


async def test_a_loop_read_runs_on_the_calling_thread_and_leaves_no_transaction_open(
    engine: AsyncEngine,
) -> None:
    # Arrange
    reader = loop_reader(engine)
    assert reader is not None
    threads: list[int] = []
    event.listen(
        reader.sync_engine,
        "before_cursor_execute",
        lambda *_: threads.append(threading.get_ident()),
    )
    statement = loop_read(select(accounts.c.id))

    # Act
    rows = reader.execute(statement, None).all()

    # Assert
    assert rows == []
    assert threads == [threading.get_ident()]
    raw = reader.sync_engine.raw_connection()  # the reader's one connection (StaticPool)
    assert not raw.dbapi_connection.in_transaction  # type: ignore[union-attr]
    assert is_loop_read(statement) and not is_loop_read(select(accounts.c.id))


async def test_a_read_sqlite_refuses_waits_off_the_loop_and_the_loop_keeps_running(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    # Arrange: an account committed, the engine's connections closed; then another connection
    # holds the database exclusively (so even a WAL reader is refused) for 0.4 s, while a task
    # of the loop ticks
    uow_factory = unit_of_work_factory(engine)
    async with uow_factory() as uow:
        await uow.accounts.add(_account("acc-1"))
        await uow.commit()
    await engine.dispose()
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        other = sqlite3.connect(tmp_path / "reads.db", isolation_level=None)
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE accounts SET cash = cash WHERE id = 'acc-1'")
        held.set()
        release.wait(5)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert await asyncio.to_thread(held.wait, 5)
    ticks = [0]

    async def tick() -> None:
        while True:
            ticks[0] += 1
            await asyncio.sleep(0.01)

    ticker = asyncio.create_task(tick())
    asyncio.get_running_loop().call_later(0.4, release.set)

    # Act
    async with uow_factory() as uow:
        read = await uow.accounts.get("acc-1")
    ticker.cancel()
    holder.join()

    # Assert: the read waited for the lock on aiosqlite's thread, not on the loop's
    assert read is not None and read.cash == D(1000)
    assert ticks[0] >= 10


async def test_an_in_memory_database_is_never_read_on_the_loop() -> None:
    # Arrange
    engine = create_async_engine("sqlite+aiosqlite:///:memory:")

    # Act
    reader = loop_reader(engine)

    # Assert
    assert reader is None
    await engine.dispose()
