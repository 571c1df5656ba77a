"""planning profiles: each user's annual expenses, safe withdrawal rate, other assets, autopilot

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-23 06:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def upgrade() -> None:
    op.create_table(
        "planning_profiles",
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("annual_expenses", _MONEY, nullable=False),
        sa.Column("safe_withdrawal_rate", _MONEY, nullable=False),
        sa.Column("other_assets", _MONEY, nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("autopilot", sa.Boolean(), nullable=False),
        sa.Column("autopilot_changed_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_planning_profiles")),
    )


def downgrade() -> None:
    op.drop_table("planning_profiles")
