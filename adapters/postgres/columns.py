"""Columns many tables declare alike: the string `id` key, the owner and user references, the
created and updated timestamps, the optimistic-lock version, and exact money.

Each call builds a new Column (a Column belongs to one table); what it declares is the same
name, type and constraints the tables wrote out before, so the schema is unchanged.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Column, Integer, String
from sqlalchemy.types import TypeEngine

from adapters.postgres.types import Money, UtcDateTime


def id_key(type_: TypeEngine[str] | None = None) -> Column[str]:
    """`id`, the table's primary key: String(64), or `type_` (such as `ordered_id()`)."""
    return Column("id", String(64) if type_ is None else type_, primary_key=True)


def owner_id(*, index: bool | None = None) -> Column[str]:
    """`owner_id`, the id of the user a row belongs to (required)."""
    return Column("owner_id", String(64), nullable=False, index=index)


def user_id(*, index: bool | None = None) -> Column[str]:
    """`user_id`, the id of the user a row is about (required)."""
    return Column("user_id", String(64), nullable=False, index=index)


def created_at(*, nullable: bool = False, index: bool | None = None) -> Column[datetime]:
    """`created_at`, when the row was made (UTC)."""
    return Column("created_at", UtcDateTime(), nullable=nullable, index=index)


def updated_at(*, nullable: bool = False) -> Column[datetime]:
    """`updated_at`, when the row last changed (UTC)."""
    return Column("updated_at", UtcDateTime(), nullable=nullable)


def version() -> Column[int]:
    """`version`, the optimistic-lock counter a write compares and bumps."""
    return Column("version", Integer, nullable=False)


def money(name: str, *, nullable: bool = False) -> Column[Decimal]:
    """An exact amount or quantity (Money: NUMERIC on PostgreSQL, canonical text on SQLite)."""
    return Column(name, Money(), nullable=nullable)
