"""SQLite's short reads of the order path, on the event loop's own thread: no hop at all.

Why: a read through aiosqlite is a hop to the connection's thread and back. On an idle
machine that is ~0.3 ms of wake-up; on a busy one each hop also hands the interpreter lock
to another thread, and the event loop waits for it back (measured on `bench_orders --store
sqlite`: handing work to the reader and writer threads was the largest single item of the
event loop's time). A point read of a WAL database that is in the page cache costs tens of
microseconds on the calling thread, less than the hop.

Which reads: only statements marked `loop_read(...)`, those bounded by a key (an account by
id with its positions and open orders, an account's version, the trading states of a
batch's scopes, the stored orders of a batch's idempotency keys, the rules' revision). A
read whose size a client decides (a listing, an export) stays on aiosqlite's thread, so
nothing a client sends can hold the event loop for long.

How: a plain sqlite3 connection per engine and event loop, with SQLAlchemy's sync engine
over it (the statements, types and bind processors are the ones the async path uses), in
autocommit mode: a SELECT opens no transaction, and every row is fetched before the call
returns, so no read snapshot outlives the statement and the writer's checkpoints are never
held back. An in-memory database (one connection only) is never read this way.

Never a wait on the event loop: the connection's busy timeout is zero. A WAL reader is
rarely refused (while another connection recovers the WAL index or restarts the log), but
SQLite's busy handler would then sleep on the event loop's thread, up to the store's busy
timeout, holding up every task of the loop, among them a transaction of another connection
that the sleeping read may be waiting on. A read refused so raises `LoopReadBusy`, and the
unit of work runs it on aiosqlite's thread instead, where waiting holds up nobody.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Connection, Engine, Executable, Result, create_engine, event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import StaticPool

from adapters.postgres.engine import (
    is_contention,
    is_unavailable,
    sqlite_on_file,
    sqlite_pragmas,
)
from domain.errors import StoreUnavailable

OPTION = "bulwark_loop_read"


def loop_read(statement: Any) -> Any:
    """`statement`, marked as a short keyed read that SQLite may run on the event loop."""
    return statement.execution_options(**{OPTION: True})


class LoopReadBusy(Exception):
    """SQLite refused the read at once (locked or busy): run it where waiting is harmless."""


def is_loop_read(statement: Executable) -> bool:
    options = getattr(statement, "_execution_options", None)
    return options is not None and bool(options.get(OPTION))


class LoopReader:
    """Runs marked reads on the calling (event loop) thread over a connection of its own."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.sync_engine: Engine = create_engine(
            engine.url.set(drivername="sqlite+pysqlite"),
            poolclass=StaticPool,  # one connection, only ever used by the loop's thread
            isolation_level="AUTOCOMMIT",  # a SELECT opens no transaction
            # Closed from the disposing thread; no wait in the busy handler, even while
            # connecting (the driver's default would wait 5 s).
            connect_args={"check_same_thread": False, "timeout": 0},
        )
        event.listen(self.sync_engine, "connect", sqlite_pragmas)
        event.listen(self.sync_engine, "connect", _never_wait)  # after the store's pragmas
        self._conn: Connection | None = None

    def execute(self, statement: Executable, parameters: dict[str, Any] | None) -> Result[Any]:
        """Every row of the read, fetched now (StoreUnavailable for an outage; LoopReadBusy
        when SQLite refused it rather than make the loop wait)."""
        try:
            conn = self._conn
            if conn is None:
                conn = self._conn = self.sync_engine.connect()
            return conn.execute(statement, parameters).freeze()()
        except Exception as exc:
            self.close()  # the next read starts on a fresh connection
            if is_contention(exc):
                raise LoopReadBusy(str(exc)) from exc
            if is_unavailable(exc):
                raise StoreUnavailable("the database is unavailable") from exc
            raise

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                conn.invalidate()

    def dispose(self) -> None:
        self.close()
        self.sync_engine.dispose()


def loop_reader(engine: AsyncEngine) -> LoopReader | None:
    """The engine's reader for the running event loop; None where reads cannot run in the
    loop (PostgreSQL, an in-memory SQLite database). Kept on the engine itself, one per event
    loop, and closed when the engine is disposed."""
    if not sqlite_on_file(engine):
        return None
    loop = asyncio.get_running_loop()
    sync = engine.sync_engine
    readers: dict[int, tuple[asyncio.AbstractEventLoop, LoopReader]] | None = getattr(
        sync, "_bulwark_loop_readers", None
    )
    if readers is None:
        readers = sync._bulwark_loop_readers = {}  # type: ignore[attr-defined]
        event.listen(sync, "engine_disposed", _close_all)
    held = readers.get(id(loop))
    if held is None or held[0] is not loop:
        if held is not None:
            held[1].dispose()
        held = readers[id(loop)] = (loop, LoopReader(engine))
    return held[1]


def _never_wait(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA busy_timeout=0")


def _close_all(sync: Engine) -> None:
    readers = getattr(sync, "_bulwark_loop_readers", {})
    for _loop, reader in readers.values():
        reader.dispose()
    readers.clear()
