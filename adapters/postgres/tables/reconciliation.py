"""Reconciliation: each venue account's last report (its drift as JSON, plain decimal
strings)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, String, Table, Text

from adapters.postgres.types import Json, UtcDateTime, metadata

reconciliation_reports = Table(
    "reconciliation_reports",
    metadata,
    Column("account_id", String(64), primary_key=True),
    Column("connection_id", String(64), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("checked_at", UtcDateTime(), nullable=False),
    # {"positions": [[symbol, bulwark, venue], ...], "orders": [[client id, symbol, at], ...]}
    # or NULL when the venue did not answer
    Column("drift", Json, nullable=True),
    Column("error", Text(), nullable=False),
    Column("confirmed", Boolean(), nullable=False),
    Column("halted", Boolean(), nullable=False),
    Index("ix_reconciliation_reports_connection", "connection_id", "account_id"),
)
