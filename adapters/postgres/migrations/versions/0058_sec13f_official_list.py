"""the Official List of Section 13(f) Securities: its lines by CUSIP and the import's summary

Revision ID: 0058
Revises: 0057
Create Date: 2026-12-08 12:00:00

`sec13f_list`: one row per CUSIP of the last list imported (issuer name, class description,
option entry, status LISTED / ADDED / DELETED); `sec13f_list_import`: one row (id 1) naming the
list's quarter, Run Date, import time and counts. The 13F use case joins instruments to the list
through `instruments.cusip` (migration 0057).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0058"
down_revision = "0057"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sec13f_list",
        sa.Column("cusip", sa.String(length=9), nullable=False),
        sa.Column("issuer_name", sa.String(length=150), nullable=False),
        sa.Column("title_of_class", sa.String(length=150), nullable=False),
        sa.Column("is_option", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("cusip"),
    )
    op.create_table(
        "sec13f_list_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("list_date", sa.Date(), nullable=True),
        sa.Column("imported_at", _TS, nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("sec13f_list_import")
    op.drop_table("sec13f_list")
