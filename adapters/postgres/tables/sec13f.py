"""The Official List of Section 13(f) Securities (migration 0058)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Integer, String, Table

from adapters.postgres.types import UtcDateTime, metadata

sec13f_list = Table(
    "sec13f_list",
    metadata,
    Column("cusip", String(9), primary_key=True),
    Column("issuer_name", String(150), nullable=False),
    Column("title_of_class", String(150), nullable=False),
    Column("is_option", Boolean, nullable=False),
    Column("status", String(8), nullable=False),  # LISTED, ADDED, DELETED
)

sec13f_list_import = Table(
    "sec13f_list_import",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("period", String(8), nullable=False),  # "2025 Q1"
    Column("list_date", Date, nullable=True),
    Column("imported_at", UtcDateTime(), nullable=False),
    Column("entries", Integer, nullable=False),
    Column("deleted", Integer, nullable=False),
)
