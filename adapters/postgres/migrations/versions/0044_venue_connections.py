"""venue connections: an owner's way into a venue account, its credentials a vault key

Revision ID: 0044
Revises: 0043
Create Date: 2026-11-28 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0044"
down_revision = "0043"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "venue_connections",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("environment", sa.String(length=16), nullable=False),
        sa.Column("vault_key_id", sa.String(length=64), nullable=True),
        sa.Column("venue_account", sa.String(length=32), nullable=True),
        sa.Column("endpoint", sa.String(length=300), nullable=True),
        sa.Column("quote", sa.String(length=16), nullable=True),
        sa.Column("verify_tls", sa.Boolean(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("revoked_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venue_connections")),
    )
    op.create_index("ix_venue_connections_owner_id", "venue_connections", ["owner_id"])


def downgrade() -> None:
    op.drop_index("ix_venue_connections_owner_id", table_name="venue_connections")
    op.drop_table("venue_connections")
