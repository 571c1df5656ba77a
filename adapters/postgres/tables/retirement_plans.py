"""Retirement plans kept beside trading accounts, and their contributions."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, String, Table

from adapters.postgres.types import Json, Money, UtcDateTime, metadata

retirement_plans = Table(
    "retirement_plans",
    metadata,
    Column("account_id", String(64), primary_key=True),
    Column("owner_id", String(64), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("birth_date", Date(), nullable=False),
    Column("compensation", Money(), nullable=True),
    Column("self_employed", Boolean(), nullable=False),
    Column("match_tiers", Json, nullable=False),  # [{"band": "0.03", "rate": "1"}, ...]
    Column("vesting", Json, nullable=True),  # {"kind", "years", "start", "step"}
    Column("service_start", Date(), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

retirement_contributions = Table(
    "retirement_contributions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("account_id", String(64), nullable=False),
    Column("owner_id", String(64), nullable=False, index=True),
    Column("tax_year", Integer(), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("source", String(16), nullable=False),
    Column("contributed_on", Date(), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_retirement_contributions_account", "account_id", "tax_year"),
)
