"""Fences: a counter per key that units of work advance, each from the value it read, so two
that read the same value cannot both commit (the later one fails with ConcurrentUpdate and
decides again). A book's orders of one day are serialized on one (application/books)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, String, Table

from adapters.postgres.types import metadata

fences = Table(
    "fences",
    metadata,
    Column("key", String(160), primary_key=True),
    Column("version", BigInteger(), nullable=False),
)
