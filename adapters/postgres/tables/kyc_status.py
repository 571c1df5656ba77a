"""The kyc_statuses table: one row per user whose KYC status was derived (migration 0055)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table, Text

from adapters.postgres.types import UtcDateTime, metadata

kyc_statuses = Table(
    "kyc_statuses",
    metadata,
    Column("user_id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=True),
    Column("verified_until", UtcDateTime(), nullable=True),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("version", Integer(), nullable=False),
    # The identity-verification provider's latest result (all NULL: none yet).
    Column("provider", String(32), nullable=True),
    Column("provider_reference", String(128), nullable=True),
    Column("provider_outcome", String(16), nullable=True),
    Column("provider_at", UtcDateTime(), nullable=True),
    Column("provider_reason", Text, nullable=True),
)
