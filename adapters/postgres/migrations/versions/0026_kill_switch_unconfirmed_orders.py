"""kill switch records name the orders still in doubt that no broker confirmed closed

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-25 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

_JSON = adapters.postgres.types.Json


def upgrade() -> None:
    with op.batch_alter_table("kill_switch_events") as batch_op:
        batch_op.add_column(sa.Column("unconfirmed_orders", _JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kill_switch_events") as batch_op:
        batch_op.drop_column("unconfirmed_orders")
