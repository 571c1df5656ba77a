"""The transactional outbox (events out) and the inbox (ids of commands whose effect is in)."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, String, Table, Text
from sqlalchemy.dialects.postgresql import JSONB

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

# A JSON object or SQL NULL (not JSON null): None stays NULL, so "no trace" costs no bytes.
TraceContext = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")

outbox = Table(
    "outbox",
    metadata,
    # BIGSERIAL on PostgreSQL; SQLite's INTEGER PRIMARY KEY is its rowid (monotonic here).
    Column("id", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("aggregate_id", String(128), nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("payload", Json, nullable=False),
    columns.created_at(),
    Column("sent_at", UtcDateTime(), nullable=True),
    Column("failed_at", UtcDateTime(), nullable=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=True),
    # W3C trace context (traceparent, tracestate) of the request that wrote the event, so
    # the relay sends it in that trace (docs/tracing.md); NULL when tracing is off.
    Column("trace_context", TraceContext, nullable=True),
    # The relay's scan: unsent rows in id order.
    Index("ix_outbox_pending", "id", postgresql_where="sent_at IS NULL AND failed_at IS NULL"),
)

# Ids of Kafka commands whose effect committed in the same transaction (exactly-once effects).
inbox = Table(
    "inbox",
    metadata,
    Column("message_id", String(128), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("processed_at", UtcDateTime(), nullable=False),
)
