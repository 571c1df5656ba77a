"""Users' price alerts: a threshold on a symbol, its state and how often it fired."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table

from adapters.postgres.types import Money, UtcDateTime, metadata

price_alerts = Table(
    "price_alerts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("symbol", String(32), nullable=False),
    Column("direction", String(8), nullable=False),  # above / below
    Column("threshold", Money(), nullable=False),
    Column("mode", String(8), nullable=False),  # once / rearm
    Column("hysteresis", Money(), nullable=False),
    Column("state", String(16), nullable=False),  # waiting / armed / disarmed / done
    Column("fired_count", Integer(), nullable=False),
    Column("last_fired_at", UtcDateTime(), nullable=True),
    Column("last_price", Money(), nullable=True),
    Column("note", String(200), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_price_alerts_owner_created", "owner_id", "created_at"),
    Index("ix_price_alerts_state_symbol", "state", "symbol"),
)
