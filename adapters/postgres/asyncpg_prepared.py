"""The group committer's statements on PostgreSQL through asyncpg directly.

The SQLite writer runs a statement marked `prepared(...)` on the driver's cursor
(adapters/postgres/prepared.py). On PostgreSQL the same statements went through SQLAlchemy's
execution path: its cache key, execution context and result set up for every statement, and
its parameter dictionary built again for every row of an executemany, a third of the order
path's CPU under the profiler (docs/performance.md). Here a marked statement is compiled
once for asyncpg's dialect per set of parameter names, with SQLAlchemy's own compiler and
bind processors (a value reaches the driver as SQLAlchemy would send it), and run on the
asyncpg connection beneath the group's: `executemany` (pipelined by asyncpg) for rows, else
`execute`, whose status gives the row count (the account's version check reads it).

The transaction is the group's own: SQLAlchemy's asyncpg adapter begins it lazily at the
first statement, and so does this path, through the adapter, under the adapter's own lock.
A driver error is translated as the adapter translates it, then wrapped as SQLAlchemy wraps
it, so a unique violation is an `IntegrityError` and a lost connection invalidates the
group's connection, as before. Anything else goes through SQLAlchemy: a statement not
marked, RETURNING, an expanding IN list, and every statement while something listens to the
engine's statement events (an instrumentation sees each statement as before).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.prepared import Compiled, Done, PreparedStatements

_COUNTED = re.compile(r"(?:SELECT|UPDATE|DELETE|INSERT \d+) (\d+)")
_STATEMENT_EVENTS = (
    "before_execute",
    "after_execute",
    "before_cursor_execute",
    "after_cursor_execute",
)


class AsyncpgStatements:
    """What a group's steps await on PostgreSQL: the group's connection, with the marked
    statements run on asyncpg (see the module); every other attribute is the connection's."""

    def __init__(self, conn: AsyncConnection, statements: PreparedStatements) -> None:
        self._conn = conn
        self._statements = statements
        self._listened: bool | None = None  # asked once per group

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        compiled = self._statements.compiled(statement, parameters)
        if compiled is None or self._observed():
            return await self._conn.execute(statement, parameters)
        return await self._run(compiled, parameters)

    def _observed(self) -> bool:
        """Whether anything listens to the engine's statements (an instrumentation, a test):
        then every statement goes through SQLAlchemy, which tells its listeners."""
        if self._listened is None:
            dispatch = self._conn.sync_connection.dispatch  # type: ignore[union-attr]
            self._listened = any(getattr(dispatch, name) for name in _STATEMENT_EVENTS)
        return self._listened

    async def _run(self, compiled: Compiled, parameters: Any) -> Done:
        raw = await self._conn.get_raw_connection()
        adapted: Any = raw.dbapi_connection  # SQLAlchemy's adapter of the asyncpg connection
        driver = adapted._connection
        async with adapted._execute_mutex:
            if adapted._transaction is None:
                await adapted._start_transaction()
            try:
                if isinstance(parameters, list):
                    await driver.executemany(compiled.sql, [compiled.row(p) for p in parameters])
                    return Done(-1)
                status = await driver.execute(compiled.sql, *compiled.row(parameters or {}))
            except Exception as error:  # the adapter's translation, then SQLAlchemy's wrap
                raise await self._wrapped(adapted, compiled, parameters, error) from error
        counted = _COUNTED.match(status or "")
        return Done(int(counted.group(1)) if counted else -1)

    async def _wrapped(
        self, adapted: Any, compiled: Compiled, parameters: Any, error: Exception
    ) -> BaseException:
        dialect = self._conn.dialect
        try:
            adapted._handle_exception(error)
        except Exception as translated:
            error = translated
        wrapped = DBAPIError.instance(
            compiled.sql,
            parameters,
            error,
            dialect.loaded_dbapi.Error,
            dialect=dialect,
            connection_invalidated=dialect.is_disconnect(error, adapted, None),  # type: ignore[arg-type]
        )
        if wrapped.connection_invalidated:
            await self._conn.invalidate(wrapped)
        return wrapped


def asyncpg_statements(conn: AsyncConnection) -> AsyncpgStatements:
    """The group connection `conn` with its marked statements run on asyncpg (compiled forms
    kept per dialect object: one per engine)."""
    dialect = conn.dialect
    statements: PreparedStatements | None = getattr(dialect, "_bulwark_prepared", None)
    if statements is None:
        statements = PreparedStatements(dialect)
        dialect._bulwark_prepared = statements  # type: ignore[attr-defined]
    return AsyncpgStatements(conn, statements)
