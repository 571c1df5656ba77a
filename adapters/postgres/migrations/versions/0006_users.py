"""users: email and active flag, invitations, password-reset tokens

users.email (normalized, unique when set) is where notifications go; users.active false
means a deactivated user (no login, no refresh, access tokens refused). invitations and
password_reset_tokens keep only the digests of their one-time tokens.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=254), nullable=True))
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.create_index("uq_users_email", ["email"], unique=True)

    op.create_table(
        "invitations",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("used_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.String(length=64), nullable=True),
        sa.Column("revoked_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitations")),
    )
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitations_created_at"), ["created_at"], unique=False)

    op.create_table(
        "password_reset_tokens",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=False),
        sa.Column("used_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=True),
        sa.Column(
            "invalidated_at", adapters.postgres.types.UtcDateTime(timezone=True), nullable=True
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_reset_tokens")),
    )
    with op.batch_alter_table("password_reset_tokens", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_password_reset_tokens_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("password_reset_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_reset_tokens_user_id"))
    op.drop_table("password_reset_tokens")
    with op.batch_alter_table("invitations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitations_created_at"))
    op.drop_table("invitations")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("uq_users_email")
        batch_op.drop_column("active")
        batch_op.drop_column("email")
