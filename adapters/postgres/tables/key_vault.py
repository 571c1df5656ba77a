"""The API-key vault's tables: `vault_keys` (sealed key id and secret per key) and
`vault_key_access` (who used which key when, from which component)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

vault_keys = Table(
    "vault_keys",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("provider", String(32), nullable=False),
    Column("label", String(120), nullable=False),
    Column("scopes", Json, nullable=False),
    Column("key_hint", String(16), nullable=False),
    # SecretSealer texts bound to ("vault_key", id); legacy Fernet tokens until rotated.
    Column("key_id_sealed", Text(), nullable=False),
    Column("secret_sealed", Text(), nullable=False),
    Column("account_id", String(64), nullable=True),
    Column("paper", Boolean(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=True),
    columns.created_at(),
    Column("rotated_at", UtcDateTime(), nullable=True),
    Column("last_used_at", UtcDateTime(), nullable=True),
    # The pair before the last rotation, kept sealed until previous_until, then set NULL.
    Column("previous_key_id_sealed", Text(), nullable=True),
    Column("previous_secret_sealed", Text(), nullable=True),
    Column("previous_until", UtcDateTime(), nullable=True),
    Column("warned", Json, nullable=False),
    Index("ix_vault_keys_owner_id", "owner_id"),
    Index("ix_vault_keys_account_provider", "account_id", "provider", unique=True),
)

vault_key_access = Table(
    "vault_key_access",
    metadata,
    Column("seq", Integer(), primary_key=True, autoincrement=True),
    Column("key_id", String(64), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("component", String(64), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("detail", Text(), nullable=False),
    Index("ix_vault_key_access_key_seq", "key_id", "seq"),
)
