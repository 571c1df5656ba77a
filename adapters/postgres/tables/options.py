"""Options analytics tables: `option_iv_history`, one IV per underlying per trading day."""

from __future__ import annotations

from sqlalchemy import Column, Date, Double, PrimaryKeyConstraint, String, Table

from adapters.postgres.types import UtcDateTime, metadata

option_iv_history = Table(
    "option_iv_history",
    metadata,
    Column("symbol", String(32), nullable=False),
    Column("day", Date(), nullable=False),
    Column("iv", Double(), nullable=False),  # annualised, a fraction (0.25 = 25%)
    Column("recorded_at", UtcDateTime(), nullable=False),
    # The key is also the range query's index: (symbol, day) ascending.
    PrimaryKeyConstraint("symbol", "day"),
)
