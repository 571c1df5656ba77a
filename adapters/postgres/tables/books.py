"""Books: one row per book, its members, limits and instrument names as JSON documents (read
and written whole, never queried inside)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, String, Table

from adapters.postgres import columns
from adapters.postgres.types import metadata

books = Table(
    "books",
    metadata,
    columns.id_key(),
    columns.owner_id(index=True),
    Column("name", String(120), nullable=False),
    Column("currency", String(10), nullable=False),
    Column("members", JSON(), nullable=False),  # account ids, sorted
    Column("limits", JSON(), nullable=False),  # [{"kind", "limit", "instrument"}], decimal strings
    Column("aliases", JSON(), nullable=False),  # {symbol: canonical instrument}
    columns.money("peak_equity"),
    columns.created_at(),
)
