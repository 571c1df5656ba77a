"""reconciliation reports: each venue account's last reconciliation, kept in the store

Revision ID: 0059
Revises: 0058
Create Date: 2026-12-09 12:00:00

`reconciliation_reports`: one row per account (its connection, owner, when it was checked, the
drift as JSON or NULL when the venue did not answer, the error, whether the drift is confirmed
and whether the account was halted for it). Every process shows what the one running the job
found, and a restart keeps what was confirmed and acted on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0059"
down_revision = "0058"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reconciliation_reports",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("checked_at", _TS, nullable=False),
        sa.Column("drift", adapters.postgres.types.Json, nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("halted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("account_id"),
    )
    op.create_index(
        "ix_reconciliation_reports_connection",
        "reconciliation_reports",
        ["connection_id", "account_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_reconciliation_reports_connection", table_name="reconciliation_reports")
    op.drop_table("reconciliation_reports")
