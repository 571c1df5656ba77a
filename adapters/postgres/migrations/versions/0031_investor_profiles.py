"""investor profiles: risk tolerance, horizon, tax brackets, accredited bases, terms accepted

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-25 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)
_MONEY = adapters.postgres.types.Money()


def upgrade() -> None:
    op.create_table(
        "investor_profiles",
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("risk_tolerance", sa.SmallInteger(), nullable=False),
        sa.Column("questionnaire_score", sa.SmallInteger(), nullable=True),
        sa.Column("horizon_years", sa.Integer(), nullable=False),
        sa.Column("filing_status", sa.String(length=32), nullable=False),
        sa.Column("federal_bracket", _MONEY, nullable=False),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("state_rate", _MONEY, nullable=False),
        sa.Column("accredited_bases", sa.String(length=256), nullable=False),
        sa.Column("accredited_attested_at", _TS, nullable=True),
        sa.Column("terms_version", sa.String(length=32), nullable=True),
        sa.Column("terms_accepted_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_investor_profiles")),
    )


def downgrade() -> None:
    op.drop_table("investor_profiles")
