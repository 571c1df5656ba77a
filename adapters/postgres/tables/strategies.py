"""The strategy tables: definitions, the decision log, and the holdings strategies opened."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Double,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

strategies = Table(
    "strategies",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("name", String(120), nullable=False),
    Column("mode", String(8), nullable=False),
    # The definition's parts as JSON documents (numbers as decimal strings).
    Column("account_ids", Json, nullable=False),
    Column("sources", Json, nullable=False),
    Column("sizing", Json, nullable=False),
    Column("entry", Json, nullable=False),
    Column("exit", Json, nullable=False),
    columns.version(),
    columns.created_at(nullable=True),
    columns.updated_at(nullable=True),
    Index("ix_strategies_owner_id", "owner_id"),
    Index("ix_strategies_mode", "mode"),
)

strategy_decisions = Table(
    "strategy_decisions",
    metadata,
    columns.id_key(),
    Column("strategy_id", String(64), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("trigger", String(200), nullable=False),
    Column("decided_at", UtcDateTime(), nullable=False),
    Column("mode", String(8), nullable=False),
    Column("symbol", String(64), nullable=False),
    Column("signal_kind", String(16), nullable=False),
    Column("signal_id", String(200), nullable=True),
    Column("score", Double(), nullable=True),
    columns.money("price", nullable=True),
    Column("action", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("side", String(8), nullable=True),
    columns.money("quantity"),
    columns.money("stop", nullable=True),
    columns.money("take_profit", nullable=True),
    Column("exit_reason", String(16), nullable=True),
    Column("sizing", Json, nullable=True),
    Column("order_id", String(64), nullable=True),
    Column("verdict", String(16), nullable=False),
    Column("verdict_reasons", Json, nullable=False),
    # One decision per trigger, strategy and account: a replayed signal decides once.
    UniqueConstraint("trigger", "strategy_id", "account_id", name="uq_strategy_decisions_key"),
    # A strategy's decisions newest first.
    Index("ix_strategy_decisions_strategy", "strategy_id", "decided_at", "id"),
)

strategy_holdings = Table(
    "strategy_holdings",
    metadata,
    Column("strategy_id", String(64), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("symbol", String(64), nullable=False),
    columns.money("quantity"),
    columns.money("entry_price"),
    columns.money("stop", nullable=True),
    columns.money("take_profit", nullable=True),
    Column("opened_at", UtcDateTime(), nullable=False),
    Column("bars_held", Integer, nullable=False),
    Column("timeframe", String(8), nullable=True),
    Column("details", Json, nullable=False),
    PrimaryKeyConstraint("strategy_id", "account_id", "symbol", name="pk_strategy_holdings"),
    Index("ix_strategy_holdings_symbol", "symbol"),
)
