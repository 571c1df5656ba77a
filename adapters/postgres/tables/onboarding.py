"""Invitations and password-reset tokens (digests only); users' email and active columns are
declared with the users table (tables/identity.py)."""

from __future__ import annotations

from sqlalchemy import Column, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

invitations = Table(
    "invitations",
    metadata,
    columns.id_key(),
    Column("token_digest", String(64), nullable=False),
    Column("role", String(32), nullable=False),
    Column("email", String(254), nullable=True),
    Column("created_by", String(64), nullable=False),
    columns.created_at(index=True),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("used_at", UtcDateTime(), nullable=True),
    Column("used_by", String(64), nullable=True),
    Column("revoked_at", UtcDateTime(), nullable=True),
)

password_reset_tokens = Table(
    "password_reset_tokens",
    metadata,
    columns.id_key(),
    columns.user_id(index=True),
    Column("token_digest", String(64), nullable=False),
    columns.created_at(),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("used_at", UtcDateTime(), nullable=True),
    Column("invalidated_at", UtcDateTime(), nullable=True),
)
