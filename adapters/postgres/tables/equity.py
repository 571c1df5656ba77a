"""The `equity_snapshots` table: one valuation of each account per UTC day."""

from __future__ import annotations

from sqlalchemy import Column, Date, PrimaryKeyConstraint, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

equity_snapshots = Table(
    "equity_snapshots",
    metadata,
    # No foreign key to accounts: history outlives an archived account, and the snapshot
    # job writes outside the order transaction.
    Column("account_id", String(64), nullable=False),
    Column("day", Date(), nullable=False),
    columns.money("equity"),
    columns.money("cash"),
    columns.money("market_value"),
    columns.money("gross_exposure"),
    columns.money("net_flow"),
    columns.money("traded_notional"),
    columns.money("realized_pnl"),
    Column("taken_at", UtcDateTime(), nullable=False),
    # The key is also the range query's index: (account, day) ascending.
    PrimaryKeyConstraint("account_id", "day"),
)
