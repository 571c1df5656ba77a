"""Rows and records: a domain dataclass to its table's row and back, column by field name,
and the store of one row per key (a user's profile, an account's settings).

A column takes the field of the same name (an enum as its value); what is stored otherwise
(a tuple as comma-separated text, an enum rebuilt from its value) is written out where the
mapping is used, as keyword arguments, so only the exceptions are spelled.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.engine import guarded, single_writer
from adapters.postgres.repos.base import upsert

T = TypeVar("T")


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


@functools.cache
def _columns(table: Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.columns)


@functools.cache
def _places(cls: type, columns: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Each field of `cls` with the index of its column in a row of `columns` (-1: none)."""
    index = {name: i for i, name in enumerate(columns)}
    return tuple((f.name, index.get(f.name, -1)) for f in dataclasses.fields(cls))


class RowPerKey(Generic[T]):
    """A store of one row per key on `table`, one short transaction per call: `get` reads
    the row of a key, `put` upserts it. Subclasses give `table`, `key`, `to_row`, `from_row`."""

    table: Table
    key: str

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    def to_row(self, item: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: Any) -> T:
        raise NotImplementedError

    async def get(self, key: str) -> T | None:
        return await guarded(lambda: self._get(key))

    async def put(self, item: T) -> None:
        await guarded(lambda: self._put(item))

    async def _get(self, key: str) -> T | None:
        query = select(self.table).where(self.table.c[self.key] == key)
        async with self._engine.begin() as conn:
            row = (await conn.execute(query)).first()
        return None if row is None else self.from_row(row)

    async def _put(self, item: T) -> None:
        async with single_writer(self._engine), self._engine.begin() as conn:
            await upsert(conn, self.table, self.to_row(item), (self.key,))
