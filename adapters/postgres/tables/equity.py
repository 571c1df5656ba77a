"""The `equity_snapshots` table: one valuation of each account per UTC day."""

from __future__ import annotations

from sqlalchemy import Column, Date, PrimaryKeyConstraint, String, Table

from adapters.postgres.types import Money, UtcDateTime, metadata

equity_snapshots = Table(
    "equity_snapshots",
    metadata,
    # No foreign key to accounts: history outlives an archived account, and the snapshot
    # job writes outside the order transaction.
    Column("account_id", String(64), nullable=False),
    Column("day", Date(), nullable=False),
    Column("equity", Money(), nullable=False),
    Column("cash", Money(), nullable=False),
    Column("market_value", Money(), nullable=False),
    Column("gross_exposure", Money(), nullable=False),
    Column("net_flow", Money(), nullable=False),
    Column("traded_notional", Money(), nullable=False),
    Column("realized_pnl", Money(), nullable=False),
    Column("taken_at", UtcDateTime(), nullable=False),
    # The key is also the range query's index: (account, day) ascending.
    PrimaryKeyConstraint("account_id", "day"),
)
