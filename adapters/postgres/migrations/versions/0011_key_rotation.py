"""key rotation: a checkpoint per sealed-record source, and retired KEK versions

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22 23:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "key_rotation_checkpoints",
        sa.Column("source", sa.String(length=128), nullable=False),
        sa.Column("cursor", sa.String(length=255), nullable=False),
        sa.Column("target_key_id", sa.String(length=64), nullable=False),
        sa.Column("target_version", sa.Integer(), nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("source", name=op.f("pk_key_rotation_checkpoints")),
    )
    op.create_table(
        "retired_keys",
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("retired_at", _TS, nullable=False),
        sa.Column("retired_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("key_id", "version", name=op.f("pk_retired_keys")),
    )


def downgrade() -> None:
    op.drop_table("retired_keys")
    op.drop_table("key_rotation_checkpoints")
