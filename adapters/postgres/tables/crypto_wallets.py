"""Users' stored crypto wallets: an EVM address on a chain, a label, the ERC-20 contracts."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, String, Table, Text, UniqueConstraint

from adapters.postgres import columns
from adapters.postgres.types import metadata

crypto_wallets = Table(
    "crypto_wallets",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("chain_id", BigInteger(), nullable=False),  # EIP-155, up to 2^53
    Column("address", String(42), nullable=False),  # lower-case 0x address
    Column("label", String(100), nullable=False),
    Column("tokens", Text(), nullable=False),  # comma-separated lower-case contracts, in order
    columns.created_at(),
    columns.updated_at(),
    UniqueConstraint("owner_id", "chain_id", "address", name="uq_crypto_wallets_owner_address"),
    Index("ix_crypto_wallets_owner", "owner_id", "created_at"),
)
