"""audit_log: the person an entry belongs to by id (actor_id), and the mark of an entry
pseudonymised by an erasure (redacted_by); fills actor_id for the login entries before it

Revision ID: 0040
Revises: 0039
Create Date: 2026-11-27 20:00:00

A login attempt's actor is the username typed and its subject `login:<username>`. Such an
entry gets the id of the user who held that username when it was written: a user who still
exists, is not erased, and was created no later than the entry. An entry older than the
user who holds its username now belonged to someone else (an erased person whose name was
freed) and stays unlinked. actor_id is not hashed, so the chain is untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0040"
down_revision = "0039"
branch_labels = None
depends_on = None

_ERASED_PASSWORD_HASH = "!erased"  # domain.identity.users.ERASED_PASSWORD_HASH


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("redacted_by", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_audit_log_actor_id_seq", ["actor_id", "seq"])
    _link_login_entries()


def _link_login_entries() -> None:
    at = adapters.postgres.types.UtcDateTime(timezone=True)
    audit = sa.table(
        "audit_log",
        sa.column("target", sa.String()),
        sa.column("at", at),
        sa.column("actor_id", sa.String()),
    )
    users = sa.table(
        "users",
        sa.column("id", sa.String()),
        sa.column("username_normalized", sa.String()),
        sa.column("password_hash", sa.Text()),
        sa.column("created_at", at),
    )
    conn = op.get_bind()
    living = conn.execute(
        sa.select(users.c.id, users.c.username_normalized, users.c.created_at).where(
            users.c.password_hash != _ERASED_PASSWORD_HASH
        )
    ).all()
    for user in living:
        conn.execute(
            audit.update()
            .where(
                audit.c.actor_id.is_(None),
                audit.c.target == f"login:{user.username_normalized}",
                audit.c.at >= user.created_at,
            )
            .values(actor_id=user.id)
        )


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_actor_id_seq")
        batch_op.drop_column("redacted_by")
        batch_op.drop_column("actor_id")
