"""rebalance proposals (stored dry runs, executed by id) and each owner's autopilot limits

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-25 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def upgrade() -> None:
    op.create_table(
        "rebalance_proposals",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("portfolio_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("executed_at", _TS, nullable=True),
        sa.Column("order_ids", sa.Text(), nullable=False),
        sa.Column("by_autopilot", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rebalance_proposals")),
    )
    op.create_index(
        "ix_rebalance_proposals_owner", "rebalance_proposals", ["owner_id", "created_at"]
    )
    op.create_table(
        "rebalance_limits",
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("max_turnover", _MONEY, nullable=False),
        sa.Column("max_realised_gain", _MONEY, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_rebalance_limits")),
    )


def downgrade() -> None:
    op.drop_table("rebalance_limits")
    op.drop_index("ix_rebalance_proposals_owner", table_name="rebalance_proposals")
    op.drop_table("rebalance_proposals")
