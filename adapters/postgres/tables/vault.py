"""The `broker_credentials` table: an account's broker key pair, key id and secret encrypted."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, String, Table, Text

from adapters.postgres.types import UtcDateTime, metadata

broker_credentials = Table(
    "broker_credentials",
    metadata,
    Column("account_id", String(64), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("broker", String(32), nullable=False),
    # Fernet tokens (SecretCipher); the hint is the masked key id, safe to show.
    Column("key_id_ciphertext", Text(), nullable=False),
    Column("secret_ciphertext", Text(), nullable=False),
    Column("key_hint", String(16), nullable=False),
    Column("paper", Boolean(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)
