"""Stored daily implied volatilities: one IV per underlying and trading day (for IV rank)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class DailyIV:
    """One underlying's IV for one day: an annualised vol as a fraction (0.25 = 25%).

    `iv` is the 30-day constant-maturity at-the-money IV the recorder computes
    (domain/analytics/options/iv_stats.py); `recorded_at` is when it was taken (UTC).
    """

    symbol: str
    day: date
    iv: float
    recorded_at: datetime

    def __post_init__(self) -> None:
        if not self.symbol or len(self.symbol) > 32:
            raise ValueError("symbol must be 1 to 32 characters")
        if not (math.isfinite(self.iv) and self.iv > 0):
            raise ValueError(f"iv must be a positive number, got {self.iv!r}")
        if self.recorded_at.tzinfo is None:
            raise ValueError("recorded_at must be timezone-aware")


class IVHistoryStore(Protocol):
    """Daily IVs by (symbol, day).

    - `record` stores the entry, replacing the one of the same symbol and day (idempotent upsert).
    - `last` returns at most `limit` entries of `symbol` with day <= `up_to`, the most recent
      `limit` of them, OLDEST FIRST (empty when none).
    """

    async def record(self, entry: DailyIV) -> None: ...

    async def last(self, symbol: str, *, up_to: date, limit: int) -> list[DailyIV]: ...
