"""Venue connections: one row per connection, its credentials a vault key's id (never the
credentials themselves); a revoked connection keeps its row, `revoked_at` set."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, String, Table, false

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

venue_connections = Table(
    "venue_connections",
    metadata,
    columns.id_key(),
    columns.owner_id(index=True),
    Column("label", String(120), nullable=False),
    Column("kind", String(64), nullable=False),  # str(VenueKind): "ibkr", "ccxt:binance"
    Column("environment", String(16), nullable=False),  # a VenueEnvironment's value
    Column("vault_key_id", String(64), nullable=True),  # NULL once revoked, or none kept
    Column("venue_account", String(32), nullable=True),
    Column("endpoint", String(300), nullable=True),
    Column("quote", String(16), nullable=True),
    Column("verify_tls", Boolean(), nullable=False),
    columns.created_at(),
    Column("revoked_at", UtcDateTime(), nullable=True),
    Column("halt_on_drift", Boolean(), nullable=False, server_default=false()),
)
