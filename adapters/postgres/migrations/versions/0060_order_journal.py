"""order journal: each placed order's audit entry, written in the decision's transaction

Revision ID: 0060
Revises: 0059
Create Date: 2026-12-10 12:00:00

`order_journal`: one row per placed order's `order.placed` audit entry, written in the same
transaction as the decision, and moved into `audit_log`'s hash chain by the journal's
projection (which deletes the row in the transaction that chains it). A crash between the
decision and the chain loses no entry: the next projection, in any process, chains it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0060"
down_revision = "0059"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_journal",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("actor", sa.String(length=256), nullable=False),
        sa.Column("action", sa.String(length=256), nullable=False),
        sa.Column("target", sa.String(length=256), nullable=False),
        sa.Column("outcome", sa.String(length=64), nullable=False),
        sa.Column("at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("details", adapters.postgres.types.Json, nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("ip", sa.String(length=64), nullable=True),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("order_journal")
