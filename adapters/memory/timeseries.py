"""In-process market-data bar store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ports.market_data.timeseries import DEFAULT_LIMIT, Bar


class InMemoryBarStore:
    """A BarStore held in a dict keyed by (symbol, interval, time)."""

    def __init__(self) -> None:
        self._bars: dict[tuple[str, str, datetime], Bar] = {}

    async def upsert(self, bars: Sequence[Bar]) -> None:
        for bar in bars:
            self._bars[(bar.symbol, bar.interval, bar.time)] = bar

    async def latest(self, symbol: str, interval: str) -> Bar | None:
        series = self._series(symbol, interval)
        return series[-1] if series else None

    async def range(
        self,
        symbol: str,
        interval: str,
        start: datetime,
        end: datetime,
        limit: int = DEFAULT_LIMIT,
    ) -> list[Bar]:
        found = [bar for bar in self._series(symbol, interval) if start <= bar.time < end]
        return found[: max(limit, 0)]

    def _series(self, symbol: str, interval: str) -> list[Bar]:
        series = [b for b in self._bars.values() if b.symbol == symbol and b.interval == interval]
        series.sort(key=lambda bar: bar.time)
        return series
