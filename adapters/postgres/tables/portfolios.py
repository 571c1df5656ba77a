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

from adapters.postgres import columns
from adapters.postgres.types import Money, metadata, ordered_id

portfolios = Table(
    "portfolios",
    metadata,
    columns.id_key(ordered_id()),
    columns.owner_id(),
    Column("name", String(200), nullable=False),
    Column("base_currency", String(3), nullable=False),
    columns.created_at(),
    Index("ix_portfolios_owner_id", "owner_id", "id"),
)

portfolio_accounts = Table(
    "portfolio_accounts",
    metadata,
    columns.id_key(),  # an account is in one portfolio at most
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
    columns.id_key(ordered_id()),
    Column("portfolio_id", ordered_id(), ForeignKey("portfolios.id"), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("trade_date", Date(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("symbol", String(64), nullable=True),
    columns.money("quantity"),
    columns.money("price"),
    columns.money("amount"),
    columns.money("fees"),
    columns.money("split_ratio", nullable=True),
    Column("lot_method", String(16), nullable=True),
    Column("lot_picks", Text(), nullable=True),  # JSON [[lot_id, "quantity"], ...]; NULL: none
    Column("acquired", Date(), nullable=True),
    Column("source", String(16), nullable=False),
    Column("external_id", String(128), nullable=True),
    Column("note", Text(), nullable=False),
    # corporate actions (domain/tax/corporate_actions.py): the symbol the shares become, the
    # fair market value of one new share (a merger paying cash and stock), the basis share
    # of a spin-off
    Column("new_symbol", String(64), nullable=True),
    Column("new_price", Money(), nullable=False, server_default="0"),
    columns.money("allocation", nullable=True),
    # security identifiers and settlement date; null when not given (settle_date: rows
    # recorded before settlement was kept)
    Column("cusip", String(9), nullable=True),
    Column("isin", String(12), nullable=True),
    Column("settle_date", Date(), nullable=True),
    UniqueConstraint("portfolio_id", "external_id"),
    Index("ix_portfolio_transactions_order", "portfolio_id", "trade_date", "id"),
)

portfolio_valuations = Table(
    "portfolio_valuations",
    metadata,
    Column("portfolio_id", ordered_id(), ForeignKey("portfolios.id"), nullable=False),
    Column("day", Date(), nullable=False),
    columns.money("market_value"),
    columns.money("cash_flow"),
    Column("currency", String(3), nullable=False),
    PrimaryKeyConstraint("portfolio_id", "day"),
)
