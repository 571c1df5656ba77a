"""notification endpoints: users' webhook, Slack and Telegram destinations (secrets sealed)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-22 23:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notification_endpoints",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=2048), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_endpoints")),
    )
    with op.batch_alter_table("notification_endpoints", schema=None) as batch_op:
        batch_op.create_index("ix_notification_endpoints_owner_created", ["owner_id", "created_at"])


def downgrade() -> None:
    with op.batch_alter_table("notification_endpoints", schema=None) as batch_op:
        batch_op.drop_index("ix_notification_endpoints_owner_created")
    op.drop_table("notification_endpoints")
