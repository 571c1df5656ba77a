"""notification management: role default preferences, price alerts, the unread index

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-25 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def upgrade() -> None:
    op.create_table(
        "notification_role_preferences",
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("channels", adapters.postgres.types.Json, nullable=False),
        sa.Column("quiet_start", sa.String(length=8), nullable=True),
        sa.Column("quiet_end", sa.String(length=8), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("digest_enabled", sa.Boolean(), nullable=False),
        sa.Column("digest_minutes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("role", name=op.f("pk_notification_role_preferences")),
    )
    op.create_table(
        "price_alerts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("symbol", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("threshold", _MONEY, nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("hysteresis", _MONEY, nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("fired_count", sa.Integer(), nullable=False),
        sa.Column("last_fired_at", _TS, nullable=True),
        sa.Column("last_price", _MONEY, nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_alerts")),
    )
    with op.batch_alter_table("price_alerts", schema=None) as batch_op:
        batch_op.create_index("ix_price_alerts_owner_created", ["owner_id", "created_at"])
        batch_op.create_index("ix_price_alerts_state_symbol", ["state", "symbol"])
    with op.batch_alter_table("notifications_in_app", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_in_app_user_unread", ["user_id", "read_at", "event_type"]
        )


def downgrade() -> None:
    with op.batch_alter_table("notifications_in_app", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_in_app_user_unread")
    with op.batch_alter_table("price_alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_price_alerts_state_symbol")
        batch_op.drop_index("ix_price_alerts_owner_created")
    op.drop_table("price_alerts")
    op.drop_table("notification_role_preferences")
