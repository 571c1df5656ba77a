"""fear & greed history: the daily composite of the sentiment index

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-23 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_JSON = adapters.postgres.types.Json


def upgrade() -> None:
    op.create_table(
        "fear_greed_history",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.Column("coverage", sa.Double(), nullable=False),
        sa.Column("components", _JSON, nullable=False),
        sa.Column("sources", _JSON, nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_fear_greed_history")),
    )


def downgrade() -> None:
    op.drop_table("fear_greed_history")
