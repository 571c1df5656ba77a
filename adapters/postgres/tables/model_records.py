"""The reviewer's and the models' records: `model_reviews` (advisory reviews with their
redacted transcripts) and `model_predictions` (every prediction, its outcome once joined)."""

from __future__ import annotations

from sqlalchemy import Column, Double, Index, Integer, String, Table, Text

from adapters.postgres import columns
from adapters.postgres.types import Json, UtcDateTime, metadata

model_reviews = Table(
    "model_reviews",
    metadata,
    columns.id_key(),
    Column("owner_id", String(128), nullable=False),
    Column("account_id", String(128), nullable=False),
    Column("order_id", String(128), nullable=True),  # None: a proposed order's review
    Column("symbol", String(64), nullable=False),
    # {"rating", "reasons": [{"figure", "text"}], "confidence", "source", "model",
    #  "fallback", "elapsed_ms"}
    Column("review", Json, nullable=False),
    Column("figures", Json, nullable=False),  # {name: plain string} as the model was sent
    Column("prompt", Text, nullable=False),  # redacted
    Column("answer", Text, nullable=True),  # redacted; None: no answer came
    Column("detail", Text, nullable=False),
    columns.created_at(),
    Index("ix_model_reviews_order", "order_id", "created_at"),
)

model_predictions = Table(
    "model_predictions",
    metadata,
    columns.id_key(),
    Column("model", String(64), nullable=False),
    Column("version", String(128), nullable=False),
    Column("kind", String(16), nullable=False),  # rating | score
    Column("subject", String(64), nullable=False),
    Column("direction", Integer(), nullable=False),
    Column("value", String(64), nullable=False),
    Column("confidence", Double(), nullable=True),
    Column("inputs_hash", String(64), nullable=False),
    Column("inputs", Json, nullable=False),  # {name: number}
    Column("made_at", UtcDateTime(), nullable=False),
    Column("owner_id", String(128), nullable=True),
    # {"horizon_s", "forward_return", "drawdown", "hit", "realised", "resolved_at"}; None: not yet
    Column("outcome", Json, nullable=True),
    Column("resolved", Integer(), nullable=False, default=0),
    Index("ix_model_predictions_model_made", "model", "made_at"),
    Index("ix_model_predictions_unresolved", "resolved", "made_at"),
)
