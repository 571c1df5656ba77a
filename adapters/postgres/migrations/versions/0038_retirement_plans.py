"""retirement plans kept beside trading accounts, and their contributions per tax year

Revision ID: 0038
Revises: 0037
Create Date: 2026-11-27 03:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import adapters.postgres.types

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "retirement_plans",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("compensation", _MONEY, nullable=True),
        sa.Column("self_employed", sa.Boolean(), nullable=False),
        sa.Column("match_tiers", _JSON, nullable=False),
        sa.Column("vesting", _JSON, nullable=True),
        sa.Column("service_start", sa.Date(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_retirement_plans")),
    )
    op.create_index("ix_retirement_plans_owner_id", "retirement_plans", ["owner_id"])
    op.create_table(
        "retirement_contributions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("tax_year", sa.Integer(), nullable=False),
        sa.Column("amount", _MONEY, nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("contributed_on", sa.Date(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retirement_contributions")),
    )
    op.create_index(
        "ix_retirement_contributions_account",
        "retirement_contributions",
        ["account_id", "tax_year"],
    )
    op.create_index(
        "ix_retirement_contributions_owner_id", "retirement_contributions", ["owner_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_retirement_contributions_owner_id", table_name="retirement_contributions")
    op.drop_index("ix_retirement_contributions_account", table_name="retirement_contributions")
    op.drop_table("retirement_contributions")
    op.drop_index("ix_retirement_plans_owner_id", table_name="retirement_plans")
    op.drop_table("retirement_plans")
