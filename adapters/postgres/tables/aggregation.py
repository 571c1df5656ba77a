"""Outside accounts linked through an aggregator: items (the access token sealed), their
accounts, the latest holdings snapshot, synced transactions, and the webhooks seen."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

aggregation_items = Table(
    "aggregation_items",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("provider_item_id", String(128), nullable=False, unique=True),
    Column("institution_id", String(64), nullable=True),
    Column("institution_name", String(200), nullable=True),
    Column("access_token", Text(), nullable=False),  # sealed (ports/core/encryption.py)
    columns.created_at(),
    Column("portfolio_id", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("error_code", String(64), nullable=True),
    Column("cursor", Text(), nullable=True),
    Column("last_synced_at", UtcDateTime(), nullable=True),
    Index("ix_aggregation_items_owner", "owner_id", "created_at"),
)

aggregation_accounts = Table(
    "aggregation_accounts",
    metadata,
    columns.id_key(),
    Column("item_id", String(64), nullable=False),
    columns.owner_id(),
    Column("provider_account_id", String(128), nullable=False),
    Column("name", String(200), nullable=False),
    Column("mask", String(16), nullable=True),
    Column("type", String(32), nullable=False),
    Column("subtype", String(64), nullable=True),
    columns.money("current_balance", nullable=True),
    Column("currency", String(16), nullable=True),
    Index("ix_aggregation_accounts_item", "item_id"),
    Index("ix_aggregation_accounts_owner", "owner_id"),
)

aggregation_holdings = Table(
    "aggregation_holdings",
    metadata,
    Column("item_id", String(64), primary_key=True),
    Column("account_id", String(64), primary_key=True),
    Column("security_id", String(128), primary_key=True),
    Column("symbol", String(32), nullable=True),
    Column("name", String(200), nullable=True),
    Column("security_type", String(32), nullable=True),
    columns.money("quantity"),
    columns.money("cost_basis", nullable=True),
    columns.money("institution_price"),
    columns.money("institution_value"),
    Column("currency", String(16), nullable=True),
    Column("as_of", Date(), nullable=False),
)

aggregation_transactions = Table(
    "aggregation_transactions",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("item_id", String(64), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("day", Date(), nullable=False),
    Column("name", String(300), nullable=False),
    columns.money("amount"),
    Column("currency", String(16), nullable=True),
    Column("pending", Boolean(), nullable=False),
    Index("ix_aggregation_transactions_item_day", "item_id", "day"),
)

aggregation_webhooks = Table(
    "aggregation_webhooks",
    metadata,
    Column("body_sha256", String(64), primary_key=True),
    Column("received_at", UtcDateTime(), nullable=False),
)
