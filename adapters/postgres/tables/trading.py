"""Accounts (optimistic-lock version), positions, orders, fills and instruments."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    true,
)

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

accounts = Table(
    "accounts",
    metadata,
    columns.id_key(),
    columns.owner_id(index=True),
    columns.money("cash"),
    Column("currency", String(3), nullable=False),
    Column("broker", String(32), nullable=False),
    columns.money("day_realized_pnl"),
    columns.money("start_of_day_equity"),
    columns.money("peak_equity"),
    columns.version(),
    # The account's profile (migration 0007): defaults keep the accounts made before it.
    Column("name", String(100), nullable=False, server_default=""),
    Column("account_type", String(16), nullable=False, server_default="taxable"),
    Column("trading_type", String(8), nullable=False, server_default="margin"),
    Column("status", String(16), nullable=False, server_default="open"),
    Column("target_allocation", Json, nullable=True),  # {symbol: fraction as text}
    columns.created_at(nullable=True),
)

positions = Table(
    "positions",
    metadata,
    Column(
        "account_id",
        String(64),
        ForeignKey("accounts.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("symbol", String(64), primary_key=True),
    columns.money("quantity"),
    columns.money("average_price"),
    columns.money("realized_pnl"),
    columns.money("multiplier"),
)

orders = Table(
    "orders",
    metadata,
    columns.id_key(),
    Column("client_order_id", String(128), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("symbol", String(64), nullable=False),
    Column("side", String(8), nullable=False),
    columns.money("quantity"),
    columns.money("requested_quantity", nullable=True),
    Column("origin_kind", String(16), nullable=False),
    Column("origin_id", String(64), nullable=False),
    # The way it came in (domain/trading/orders.py: Channel): api, console, kafka, mcp, internal.
    Column("origin_channel", String(16), nullable=False, server_default="api"),
    Column("order_type", String(16), nullable=False),
    Column("time_in_force", String(8), nullable=False),
    columns.money("limit_price", nullable=True),
    columns.money("stop_price", nullable=True),
    Column("reduce_only", Boolean, nullable=False),
    Column("idempotency_key", String(128), nullable=True),
    columns.created_at(nullable=True),
    Column("status", String(20), nullable=False),
    columns.money("filled_quantity"),
    columns.money("average_fill_price"),
    Column("broker_order_id", String(128), nullable=True),
    Column("broker", String(32), nullable=False),
    Column("deny_reasons", Json, nullable=False),
    # The people who approved it while held (four eyes): [{approver_id, name, at}], or null.
    Column("hold_approvals", Json, nullable=True),
    # The codes of the HOLD rules that held it for a person: [code, ...], or null (never held).
    Column("hold_reasons", Json, nullable=True),
    # Its attribution (domain/trading/attribution.py, migration 0054): the algorithm and its
    # version, the person responsible, the client (the account's owner); all null for an order
    # stored before (responsible_id is set on every order placed since).
    Column("algorithm", String(64), nullable=True),
    Column("algorithm_version", String(32), nullable=True),
    Column("responsible_id", String(64), nullable=True),
    Column("client_id", String(64), nullable=True),
    Index("uq_orders_account_client_order_id", "account_id", "client_order_id", unique=True),
    Index("uq_orders_account_idempotency_key", "account_id", "idempotency_key", unique=True),
    # Keyset paging of an account's orders, newest first.
    Index("ix_orders_account_created", "account_id", "created_at", "id"),
    Index("ix_orders_created", "created_at", "id"),
    # The open orders loaded with every account.
    Index(
        "ix_orders_open",
        "account_id",
        postgresql_where="status IN ('pending_submit', 'accepted', 'partially_filled')",
    ),
)

fills = Table(
    "fills",
    metadata,
    columns.id_key(),
    Column("order_id", String(64), nullable=False, index=True),
    Column("account_id", String(64), nullable=False),
    Column("symbol", String(64), nullable=False),
    Column("side", String(8), nullable=False),
    columns.money("quantity"),
    columns.money("price"),
    columns.money("commission"),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_fills_account_at", "account_id", "at"),
)

# The order journal: each placed order's `order.placed` audit entry, written in the decision's
# own transaction and moved into the audit chain (audit_log) by the journal's projection
# (adapters/postgres/order_journal.py); a row here is an entry not yet chained.
order_journal = Table(
    "order_journal",
    metadata,
    # The journal's order (BIGSERIAL on PostgreSQL; the rowid on SQLite).
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("actor", String(256), nullable=False),
    Column("action", String(256), nullable=False),
    Column("target", String(256), nullable=False),
    Column("outcome", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("details", Json, nullable=False),
    Column("request_id", String(64), nullable=True),
    Column("ip", String(64), nullable=True),
    Column("actor_id", String(64), nullable=True),
)

instruments = Table(
    "instruments",
    metadata,
    Column("symbol", String(64), primary_key=True),
    Column("asset_class", String(16), nullable=False),
    Column("sector", String(64), nullable=False),
    columns.money("tick_size"),
    columns.money("lot_size"),
    columns.money("multiplier"),
    Column("currency", String(3), nullable=False),
    Column("underlying", String(64), nullable=True),
    columns.money("strike", nullable=True),
    Column("expiry", Date(), nullable=True),
    Column("option_right", String(8), nullable=True),
    Column("name", String(200), nullable=False, server_default=""),
    Column("marginable", Boolean, nullable=False, server_default=true()),
    Column("shortable", Boolean, nullable=False, server_default=true()),
    Column("active", Boolean, nullable=False, server_default=true()),
    # A bond's terms (domain/fixedincome/terms.py); null for anything else.
    columns.money("bond_face_value", nullable=True),
    columns.money("bond_coupon_rate", nullable=True),
    Column("bond_frequency", Integer, nullable=True),
    Column("bond_issue_date", Date(), nullable=True),
    Column("bond_maturity", Date(), nullable=True),
    Column("bond_day_count", String(24), nullable=True),
    # security identifiers (domain/trading/identifiers.py), upper case; null when not known
    Column("cusip", String(9), nullable=True),
    Column("isin", String(12), nullable=True),
    Column("figi", String(12), nullable=True),
    Index("ix_instruments_asset_class_symbol", "asset_class", "symbol"),
    Index("ix_instruments_cusip", "cusip"),
    Index("ix_instruments_isin", "isin"),
    Index("ix_instruments_figi", "figi"),
)
