"""Live trading: one row per account whose owner acknowledged its opt-in."""

from __future__ import annotations

from sqlalchemy import Column, Index, String, Table

from adapters.postgres.types import UtcDateTime, metadata

live_opt_ins = Table(
    "live_opt_ins",
    metadata,
    Column("account_id", String(64), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("connection_id", String(64), nullable=False),
    Column("status", String(32), nullable=False),  # pending_approval | enabled
    Column("acknowledged_by", String(64), nullable=False),
    Column("acknowledged_at", UtcDateTime(), nullable=False),
    Column("approved_by", String(64), nullable=True),
    Column("approved_at", UtcDateTime(), nullable=True),
    Index("ix_live_opt_ins_status", "status"),
)
