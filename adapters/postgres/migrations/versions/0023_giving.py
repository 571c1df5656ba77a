"""giving: each user's donations with receipts, donor-advised fund grants and opening
carryovers

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-23 14:00:00

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def _id() -> sa.types.TypeEngine[str]:
    """Ids compare byte-wise on PostgreSQL (COLLATE "C"), as Python compares them."""
    return sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "giving_donations",
        sa.Column("id", _id(), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("receipt", sa.String(length=32), nullable=False),
        sa.Column("donated_on", sa.Date(), nullable=False),
        sa.Column("donee", sa.String(length=200), nullable=False),
        sa.Column("donee_ein", sa.String(length=10), nullable=True),
        sa.Column("donee_kind", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("fair_market_value", _MONEY, nullable=False),
        sa.Column("fund", sa.String(length=200), nullable=True),
        sa.Column("symbol", sa.String(length=32), nullable=True),
        sa.Column("shares", _MONEY, nullable=True),
        sa.Column("cost_basis", _MONEY, nullable=True),
        sa.Column("acquired", sa.Date(), nullable=True),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_giving_donations")),
        sa.UniqueConstraint(
            "owner_id", "receipt", name=op.f("uq_giving_donations_owner_id_receipt")
        ),
    )
    op.create_index(
        "ix_giving_donations_owner", "giving_donations", ["owner_id", "donated_on", "id"]
    )
    op.create_table(
        "giving_daf_grants",
        sa.Column("id", _id(), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("fund", sa.String(length=200), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.Column("grantee", sa.String(length=200), nullable=False),
        sa.Column("grantee_ein", sa.String(length=10), nullable=True),
        sa.Column("amount", _MONEY, nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_giving_daf_grants")),
    )
    op.create_index(
        "ix_giving_daf_grants_owner", "giving_daf_grants", ["owner_id", "granted_on", "id"]
    )
    op.create_table(
        "giving_carryovers",
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("origin_year", sa.Integer(), nullable=False),
        sa.Column("into_year", sa.Integer(), nullable=False),
        sa.Column("amount", _MONEY, nullable=False),
        sa.PrimaryKeyConstraint(
            "owner_id", "category", "origin_year", name=op.f("pk_giving_carryovers")
        ),
    )


def downgrade() -> None:
    op.drop_table("giving_carryovers")
    op.drop_index("ix_giving_daf_grants_owner", table_name="giving_daf_grants")
    op.drop_table("giving_daf_grants")
    op.drop_index("ix_giving_donations_owner", table_name="giving_donations")
    op.drop_table("giving_donations")
