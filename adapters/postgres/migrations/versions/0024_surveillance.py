"""surveillance: alerts under review and the detector runs' checkpoints

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-30 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "surveillance_alerts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("pattern", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("owner_id", sa.String(length=128), nullable=False),
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("detected_us", sa.BigInteger(), nullable=False),
        sa.Column("detected_at", _TS, nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.Column("detection", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=128), nullable=True),
        sa.Column("acknowledged_at", _TS, nullable=True),
        sa.Column("closed_by", sa.String(length=128), nullable=True),
        sa.Column("closed_at", _TS, nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("action_detail", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveillance_alerts")),
    )
    op.create_index("ix_surveillance_alerts_detected", "surveillance_alerts", ["detected_us", "id"])
    op.create_index(
        "ix_surveillance_alerts_owner", "surveillance_alerts", ["owner_id", "detected_us"]
    )
    op.create_index("ix_surveillance_alerts_action", "surveillance_alerts", ["action"])
    op.create_table(
        "surveillance_checkpoints",
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.Column("offsets", sa.Text(), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("saved_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_surveillance_checkpoints")),
    )


def downgrade() -> None:
    op.drop_table("surveillance_checkpoints")
    op.drop_index("ix_surveillance_alerts_action", table_name="surveillance_alerts")
    op.drop_index("ix_surveillance_alerts_owner", table_name="surveillance_alerts")
    op.drop_index("ix_surveillance_alerts_detected", table_name="surveillance_alerts")
    op.drop_table("surveillance_alerts")
