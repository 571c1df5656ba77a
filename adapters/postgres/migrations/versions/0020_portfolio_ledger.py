"""portfolio ledger: portfolios, their accounts, transactions (unique external id per
portfolio) and daily valuations

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-23 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def _id() -> sa.types.TypeEngine[str]:
    """Ledger ids compare byte-wise on PostgreSQL (COLLATE "C"), as Python compares them."""
    return sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "portfolios",
        sa.Column("id", _id(), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("base_currency", sa.String(length=3), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolios")),
    )
    op.create_index("ix_portfolios_owner_id", "portfolios", ["owner_id", "id"])
    op.create_table(
        "portfolio_accounts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("portfolio_id", _id(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("tax_type", sa.String(length=16), nullable=False),
        sa.Column("lot_method", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["portfolio_id"],
            ["portfolios.id"],
            name=op.f("fk_portfolio_accounts_portfolio_id_portfolios"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolio_accounts")),
    )
    op.create_index("ix_portfolio_accounts_portfolio_id", "portfolio_accounts", ["portfolio_id"])
    op.create_table(
        "portfolio_transactions",
        sa.Column("id", _id(), nullable=False),
        sa.Column("portfolio_id", _id(), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("trade_date", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("symbol", sa.String(length=64), nullable=True),
        sa.Column("quantity", _MONEY, nullable=False),
        sa.Column("price", _MONEY, nullable=False),
        sa.Column("amount", _MONEY, nullable=False),
        sa.Column("fees", _MONEY, nullable=False),
        sa.Column("split_ratio", _MONEY, nullable=True),
        sa.Column("lot_method", sa.String(length=16), nullable=True),
        sa.Column("lot_picks", sa.Text(), nullable=True),
        sa.Column("acquired", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("external_id", sa.String(length=128), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["portfolio_id"],
            ["portfolios.id"],
            name=op.f("fk_portfolio_transactions_portfolio_id_portfolios"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portfolio_transactions")),
        sa.UniqueConstraint(
            "portfolio_id",
            "external_id",
            name=op.f("uq_portfolio_transactions_portfolio_id"),
        ),
    )
    op.create_index(
        "ix_portfolio_transactions_order",
        "portfolio_transactions",
        ["portfolio_id", "trade_date", "id"],
    )
    op.create_table(
        "portfolio_valuations",
        sa.Column("portfolio_id", _id(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("market_value", _MONEY, nullable=False),
        sa.Column("cash_flow", _MONEY, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["portfolio_id"],
            ["portfolios.id"],
            name=op.f("fk_portfolio_valuations_portfolio_id_portfolios"),
        ),
        sa.PrimaryKeyConstraint("portfolio_id", "day", name=op.f("pk_portfolio_valuations")),
    )


def downgrade() -> None:
    op.drop_table("portfolio_valuations")
    op.drop_index("ix_portfolio_transactions_order", table_name="portfolio_transactions")
    op.drop_table("portfolio_transactions")
    op.drop_index("ix_portfolio_accounts_portfolio_id", table_name="portfolio_accounts")
    op.drop_table("portfolio_accounts")
    op.drop_index("ix_portfolios_owner_id", table_name="portfolios")
    op.drop_table("portfolios")
