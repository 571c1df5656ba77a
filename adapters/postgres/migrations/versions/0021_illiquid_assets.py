"""illiquid assets of the portfolio ledger (real estate, art, private equity) and their manual
valuations, one a day

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-23 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0021"
# 0020 is the portfolio ledger this builds on.
down_revision = "0020"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def _id() -> sa.types.TypeEngine[str]:
    """Ids compare byte-wise on PostgreSQL (COLLATE "C"), as Python compares them."""
    return sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "illiquid_assets",
        sa.Column("id", _id(), nullable=False),
        sa.Column("portfolio_id", _id(), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("acquired", sa.Date(), nullable=False),
        sa.Column("cost", _MONEY, nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["portfolio_id"],
            ["portfolios.id"],
            name=op.f("fk_illiquid_assets_portfolio_id_portfolios"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_illiquid_assets")),
    )
    op.create_index("ix_illiquid_assets_owner_id", "illiquid_assets", ["owner_id", "id"])
    op.create_table(
        "illiquid_valuations",
        sa.Column("asset_id", _id(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("value", _MONEY, nullable=False),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["illiquid_assets.id"],
            name=op.f("fk_illiquid_valuations_asset_id_illiquid_assets"),
        ),
        sa.PrimaryKeyConstraint("asset_id", "as_of", name=op.f("pk_illiquid_valuations")),
    )


def downgrade() -> None:
    op.drop_table("illiquid_valuations")
    op.drop_index("ix_illiquid_assets_owner_id", table_name="illiquid_assets")
    op.drop_table("illiquid_assets")
