"""The SQLite side of group commit: a whole group in one hop to a writer thread of its own.

Why a thread of our own with a plain sqlite3 connection rather than aiosqlite's: every
aiosqlite call is a hop to its thread (and SQLAlchemy's adapter makes several per
statement), each ~0.3 ms of wake-up while the CPU idles, and SQLAlchemy's async layer cannot
run its statement machinery inside that thread. Here SQLAlchemy's sync engine runs in the
writer thread, the plan's steps (the same coroutines the PostgreSQL path awaits) are driven
to their end there, and the event loop waits for one future per group.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sqlite3
import threading
from collections.abc import Awaitable
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import StaticPool

from adapters.postgres.engine import is_unavailable, single_writer, sqlite_pragmas
from adapters.postgres.group_commit import Outcome, Plan, UnitFailed, apply_merged
from adapters.postgres.prepared import PreparedStatements, run


class _SyncConnection:
    """What a plan's steps await on the writer thread: a sync connection that answers at once.

    The steps are the same coroutines the async path runs (they only `await conn.execute`),
    driven here by `drive`, so the statements are built in one place for both paths. A
    statement marked `prepared` runs on the driver's cursor (adapters/postgres/prepared.py).
    """

    def __init__(self, conn: Connection, statements: PreparedStatements) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self._statements = statements
        self._cursor: sqlite3.Cursor | None = None

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        compiled = self._statements.compiled(statement, parameters)
        if compiled is None or self._observed():
            return self.conn.execute(statement, parameters)
        cursor = self._cursor
        if cursor is None:
            raw = self.conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)  # the writer's pysqlite connection
            cursor = self._cursor = raw.cursor()
        return run(cursor, compiled, parameters)

    async def scalar(self, statement: Any, parameters: Any = None) -> Any:
        """The first column of the first row a read selects (None: no row)."""
        return self.conn.scalar(statement, parameters)

    def _observed(self) -> bool:
        """Whether anything listens to the engine's statements (an instrumentation, a test):
        then every statement goes through SQLAlchemy, which tells its listeners."""
        return bool(self.conn._has_events or self.conn.engine._has_events)


def drive(awaitable: Awaitable[Any]) -> Any:
    """Run a coroutine that never suspends (its awaits all answer at once) to its end."""
    coro = awaitable.__await__()
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    coro.close()
    raise RuntimeError("a write step awaited something other than the writer's connection")


class SqliteGroupWriter:
    """A group on SQLite: one hop to a dedicated writer thread, which runs all of it.

    Why a thread of our own with a plain sqlite3 connection rather than aiosqlite's: every
    aiosqlite call is a hop to its thread (cursor, execute, fetch, close: four per
    statement, each ~0.3 ms of wake-up while the CPU idles), and SQLAlchemy's async layer
    cannot run its statement machinery inside that thread. Here SQLAlchemy's sync engine
    runs in the writer thread: BEGIN IMMEDIATE (take the write lock up front, so the
    transaction cannot fail to upgrade half way), a SAVEPOINT per unit, COMMIT; the event
    loop waits for one future. The single-writer lock keeps the engine's other writers
    (the outbox relay's marks, the audit log) from meeting this one in SQLite's busy handler.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        url = engine.url.set(drivername="sqlite+pysqlite")
        self._sync = create_engine(
            url,
            poolclass=StaticPool,  # one connection, used only by the writer thread
            isolation_level="AUTOCOMMIT",  # the driver opens no transaction; we do
            connect_args={"check_same_thread": False},
        )
        event.listen(self._sync, "connect", sqlite_pragmas)
        self._thread = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="bulwark-sqlite-writer"
        )
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self._statements = PreparedStatements(self._sync.dialect)

    async def __call__(self, plans: list[Plan]) -> list[Outcome]:
        loop = asyncio.get_running_loop()
        async with single_writer(self._engine):
            return await loop.run_in_executor(self._thread, self._run, plans)

    def _run(self, plans: list[Plan]) -> list[Outcome]:
        with self._lock:
            if self._conn is None:
                self._conn = self._sync.connect()
            conn = self._conn
            raw = conn.connection.dbapi_connection

            def sql(statement: str) -> None:
                # Transaction control straight to sqlite3: SQLAlchemy adds nothing here
                # but its per-statement cost; its errors are wrapped as its own would be.
                try:
                    raw.execute(statement)  # type: ignore[union-attr]
                except sqlite3.Error as exc:
                    raise OperationalError(statement, None, exc) from exc

            shim = _SyncConnection(conn, self._statements)
            outcomes: list[Outcome] = [None] * len(plans)
            alone = len(plans) == 1
            if not alone and self._merged(plans, shim, sql):
                return outcomes
            sql("BEGIN IMMEDIATE")
            try:
                for index, plan in enumerate(plans):
                    if not alone:
                        sql("SAVEPOINT unit")
                    try:
                        drive(plan.apply(shim))
                    except Exception as exc:
                        if alone or is_unavailable(exc):
                            raise
                        sql("ROLLBACK TO unit")
                        outcomes[index] = exc
                    if not alone:
                        sql("RELEASE unit")
                sql("COMMIT")
            except BaseException as exc:
                self._abort(conn)
                if alone and isinstance(exc, Exception) and not is_unavailable(exc):
                    return [exc]
                raise
            return outcomes

    def _merged(self, plans: list[Plan], shim: _SyncConnection, sql: Any) -> bool:
        """All units in one go, bulk rows shared; False (nothing kept) if any unit failed."""
        sql("BEGIN IMMEDIATE")
        try:
            drive(apply_merged(plans, shim))
            sql("COMMIT")
        except Exception as exc:
            self._abort(shim.conn)
            error = exc.error if isinstance(exc, UnitFailed) else exc
            if is_unavailable(error):
                raise error from error.__cause__
            for plan in plans:
                plan.restore()
            return False
        except BaseException:
            self._abort(shim.conn)
            raise
        return True

    def _abort(self, conn: Connection) -> None:
        try:
            conn.exec_driver_sql("ROLLBACK")
        except Exception:
            # The connection is in an unknown state: start the next group on a fresh one.
            self._conn = None
            conn.invalidate()

    def close(self) -> None:
        """Close the writer's connection and thread (the engine is being disposed)."""
        self._thread.submit(self._close_in_thread).result()
        self._thread.shutdown(wait=False)

    def _close_in_thread(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._sync.dispose()
