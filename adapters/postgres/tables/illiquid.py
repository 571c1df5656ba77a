"""Illiquid assets of the portfolio ledger and their manual valuations (migration 0021).

Money is exact (Money: NUMERIC / canonical text); dates are Date. An asset belongs to one
portfolio (foreign key) and carries its owner's id for owner-scoped listings; a valuation is
keyed by (asset_id, as_of): one a day, append-only.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Index, PrimaryKeyConstraint, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata, ordered_id

illiquid_assets = Table(
    "illiquid_assets",
    metadata,
    columns.id_key(ordered_id()),
    Column("portfolio_id", ordered_id(), ForeignKey("portfolios.id"), nullable=False),
    columns.owner_id(),
    Column("name", String(200), nullable=False),
    Column("kind", String(32), nullable=False),  # real_estate | art | private_equity
    Column("currency", String(3), nullable=False),
    Column("acquired", Date(), nullable=False),
    columns.money("cost"),
    columns.created_at(),
    Column("note", Text(), nullable=False),
    Index("ix_illiquid_assets_owner_id", "owner_id", "id"),
)

illiquid_valuations = Table(
    "illiquid_valuations",
    metadata,
    Column("asset_id", ordered_id(), ForeignKey("illiquid_assets.id"), nullable=False),
    Column("as_of", Date(), nullable=False),
    columns.money("value"),
    Column("method", String(32), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("note", Text(), nullable=False),
    PrimaryKeyConstraint("asset_id", "as_of"),
)
