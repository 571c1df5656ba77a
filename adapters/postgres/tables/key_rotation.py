"""Key rotation's own tables: a checkpoint per sealed-record source, and retired KEK versions."""

from __future__ import annotations

from sqlalchemy import Column, Integer, PrimaryKeyConstraint, String, Table

from adapters.postgres import columns
from adapters.postgres.types import UtcDateTime, metadata

# One row per source while a rotation is under way (cleared when the source is done).
key_rotation_checkpoints = Table(
    "key_rotation_checkpoints",
    metadata,
    Column("source", String(128), primary_key=True),
    Column("cursor", String(255), nullable=False),  # the last record finished, e.g. a user id
    Column("target_key_id", String(64), nullable=False),  # the KEK records were moved to
    Column("target_version", Integer, nullable=False),
    columns.updated_at(),
)

retired_keys = Table(
    "retired_keys",
    metadata,
    Column("key_id", String(64), nullable=False),
    columns.version(),
    Column("retired_at", UtcDateTime(), nullable=False),
    Column("retired_by", String(64), nullable=False),
    PrimaryKeyConstraint("key_id", "version"),
)
