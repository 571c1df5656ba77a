"""SQL rows and records map column to field by name; a unit of work builds each repository once."""

from __future__ import annotations

import enum
from dataclasses import dataclass

import pytest
from sqlalchemy import Column, MetaData, String, Table, create_engine, insert, select

from adapters.postgres.rows import record, row_of
from adapters.unit_of_work import Repository


class Colour(enum.StrEnum):
    RED = "red"


@dataclass(frozen=True)
class Paint:
    id: str
    colour: Colour
    tags: tuple[str, ...]
    note: str = "none"


paints = Table(
    "paints",
    MetaData(),
    Column("id", String(8), primary_key=True),
    Column("colour", String(8)),
    Column("tags", String(64)),
)


wider = Table(
    "wider_paints",
    MetaData(),
    Column("id", String(8), primary_key=True),
    Column("finish", String(8)),
)


def stored(row: dict[str, object]) -> object:
    engine = create_engine("sqlite://")
    paints.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(paints), row)
        return conn.execute(select(paints)).one()


def test_a_row_takes_each_column_from_its_field_and_an_enum_as_its_value() -> None:
    # Arrange
    paint = Paint("p1", Colour.RED, ("a", "b"))

    # Act
    row = row_of(paint, paints, tags="a,b")

    # Assert
    assert row == {"id": "p1", "colour": "red", "tags": "a,b"}


def test_a_column_without_a_field_or_a_given_value_is_an_error() -> None:
    # Arrange
    paint = Paint("p1", Colour.RED, ())

    # Act / Assert
    with pytest.raises(AttributeError):
        row_of(paint, wider)


def test_a_record_takes_each_field_from_its_column_and_keeps_defaults_for_the_rest() -> None:
    # Arrange
    row = stored({"id": "p1", "colour": "red", "tags": "a,b"})

    # Act
    paint = record(Paint, row, colour=Colour("red"), tags=("a", "b"))

    # Assert
    assert paint == Paint("p1", Colour.RED, ("a", "b"), note="none")


class PriceRepo:
    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        Unit.built += 1


class Unit:
    built = 0
    prices = Repository(PriceRepo)


def test_a_repository_is_built_on_first_read_and_kept_for_its_unit() -> None:
    # Arrange
    Unit.built = 0
    unit, other = Unit(), Unit()

    # Act
    first, again, others = unit.prices, unit.prices, other.prices

    # Assert
    assert first is again and first.unit is unit
    assert others is not first and others.unit is other
    assert Unit.built == 2
