"""Users' planning profiles: expenses, safe withdrawal rate, other assets, autopilot."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, String, Table

from adapters.postgres.types import Money, UtcDateTime, metadata

planning_profiles = Table(
    "planning_profiles",
    metadata,
    Column("owner_id", String(64), primary_key=True),  # one profile per user
    Column("annual_expenses", Money(), nullable=False),
    Column("safe_withdrawal_rate", Money(), nullable=False),  # a fraction, exact
    Column("other_assets", Money(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("autopilot", Boolean(), nullable=False),
    Column("autopilot_changed_at", UtcDateTime(), nullable=True),
    Column("updated_at", UtcDateTime(), nullable=False),
)
