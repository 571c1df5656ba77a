"""Each user's giving: donations with receipts, donor-advised fund grants, and
opening carryovers. Money is exact (Money: NUMERIC / canonical text); ids compare byte-wise
on PostgreSQL (COLLATE "C") so (date, id) pages are the same on every store."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from adapters.postgres import columns
from adapters.postgres.types import metadata, ordered_id

giving_donations = Table(
    "giving_donations",
    metadata,
    columns.id_key(ordered_id()),
    columns.owner_id(),
    Column("receipt", String(32), nullable=False),
    Column("donated_on", Date(), nullable=False),
    Column("donee", String(200), nullable=False),
    Column("donee_ein", String(10), nullable=True),
    Column("donee_kind", String(24), nullable=False),
    Column("kind", String(8), nullable=False),  # cash | stock
    columns.money("fair_market_value"),
    Column("fund", String(200), nullable=True),
    Column("symbol", String(32), nullable=True),
    columns.money("shares", nullable=True),
    columns.money("cost_basis", nullable=True),
    Column("acquired", Date(), nullable=True),
    Column("memo", Text(), nullable=False),
    columns.created_at(),
    UniqueConstraint("owner_id", "receipt", name="uq_giving_donations_owner_id_receipt"),
    Index("ix_giving_donations_owner", "owner_id", "donated_on", "id"),
)

giving_daf_grants = Table(
    "giving_daf_grants",
    metadata,
    columns.id_key(ordered_id()),
    columns.owner_id(),
    Column("fund", String(200), nullable=False),
    Column("granted_on", Date(), nullable=False),
    Column("grantee", String(200), nullable=False),
    Column("grantee_ein", String(10), nullable=True),
    columns.money("amount"),
    Column("memo", Text(), nullable=False),
    columns.created_at(),
    Index("ix_giving_daf_grants_owner", "owner_id", "granted_on", "id"),
)

giving_carryovers = Table(
    "giving_carryovers",
    metadata,
    columns.owner_id(),
    Column("category", String(16), nullable=False),
    Column("origin_year", Integer(), nullable=False),
    Column("into_year", Integer(), nullable=False),  # the same on all of an owner's rows
    columns.money("amount"),
    PrimaryKeyConstraint("owner_id", "category", "origin_year", name="pk_giving_carryovers"),
)
