"""crypto wallets kept per user: chain id, address, label, the ERC-20 contracts to read

Revision ID: 0035
Revises: 0034
Create Date: 2026-11-26 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "crypto_wallets",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("chain_id", sa.BigInteger(), nullable=False),
        sa.Column("address", sa.String(length=42), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("tokens", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crypto_wallets")),
        sa.UniqueConstraint(
            "owner_id", "chain_id", "address", name="uq_crypto_wallets_owner_address"
        ),
    )
    op.create_index("ix_crypto_wallets_owner", "crypto_wallets", ["owner_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_crypto_wallets_owner", table_name="crypto_wallets")
    op.drop_table("crypto_wallets")
