"""orders keep the approvals a held order was given (four eyes on held orders)

Revision ID: 0036
Revises: 0035
Create Date: 2026-11-26 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None

_JSON = adapters.postgres.types.Json


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.add_column(sa.Column("hold_approvals", _JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("hold_approvals")
