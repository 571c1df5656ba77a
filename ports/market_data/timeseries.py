"""Market-data time series port: OHLCV bars with VWAP, per symbol and interval."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

DEFAULT_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of `symbol` over `interval` (e.g. "1m", "1d") starting at `time` (aware UTC)."""

    symbol: str
    interval: str
    time: datetime
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal
    vwap: Decimal | None = None

    def __post_init__(self) -> None:
        if self.time.tzinfo is None:
            raise ValueError("bar time must be timezone-aware")


class BarStore(Protocol):
    """Stored bars, one per (symbol, interval, time).

    `upsert` is idempotent: a bar whose key is already stored replaces it (a revised
    bar), and within one call the last bar of a key wins. `range` returns the bars of
    `symbol` and `interval` with start <= time < end, oldest first, at most `limit`.
    `latest` is the bar with the greatest time, or None when there is none.
    """

    async def upsert(self, bars: Sequence[Bar]) -> None: ...

    async def latest(self, symbol: str, interval: str) -> Bar | None: ...

    async def range(
        self,
        symbol: str,
        interval: str,
        start: datetime,
        end: datetime,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Bar]: ...
