"""venue connections: halt an account when reconciliation confirms a drift

Revision ID: 0046
Revises: 0045
Create Date: 2026-11-28 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0046"
down_revision = "0045"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("venue_connections") as batch:
        batch.add_column(
            sa.Column("halt_on_drift", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("venue_connections") as batch:
        batch.drop_column("halt_on_drift")
