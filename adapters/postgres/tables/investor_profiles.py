"""Users' investor profiles: risk tolerance, horizon, tax brackets, accredited bases, terms."""

from __future__ import annotations

from sqlalchemy import Column, Integer, SmallInteger, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

investor_profiles = Table(
    "investor_profiles",
    metadata,
    Column("owner_id", String(64), primary_key=True),  # one profile per user
    Column("risk_tolerance", SmallInteger(), nullable=False),  # 1 conservative .. 5 aggressive
    Column("questionnaire_score", SmallInteger(), nullable=True),
    Column("horizon_years", Integer(), nullable=False),
    Column("filing_status", String(32), nullable=False),
    columns.money("federal_bracket"),  # a fraction, exact
    Column("state", String(2), nullable=True),
    columns.money("state_rate"),
    Column("accredited_bases", String(256), nullable=False),  # comma-separated criterion ids
    Column("accredited_attested_at", UtcDateTime(), nullable=True),
    Column("terms_version", String(32), nullable=True),
    Column("terms_accepted_at", UtcDateTime(), nullable=True),
    columns.updated_at(),
)
