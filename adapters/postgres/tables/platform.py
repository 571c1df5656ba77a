"""Tables the platform's other services fill: audit log, transactions, market bars, margin settings.

`market_bars` is keyed by (symbol, interval, time) with `time` the bar's start. On
PostgreSQL, migration 0034 makes it a table partitioned by range of `time`, one partition a
year, created as bars of that year are first written (adapters/postgres/bar_partitions.py);
on SQLite it is a plain table.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    String,
    Table,
)

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

audit_log = Table(
    "audit_log",
    metadata,
    # BIGSERIAL on PostgreSQL; SQLite's INTEGER PRIMARY KEY is its rowid (monotonic here).
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("actor", String(256), nullable=False),
    Column("action", String(256), nullable=False),
    Column("target", String(256), nullable=False),
    Column("outcome", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("details", Json, nullable=False),
    # The hash chain (application/core/audit_chain.py): seq is gap-free from 1, in append order.
    Column("seq", BigInteger(), nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # Filled from the request context: the request id and client IP, None off HTTP.
    Column("request_id", String(64), nullable=True),
    Column("ip", String(64), nullable=True),
    # The person the entry belongs to, by user id, when the actor is not that id (a login
    # attempt's actor is the username typed); not hashed (application/core/audit_chain.py).
    Column("actor_id", String(64), nullable=True),
    # Set once the entry was pseudonymised: the seq of the audit.redact entry committing it.
    Column("redacted_by", BigInteger(), nullable=True),
    # Newest first, of one target or of all: (at, id) descending.
    Index("ix_audit_log_target_at", "target", "at", "id"),
    Index("ix_audit_log_at", "at", "id"),
    # The chain's order and the listing's (newest first by seq), of all, one actor or subject.
    Index("ux_audit_log_seq", "seq", unique=True),
    Index("ix_audit_log_actor_seq", "actor", "seq"),
    Index("ix_audit_log_target_seq", "target", "seq"),
    Index("ix_audit_log_actor_id_seq", "actor_id", "seq"),
)

transactions = Table(
    "transactions",
    metadata,
    columns.id_key(),
    Column("account_id", String(64), nullable=False),
    Column("symbol", String(64), nullable=False),
    Column("side", String(8), nullable=False),
    columns.money("quantity"),
    columns.money("price"),
    Column("executed_at", UtcDateTime(), nullable=False),
    Column("settlement_date", Date(), nullable=True),
    Column("lot_id", String(64), nullable=True),
    columns.money("cost_basis", nullable=True),
    columns.money("realized_gain", nullable=True),
    Column("holding_period", String(8), nullable=True),
    Column("wash_sale", Boolean, nullable=False),
    columns.money("disallowed_loss", nullable=True),
    columns.money("basis_adjustment", nullable=True),
    Index("ix_transactions_account_symbol_executed", "account_id", "symbol", "executed_at", "id"),
    Index("ix_transactions_account_executed", "account_id", "executed_at", "id"),
    Index("ix_transactions_lot", "lot_id"),
)

market_bars = Table(
    "market_bars",
    metadata,
    Column("symbol", String(64), primary_key=True),
    Column("interval", String(16), primary_key=True),
    Column("time", UtcDateTime(), primary_key=True),
    columns.money("open"),
    columns.money("high"),
    columns.money("low"),
    columns.money("close"),
    columns.money("volume"),
    columns.money("vwap", nullable=True),
    Column("trades", Integer(), nullable=True),
)

# Splits and dividends of the bar store's symbols (adapters/postgres/bar_history.py).
bar_corporate_actions = Table(
    "bar_corporate_actions",
    metadata,
    Column("symbol", String(64), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("ex_date", Date(), primary_key=True),
    columns.money("value"),
    columns.money("reference_close", nullable=True),
)

margin_settings = Table(
    "margin_settings",
    metadata,
    Column("account_id", String(64), primary_key=True),
    columns.money("initial_rate"),
    columns.money("maintenance_long_rate"),
    columns.money("maintenance_short_rate"),
    # {"asset_class": {class: rates}, "symbol": {symbol: rates}}, rates as decimal strings.
    Column("rate_overrides", Json, nullable=False),
    columns.money("warning_buffer"),
    columns.money("target_buffer"),
    Column("auto_deleverage", Boolean, nullable=False),
    columns.updated_at(nullable=True),
)
