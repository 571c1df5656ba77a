"""auth hardening: TOTP replay guard by time step, revoked token families, login throttle keys

users.last_totp_step replaces the last code's digest and time (RFC 6238 §5.2: a step at
or before the last accepted one is refused); revoked_token_families kills the access
tokens of a revoked refresh family; login_throttles is keyed by "user:<name>" or
"client:<address>" and its policy comes from the configuration, not the row. Old
throttle rows are dropped: they only delayed logins, and their keys no longer apply.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_totp_step", sa.BigInteger(), nullable=True))
        batch_op.drop_column("last_totp_at")
        batch_op.drop_column("last_totp_digest")

    op.drop_table("login_throttles")
    op.create_table(
        "login_throttles",
        sa.Column("key_digest", sa.String(length=64), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("failures", adapters.postgres.types.Json, nullable=False),
        sa.PrimaryKeyConstraint("key_digest", name=op.f("pk_login_throttles")),
    )

    op.create_table(
        "revoked_token_families",
        sa.Column("family_id", sa.String(length=64), nullable=False),
        sa.Column("expires_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("family_id", name=op.f("pk_revoked_token_families")),
    )
    with op.batch_alter_table("revoked_token_families", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_revoked_token_families_expires_at"), ["expires_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("revoked_token_families", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_revoked_token_families_expires_at"))
    op.drop_table("revoked_token_families")

    op.drop_table("login_throttles")
    op.create_table(
        "login_throttles",
        sa.Column("username_digest", sa.String(length=64), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("failures", adapters.postgres.types.Json, nullable=False),
        sa.Column("max_failures", sa.Integer(), nullable=False),
        sa.Column("window_us", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("username_digest", name=op.f("pk_login_throttles")),
    )

    # The step cannot be turned back into a code's digest: the old guard starts empty.
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_totp_digest", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column(
                "last_totp_at",
                adapters.postgres.types.UtcDateTime(timezone=True),
                nullable=True,
            )
        )
        batch_op.drop_column("last_totp_step")
