"""orders: each order's attribution (algorithm and version, person responsible, client)

Revision ID: 0054
Revises: 0053
Create Date: 2026-12-03 18:00:00

Nullable columns, no backfill: an order stored before has no attribution (null), and its origin
still names the user, agent or strategy behind it (docs/order-attribution.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0054"
down_revision = "0053"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("algorithm", 64),
    ("algorithm_version", 32),
    ("responsible_id", 64),
    ("client_id", 64),
)


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        for name, length in _COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
