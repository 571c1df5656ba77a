"""equity snapshots: one valuation of each account per UTC day, for performance analytics

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_MONEY = (
    "equity",
    "cash",
    "market_value",
    "gross_exposure",
    "net_flow",
    "traded_notional",
    "realized_pnl",
)


def upgrade() -> None:
    op.create_table(
        "equity_snapshots",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *(sa.Column(name, adapters.postgres.types.Money(), nullable=False) for name in _MONEY),
        sa.Column("taken_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("account_id", "day", name=op.f("pk_equity_snapshots")),
    )


def downgrade() -> None:
    op.drop_table("equity_snapshots")
