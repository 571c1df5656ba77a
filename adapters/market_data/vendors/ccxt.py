"""Crypto venues' market data through ccxt (docs/market-data-vendors.md).

One exchange of ccxt's async unified API (Binance, Kraken, Coinbase, OKX, ...), public
calls only (no key): fetch_ticker for quotes (bid, ask, last and the sizes at the touch),
fetch_ohlcv for bars, fetch_order_book for books. Symbols map as the CCXT broker's do
(adapters/ccxt_venues/symbols.py: "BTC" is "BTC/<quote>"), and every number is read as
Decimal from the strings ccxt hands over (`exchange.number = str`). Choices worth knowing:

- Bulwark's timeframes are ccxt's names (1m, 5m, 15m, 30m, 1h, 4h, 1d); one the exchange
  does not list (exchange.timeframes) is refused as not offered.
- Bars are paged by `since`/`limit`, at most `page` bars a request, until `limit` bars or
  the window's end; the latest bars (no start) are one request of `limit` bars when that
  fits a page. A bar still forming (the exchange's latest) is returned like the others.
- Crypto has no splits or dividends: adjusted and raw bars are the same bars, and corporate
  actions and option chains are refused as not offered (ProviderError, not retryable).
- The quote stream watches the venue's websocket where the exchange can (a ccxt.pro class
  with watchTicker: ccxt_stream.py, under the shared reconnect and backoff rules) and yields
  a quote when its bid, ask or last moved. `connect_ccxt_market_data` opens the ccxt.pro class
  of the exchange when ccxt.pro has it, unless the REST API is moved (a local fake, a proxy)
  without `ws_urls` to move the websockets too. Elsewhere (an async_support instance, a venue
  without watchTicker) it polls fetch_ticker every `poll_s` seconds instead.
- The request budget is ccxt's own spacing (`rateLimit`, ms between requests) as calls a
  minute, less the calls of the last minute.
- Each call runs in a decimal context of its own: ccxt's number formatting changes the
  thread's context (ROUND_HALF_UP, Underflow trapped), which must not leak into Bulwark's.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, localcontext
from typing import Any, TypeVar

import ccxt.async_support as ccxt  # type: ignore[import-untyped]

from adapters.ccxt_venues.exchange import one_line, open_exchange
from adapters.ccxt_venues.symbols import SymbolMap, amount, decimal
from adapters.market_data.vendors.ccxt_stream import TickerWatch, can_watch, pro_twin
from adapters.market_data.vendors.common import (
    VendorDefaults,
    finish,
    not_offered,
    parsing,
    wants_no_bars,
)
from adapters.market_data.ws_stream import StreamHealth, StreamOptions
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.corporate_actions import CorporateAction
from domain.market_data.options import OptionChain
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    Quote,
    QuoteUnavailable,
    RateLimitUsage,
)

T = TypeVar("T")
PAGE = 1000  # bars a request: Binance's most for spot klines (Kraken answers at most 720)
ZERO = Decimal(0)


def provider_error(provider: str, what: str, exc: Exception, headers: Any = None) -> LookupError:
    """The port's error for a failed ccxt call: an unknown symbol is QuoteUnavailable, a rate
    limit (HTTP 429/418: ccxt's DDoSProtection) ProviderRateLimited; what ccxt calls an
    OperationFailed (the network, a time-out, a garbled answer, maintenance) is a retryable
    ProviderError, an ExchangeError (the venue refused the request as it stands: a bad
    parameter, a pair it does not list under its own words) a non-retryable one."""
    if isinstance(exc, ccxt.BadSymbol):
        return QuoteUnavailable(f"{provider}: {what}: {one_line(exc)}")
    if isinstance(exc, ccxt.RateLimitExceeded | ccxt.DDoSProtection):
        return ProviderRateLimited(provider, _retry_after(headers))
    if isinstance(exc, ccxt.NotSupported):
        return not_offered(provider, what)
    retryable = isinstance(exc, ccxt.OperationFailed)
    return ProviderError(provider, f"{what}: {one_line(exc)}", retryable=retryable)


def _retry_after(headers: Any) -> float | None:
    found = {str(k).lower(): v for k, v in (headers or {}).items()}.get("retry-after")
    try:
        return None if found is None else float(found)
    except ValueError:
        return None


class CcxtMarketData(VendorDefaults):
    """A VendorMarketData over one ccxt exchange's public market data (module doc)."""

    def __init__(
        self,
        exchange: Any,
        clock: Clock,
        *,
        quote: str = "USDT",
        symbols: Mapping[str, str] | None = None,
        poll_s: float = 1.0,
        page: int = PAGE,
        name: str = "ccxt",
        stream_options: StreamOptions | None = None,
    ) -> None:
        exchange.number = str
        self._exchange = exchange
        self._clock = clock
        self._symbols = SymbolMap(quote, symbols)
        self._poll_s = poll_s
        self._page = page
        self._calls: deque[float] = deque()
        self.name = name
        self._watch = (
            TickerWatch(
                exchange,
                provider=name,
                clock=clock,
                to_quote=self._ticker_quote,
                translate=lambda what, exc: provider_error(name, what, exc),
                options=stream_options,
            )
            if can_watch(exchange)
            else None
        )

    @property
    def exchange(self) -> Any:
        return self._exchange

    @property
    def spent(self) -> Decimal:
        return ZERO  # public market data is free

    def rate_limit(self) -> RateLimitUsage | None:
        spacing_ms = float(self._exchange.rateLimit or 0)
        if spacing_ms <= 0:
            return None
        limit = max(1, int(60_000 / spacing_ms))
        return RateLimitUsage(limit, max(0, limit - len(self._last_minute())))

    async def aclose(self) -> None:
        # ccxt 4.5 closes its HTTP session only when told to clean the instance's data.
        await self._exchange.close(clean_instance_data=True)

    # -- quotes -----------------------------------------------------------------------------
    @property
    def watches(self) -> bool:
        """Whether `stream_quotes` watches the venue's websocket (else it polls)."""
        return self._watch is not None

    def stream_health(self) -> StreamHealth | None:
        """The websocket watch's health; None when the stream polls."""
        return None if self._watch is None else self._watch.health()

    async def quote(self, symbol: str) -> Quote:
        ticker = await self._call("quote", self._exchange.fetch_ticker, self._venue(symbol))
        return self._ticker_quote(symbol, ticker)

    def _ticker_quote(self, symbol: str, ticker: Mapping[str, Any]) -> Quote:
        """A ccxt ticker as a Quote (QuoteUnavailable when it has no price)."""
        with parsing(self.name, "ticker"):
            bid, ask = amount(ticker.get("bid")), amount(ticker.get("ask"))
            last = decimal(ticker.get("last")) or decimal(ticker.get("close")) or ZERO
            if bid <= 0 and ask <= 0 and last <= 0:
                raise QuoteUnavailable(f"{self.name}: no price for {symbol}")
            return Quote(
                symbol=symbol,
                bid=bid,
                ask=ask,
                last=last,
                at=self._stamp(ticker.get("timestamp")),
                bid_size=amount(ticker.get("bidVolume")),
                ask_size=amount(ticker.get("askVolume")),
            )

    def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        """Watch the tickers where the exchange can (ccxt_stream.py), poll them elsewhere;
        either way yield each quote whose bid, ask or last moved."""
        if self._watch is not None:
            return self._watch.quotes({self._venue(s): s for s in dict.fromkeys(symbols)})
        return self._polled(symbols)

    async def _polled(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        """Poll every `poll_s`; yield each quote whose bid, ask or last moved. A retryable
        failure waits for the next poll; an unknown symbol or a refusal ends the stream."""
        wanted = list(dict.fromkeys(symbols))
        shown: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
        while True:
            try:
                quotes = await asyncio.gather(*(self.quote(symbol) for symbol in wanted))
            except ProviderError as exc:
                if not exc.retryable:
                    raise
                quotes = []
            for quote in quotes:
                prices = (quote.bid, quote.ask, quote.last)
                if shown.get(quote.symbol) != prices:
                    shown[quote.symbol] = prices
                    yield quote
            await asyncio.sleep(self._poll_s)

    # -- bars -------------------------------------------------------------------------------
    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
        adjusted: bool = True,
    ) -> list[Bar]:
        """`adjusted` changes nothing: a crypto asset has no splits or dividends to adjust for."""
        if wants_no_bars(start, end, limit):
            return []
        if start is None and end is None and limit <= self._page:
            interval, venue = self._timeframe(timeframe), self._venue(symbol)
            rows = await self._ohlcv(venue, interval, None, limit)
            return finish(self._bars(symbol, timeframe, rows), None, None, limit)
        if start is not None:
            return await self._paged(symbol, timeframe, start, end, limit)
        # The latest bars before `end`: a crypto venue trades around the clock, so the `limit`
        # bars before it start `limit` bars before its own bar.
        since = timeframe.floor(end or self._clock.now()) - timeframe.delta * limit
        return finish(await self._paged(symbol, timeframe, since, end, None), None, end, limit)

    async def _paged(
        self,
        symbol: str,
        timeframe: Timeframe,
        start: datetime,
        end: datetime | None,
        limit: int | None,
    ) -> list[Bar]:
        """Bars from `start`, a page at a time (`since` moving past each page's last bar), until
        `limit` bars (None: no count), the window's end, or an empty page."""
        interval, venue = self._timeframe(timeframe), self._venue(symbol)
        found: list[Bar] = []
        since = start
        while True:
            size = self._page if limit is None else min(self._page, limit - len(found))
            rows = await self._ohlcv(venue, interval, _ms(since), size)
            page = [bar for bar in self._bars(symbol, timeframe, rows) if bar.start >= since]
            found += page
            past_end = end is not None and bool(page) and page[-1].start >= end
            if not page or past_end or (limit is not None and len(found) >= limit):
                return finish(found, start, end, limit or len(found))
            since = page[-1].start + timeframe.delta

    async def _ohlcv(self, venue: str, interval: str, since: int | None, limit: int) -> Any:
        return await self._call("bars", self._exchange.fetch_ohlcv, venue, interval, since, limit)

    def _bars(self, symbol: str, timeframe: Timeframe, rows: Any) -> list[Bar]:
        with parsing(self.name, "bars"):
            bars = []
            for at, open_, high, low, close, volume in (row[:6] for row in rows):
                prices = (amount(open_), amount(high), amount(low), amount(close))
                bars.append(Bar(symbol, timeframe, self._stamp(at), *prices, amount(volume)))
            return bars

    def _timeframe(self, timeframe: Timeframe) -> str:
        """ccxt names Bulwark's timeframes as Bulwark does; the exchange must list it."""
        listed = self._exchange.timeframes or {}
        if timeframe.value not in listed:
            raise not_offered(self.name, f"{timeframe.value} bars on {self._exchange.id}")
        return timeframe.value

    # -- books, and what a crypto venue lacks ----------------------------------------------
    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        found = await self._call(
            "order book", self._exchange.fetch_order_book, self._venue(symbol), depth
        )
        with parsing(self.name, "order book"):
            return OrderBook(
                symbol=symbol,
                bids=_levels(found.get("bids"), depth),
                asks=_levels(found.get("asks"), depth),
                at=self._stamp(found.get("timestamp")),
            )

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        raise self._lacks("option chains: its spot markets list no options")

    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        raise self._lacks("corporate actions: a crypto asset has no splits or dividends")

    def _lacks(self, what: str) -> ProviderError:
        """What a crypto venue does not have: not retryable, so the failover asks the next."""
        return ProviderError(self.name, f"{self._exchange.id} has no {what}", retryable=False)

    # -- calls ------------------------------------------------------------------------------
    async def _call(self, what: str, call: Callable[..., Awaitable[T]], *args: Any) -> T:
        """`call(*args)` (a ccxt method) in a decimal context of its own, counted against the
        budget, its failures as the port's errors."""
        self._last_minute().append(self._clock.monotonic())
        try:
            with localcontext():
                return await call(*args)
        except ccxt.BaseError as exc:
            headers = getattr(self._exchange, "last_response_headers", None)
            raise provider_error(self.name, what, exc, headers) from exc

    def _last_minute(self) -> deque[float]:
        now = self._clock.monotonic()
        while self._calls and self._calls[0] <= now - 60:
            self._calls.popleft()
        return self._calls

    def _venue(self, symbol: str) -> str:
        return self._symbols.to_venue(symbol)

    def _stamp(self, millis: Any) -> datetime:
        if millis is None:
            return self._clock.now()
        return datetime.fromtimestamp(int(millis) / 1000, UTC)


def _levels(found: Any, depth: int) -> tuple[BookLevel, ...]:
    """ccxt's [[price, amount], ...] (best first) as book levels; empty levels left out."""
    levels = (BookLevel(amount(row[0]), amount(row[1])) for row in found or ())
    return tuple(level for level in levels if level.size > 0)[:depth]


def _ms(at: datetime) -> int:
    return int(at.timestamp() * 1000)


def connect_ccxt_market_data(
    exchange_id: str,
    clock: Clock,
    *,
    quote: str = "USDT",
    symbols: Mapping[str, str] | None = None,
    options: Mapping[str, Any] | None = None,
    api_urls: Mapping[str, str] | None = None,
    api_base: str | None = None,
    sandbox: bool = False,
    rate_limit_ms: float | None = None,
    timeout_ms: int = 10_000,
    poll_s: float = 1.0,
    watch: bool = True,
    ws_urls: Mapping[str, Any] | None = None,
    stream_options: StreamOptions | None = None,
) -> CcxtMarketData:
    """CcxtMarketData on `ccxt.async_support.<exchange_id>`, spot markets, no key
    (adapters/ccxt_venues/exchange.py says what the other arguments do). With `watch`, the
    ccxt.pro class of the exchange where ccxt.pro has one with watchTicker, so quotes stream
    over the venue's websockets; not when `api_urls` or `api_base` move the REST API
    elsewhere, unless `ws_urls` move the websocket entries (urls["api"]["ws"]) too."""
    exchange = open_exchange(
        exchange_id,
        options=options,
        api_urls=api_urls,
        api_base=api_base,
        sandbox=sandbox,
        rate_limit_ms=rate_limit_ms,
        timeout_ms=timeout_ms,
    )
    moved = api_urls is not None or api_base is not None
    if watch and (ws_urls is not None or not moved):
        exchange = pro_twin(exchange, ws_urls) or exchange
    return CcxtMarketData(
        exchange,
        clock,
        quote=quote,
        symbols=symbols,
        poll_s=poll_s,
        stream_options=stream_options,
    )
