"""Users' price alerts: a threshold on a symbol, its state and how often it fired."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

price_alerts = Table(
    "price_alerts",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("symbol", String(32), nullable=False),
    Column("direction", String(8), nullable=False),  # above / below
    columns.money("threshold"),
    Column("mode", String(8), nullable=False),  # once / rearm
    columns.money("hysteresis"),
    Column("state", String(16), nullable=False),  # waiting / armed / disarmed / done
    Column("fired_count", Integer(), nullable=False),
    Column("last_fired_at", UtcDateTime(), nullable=True),
    columns.money("last_price", nullable=True),
    Column("note", String(200), nullable=False),
    columns.created_at(),
    Index("ix_price_alerts_owner_created", "owner_id", "created_at"),
    Index("ix_price_alerts_state_symbol", "state", "symbol"),
)
