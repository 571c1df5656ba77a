"""The backtests table: one row per run, its request and result as JSON documents."""

from __future__ import annotations

from sqlalchemy import Column, Double, Index, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

backtests = Table(
    "backtests",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("strategy_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("progress", Double(), nullable=False),
    Column("request", Json, nullable=False),
    Column("result", Json, nullable=True),
    Column("error", Text, nullable=True),
    columns.created_at(),
    Column("started_at", UtcDateTime(), nullable=True),
    Column("finished_at", UtcDateTime(), nullable=True),
    Index("ix_backtests_owner_created", "owner_id", "created_at"),
    Index("ix_backtests_status", "status"),
)
