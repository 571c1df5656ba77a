"""kill switch records count the held orders their activation rejected

Revision ID: 0043
Revises: 0042
Create Date: 2026-11-28 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0043"
down_revision = "0042"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kill_switch_events") as batch_op:
        batch_op.add_column(sa.Column("held_rejected", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kill_switch_events") as batch_op:
        batch_op.drop_column("held_rejected")
