"""In-memory bar store: the BarStore port for unit tests and embedded runs (nothing on disk)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from datetime import datetime

import numpy as np

from domain.market_data.bar_calendar import TimeRange, epoch, gaps
from domain.market_data.bar_columns import BarColumns
from domain.market_data.bar_pages import page_start
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.corporate_actions import CorporateAction
from ports.market_data.bar_store import (
    BarPage,
    Coverage,
    adjusted_series,
    check_batches,
    check_limit,
    page_from,
)

_Key = tuple[str, Timeframe]


class InMemoryBarStore:
    """Bars in dicts by (symbol, timeframe) and start; the same contract as the Parquet store."""

    def __init__(self) -> None:
        self._bars: dict[_Key, dict[int, Bar]] = {}
        self._sorted: dict[_Key, list[int]] = {}
        self._actions: dict[str, dict[tuple[object, ...], CorporateAction]] = {}

    async def write(self, symbol: str, timeframe: Timeframe, bars: Sequence[Bar]) -> int:
        check_batches(timeframe, {symbol: bars})
        stored = self._bars.setdefault((symbol, timeframe), {})
        for bar in bars:
            stored[epoch(bar.start)] = bar
        self._sorted.pop((symbol, timeframe), None)
        return len(bars)

    async def write_series(self, symbol: str, timeframe: Timeframe, series: BarSeries) -> int:
        bars = BarColumns.from_series(series).bars(symbol, timeframe)
        return await self.write(symbol, timeframe, bars)

    async def write_many(self, timeframe: Timeframe, batches: Mapping[str, Sequence[Bar]]) -> int:
        check_batches(timeframe, batches)
        for symbol, bars in batches.items():
            await self.write(symbol, timeframe, bars)
        return sum(len(b) for b in batches.values())

    async def write_many_series(
        self, timeframe: Timeframe, batches: Mapping[str, BarSeries]
    ) -> int:
        for symbol, series in batches.items():
            await self.write_series(symbol, timeframe, series)
        return sum(len(s) for s in batches.values())

    def _starts(self, key: _Key) -> list[int]:
        starts = self._sorted.get(key)
        if starts is None:
            starts = self._sorted[key] = sorted(self._bars.get(key, {}))
        return starts

    def _range(self, key: _Key, start: datetime, end: datetime, limit: int | None) -> list[Bar]:
        starts = self._starts(key)
        low, high = bisect_left(starts, epoch(start)), bisect_left(starts, epoch(end))
        if limit is not None:
            high = min(high, low + limit)
        stored = self._bars.get(key, {})
        return [stored[t] for t in starts[low:high]]

    async def read(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        limit: int = 1000,
        cursor: str | None = None,
        adjusted: bool = False,
    ) -> BarPage:
        check_limit(limit)
        begin = page_start(start, cursor, symbol, timeframe)
        found = self._range((symbol, timeframe), begin, end, limit + 1)
        return await page_from(self, found, limit, symbol, timeframe, adjusted=adjusted)

    async def series(
        self,
        symbols: Sequence[str],
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        *,
        adjusted: bool = False,
    ) -> dict[str, BarSeries]:
        found: dict[str, BarSeries] = {}
        for symbol in symbols:
            bars = self._range((symbol, timeframe), start, end, None)
            if bars:
                found[symbol] = BarColumns.from_bars(bars).series()
        return await adjusted_series(self, found) if adjusted else found

    async def coverage(self, symbol: str, timeframe: Timeframe) -> Coverage | None:
        starts = self._starts((symbol, timeframe))
        if not starts:
            return None
        stored = self._bars[(symbol, timeframe)]
        return Coverage(stored[starts[0]].start, stored[starts[-1]].start, len(starts))

    async def gaps(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[TimeRange]:
        stored = np.asarray(self._starts((symbol, timeframe)), dtype=np.int64)
        return gaps(timeframe, start, end, stored)

    async def write_actions(self, actions: Sequence[CorporateAction]) -> None:
        for action in actions:
            self._actions.setdefault(action.symbol, {})[action.key] = action

    async def actions(self, symbol: str) -> list[CorporateAction]:
        return sorted(self._actions.get(symbol, {}).values(), key=lambda a: (a.ex_date, a.kind))
