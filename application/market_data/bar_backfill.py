"""Backfill the bar store from a provider's history: only the missing ranges, idempotently.

A symbol's missing ranges are the trading calendar's gaps in what is stored
(BarStore.gaps, narrowed to the exchange's sessions when given them: bar_gaps.py), so a
second run over the same range asks the provider only for what is still missing (without
sessions a holiday is asked again, and stays empty), and a run stopped part way resumes
where it stopped. Fetched bars are buffered across symbols and
written together (BarStore.write_many) once `flush_bars` of them are held and at the end, so a
store whose files hold many symbols (the Parquet store's yearly files of daily bars) writes
each file once a flush rather than once a symbol. A run stopped part way loses at most the
unflushed buffer, which the next run asks for again; writing a bar again is harmless (the
store's writes are idempotent).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from application.market_data.bar_gaps import SessionGaps
from domain.market_data.bars import Bar, Timeframe
from ports.calendars import SessionSource
from ports.market_data.bar_store import BarStore, HistoricalBars
from ports.market_data.marketdata import ProviderError, ProviderRateLimited, QuoteUnavailable

CHUNK = 1000
# Bars held before a write of every buffered symbol (~100 symbols x 10 years of daily bars,
# some 200 MB of Bar objects): a store of shared files rewrites each file once a flush.
FLUSH_BARS = 250_000
# A provider that says "too many requests" is waited on, as it asks (at most MAX_WAIT_S a
# time, RATE_WAIT_S when it does not say), up to MAX_RATE_WAITS times in a row per chunk.
MAX_RATE_WAITS = 5
MAX_WAIT_S = 65.0
RATE_WAIT_S = 5.0
_AFTER = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class SymbolBackfill:
    """What one symbol's backfill did: ranges asked for, bars written, or why it failed."""

    symbol: str
    ranges: int = 0
    written: int = 0
    failed: str | None = None


@dataclass(frozen=True, slots=True)
class BackfillReport:
    """Every symbol's outcome, in the order asked."""

    symbols: list[SymbolBackfill] = field(default_factory=list)

    @property
    def written(self) -> int:
        return sum(s.written for s in self.symbols)

    @property
    def failed(self) -> list[SymbolBackfill]:
        return [s for s in self.symbols if s.failed is not None]


class BarBackfill:
    """Copies a provider's bars into the store for the ranges the store lacks."""

    def __init__(
        self,
        source: HistoricalBars,
        store: BarStore,
        *,
        chunk: int = CHUNK,
        flush_bars: int = FLUSH_BARS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        sessions: SessionSource | None = None,
    ) -> None:
        self._source = source
        self._store = store
        self._gaps = SessionGaps(store, sessions)
        self._chunk = chunk
        self._flush_bars = flush_bars
        self._sleep = sleep
        self._buffer: dict[str, list[Bar]] = {}
        self._buffered = 0

    async def run(
        self,
        symbols: Sequence[str],
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        progress: Callable[[float], None] = lambda fraction: None,
    ) -> BackfillReport:
        """Each symbol in turn; one that the provider fails on is reported, the rest go on.
        Every bar fetched is written before it returns (a store error is raised)."""
        report = BackfillReport()
        self._buffer, self._buffered = {}, 0
        try:
            for i, symbol in enumerate(symbols):

                def step(done: float, i: int = i) -> None:
                    progress((i + done) / len(symbols))

                report.symbols.append(await self._symbol(symbol, timeframe, start, end, step))
                step(1.0)
        finally:  # what a failing provider had already given is kept, as chunk writes did
            await self._flush(timeframe)
        return report

    async def _flush(self, timeframe: Timeframe) -> None:
        buffer, self._buffer, self._buffered = self._buffer, {}, 0
        if buffer:
            await self._store.write_many(timeframe, buffer)

    async def _keep(self, symbol: str, timeframe: Timeframe, bars: list[Bar]) -> int:
        """Buffer a chunk; write every buffered symbol once `flush_bars` are held."""
        self._buffer.setdefault(symbol, []).extend(bars)
        self._buffered += len(bars)
        if self._buffered >= self._flush_bars:
            await self._flush(timeframe)
        return len(bars)

    async def _symbol(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: datetime,
        end: datetime,
        step: Callable[[float], None],
    ) -> SymbolBackfill:
        missing = await self._gaps.gaps(symbol, timeframe, start, end)
        written = 0
        for n, gap in enumerate(missing):
            try:
                written += await self._copy(symbol, timeframe, gap.start, gap.end)
            except ProviderError as exc:  # before QuoteUnavailable: it is one
                return SymbolBackfill(symbol, len(missing), written, f"provider failed: {exc}")
            except QuoteUnavailable:
                return SymbolBackfill(symbol, len(missing), written, "unknown to the provider")
            step((n + 1) / len(missing))
        return SymbolBackfill(symbol, len(missing), written)

    async def _copy(self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime) -> int:
        written = 0
        at = start
        while at < end:
            bars = await self._bars_waiting_out_limits(symbol, timeframe, at, end)
            bars = [b for b in bars if at <= b.start < end]
            if not bars:
                break
            written += await self._keep(symbol, timeframe, bars)
            if bars[-1].start + timeframe.delta >= end:
                break  # no further bar starts in the range
            at = bars[-1].start + _AFTER
        return written

    async def _bars_waiting_out_limits(
        self, symbol: str, timeframe: Timeframe, start: datetime, end: datetime
    ) -> list[Bar]:
        """The provider's chunk; a rate limit is waited out (bounded), then asked again."""
        for _ in range(MAX_RATE_WAITS):
            try:
                return await self._source.bars(
                    symbol, timeframe, start=start, end=end, limit=self._chunk
                )
            except ProviderRateLimited as exc:
                await self._sleep(min(exc.retry_after_s or RATE_WAIT_S, MAX_WAIT_S))
        return await self._source.bars(symbol, timeframe, start=start, end=end, limit=self._chunk)
