"""accounts and instruments: an account's profile and lifecycle, an instrument's reference flags

accounts gain name, account_type, trading_type (margin | cash), status (open | closed |
archived), target_allocation and created_at; instruments gain name, marginable, shortable
and active. Server defaults give the rows made before this revision the values the code
assumed until now (a taxable margin account, open; a marginable, shortable, active instrument).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "account_type", sa.String(length=16), nullable=False, server_default="taxable"
            )
        )
        batch_op.add_column(
            sa.Column("trading_type", sa.String(length=8), nullable=False, server_default="margin")
        )
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="open")
        )
        batch_op.add_column(
            sa.Column("target_allocation", adapters.postgres.types.Json, nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "created_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=True
            )
        )

    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name", sa.String(length=200), nullable=False, server_default="")
        )
        for flag in ("marginable", "shortable", "active"):
            batch_op.add_column(
                sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.true())
            )
        batch_op.create_index(
            "ix_instruments_asset_class_symbol", ["asset_class", "symbol"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("instruments", schema=None) as batch_op:
        batch_op.drop_index("ix_instruments_asset_class_symbol")
        for column in ("active", "shortable", "marginable", "name"):
            batch_op.drop_column(column)

    with op.batch_alter_table("accounts", schema=None) as batch_op:
        for column in (
            "created_at",
            "target_allocation",
            "status",
            "trading_type",
            "account_type",
            "name",
        ):
            batch_op.drop_column(column)
