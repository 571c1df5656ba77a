"""The devices, device_sessions and device_logins tables (no address, no raw identifier)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, Index, Integer, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

devices = Table(
    "devices",
    metadata,
    columns.id_key(),
    columns.user_id(),
    Column("fingerprint", String(64), nullable=False),  # HMAC under the server's key
    Column("name", String(64), nullable=False),
    Column("family", String(64), nullable=False),
    Column("network", String(64), nullable=True),  # the /24 or /48, never the address
    Column("first_seen", UtcDateTime(), nullable=False),
    Column("last_seen", UtcDateTime(), nullable=False),
    Column("trusted_at", UtcDateTime(), nullable=True),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Index("ix_devices_user_fingerprint", "user_id", "fingerprint"),
)

device_sessions = Table(
    "device_sessions",
    metadata,
    Column("family_id", String(64), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Index("ix_device_sessions_device", "device_id"),
)

device_logins = Table(
    "device_logins",
    metadata,
    columns.id_key(),
    columns.user_id(),
    Column("device_id", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("network", String(64), nullable=True),
    Column("new_device", Boolean(), nullable=False),
    Column("new_network", Boolean(), nullable=False),
    Column("failures_before", Integer(), nullable=False),
    Column("hour_gap", Integer(), nullable=False),
    Column("score", Float(), nullable=False),
    Column("unusual", Text(), nullable=False),  # the unusual traits, one per line
    Index("ix_device_logins_at", "at"),
    Index("ix_device_logins_user_at", "user_id", "at"),
)
