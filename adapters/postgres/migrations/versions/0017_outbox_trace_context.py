"""outbox trace context: the W3C trace context of the request that wrote each event

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-23 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# As adapters/postgres/tables/outbox.py's TraceContext (written out: a migration stays as it is).
_TRACE_CONTEXT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    # Nullable, no default: adding it rewrites no row (rows written before carry no trace).
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trace_context", _TRACE_CONTEXT, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("trace_context")
