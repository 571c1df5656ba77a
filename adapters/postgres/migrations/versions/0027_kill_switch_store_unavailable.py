"""kill switch records say whether they were made while the store was unreachable

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-25 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kill_switch_events") as batch_op:
        batch_op.add_column(sa.Column("store_unavailable", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kill_switch_events") as batch_op:
        batch_op.drop_column("store_unavailable")
