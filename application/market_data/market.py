"""Market data for screens: depth-of-market analysis and bars with indicators, cached briefly.

Books come from BookSources (application/market_data/book_sources.py): a depth source for US
equities when one is configured, else the feed; the depth screen says which, how many levels
it had, and when its depth, gaps and large orders are not meaningful (a one-level book).
"""

from __future__ import annotations

import asyncio
import math
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Generic, TypeVar

from application.market_data.book_sources import BookKind, BookSources, SourcedBook
from domain.errors import DomainError, NotFound
from domain.market_data.bars import Bar, BarSeries, FloatArray, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.depth import DepthAnalysis, WhaleRule, ZScoreMethod, analyze_depth
from domain.market_data.indicators import IndicatorSpec, compute_tail, parse_indicators
from domain.market_data.level_gaps import LevelGap, level_gaps, widest_gap
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    MarketDataProvider,
    ProviderError,
    ProviderRateLimited,
    QuoteUnavailable,
)

MAX_LEVELS = 100
MAX_BARS = 5000
DEFAULT_IMBALANCE_LEVELS = 5
_SYMBOL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./-_:")
T = TypeVar("T")


class SymbolNotFound(NotFound):
    """The market-data provider knows no such symbol."""

    code = "SYMBOL_NOT_FOUND"


class MarketDataUnavailable(DomainError):
    """The provider failed or refused for rate; `retry_after` (seconds) says when to ask again."""

    code = "MARKET_DATA_UNAVAILABLE"

    def __init__(self, message: str, retry_after: float = 1.0, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.retryable = retryable


class InvalidMarketRequest(DomainError):
    """A market-data request parameter out of range; `field` names it."""

    code = "INVALID_MARKET_REQUEST"
    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}", field=field)


@dataclass(frozen=True, slots=True)
class IndicatorSeries:
    """One indicator's columns, aligned with the bars they were computed on (read-only)."""

    spec: IndicatorSpec
    columns: Mapping[str, FloatArray]


@dataclass(frozen=True, slots=True)
class BarsWithIndicators:
    """The latest bars of a symbol, oldest first, and each requested indicator over them.

    Indicators are computed over up to `lookback` earlier bars as well, so they have values
    from the first bar returned when the provider has that much history. Recursive ones
    (EMA, RSI, ATR, MACD) are seeded at the start of what was fetched.
    """

    symbol: str
    timeframe: Timeframe
    bars: tuple[Bar, ...]
    indicators: tuple[IndicatorSeries, ...]
    computed_at: datetime


@dataclass(frozen=True, slots=True)
class DepthScreen:
    """The depth-of-market screen of one book: the analysis, where the book came from and how
    many levels a side it had, the gaps between consecutive levels behind the touch (the
    widest in bps), and `note` when depth, gaps and large orders are not meaningful for it.

    A one-level book (TOP_OF_BOOK) has no gaps and no whales: two sizes are no population.
    """

    analysis: DepthAnalysis
    source: str
    kind: BookKind
    bid_levels: int
    ask_levels: int
    gaps: tuple[LevelGap, ...]
    widest_gap: LevelGap | None
    note: str | None

    @property
    def levels(self) -> int:
        return max(self.bid_levels, self.ask_levels)

    @property
    def depth_meaningful(self) -> bool:
        return self.kind is BookKind.DEPTH


def depth_screen(sourced: SourcedBook, *, imbalance_levels: int, whales: WhaleRule) -> DepthScreen:
    """The screen of a sourced book: analysed, with its gaps; no whales on one level a side."""
    book = sourced.book
    analysis = analyze_depth(book, imbalance_levels=imbalance_levels, whales=whales)
    if sourced.kind is BookKind.TOP_OF_BOOK:
        analysis = replace(analysis, whales=())
    gaps = level_gaps(book)
    return DepthScreen(
        analysis=analysis,
        source=sourced.source,
        kind=sourced.kind,
        bid_levels=len(book.bids),
        ask_levels=len(book.asks),
        gaps=gaps,
        widest_gap=widest_gap(gaps),
        note=sourced.note,
    )


@dataclass(frozen=True, slots=True)
class _Entry(Generic[T]):
    value: T
    expires: float  # clock.monotonic()
    bar_closes: datetime | None  # the bar current at the load ends: a newer one makes it stale


class _TtlCache(Generic[T]):
    """Answers kept until their TTL or the end of the bar they saw, least recently used out;
    concurrent misses of one key share one load."""

    def __init__(self, clock: Clock, ttl_s: float, max_entries: int) -> None:
        self._clock = clock
        self._ttl = ttl_s
        self._max = max_entries
        self._entries: OrderedDict[Hashable, _Entry[T]] = OrderedDict()
        self._loading: dict[Hashable, asyncio.Future[T]] = {}

    async def get(
        self, key: Hashable, timeframe: Timeframe | None, load: Callable[[], Awaitable[T]]
    ) -> T:
        entry = self._entries.get(key)
        if entry is not None:
            if self._fresh(entry):
                self._entries.move_to_end(key)
                return entry.value
            del self._entries[key]
        task = self._loading.get(key)
        if task is None:
            task = asyncio.ensure_future(self._load(key, timeframe, load))
            self._loading[key] = task
            task.add_done_callback(lambda done: self._settle(key, done))
        # Shielded: a caller that goes away does not cancel the load the others wait for.
        return await asyncio.shield(task)

    def _fresh(self, entry: _Entry[T]) -> bool:
        if self._clock.monotonic() >= entry.expires:
            return False
        return entry.bar_closes is None or self._clock.now() < entry.bar_closes

    async def _load(
        self, key: Hashable, timeframe: Timeframe | None, load: Callable[[], Awaitable[T]]
    ) -> T:
        started = self._clock.now()
        value = await load()
        closes = None if timeframe is None else timeframe.floor(started) + timeframe.delta
        self._entries[key] = _Entry(value, self._clock.monotonic() + self._ttl, closes)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)
        return value

    def _settle(self, key: Hashable, done: asyncio.Future[T]) -> None:
        self._loading.pop(key, None)
        if not done.cancelled():
            done.exception()  # retrieved here, so a failure no caller awaited is not logged


class MarketService:
    """Depth-of-market analysis and bars with indicators from one market-data provider.

    Books (per symbol and depth, from `books`: the provider's own unless given) and bars with
    indicators (per symbol, timeframe, limit and indicator set) are cached for `ttl_s`, and
    never past the end of the bar that was current when they were fetched. An unknown symbol
    raises SymbolNotFound; a provider failure raises MarketDataUnavailable with a retry hint;
    a parameter out of range raises InvalidMarketRequest (or InvalidIndicator) naming it.
    """

    def __init__(
        self,
        provider: MarketDataProvider,
        clock: Clock,
        ttl_s: float = 2.0,
        *,
        whale_z: float = 3.0,
        max_entries: int = 512,
        books: BookSources | None = None,
    ) -> None:
        if ttl_s <= 0:
            raise ValueError("ttl_s must be positive")
        WhaleRule(z=whale_z)  # the default must itself be a valid rule
        self._provider = provider
        self._clock = clock
        self._whale_z = whale_z
        self._book_sources = books or BookSources(provider)
        self._books: _TtlCache[SourcedBook] = _TtlCache(clock, ttl_s, max_entries)
        self._bars: _TtlCache[BarsWithIndicators] = _TtlCache(clock, ttl_s, max_entries)

    async def depth(
        self,
        symbol: str,
        levels: int = 10,
        *,
        imbalance_levels: int | None = None,
        whale_z: float | None = None,
        whale_size: Decimal | None = None,
        whale_method: ZScoreMethod = ZScoreMethod.ROBUST,
    ) -> DepthAnalysis:
        """The book's top `levels` a side, analysed; imbalance over the top 5 unless told."""
        screen = await self.depth_screen(
            symbol,
            levels,
            imbalance_levels=imbalance_levels,
            whale_z=whale_z,
            whale_size=whale_size,
            whale_method=whale_method,
        )
        return screen.analysis

    async def depth_screen(
        self,
        symbol: str,
        levels: int = 10,
        *,
        imbalance_levels: int | None = None,
        whale_z: float | None = None,
        whale_size: Decimal | None = None,
        whale_method: ZScoreMethod = ZScoreMethod.ROBUST,
    ) -> DepthScreen:
        """`depth`, with the book's source and levels, its level gaps and whether it has depth."""
        symbol = _symbol(symbol)
        _in_range("levels", levels, 1, MAX_LEVELS)
        top = (
            min(DEFAULT_IMBALANCE_LEVELS, levels) if imbalance_levels is None else imbalance_levels
        )
        _in_range("imbalance_levels", top, 1, levels)
        if whale_z is not None and not (math.isfinite(whale_z) and whale_z > 0):
            raise InvalidMarketRequest("whale_z", "must be a positive number")
        if whale_size is not None and not (whale_size.is_finite() and whale_size > 0):
            raise InvalidMarketRequest("whale_size", "must be a positive number")
        rule = WhaleRule(self._whale_z if whale_z is None else whale_z, whale_size, whale_method)
        sourced = await self._books.get(
            ("book", symbol, levels), None, lambda: self._order_book(symbol, levels)
        )
        return depth_screen(sourced, imbalance_levels=top, whales=rule)

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        limit: int = 200,
        indicators: Sequence[IndicatorSpec] | str = (),
    ) -> BarsWithIndicators:
        """The latest `limit` bars and the indicators (specs, or the request syntax) over them."""
        symbol = _symbol(symbol)
        _in_range("limit", limit, 1, MAX_BARS)
        specs = parse_indicators(indicators) if isinstance(indicators, str) else tuple(indicators)
        return await self._bars.get(
            ("bars", symbol, timeframe, limit, specs),
            timeframe,
            lambda: self._load_bars(symbol, timeframe, limit, specs),
        )

    async def _order_book(self, symbol: str, levels: int) -> SourcedBook:
        sourced = await _ask(symbol, self._book_sources.book(symbol, levels))
        book = sourced.book
        if len(book.bids) > levels or len(book.asks) > levels:
            book = OrderBook(book.symbol, book.bids[:levels], book.asks[:levels], book.at)
            sourced = replace(sourced, book=book)
        return sourced

    async def _load_bars(
        self, symbol: str, timeframe: Timeframe, limit: int, specs: tuple[IndicatorSpec, ...]
    ) -> BarsWithIndicators:
        lookback = max((spec.lookback for spec in specs), default=0)
        bars = await _ask(symbol, self._provider.bars(symbol, timeframe, limit=limit + lookback))
        # Off the event loop: a kernel's first call compiles it (seconds, once per process).
        columns = await asyncio.to_thread(
            lambda: compute_tail(specs, BarSeries.from_bars(bars), limit)
        )
        return BarsWithIndicators(
            symbol,
            timeframe,
            tuple(bars[-limit:]),
            tuple(IndicatorSeries(s, c) for s, c in zip(specs, columns, strict=True)),
            self._clock.now(),
        )


async def _ask(symbol: str, call: Awaitable[T]) -> T:
    return await provider_answer(
        call, f"market data for {symbol}", f"no market data for symbol {symbol}"
    )


async def provider_answer(call: Awaitable[T], what: str, missing: str) -> T:
    """The provider's answer, its failures mapped to the errors the callers map to statuses:
    `what` names what was asked for ("market data for AAPL"), `missing` says the symbol is
    unknown to the provider."""
    try:
        return await call
    except ProviderRateLimited as exc:
        raise MarketDataUnavailable(
            f"{what}: the provider is rate limited", retry_after=exc.retry_after_s or 1.0
        ) from exc
    except ProviderError as exc:
        # The provider's own words stay in the chained cause (logs), not in the answer.
        raise MarketDataUnavailable(
            f"{what} is unavailable from provider {exc.provider}", retryable=exc.retryable
        ) from exc
    except QuoteUnavailable as exc:
        raise SymbolNotFound(missing) from exc


def _symbol(symbol: str) -> str:
    text = symbol.strip().upper()
    if not text or len(text) > 32 or not set(text) <= _SYMBOL_CHARS:
        raise InvalidMarketRequest("symbol", "1 to 32 letters, digits or . / - _ :")
    return text


def _in_range(field: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise InvalidMarketRequest(field, f"must be in [{low}, {high}], got {value}")
