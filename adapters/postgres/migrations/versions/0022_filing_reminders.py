"""filing reminders: each user's filing-calendar reminders and the reminders sent

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-23 14:30:00

"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "filing_reminders",
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("filings", sa.String(length=200), nullable=False),
        sa.Column("lead_days", sa.String(length=100), nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_filing_reminders")),
    )
    op.create_table(
        "filing_reminders_sent",
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("reminder_key", sa.String(length=200), nullable=False),
        sa.Column("sent_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", "reminder_key", name=op.f("pk_filing_reminders_sent")),
    )


def downgrade() -> None:
    op.drop_table("filing_reminders_sent")
    op.drop_table("filing_reminders")
