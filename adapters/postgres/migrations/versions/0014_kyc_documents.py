"""kyc_documents: uploaded KYC documents' metadata, review and tombstones

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-22 23:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "kyc_documents",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=1024), nullable=False),
        sa.Column("sealed_key", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reviewer_id", sa.String(length=64), nullable=True),
        sa.Column("uploaded_at", _TS, nullable=False),
        sa.Column("decided_at", _TS, nullable=True),
        sa.Column("deleted_at", _TS, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kyc_documents")),
    )
    with op.batch_alter_table("kyc_documents", schema=None) as batch_op:
        batch_op.create_index("ix_kyc_documents_owner_uploaded", ["owner_id", "uploaded_at"])
        batch_op.create_index("ix_kyc_documents_uploaded", ["uploaded_at"])


def downgrade() -> None:
    with op.batch_alter_table("kyc_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_kyc_documents_uploaded")
        batch_op.drop_index("ix_kyc_documents_owner_uploaded")
    op.drop_table("kyc_documents")
