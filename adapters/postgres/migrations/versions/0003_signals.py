"""signals: trading signals of the pattern engine, one per (symbol, timeframe, pattern, bar)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("timeframe", sa.String(length=8), nullable=False),
        sa.Column("pattern", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("created_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=256), nullable=False),
        sa.Column("details", adapters.postgres.types.Json, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signals")),
        sa.UniqueConstraint("symbol", "timeframe", "pattern", "at", name=op.f("uq_signals_key")),
    )
    with op.batch_alter_table("signals", schema=None) as batch_op:
        batch_op.create_index("ix_signals_created_at", ["created_at", "id"], unique=False)
        batch_op.create_index(
            "ix_signals_symbol_created_at", ["symbol", "created_at", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("signals", schema=None) as batch_op:
        batch_op.drop_index("ix_signals_symbol_created_at")
        batch_op.drop_index("ix_signals_created_at")
    op.drop_table("signals")
