"""The store under test: the same repository contract suite runs on memory, SQLite, PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select

from adapters.memory.portfolios import InMemoryPortfolioStore
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from adapters.postgres.engine import make_engine
from adapters.postgres.portfolios import SqlPortfolioStore
from adapters.postgres.schema import metadata
from adapters.postgres.tables.outbox import outbox
from adapters.postgres.uow import unit_of_work_factory
from ports.portfolio.portfolios import PortfolioStore
from tests.kit.shared_store import SharedPostgresDatabase, SqliteTemplate

STORES = ["memory", "sqlite", "postgres"]

# The contracts' instant: with microseconds, which every store must give back as written.
T0 = datetime(2026, 3, 2, 14, 30, 0, 123456, tzinfo=UTC)

T = TypeVar("T")


@dataclass
class StoreUnderTest:
    """A unit-of-work factory and the kind of store behind it."""

    kind: str
    uow: Callable[[], Any]
    engine: Any = None

    def adapter(self, in_memory: Callable[[], T], sql: Callable[[Any], T]) -> T:
        """The adapter under test on this store: the in-memory one, or the SQL one on its engine."""
        return in_memory() if self.kind == "memory" else sql(self.engine)

    async def save(self, repository: str, *items: object) -> None:
        """Adds each item to the unit of work's `repository` (`uow.<repository>`), in order,
        in one unit of work that commits."""
        async with self.uow() as uow:
            repo = getattr(uow, repository)
            for item in items:
                await repo.add(item)
            await uow.commit()


def portfolio_store(store: StoreUnderTest, path: str) -> PortfolioStore:
    """The portfolio store on `store`, writing by the executemany path ("batched") or, on
    PostgreSQL, by the COPY fast path ("copy": `fast_path_rows=1` sends every batch through COPY
    into a temporary table); "copy" on another store skips."""
    if path == "copy" and store.kind != "postgres":
        pytest.skip("the COPY fast path is PostgreSQL's")
    rows = 1 if path == "copy" else 10**9
    return store.adapter(
        InMemoryPortfolioStore, lambda e: SqlPortfolioStore(e, fast_path_rows=rows)
    )


async def open_store(kind: str, url: str | None) -> StoreUnderTest:
    if kind == "memory":
        state = InMemoryStore()
        return StoreUnderTest(kind, lambda: InMemoryUnitOfWork(state))
    assert url is not None
    engine = make_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return StoreUnderTest(kind, unit_of_work_factory(engine), engine)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty SQL database for the migration tests: a SQLite file of the test's own, or
    PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[Any]:
    """An engine on the empty `database_url`, disposed after the test (pytest runs what follows
    the yield whether the test passed or failed)."""
    opened = make_engine(database_url)
    yield opened
    await opened.dispose()


async def unsent_in_outbox(store: StoreUnderTest) -> int:
    """How many outbox rows of a SQL store are not sent yet."""
    async with store.engine.connect() as conn:
        query = select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
        return int((await conn.execute(query)).scalar_one())


@pytest.fixture
def sql_only(store: StoreUnderTest) -> None:
    """Skips the in-memory store, for the outbox's tests: it publishes directly, with no outbox."""
    if store.kind == "memory":
        pytest.skip("the in-memory store publishes directly; it has no outbox")


@pytest.fixture(scope="session")
def shared_postgres(postgres_admin_url: str) -> Iterator[SharedPostgresDatabase]:
    """This process's PostgreSQL database with every table, emptied before each test that
    takes a `store` (tests/kit/shared_store.py)."""
    database = SharedPostgresDatabase(postgres_admin_url, metadata)
    try:
        yield database
    finally:
        database.drop()


_sqlite_template = SqliteTemplate(metadata)


@pytest.fixture(params=STORES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StoreUnderTest]:
    """An empty store of each kind, with every table: in memory; a SQLite file of the test's own
    (a copy of a template with the tables); or this process's shared PostgreSQL database,
    emptied first."""
    kind = request.param
    if kind == "memory":
        yield await open_store(kind, None)
        return
    if kind == "sqlite":
        path = tmp_path / "bulwark.db"
        _sqlite_template.copy_to(path)
        engine = make_engine(f"sqlite+aiosqlite:///{path}")
    else:
        shared: SharedPostgresDatabase = request.getfixturevalue("shared_postgres")
        engine = make_engine(shared.url)
        await shared.empty(engine)
    try:
        yield StoreUnderTest(kind, unit_of_work_factory(engine), engine)
    finally:
        await engine.dispose()
