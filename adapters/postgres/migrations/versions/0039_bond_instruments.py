"""bond instruments carry their terms: face value, coupon rate and frequency, issue and
maturity dates, day count (null for every other instrument)

Revision ID: 0039
Revises: 0038
Create Date: 2026-11-27 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None

_MONEY = adapters.postgres.types.Money()
_COLUMNS = (
    ("bond_face_value", _MONEY),
    ("bond_coupon_rate", _MONEY),
    ("bond_frequency", sa.Integer()),
    ("bond_issue_date", sa.Date()),
    ("bond_maturity", sa.Date()),
    ("bond_day_count", sa.String(length=24)),
)


def upgrade() -> None:
    with op.batch_alter_table("instruments") as batch_op:
        for name, kind in _COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("instruments") as batch_op:
        for name, _ in reversed(_COLUMNS):
            batch_op.drop_column(name)
