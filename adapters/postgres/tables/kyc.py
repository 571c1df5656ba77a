"""The kyc_documents table: one row per uploaded document (the content is in a DocumentStore)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

kyc_documents = Table(
    "kyc_documents",
    metadata,
    columns.id_key(),
    columns.owner_id(),
    Column("kind", String(32), nullable=False),
    Column("media_type", String(64), nullable=False),
    Column("size", BigInteger(), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("storage_key", String(1024), nullable=False),
    Column("sealed_key", Text, nullable=True),  # KEK ref + wrapped DEK; NULL once deleted
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=True),
    Column("reviewer_id", String(64), nullable=True),
    Column("uploaded_at", UtcDateTime(), nullable=False),
    Column("decided_at", UtcDateTime(), nullable=True),
    Column("deleted_at", UtcDateTime(), nullable=True),
    Index("ix_kyc_documents_owner_uploaded", "owner_id", "uploaded_at"),
    Index("ix_kyc_documents_uploaded", "uploaded_at"),
)
