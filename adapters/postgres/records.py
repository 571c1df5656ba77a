"""Stores on an engine, one short transaction per call; rows and records: a domain dataclass
to its table's row and back, column by field name; the store of one row per key (a user's
profile, an account's settings).

A column takes the field of the same name (an enum as its value); what is stored otherwise
(a tuple as comma-separated text, an enum rebuilt from its value) is written out where the
mapping is used, as keyword arguments, so only the exceptions are spelled.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.repos.base import upsert

T = TypeVar("T")
W = TypeVar("W")


def row_of(obj: Any, table: Table, **given: Any) -> dict[str, Any]:
    """`table`'s row for `obj`: each column the attribute of its name, unless in `given`."""
    row: dict[str, Any] = {}
    for name in _columns(table):
        value = given[name] if name in given else getattr(obj, name)
        row[name] = value.value if isinstance(value, enum.Enum) else value
    return row


def record(cls: type[T], row: Any, **given: Any) -> T:
    """A `cls` dataclass from `row`: each field the column of its name, unless in `given`
    (a field with neither keeps its default)."""
    values: dict[str, Any] = {}
    kind: type = cls
    for name, index in _places(kind, row._fields):
        if name in given:
            values[name] = given[name]
        elif index >= 0:
            values[name] = row[index]
    return cls(**values)


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal as text in a JSON document (a float on the way back would not be exact)."""
    return None if value is None else str(value)


def decimal_or_none(value: Any) -> Decimal | None:
    """The Decimal of a JSON document's number or text, None for None."""
    return None if value is None else Decimal(str(value))


@functools.cache
def _columns(table: Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.columns)


@functools.cache
def _places(cls: type, columns: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Each field of `cls` with the index of its column in a row of `columns` (-1: none)."""
    index = {name: i for i, name in enumerate(columns)}
    return tuple((f.name, index.get(f.name, -1)) for f in dataclasses.fields(cls))


class EngineStore:
    """A store on an engine, each call its own short transaction; connection failures
    become StoreUnavailable (`guarded`), and writers queue for SQLite's one writer."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def _read(self, statement: Any) -> list[Any]:
        """The rows `statement` selects."""

        async def run() -> list[Any]:
            async with self._engine.connect() as conn:
                return list((await conn.execute(statement)).all())

        return await guarded(run)

    async def _write(self, work: Callable[[AsyncConnection], Awaitable[W]]) -> W:
        """`work` in a write transaction of its own; what it returns."""

        async def run() -> W:
            async with single_writer(self._engine), self._engine.begin() as conn:
                return await work(conn)

        return await guarded(run)

    async def _change(self, statement: Any) -> int:
        """Run a write statement in a transaction of its own; the rows it changed."""

        async def work(conn: AsyncConnection) -> int:
            return int((await conn.execute(statement)).rowcount or 0)

        return await self._write(work)


class RowPerKey(EngineStore, Generic[T]):
    """A store of one row per key on `table`, one short transaction per call: `get` reads
    the row of a key, `put` upserts it. Subclasses give `table`, `key`, `to_row`, `from_row`."""

    table: Table
    key: str

    def to_row(self, item: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: Any) -> T:
        raise NotImplementedError

    async def get(self, key: str) -> T | None:
        rows = await self._read(select(self.table).where(self.table.c[self.key] == key))
        return self.from_row(rows[0]) if rows else None

    async def put(self, item: T) -> None:
        row = self.to_row(item)
        await self._write(lambda conn: upsert(conn, self.table, row, (self.key,)))
