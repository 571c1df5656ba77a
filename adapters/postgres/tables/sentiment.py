"""Sentiment index tables: `fear_greed_history`, one composite per UTC day."""

from __future__ import annotations

from sqlalchemy import Column, Date, Double, String, Table

from adapters.postgres.types import Json, UtcDateTime, metadata

fear_greed_history = Table(
    "fear_greed_history",
    metadata,
    Column("day", Date(), primary_key=True),  # the UTC calendar day
    Column("score", Double(), nullable=False),  # 0 (extreme fear) .. 100 (extreme greed)
    Column("label", String(16), nullable=False),  # the band of the score
    Column("coverage", Double(), nullable=False),  # weight of the inputs available, 0..1
    # [{"name", "raw", "score", "method", "weight"}] of the inputs that were available
    Column("components", Json, nullable=False),
    Column("sources", Json, nullable=False),  # {input: where it came from}
    Column("recorded_at", UtcDateTime(), nullable=False),
)
