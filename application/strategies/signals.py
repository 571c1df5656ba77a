"""Trading signals: scan closed bars, store new signals, publish them, page through them."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime

from application.core.cursors import decode_time_id, encode_time_id
from application.core.pacing import pause
from application.core.paging import Page, PageRequest, page_of
from domain.errors import DomainError
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.signals import Pattern, Signal, SignalEngine
from ports.core.clock import Clock, IdGenerator
from ports.core.events import EventPublisher
from ports.market_data.marketdata import BarSource, QuoteUnavailable
from ports.strategies.signals import SignalCursor, SignalRepository, SignalSearch

MAX_PAGE = 200
DEFAULT_LOOKBACK = 200
_MAX_SYMBOL_LENGTH = 64


class InvalidSignalQuery(DomainError):
    """A signal query with a limit, score or symbol out of range."""

    code = "INVALID_SIGNAL_QUERY"


class InvalidCursor(InvalidSignalQuery):
    """A cursor that this service did not hand out (or that was altered)."""

    code = "INVALID_CURSOR"


@dataclass(frozen=True, slots=True)
class SignalQuery(PageRequest):
    """Filters of a signal listing; `cursor` is the `next_cursor` of the previous page.

    `min_score` bounds |score| from below (bullish and bearish alike).
    """

    symbol: str | None = None
    pattern: Pattern | None = None
    timeframe: Timeframe | None = None
    min_score: float | None = None


SignalPage = Page[Signal]  # newest first


@dataclass(frozen=True, slots=True)
class ScanResult:
    """What one scan stored (new signals only) and the symbols whose bars could not be read."""

    stored: list[Signal] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


@dataclass(eq=False)
class SignalService:
    """Scans bars through the pattern engine, stores each new signal once, publishes it.

    Only closed bars are read (a bar still forming would change its signal), and a
    signal is keyed by its bar, so scanning again before the next bar closes stores
    nothing new. A symbol whose provider fails is reported and the others go on.
    """

    bars: BarSource
    repository: SignalRepository
    publisher: EventPublisher
    clock: Clock
    ids: IdGenerator
    engine: SignalEngine = field(default_factory=SignalEngine)
    _: KW_ONLY
    lookback: int = DEFAULT_LOOKBACK
    concurrency: int = 4
    _gate: asyncio.Semaphore = field(init=False)
    last_error: str | None = field(init=False, default=None)
    last_error_at: datetime | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.lookback < self.engine.config.min_bars:
            raise ValueError(
                f"lookback {self.lookback} is below the {self.engine.config.min_bars} bars "
                "the detectors need"
            )
        self._gate = asyncio.Semaphore(max(1, self.concurrency))

    async def scan(self, symbols: Sequence[str], timeframe: Timeframe) -> ScanResult:
        """Read each symbol's latest closed bars, store the new signals, publish their events."""
        wanted = list(dict.fromkeys(_symbol(s) for s in symbols))
        now = self.clock.now()
        answers = await asyncio.gather(*(self._closed_bars(s, timeframe, now) for s in wanted))
        candidates: list[Signal] = []
        failed: dict[str, str] = {}
        for symbol, answer in zip(wanted, answers, strict=True):
            if isinstance(answer, str):
                failed[symbol] = answer
            else:
                candidates.extend(self._signals(symbol, timeframe, answer, now))
        stored = await self.repository.add(candidates)
        if stored:
            # With an outbox the events are stored with the signals; publishing nothing
            # starts the relay's drain.
            direct = not self.repository.events_in_outbox
            await self.publisher.publish([s.emitted() for s in stored] if direct else [])
        return ScanResult(stored, failed)

    async def query(self, query: SignalQuery) -> SignalPage:
        """A page of signals, newest first; the cursor stays valid while signals are added."""
        if not 1 <= query.limit <= MAX_PAGE:
            raise InvalidSignalQuery(f"limit must be between 1 and {MAX_PAGE}")
        score = query.min_score
        if score is not None and not (math.isfinite(score) and 0.0 <= score <= 1.0):
            raise InvalidSignalQuery("min_score must be between 0 and 1")
        found = await self.repository.page(
            SignalSearch(
                symbol=_symbol(query.symbol) if query.symbol is not None else None,
                pattern=query.pattern,
                timeframe=query.timeframe,
                min_score=score,
                after=decode_cursor(query.cursor) if query.cursor is not None else None,
                limit=query.limit + 1,  # one more tells whether another page exists
            )
        )
        return page_of(found, query.limit, encode_cursor)

    async def run(
        self,
        symbols: Sequence[str],
        timeframes: Sequence[Timeframe],
        interval_s: float,
        stop: asyncio.Event,
    ) -> None:
        """Scan every timeframe every `interval_s` until `stop` is set; a failure is kept."""
        while not stop.is_set():
            for timeframe in timeframes:
                try:
                    result = await self.scan(symbols, timeframe)
                except Exception as exc:  # the scanner must outlive a store or bus outage
                    self._failed(f"scan {timeframe.value}: {type(exc).__name__}: {exc}")
                    continue
                for symbol, error in sorted(result.failed.items()):
                    self._failed(f"bars of {symbol} {timeframe.value}: {error}")
            await pause(self.clock, interval_s, stop)

    # -- helpers ---------------------------------------------------------------------
    async def _closed_bars(
        self, symbol: str, timeframe: Timeframe, now: datetime
    ) -> list[Bar] | str:
        """The symbol's bars that ended by `now`, oldest first; the error text on failure."""
        try:
            async with self._gate:
                # One more than needed: the last bar may still be forming.
                bars = await self.bars.bars(symbol, timeframe, limit=self.lookback + 1)
        except QuoteUnavailable as exc:
            return f"{type(exc).__name__}: {exc}"
        closed = [b for b in bars if b.timeframe is timeframe and b.start + timeframe.delta <= now]
        return closed[-self.lookback :]

    def _signals(
        self, symbol: str, timeframe: Timeframe, bars: list[Bar], now: datetime
    ) -> list[Signal]:
        if not bars:
            return []
        at = bars[-1].start
        return [
            Signal.of(
                reading,
                id=self.ids.new("sig-"),
                symbol=symbol,
                timeframe=timeframe,
                at=at,
                created_at=now,
            )
            for reading in self.engine.emit(BarSeries.from_bars(bars))
        ]

    def _failed(self, error: str) -> None:
        self.last_error = error
        self.last_error_at = self.clock.now()


def _symbol(symbol: str) -> str:
    cleaned = symbol.strip().upper()
    if not cleaned or len(cleaned) > _MAX_SYMBOL_LENGTH:
        raise InvalidSignalQuery(f"symbol must be 1 to {_MAX_SYMBOL_LENGTH} characters")
    return cleaned


def encode_cursor(signal: Signal) -> str:
    """The opaque position after `signal` in newest-first order."""
    return encode_time_id(signal.created_at, signal.id)


def decode_cursor(cursor: str) -> SignalCursor:
    """The position a cursor from `encode_cursor` stands for; InvalidCursor for anything else."""
    position = decode_time_id(cursor)
    if position is None:
        raise InvalidCursor("invalid cursor")
    return SignalCursor(*position)
