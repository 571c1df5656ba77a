"""devices, device_sessions, device_logins: the devices users log in from, and their logins

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-25 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("family", sa.String(length=64), nullable=False),
        sa.Column("network", sa.String(length=64), nullable=True),
        sa.Column("first_seen", _TS, nullable=False),
        sa.Column("last_seen", _TS, nullable=False),
        sa.Column("trusted_at", _TS, nullable=True),
        sa.Column("revoked_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.create_index("ix_devices_user_fingerprint", ["user_id", "fingerprint"])
    op.create_table(
        "device_sessions",
        sa.Column("family_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("started_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("family_id", name=op.f("pk_device_sessions")),
    )
    with op.batch_alter_table("device_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_device_sessions_device", ["device_id"])
    op.create_table(
        "device_logins",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("network", sa.String(length=64), nullable=True),
        sa.Column("new_device", sa.Boolean(), nullable=False),
        sa.Column("new_network", sa.Boolean(), nullable=False),
        sa.Column("failures_before", sa.Integer(), nullable=False),
        sa.Column("hour_gap", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("unusual", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_logins")),
    )
    with op.batch_alter_table("device_logins", schema=None) as batch_op:
        batch_op.create_index("ix_device_logins_at", ["at"])
        batch_op.create_index("ix_device_logins_user_at", ["user_id", "at"])


def downgrade() -> None:
    with op.batch_alter_table("device_logins", schema=None) as batch_op:
        batch_op.drop_index("ix_device_logins_user_at")
        batch_op.drop_index("ix_device_logins_at")
    op.drop_table("device_logins")
    with op.batch_alter_table("device_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_device_sessions_device")
    op.drop_table("device_sessions")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_index("ix_devices_user_fingerprint")
    op.drop_table("devices")
