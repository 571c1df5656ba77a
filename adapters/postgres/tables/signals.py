"""The `signals` table: trading signals emitted by the pattern engine, one per bar and pattern."""

from __future__ import annotations

from sqlalchemy import Column, Double, Index, String, Table, UniqueConstraint

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

signals = Table(
    "signals",
    metadata,
    columns.id_key(),
    Column("symbol", String(64), nullable=False),
    Column("timeframe", String(8), nullable=False),
    Column("pattern", String(32), nullable=False),
    Column("score", Double(), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    columns.created_at(),
    Column("reason", String(256), nullable=False),
    Column("details", Json, nullable=False),
    # One signal per bar and pattern, however many scanners read that bar.
    UniqueConstraint("symbol", "timeframe", "pattern", "at", name="uq_signals_key"),
    # Pages newest first, of every symbol or of one: (created_at, id) descending.
    Index("ix_signals_created_at", "created_at", "id"),
    Index("ix_signals_symbol_created_at", "symbol", "created_at", "id"),
)
