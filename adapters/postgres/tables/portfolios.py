"""The portfolio ledger: portfolios, their accounts, transactions, daily valuations.

Money and quantities are exact (Money: NUMERIC / canonical text), dates are Date. Ledger ids
and account ids compare byte-wise on PostgreSQL (COLLATE "C"), as Python compares strings, so
(trade_date, id) pages are the same on every store.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from adapters.postgres.types import Money, UtcDateTime, metadata, ordered_id

portfolios = Table(
    "portfolios",
    metadata,
    Column("id", ordered_id(), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("base_currency", String(3), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Index("ix_portfolios_owner_id", "owner_id", "id"),
)

portfolio_accounts = Table(
    "portfolio_accounts",
    metadata,
    Column("id", String(64), primary_key=True),  # an account is in one portfolio at most
    Column("portfolio_id", ordered_id(), ForeignKey("portfolios.id"), nullable=False),
    Column("position", Integer(), nullable=False),  # the order the accounts were added in
    Column("name", String(200), nullable=False),
    Column("kind", String(16), nullable=False),  # trading | manual
    Column("tax_type", String(16), nullable=False),
    Column("lot_method", String(16), nullable=False),
    Index("ix_portfolio_accounts_portfolio_id", "portfolio_id"),
)

portfolio_transactions = Table(
    "portfolio_transactions",
    metadata,
    Column("id", ordered_id(), primary_key=True),
    Column("portfolio_id", ordered_id(), ForeignKey("portfolios.id"), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("trade_date", Date(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("symbol", String(64), nullable=True),
    Column("quantity", Money(), nullable=False),
    Column("price", Money(), nullable=False),
    Column("amount", Money(), nullable=False),
    Column("fees", Money(), nullable=False),
    Column("split_ratio", Money(), nullable=True),
    Column("lot_method", String(16), nullable=True),
    Column("lot_picks", Text(), nullable=True),  # JSON [[lot_id, "quantity"], ...]; NULL: none
    Column("acquired", Date(), nullable=True),
    Column("source", String(16), nullable=False),
    Column("external_id", String(128), nullable=True),
    Column("note", Text(), nullable=False),
    UniqueConstraint("portfolio_id", "external_id"),
    Index("ix_portfolio_transactions_order", "portfolio_id", "trade_date", "id"),
)

portfolio_valuations = Table(
    "portfolio_valuations",
    metadata,
    Column("portfolio_id", ordered_id(), ForeignKey("portfolios.id"), nullable=False),
    Column("day", Date(), nullable=False),
    Column("market_value", Money(), nullable=False),
    Column("cash_flow", Money(), nullable=False),
    Column("currency", String(3), nullable=False),
    PrimaryKeyConstraint("portfolio_id", "day"),
)
