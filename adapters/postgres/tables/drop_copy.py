"""The drop copy's outbox: one row per message and target, delivered or waiting.

`seq` orders the rows as they were recorded (BIGSERIAL on PostgreSQL; SQLite's INTEGER PRIMARY
KEY is its rowid), and a message is stored once per target (`uq_drop_copy_outbox_message`).
A pending row is due at `next_attempt_at`; a delivered one keeps `delivered_at` until purged.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text, UniqueConstraint

from adapters.postgres.types import UtcDateTime, metadata

drop_copy_outbox = Table(
    "drop_copy_outbox",
    metadata,
    Column("seq", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("message_id", String(36), nullable=False),
    Column("target", String(16), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("order_key", String(255), nullable=False),
    Column("body", Text(), nullable=False),  # the JSON document, without `sent_at`
    Column("event_at", UtcDateTime(), nullable=False),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("attempts", Integer(), nullable=False),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("delivered_at", UtcDateTime(), nullable=True),
    Column("last_error", String(300), nullable=True),
    UniqueConstraint("message_id", "target", name="uq_drop_copy_outbox_message"),
    # A target's pending rows in sequence order, and one order's rows (the hold-back check).
    Index("ix_drop_copy_outbox_pending", "target", "delivered_at", "seq"),
    Index("ix_drop_copy_outbox_order", "target", "order_key", "seq"),
)
