"""Users' notification endpoints: webhook, Slack and Telegram destinations, secrets sealed."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import metadata

notification_endpoints = Table(
    "notification_endpoints",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("channel", String(16), nullable=False),
    Column("address", String(2048), nullable=False),
    Column("label", String(100), nullable=False),
    Column("enabled", Boolean(), nullable=False),
    columns.created_at(),
    Column("sealed", Text, nullable=False),  # SecretSealer text (record type notification_endpoint)
    Index("ix_notification_endpoints_owner_created", "owner_id", "created_at"),
)
