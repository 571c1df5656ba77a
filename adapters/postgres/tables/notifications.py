"""Notification tables: the deliveries outbox, the in-app inbox, users' preferences."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Index, Integer, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

notification_deliveries = Table(
    "notification_deliveries",
    metadata,
    # sha256 of (source event, user, channel, destination): the idempotency key.
    columns.id_key(),
    columns.user_id(),
    Column("event_type", String(64), nullable=False),
    Column("priority", String(16), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer(), nullable=False),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    columns.created_at(),
    Column("sent_at", UtcDateTime(), nullable=True),
    Column("source_id", String(128), nullable=False),
    Column("destination_id", String(64), nullable=True),
    Column("address", String(320), nullable=True),
    Column("title", String(256), nullable=False),
    Column("body", Text(), nullable=False),
    Column("last_error", String(512), nullable=False),
    Column("data", Json, nullable=False),
    Column("sealed", Boolean(), nullable=False),  # the body is SecretSealer output
    # The dispatcher's claim: due rows of one status, oldest due first.
    Index("ix_notification_deliveries_due", "status", "next_attempt_at"),
    # Listings: a user's deliveries newest first.
    Index("ix_notification_deliveries_user", "user_id", "created_at", "id"),
)

notifications_in_app = Table(
    "notifications_in_app",
    metadata,
    columns.id_key(),
    columns.user_id(),
    Column("event_type", String(64), nullable=False),
    Column("priority", String(16), nullable=False),
    Column("title", String(256), nullable=False),
    Column("body", Text(), nullable=False),
    columns.created_at(),
    Column("read_at", UtcDateTime(), nullable=True),
    Column("data", Json, nullable=False),
    Index("ix_notifications_in_app_user", "user_id", "created_at", "id"),
)


def _preference_columns() -> list[Column[Any]]:
    """The columns of a set of preferences, a user's own or a role's defaults."""
    return [
        Column("channels", Json, nullable=False),  # {event type: [channel, ...]}
        Column("quiet_start", String(8), nullable=True),  # "22:00"
        Column("quiet_end", String(8), nullable=True),
        Column("time_zone", String(64), nullable=True),
        Column("digest_enabled", Boolean(), nullable=False),
        Column("digest_minutes", Integer(), nullable=False),
    ]


notification_preferences = Table(
    "notification_preferences",
    metadata,
    Column("user_id", String(64), primary_key=True),
    *_preference_columns(),
)

notification_role_preferences = Table(
    "notification_role_preferences",
    metadata,
    # The admins' defaults of a role: what a user of that role without their own gets.
    Column("role", String(32), primary_key=True),
    *_preference_columns(),
)

# Bulk mark-read "all before a time" and the unread counts read a user's unread rows.
Index(
    "ix_notifications_in_app_user_unread",
    notifications_in_app.c.user_id,
    notifications_in_app.c.read_at,
    notifications_in_app.c.event_type,
)
