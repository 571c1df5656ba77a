"""Retirement plans kept beside trading accounts, and their contributions."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Table

from adapters.postgres import columns
from adapters.postgres.types import Json, metadata

retirement_plans = Table(
    "retirement_plans",
    metadata,
    Column("account_id", String(64), primary_key=True),
    columns.owner_id(index=True),
    Column("kind", String(16), nullable=False),
    Column("birth_date", Date(), nullable=False),
    columns.money("compensation", nullable=True),
    Column("self_employed", Boolean(), nullable=False),
    Column("match_tiers", Json, nullable=False),  # [{"band": "0.03", "rate": "1"}, ...]
    Column("vesting", Json, nullable=True),  # {"kind", "years", "start", "step"}
    Column("service_start", Date(), nullable=True),
    columns.created_at(),
    columns.updated_at(),
)

retirement_contributions = Table(
    "retirement_contributions",
    metadata,
    columns.id_key(),
    Column("account_id", String(64), nullable=False),
    columns.owner_id(index=True),
    Column("tax_year", Integer(), nullable=False),
    columns.money("amount"),
    Column("source", String(16), nullable=False),
    Column("contributed_on", Date(), nullable=False),
    columns.created_at(),
    Index("ix_retirement_contributions_account", "account_id", "tax_year"),
)
