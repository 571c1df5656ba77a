"""Engines for both dialects: pooling settings, SQLite pragmas, and error translation."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool
from sqlalchemy.util.concurrency import await_

from adapters.postgres.sqlite_hops import one_hop
from domain.errors import StoreUnavailable

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PoolSettings:
    """Connection pool sizing (PostgreSQL); SQLite uses its own small pool."""

    size: int = 10
    max_overflow: int = 20
    timeout_seconds: float = 5.0
    recycle_seconds: int = 1800
    pre_ping: bool = True
    connect_timeout_seconds: float = 5.0
    statement_timeout_ms: int = 10_000
    # No pooling: a connection per unit of work (tests that hop between event loops).
    null_pool: bool = False


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_on_file(engine: AsyncEngine) -> bool:
    """Whether `engine` is a SQLite database in a file (not in memory, and not PostgreSQL).

    Asked for every unit of work on the order path; the URL is rendered once per engine (its
    answer kept on the engine itself)."""
    sync = engine.sync_engine
    known: bool | None = getattr(sync, "_bulwark_sqlite_on_file", None)
    if known is None:
        url = engine.url
        database = url.database or ""
        known = (
            is_sqlite(str(url.drivername))
            and database not in ("", ":memory:")
            and "mode=memory" not in str(url)
        )
        sync._bulwark_sqlite_on_file = known  # type: ignore[attr-defined]
    return known


def normalize_url(url: str) -> str:
    """Pick the async driver for plain postgres:// and sqlite:// URLs."""
    for prefix, driver in (
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(prefix):
            return driver + url[len(prefix) :]
    return url


def make_engine(url: str, pool: PoolSettings | None = None) -> AsyncEngine:
    """An AsyncEngine for `url` (postgresql+asyncpg or sqlite+aiosqlite)."""
    url = normalize_url(url)
    pool = pool or PoolSettings()
    if pool.null_pool:
        engine = create_async_engine(url, poolclass=NullPool)
        if is_sqlite(url):
            _sqlite_events(engine)
        return engine
    if is_sqlite(url):
        # Readers only when commits are grouped (the writer has a connection of its own);
        # enough kept that a burst of units reading at once opens none (an aiosqlite
        # connection is a thread, and opening one costs its pragmas' hops).
        engine = create_async_engine(url, pool_size=16, max_overflow=16, pool_timeout=30)
        _sqlite_events(engine)
        return engine
    engine = create_async_engine(
        url,
        pool_size=pool.size,
        max_overflow=pool.max_overflow,
        pool_timeout=pool.timeout_seconds,
        pool_recycle=pool.recycle_seconds,
        pool_pre_ping=pool.pre_ping,
        connect_args={
            "timeout": pool.connect_timeout_seconds,
            "server_settings": {"statement_timeout": str(pool.statement_timeout_ms)},
        },
    )
    if engine.dialect.driver == "asyncpg":
        engine.sync_engine.dialect.do_ping = _one_trip_ping  # type: ignore[method-assign]
    return engine


def _one_trip_ping(dbapi_connection: Any) -> bool:
    """The pool's pre-ping in one round trip, not SQLAlchemy's three (BEGIN, `;`, ROLLBACK).

    SQLAlchemy wraps asyncpg's ping in a transaction for PgBouncer in transaction mode;
    Bulwark talks to PostgreSQL directly, and every unit of work that reads checks out a
    connection, so the two extra round trips were paid per unit of work.
    """
    try:
        await_(dbapi_connection.driver_connection.fetchrow(";"))
    except Exception as error:
        dbapi_connection._handle_exception(error)
    return True


def _sqlite_events(engine: AsyncEngine) -> None:
    event.listen(engine.sync_engine, "connect", sqlite_pragmas)
    if engine.dialect.driver == "aiosqlite":
        event.listen(engine.sync_engine, "connect", one_hop)


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers run beside the writer; busy_timeout queues writers instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


_GONE = frozenset({"3D000", "55000"})


def is_unavailable(exc: BaseException) -> bool:
    """True for errors that mean "the database cannot be reached", not "the query is wrong"."""
    if isinstance(exc, StoreUnavailable | PoolTimeout | OSError | TimeoutError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    # PostgreSQL: connection exceptions (08), insufficient resources (53), operator
    # intervention such as shutdown (57), a missing database (3D000), not accepting (55000).
    state = str(getattr(getattr(exc, "orig", None), "sqlstate", "") or "")
    if isinstance(exc, DBAPIError) and (state[:2] in {"08", "53", "57"} or state in _GONE):
        return True
    if isinstance(exc, InterfaceError):
        return True
    if isinstance(exc, OperationalError):
        return not is_contention(exc)  # SQLite's "database is locked" is not an outage
    return False


_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def is_contention(exc: BaseException) -> bool:
    """SQLite's "database is locked" or "busy" (SQLITE_BUSY, SQLITE_LOCKED or an extended code
    of theirs), as SQLAlchemy wraps it or as the driver raises it: contention for the file's
    locks, not an outage and not a wrong query."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if orig is None:
        return False
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _BUSY_CODES:  # an extended code's low byte
        return True
    text = str(orig).lower()
    return "locked" in text or "busy" in text


async def guarded(call: Callable[[], Awaitable[T]]) -> T:
    """Run a database call; connection failures become StoreUnavailable."""
    try:
        return await call()
    except Exception as exc:
        if is_unavailable(exc) and not isinstance(exc, StoreUnavailable):
            raise StoreUnavailable("the database is unavailable") from exc
        raise


_WRITERS: dict[tuple[int, int], asyncio.Lock] = {}


@contextlib.asynccontextmanager
async def single_writer(engine: AsyncEngine) -> AsyncIterator[None]:
    """On SQLite, one writing transaction of this process at a time; nothing on PostgreSQL.

    SQLite has one writer: waiting for it on an asyncio lock beats its busy handler, which
    sleeps in growing steps (a burst of concurrent commits then waits tens of ms each).
    One lock per engine and event loop (a lock belongs to the loop it is used on).
    """
    if engine.dialect.name != "sqlite":
        yield
        return
    key = (id(engine.sync_engine), id(asyncio.get_running_loop()))
    lock = _WRITERS.get(key)
    if lock is None:
        lock = _WRITERS[key] = asyncio.Lock()
    async with lock:
        yield
