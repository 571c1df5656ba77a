"""Rows and records: a domain dataclass to its table's row and back, column by field name.

A column takes the field of the same name (an enum as its value); what is stored otherwise
(a tuple as comma-separated text, an enum rebuilt from its value) is written out where the
mapping is used, as keyword arguments, so only the exceptions are spelled.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Table

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
