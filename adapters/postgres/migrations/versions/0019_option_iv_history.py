"""option IV history: one 30-day ATM implied volatility per underlying and trading day

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-23 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "option_iv_history",
        sa.Column("symbol", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("iv", sa.Double(), nullable=False),
        sa.Column(
            "recorded_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("symbol", "day", name=op.f("pk_option_iv_history")),
    )


def downgrade() -> None:
    op.drop_table("option_iv_history")
