"""kyc statuses: each user's KYC status and the identity-verification provider's latest result

Revision ID: 0055
Revises: 0054
Create Date: 2026-12-05 12:00:00

No backfill: a user without a row reads UNVERIFIED until their documents or the provider's
result are next derived (an upload, a review, a webhook, a poll), so a live account's orders
are denied KYC_NOT_VERIFIED until then (docs/kyc.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0055"
down_revision = "0054"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "kyc_statuses",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("verified_until", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=True),
        sa.Column("provider_reference", sa.String(length=128), nullable=True),
        sa.Column("provider_outcome", sa.String(length=16), nullable=True),
        sa.Column("provider_at", _TS, nullable=True),
        sa.Column("provider_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_kyc_statuses")),
    )


def downgrade() -> None:
    op.drop_table("kyc_statuses")
