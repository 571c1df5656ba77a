"""aiosqlite with one hop per statement, and none for a rollback that has nothing to undo.

aiosqlite runs every call on the connection's own thread, and each call is a hop there and
back (~0.3 ms of wake-up latency, measured, while the CPU idles). SQLAlchemy's adapter
makes four per statement (cursor, execute, fetchall, close), and a rollback hop whenever a
connection goes back to the pool, though a unit of work that only read has no transaction
open (the driver begins one only before a write). This module swaps the adapter's classes
on each new connection (the `connect` event in engine.make_engine):

- a statement is one call on the thread: cursor, execute, fetch every row, close;
- rollback and commit are skipped when the sqlite3 connection is not in a transaction
  (`in_transaction` is a plain attribute read; the connection's thread is idle then, as
  every call to it has been awaited).
"""

from __future__ import annotations

import collections
from typing import Any

from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_


def _run(raw: Any, operation: Any, parameters: Any, many: bool) -> tuple[Any, list[Any], int, Any]:
    """On the connection's thread: the whole statement, its rows read and its cursor closed."""
    cursor = raw.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose execute is one call on aiosqlite's thread."""

    __slots__ = ("_arraysize", "_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:  # no aiosqlite cursor: no hop
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: Any = None
        self._arraysize = 1

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        return self._arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._arraysize = value

    def _hop(self, operation: Any, parameters: Any, many: bool) -> None:
        aio = self._connection
        try:
            found = await_(aio._execute(_run, aio._conn, operation, parameters, many))
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self._description, rows, self._rowcount, self._lastrowid = found
        self._rows = collections.deque(rows)

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._hop(operation, parameters, False)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        self._hop(operation, seq_of_parameters, True)

    async def _async_soft_close(self) -> None:
        return None

    def close(self) -> None:
        self._rows.clear()


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    """The adapter's connection with OneHopCursor, and no hop for an empty rollback."""

    __slots__ = ()
    _cursor_cls = OneHopCursor

    def _in_transaction(self) -> bool:
        raw = self._connection._connection
        return raw is None or bool(raw.in_transaction)

    def rollback(self) -> None:
        if self._in_transaction():
            super().rollback()

    def commit(self) -> None:
        if self._in_transaction():
            super().commit()


def one_hop(dbapi_connection: Any, _record: Any) -> None:
    """`connect` event: give a new aiosqlite connection the classes above."""
    if type(dbapi_connection) is AsyncAdapt_aiosqlite_connection:
        dbapi_connection.__class__ = OneHopConnection
