"""the risk rules' revision: one row bumped in the transaction of every rule write, so every
process sharing the store sees in one read whether its compiled policies are current

Revision ID: 0042
Revises: 0041
Create Date: 2026-11-27 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0042"
down_revision = "0041"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "risk_rule_revision",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_rule_revision")),
    )
    # Rules written before this revision existed count as revision 1: a process that compiled
    # them before the upgrade reads a number it has not seen and compiles again.
    op.execute("INSERT INTO risk_rule_revision (id, revision) VALUES (1, 1)")


def downgrade() -> None:
    op.drop_table("risk_rule_revision")
