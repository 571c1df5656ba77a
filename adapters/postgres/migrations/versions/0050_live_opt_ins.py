"""live opt-ins: each account's opt-in to live trading (acknowledged, approved)

Revision ID: 0050
Revises: 0049
Create Date: 2026-12-01 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0050"
down_revision = "0049"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "live_opt_ins",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=False),
        sa.Column("acknowledged_at", _TS, nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=True),
        sa.Column("approved_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_live_opt_ins")),
    )
    op.create_index("ix_live_opt_ins_status", "live_opt_ins", ["status"])


def downgrade() -> None:
    op.drop_index("ix_live_opt_ins_status", table_name="live_opt_ins")
    op.drop_table("live_opt_ins")
