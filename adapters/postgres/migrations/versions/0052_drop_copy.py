"""drop copy: the outbox of the messages to the surveillance desk's webhook and Kafka topic

Revision ID: 0052
Revises: 0050
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import adapters.postgres.types

revision = "0052"
# The revision before this one: 0051 once it lands (numbers are handed out ahead of landing).
down_revision = "0050"
branch_labels = None
depends_on = None

_TS = adapters.postgres.types.UtcDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "drop_copy_outbox",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("order_key", sa.String(length=255), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("event_at", _TS, nullable=False),
        sa.Column("recorded_at", _TS, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _TS, nullable=False),
        sa.Column("delivered_at", _TS, nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_drop_copy_outbox")),
        sa.UniqueConstraint("message_id", "target", name="uq_drop_copy_outbox_message"),
    )
    op.create_index(
        "ix_drop_copy_outbox_pending", "drop_copy_outbox", ["target", "delivered_at", "seq"]
    )
    op.create_index("ix_drop_copy_outbox_order", "drop_copy_outbox", ["target", "order_key", "seq"])


def downgrade() -> None:
    op.drop_index("ix_drop_copy_outbox_order", table_name="drop_copy_outbox")
    op.drop_index("ix_drop_copy_outbox_pending", table_name="drop_copy_outbox")
    op.drop_table("drop_copy_outbox")
