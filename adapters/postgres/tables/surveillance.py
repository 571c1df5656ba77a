"""Surveillance: alerts under review, and the detector runs' checkpoints.

An alert row keeps what lists and filters need as columns and the detection itself (parties,
thresholds, measured figures, the orders and fills) as one JSON document, written once.
`detected_us` (microseconds since the epoch) orders pages exactly on every store. A
checkpoint is the run's engine state (compressed JSON, application/surveillance/feed.py)
and its read offsets, replaced in the transaction that stores the run's new alerts.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
)

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

surveillance_alerts = Table(
    "surveillance_alerts",
    metadata,
    columns.id_key(),
    Column("pattern", String(32), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("score", Float(), nullable=False),
    Column("owner_id", String(128), nullable=False),
    Column("symbol", String(64), nullable=False),
    Column("detected_us", BigInteger(), nullable=False),
    Column("detected_at", UtcDateTime(), nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("detection", Text(), nullable=False),  # JSON: the Detection's other fields
    Column("status", String(16), nullable=False),
    Column("note", Text(), nullable=False),
    Column("acknowledged_by", String(128), nullable=True),
    Column("acknowledged_at", UtcDateTime(), nullable=True),
    Column("closed_by", String(128), nullable=True),
    Column("closed_at", UtcDateTime(), nullable=True),
    Column("action", String(16), nullable=False),
    Column("action_detail", Text(), nullable=False),
    columns.created_at(),
    columns.version(),
    Index("ix_surveillance_alerts_detected", "detected_us", "id"),
    Index("ix_surveillance_alerts_owner", "owner_id", "detected_us"),
    Index("ix_surveillance_alerts_action", "action"),
)

surveillance_checkpoints = Table(
    "surveillance_checkpoints",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("state", LargeBinary(), nullable=False),
    Column("offsets", Text(), nullable=False),  # JSON: {"topic:partition": next offset}
    Column("events", BigInteger(), nullable=False),
    Column("saved_at", UtcDateTime(), nullable=False),
)
