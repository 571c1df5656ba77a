"""Users' planning profiles: expenses, safe withdrawal rate, other assets, autopilot."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

planning_profiles = Table(
    "planning_profiles",
    metadata,
    Column("owner_id", String(64), primary_key=True),  # one profile per user
    columns.money("annual_expenses"),
    columns.money("safe_withdrawal_rate"),  # a fraction, exact
    columns.money("other_assets"),
    Column("currency", String(3), nullable=False),
    Column("autopilot", Boolean(), nullable=False),
    Column("autopilot_changed_at", UtcDateTime(), nullable=True),
    columns.updated_at(),
)
