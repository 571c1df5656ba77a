"""OAuth: registered clients (a secret's digest only), consent requests waiting for a person,
grants, and the codes and tokens of grants by the SHA-256 digest of their value."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

oauth_clients = Table(
    "oauth_clients",
    metadata,
    Column("client_id", String(255), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("redirect_uris", JSON(), nullable=False),
    Column("auth_method", String(32), nullable=False),
    Column("secret_digest", String(64), nullable=True),
    Column("kind", String(32), nullable=False),
    Column("document", JSON(), nullable=False),
    columns.created_at(),
)

oauth_requests = Table(
    "oauth_requests",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("client_id", String(2048), nullable=False),
    Column("redirect_uri", Text(), nullable=False),
    Column("redirect_uri_explicit", Boolean(), nullable=False),
    Column("code_challenge", String(128), nullable=False),
    Column("state", Text(), nullable=True),
    Column("scopes", String(64), nullable=False),
    Column("resource", Text(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False, index=True),
)

oauth_grants = Table(
    "oauth_grants",
    metadata,
    columns.id_key(),
    columns.owner_id(index=True),
    Column("client_id", String(2048), nullable=False),
    Column("agent_id", String(64), nullable=False),
    Column("scopes", String(64), nullable=False),
    Column("resource", Text(), nullable=False),
    columns.created_at(),
    Column("revoked_at", UtcDateTime(), nullable=True),
)

oauth_tokens = Table(
    "oauth_tokens",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("grant_id", String(64), nullable=False, index=True),
    Column("client_id", String(2048), nullable=False),
    Column("scopes", String(64), nullable=False),
    Column("resource", Text(), nullable=False),
    columns.created_at(),
    Column("expires_at", UtcDateTime(), nullable=False, index=True),
    Column("used_at", UtcDateTime(), nullable=True),
    Column("code_challenge", String(128), nullable=False),
    Column("redirect_uri", Text(), nullable=False),
    Column("redirect_uri_explicit", Boolean(), nullable=False),
)
