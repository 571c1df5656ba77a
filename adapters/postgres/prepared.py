"""Statements built once, run on SQLite's writer thread without SQLAlchemy's execution path.

The order path's writes are a handful of statements built once per shape (an order's
INSERT, the account's version-checked UPDATE, positions' upserts, fills, outbox rows) and
run for every group. SQLAlchemy executes each through its cache key, execution context and
result machinery: about 80 µs a statement on the writer thread, most of a group's time there
(docs/performance.md). A statement marked `prepared(...)` is compiled once for SQLite per
set of parameter names, with SQLAlchemy's own compiler and bind processors (so a Decimal,
a datetime or a JSON value reaches the driver exactly as SQLAlchemy would send it), and run
on the driver's cursor directly: `execute` or `executemany`, nothing read back but the row
count. Anything the fast path does not cover falls back to SQLAlchemy: RETURNING, values
computed in Python at execution (column defaults), expanding IN lists, a statement never
marked, and every statement while something listens to the engine's events (an
instrumentation sees each statement as before). On PostgreSQL the group committer runs the
same marked statements on asyncpg directly (adapters/postgres/asyncpg_prepared.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

OPTION = "bulwark_prepared"
MAX_SHAPES = 512  # compiled forms kept per writer; past it the cache starts again

Statement = TypeVar("Statement")


def prepared(statement: Statement) -> Statement:
    """`statement`, marked to run on SQLite's writer without SQLAlchemy's execution path:
    only for a statement built once (module level or cached) and run many times."""
    return statement.execution_options(**{OPTION: True})  # type: ignore[attr-defined, no-any-return]


@dataclass(frozen=True, slots=True)
class Compiled:
    """A statement's SQL for SQLite's driver, the names of its parameters in order, and each
    parameter's bind processor (None: sent as it is).

    `given`: every parameter of the SQL is one the caller passes, under its own name (an
    INSERT's columns, an UPDATE's `b_id` and `v_...`); its values are then read from the
    caller's mapping directly, as SQLAlchemy's `construct_params` would read them, without
    building its dict of every bind first. Otherwise (a literal in the statement, `version +
    1`'s 1) `construct` fills in what the caller does not pass."""

    sql: str
    construct: Callable[..., dict[str, Any]]
    names: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    given: bool = False

    def row(self, parameters: Mapping[str, Any]) -> tuple[Any, ...]:
        values = parameters if self.given else self.construct(parameters)
        return tuple(
            v if p is None else p(v)
            for v, p in zip((values[n] for n in self.names), self.processors, strict=True)
        )


@dataclass(frozen=True, slots=True)
class Done:
    """What a prepared statement answers: its row count (all the writes read back)."""

    rowcount: int


class PreparedStatements:
    """The writer's compiled forms, by statement and parameter names."""

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        self._shapes: dict[tuple[int, tuple[str, ...], bool], tuple[Any, Compiled | None]] = {}

    def compiled(self, statement: Any, parameters: Any) -> Compiled | None:
        """The statement's compiled form for these parameters; None: SQLAlchemy runs it."""
        options = getattr(statement, "_execution_options", None)
        if not options or not options.get(OPTION):
            return None
        many = isinstance(parameters, list)
        first = parameters[0] if many and parameters else parameters
        if not isinstance(first, Mapping):
            return None
        key = (id(statement), tuple(first), many)
        shape = self._shapes.get(key)
        if shape is None or shape[0] is not statement:  # a new statement with a reused id
            if len(self._shapes) >= MAX_SHAPES:
                self._shapes.clear()
            shape = (statement, self._compile(statement, key[1], many))
            self._shapes[key] = shape
        return shape[1]

    def _compile(self, statement: Any, names: tuple[str, ...], many: bool) -> Compiled | None:
        # For rows (`many`) as SQLAlchemy compiles an executemany: on PostgreSQL a single
        # row's INSERT would return its generated key, which no caller here reads.
        compiled = statement.compile(
            dialect=self._dialect, column_keys=list(names), for_executemany=many
        )
        if (
            not compiled.positional
            or compiled.positiontup is None
            or compiled.insert_prefetch
            or compiled.update_prefetch
            or compiled.returning
            or compiled.literal_execute_params
            or compiled.post_compile_params
        ):
            return None
        order = tuple(compiled.positiontup)
        bind = compiled._bind_processors
        escaped = compiled.escaped_bind_names or {}
        keys = {escaped.get(name, name): bp.key for bp, name in compiled.bind_names.items()}
        given = all(keys.get(name) == name for name in order) and set(order) <= set(names)
        return Compiled(
            compiled.string,
            compiled.construct_params,
            order,
            tuple(bind.get(name) for name in order),
            given,
        )


def run(cursor: sqlite3.Cursor, compiled: Compiled, parameters: Any) -> Done:
    """Run a prepared statement's rows on the driver; its errors wrapped as SQLAlchemy's."""
    try:
        if isinstance(parameters, list):
            cursor.executemany(compiled.sql, [compiled.row(p) for p in parameters])
        else:
            cursor.execute(compiled.sql, compiled.row(parameters or {}))
    except sqlite3.Error as exc:
        raise DBAPIError.instance(
            compiled.sql, parameters, exc, sqlite3.Error, dialect=None
        ) from exc
    return Done(cursor.rowcount)


__all__ = ["Compiled", "Done", "PreparedStatements", "prepared", "run"]
