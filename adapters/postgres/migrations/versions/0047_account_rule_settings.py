"""account rule settings: each account's options approval level

Revision ID: 0047
Revises: 0046
Create Date: 2026-11-29 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0047"
down_revision = "0046"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_rule_settings",
        sa.Column("account_id", sa.String(length=64), nullable=False),
        sa.Column("options_level", sa.Integer(), nullable=True),
        sa.Column("updated_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_account_rule_settings")),
    )


def downgrade() -> None:
    op.drop_table("account_rule_settings")
