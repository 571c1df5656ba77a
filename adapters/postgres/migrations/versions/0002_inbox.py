"""inbox: ids of commands whose effect committed (exactly-once Kafka commands)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 15:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("message_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("processed_at", adapters.postgres.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_inbox")),
    )


def downgrade() -> None:
    op.drop_table("inbox")
