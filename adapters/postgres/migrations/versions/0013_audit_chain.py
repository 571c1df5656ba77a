"""audit_log: hash chain (seq, prev_hash, hash), request id and client IP; chains old rows

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-22 23:50:00

The existing rows are chained in their order (at, id): seq 1..n, each prev_hash the hash
of the row before, the first one's GENESIS (application/core/audit_chain.py, version 1).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types
from application.core.audit_chain import GENESIS, chained
from ports.core.events import AuditEntry

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("request_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("ip", sa.String(length=64), nullable=True))
    _chain_existing_rows()
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_index("ux_audit_log_seq", ["seq"], unique=True)
        batch_op.create_index("ix_audit_log_actor_seq", ["actor", "seq"])
        batch_op.create_index("ix_audit_log_target_seq", ["target", "seq"])


def _chain_existing_rows() -> None:
    table = sa.table(
        "audit_log",
        sa.column("id", sa.BigInteger()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("target", sa.String()),
        sa.column("outcome", sa.String()),
        sa.column("at", adapters.postgres.types.UtcDateTime(timezone=True)),
        sa.column("details", adapters.postgres.types.Json),
        sa.column("seq", sa.BigInteger()),
        sa.column("prev_hash", sa.String()),
        sa.column("hash", sa.String()),
    )
    conn = op.get_bind()
    seq, prev = 0, GENESIS
    last: tuple[object, int] | None = None
    while True:
        query = sa.select(table).order_by(table.c.at, table.c.id).limit(_BATCH)
        if last is not None:
            query = query.where(
                sa.or_(table.c.at > last[0], sa.and_(table.c.at == last[0], table.c.id > last[1]))
            )
        rows = conn.execute(query).all()
        if not rows:
            return
        for row in rows:
            seq += 1
            entry = AuditEntry(
                row.actor, row.action, row.target, row.outcome, row.at, row.details or {}
            )
            link = chained(seq, entry, prev)
            conn.execute(
                table.update()
                .where(table.c.id == row.id)
                .values(seq=seq, prev_hash=prev, hash=link.hash)
            )
            prev = link.hash
        last = (rows[-1].at, rows[-1].id)


def downgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_target_seq")
        batch_op.drop_index("ix_audit_log_actor_seq")
        batch_op.drop_index("ux_audit_log_seq")
        batch_op.drop_column("ip")
        batch_op.drop_column("request_id")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
