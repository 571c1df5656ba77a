"""Users (with MFA columns), login throttles, refresh and revoked tokens and families, API keys."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, String, Table, Text, true

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

# MFA secrets and backup-code digests are columns of `users`: they are read and written
# only with their user, never queried on their own, so a child table would add nothing.
users = Table(
    "users",
    metadata,
    columns.id_key(),
    Column("username", String(255), nullable=False),
    # domain.identity.normalize_username(username): what uniqueness and lookups use.
    Column("username_normalized", String(255), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(32), nullable=False),
    columns.created_at(),
    Column("mfa_enabled", Boolean, nullable=False),
    Column("mfa_secret", Text, nullable=True),  # ciphertext from the SecretSealer port
    Column("backup_code_digests", Json, nullable=False),
    Column("pending_mfa_secret", Text, nullable=True),  # ciphertext
    Column("pending_backup_code_digests", Json, nullable=False),
    # The RFC 6238 time step of the last accepted TOTP code (replays are refused).
    Column("last_totp_step", BigInteger, nullable=True),
    # domain.identity.emails.normalize_email(email), unique when set (NULLs never collide).
    Column("email", String(254), nullable=True),
    Column("active", Boolean, nullable=False, server_default=true()),
    Index("uq_users_username_normalized", "username_normalized", unique=True),
    Index("uq_users_email", "email", unique=True),
)

login_throttles = Table(
    "login_throttles",
    metadata,
    # SHA-256 of the key ("user:<normalized name>" or "client:<address>"): throttles exist
    # for any name a client sends, and a digest keeps the key short whatever its length.
    Column("key_digest", String(64), primary_key=True),
    Column("key", Text, nullable=False),
    Column("failures", Json, nullable=False),  # ISO-8601 UTC timestamps, oldest first
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    columns.id_key(),
    Column("family_id", String(64), nullable=False, index=True),
    columns.user_id(index=True),
    Column("secret_digest", String(64), nullable=False),
    Column("issued_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("used_at", UtcDateTime(), nullable=True),
    Column("replaced_by", String(64), nullable=True),
    Column("revoked_at", UtcDateTime(), nullable=True),
)

revoked_tokens = Table(
    "revoked_tokens",
    metadata,
    Column("jti", String(128), primary_key=True),
    Column("expires_at", UtcDateTime(), nullable=False, index=True),  # purge(now)
)

# Refresh-token families whose access tokens are revoked, until the last could expire.
revoked_token_families = Table(
    "revoked_token_families",
    metadata,
    Column("family_id", String(64), primary_key=True),
    Column("expires_at", UtcDateTime(), nullable=False, index=True),  # purge(now)
)

api_keys = Table(
    "api_keys",
    metadata,
    columns.id_key(),
    Column("agent_id", String(64), nullable=False),
    columns.owner_id(index=True),
    Column("label", String(255), nullable=False),
    Column("secret_digest", String(64), nullable=False),
    columns.created_at(),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Column("last_used_at", UtcDateTime(), nullable=True),
    # What the key may do, space-separated (domain/identity/permissions.py).
    Column("scopes", String(64), nullable=False, server_default="read trade halt"),
)

# The seed schema. Workspace ids are IdGenerator strings ("ws-<hex>"), not UUIDs, so the
# id column is a String rather than the seed's uuid.
user_workspaces = Table(
    "user_workspaces",
    metadata,
    columns.id_key(),
    columns.user_id(index=True),
    Column("workspace_name", String(255), nullable=False),
    Column("layout_json", Json, nullable=False),
    Column("is_default", Boolean, nullable=False),
    columns.created_at(),
    columns.updated_at(),
)
