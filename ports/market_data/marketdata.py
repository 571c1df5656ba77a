"""Market-data ports: quotes and reference prices for the core; bars, books, chains, streams."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Protocol

from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.options import OptionChain


@dataclass(frozen=True, slots=True)
class Quote:
    """Top of book. `last` is the last trade; `mid` is the reference when both sides exist."""

    symbol: str
    bid: Decimal
    ask: Decimal
    last: Decimal
    at: datetime
    bid_size: Decimal = Decimal(0)
    ask_size: Decimal = Decimal(0)

    @property
    def mid(self) -> Decimal:
        if self.bid > 0 and self.ask > 0:
            return (self.bid + self.ask) / 2
        return self.last


class QuoteUnavailable(LookupError):
    """No data is known for a symbol (unknown, or the provider is down).

    The base of every market-data failure, so code that fails closed on a
    missing quote also fails closed on a provider outage.
    """


class ProviderError(QuoteUnavailable):
    """The provider failed (timeout, outage, malformed answer): counts against its breaker.

    `retryable` tells whether asking again (or another provider) can help.
    """

    def __init__(self, provider: str, message: str, *, retryable: bool = True) -> None:
        super().__init__(f"{provider}: {message}")
        self.provider = provider
        self.message = message
        self.retryable = retryable


class ProviderRateLimited(ProviderError):
    """The provider refused for rate; `retry_after_s` is when it says to come back."""

    def __init__(self, provider: str, retry_after_s: float | None = None) -> None:
        super().__init__(provider, "rate limited", retryable=True)
        self.retry_after_s = retry_after_s


@dataclass(frozen=True, slots=True)
class RateLimitUsage:
    """A provider's request budget as it last reported it (headers or its own count)."""

    limit: int
    remaining: int
    resets_at: datetime | None = None

    @property
    def used_fraction(self) -> float:
        return 0.0 if self.limit <= 0 else (self.limit - self.remaining) / self.limit


class MarketDataPort(Protocol):
    """Read-only prices: what the core reads (risk gate, margin, paper fills).

    `quote` raises QuoteUnavailable when it has none; `reference_prices`
    returns what it has and leaves unknown symbols out (callers fail closed).
    """

    async def quote(self, symbol: str) -> Quote: ...

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]: ...


class MarkBoard(Protocol):
    """The in-process board the order path reads marks from, announcing each change.

    Incremental readers (application/trading/risk_books.py) follow `subscribe`; quotes can also
    vanish without an update (an outage, a removed symbol, a new maximum age): then
    `generation` moves. With `max_age`, a quote older than that is no longer a mark.
    """

    generation: int

    @property
    def max_age(self) -> timedelta | None: ...

    def subscribe(self, listener: Callable[[Quote], None]) -> Callable[[], None]: ...

    def latest(self, symbol: str) -> Quote | None: ...


class BarSource(Protocol):
    """A reader of past bars: at most `limit` bars of `timeframe`, oldest first, each starting
    in [start, end) when those are given, the latest bars otherwise."""

    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]: ...


class MarketDataProvider(MarketDataPort, BarSource, Protocol):
    """A full market-data source (synthetic, replay, Alpaca, or the failover composite).

    Contract, on top of MarketDataPort:
    - `bars` returns at most `limit` bars of `timeframe`, oldest first, each
      starting in [start, end) when those are given, the latest bars otherwise.
    - `order_book` returns up to `depth` levels a side, best first, never crossed.
    - `option_chain` returns the listed contracts of `underlying` (one expiry
      when `expiry` is given), sorted by expiry, strike, right.
    - `stream_quotes` yields quotes of `symbols` as they change, until the
      consumer stops iterating; a stream that drops reconnects and resubscribes
      by itself (a provider that cannot raises ProviderError).
    - An unknown symbol raises QuoteUnavailable; a provider failure raises
      ProviderError (ProviderRateLimited for 429s), never a library's exception.
    - `rate_limit` reports the request budget as last seen, None when unknown.
    """

    name: str

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook: ...

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain: ...

    def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]: ...

    def rate_limit(self) -> RateLimitUsage | None: ...
