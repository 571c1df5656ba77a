"""outside accounts linked through an aggregator: items, accounts, holdings, transactions,
webhooks seen

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-25 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def upgrade() -> None:
    op.create_table(
        "aggregation_items",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("provider_item_id", sa.String(length=128), nullable=False),
        sa.Column("institution_id", sa.String(length=64), nullable=True),
        sa.Column("institution_name", sa.String(length=200), nullable=True),
        sa.Column("access_token", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("portfolio_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error_code", sa.String(length=64), nullable=True),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("last_synced_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aggregation_items")),
        sa.UniqueConstraint("provider_item_id", name=op.f("uq_aggregation_items_provider_item_id")),
    )
    op.create_index("ix_aggregation_items_owner", "aggregation_items", ["owner_id", "created_at"])
    op.create_table(
        "aggregation_accounts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("provider_account_id", sa.String(length=128), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mask", sa.String(length=16), nullable=True),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("subtype", sa.String(length=64), nullable=True),
        sa.Column("current_balance", _MONEY, nullable=True),
        sa.Column("currency", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aggregation_accounts")),
    )
    op.create_index("ix_aggregation_accounts_item", "aggregation_accounts", ["item_id"])
    op.create_index("ix_aggregation_accounts_owner", "aggregation_accounts", ["owner_id"])
    op.create_table(
        "aggregation_holdings",
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("security_id", sa.String(length=128), nullable=False),
        sa.Column("symbol", sa.String(length=32), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("security_type", sa.String(length=32), nullable=True),
        sa.Column("quantity", _MONEY, nullable=False),
        sa.Column("cost_basis", _MONEY, nullable=True),
        sa.Column("institution_price", _MONEY, nullable=False),
        sa.Column("institution_value", _MONEY, nullable=False),
        sa.Column("currency", sa.String(length=16), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint(
            "item_id", "account_id", "security_id", name=op.f("pk_aggregation_holdings")
        ),
    )
    op.create_table(
        "aggregation_transactions",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("amount", _MONEY, nullable=False),
        sa.Column("currency", sa.String(length=16), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aggregation_transactions")),
    )
    op.create_index(
        "ix_aggregation_transactions_item_day", "aggregation_transactions", ["item_id", "day"]
    )
    op.create_table(
        "aggregation_webhooks",
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("body_sha256", name=op.f("pk_aggregation_webhooks")),
    )


def downgrade() -> None:
    op.drop_table("aggregation_webhooks")
    op.drop_index("ix_aggregation_transactions_item_day", table_name="aggregation_transactions")
    op.drop_table("aggregation_transactions")
    op.drop_table("aggregation_holdings")
    op.drop_index("ix_aggregation_accounts_owner", table_name="aggregation_accounts")
    op.drop_index("ix_aggregation_accounts_item", table_name="aggregation_accounts")
    op.drop_table("aggregation_accounts")
    op.drop_index("ix_aggregation_items_owner", table_name="aggregation_items")
    op.drop_table("aggregation_items")
