"""Alpaca market data: REST quotes, bars, books and option chains, plus the streamed quotes.

Endpoints (Market Data API): stock latest quotes /v2/stocks/{symbol}/quotes/latest and
/v2/stocks/quotes/latest, bars /v2/stocks/{symbol}/bars; crypto (symbols with a slash,
BTC/USD) /v1beta3/crypto/us/latest/quotes, /latest/orderbooks and /bars; option chains
/v1beta1/options/snapshots/{underlying}. Choices worth knowing:

- Alpaca's quotes carry no trade, so a Quote's `last` is its mid (one side when one is missing).
- Equities have no depth on Alpaca: `order_book` of a stock is one level a side, the latest
  quote. Crypto books are Alpaca's full latest book, cut to `depth`.
- Daily bars start at midnight UTC of their date (Alpaca stamps midnight New York).
- Without `start`, bars are asked newest first over a lookback wide enough for `limit` bars
  across nights and weekends, then returned oldest first.
- Option chains use the `indicative` option feed with the `iex` stock feed, `opra` with `sip`;
  the snapshots carry no open interest (0) and the volume is the day's bar volume.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal, TypeVar
from urllib.parse import quote as urlquote

import msgspec

from adapters.alpaca.http import (
    DATA_URL,
    STREAM_URL,
    AlpacaCredentials,
    AlpacaHttp,
    AlpacaHttpError,
    AlpacaMalformed,
    AlpacaRateLimited,
    decode,
)
from adapters.market_data.alpaca_stream import (
    AlpacaQuoteStream,
    QuoteConsumer,
    StreamHealth,
    StreamOptions,
)
from adapters.market_data.alpaca_wire import (
    TIMEFRAMES,
    Decoders,
    WireBar,
    is_crypto,
)
from adapters.market_data.quotes_each import known_quotes
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.options import OptionChain, OptionQuote
from domain.trading.instruments import OptionRight
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    Quote,
    QuoteUnavailable,
    RateLimitUsage,
)

T = TypeVar("T")
Feed = Literal["iex", "sip"]

_CRYPTO = "/v1beta3/crypto/us"
_MAX_PAGE = 10_000  # Alpaca's largest page of bars
_MAX_SYMBOLS = 200  # symbols per multi-symbol request, to keep URLs short
_MAX_CHAIN_PAGES = 50
_RIGHT_ORDER = {OptionRight.CALL: 0, OptionRight.PUT: 1}
# Alpaca answers these for a symbol it does not know (or that is not a symbol at all).
_UNKNOWN_STATUS = frozenset({404, 422})


class AlpacaMarketData:
    """A MarketDataProvider over Alpaca's Market Data API (REST) and its quote stream."""

    name = "alpaca"

    def __init__(
        self,
        http: AlpacaHttp,
        credentials: AlpacaCredentials,
        *,
        clock: Clock,
        feed: Feed = "iex",
        stream_url: str = STREAM_URL,
        call_timeout_s: float = 5.0,
        stream_options: StreamOptions | None = None,
    ) -> None:
        self._http = http
        self._clock = clock
        self._feed = feed
        self._option_feed = "indicative" if feed == "iex" else "opra"
        self._call_timeout_s = call_timeout_s
        self._decoders = Decoders()
        base = stream_url.rstrip("/")
        options = stream_options or StreamOptions()
        self.stock_stream = AlpacaQuoteStream(
            f"{base}/v2/{feed}", credentials, clock=clock, options=options
        )
        self.crypto_stream = AlpacaQuoteStream(
            f"{base}{_CRYPTO}", credentials, clock=clock, options=options
        )

    @classmethod
    def create(
        cls,
        credentials: AlpacaCredentials,
        clock: Clock,
        *,
        data_url: str = DATA_URL,
        stream_url: str = STREAM_URL,
        feed: Feed = "iex",
    ) -> AlpacaMarketData:
        """The provider with its own HTTP client (closed by `aclose`)."""
        http = AlpacaHttp(data_url, credentials, provider_name=cls.name, clock=clock)
        return cls(http, credentials, clock=clock, feed=feed, stream_url=stream_url)

    async def aclose(self) -> None:
        await self.stock_stream.aclose()
        await self.crypto_stream.aclose()
        await self._http.aclose()

    def rate_limit(self) -> RateLimitUsage | None:
        return self._http.rate_limit()

    def stream_health(self) -> StreamHealth:
        """The stock stream's health, or the crypto one's when only crypto is streamed."""
        stock, crypto = self.stock_stream.health(), self.crypto_stream.health()
        return crypto if crypto.symbols and not stock.symbols else stock

    # -- quotes -------------------------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        if is_crypto(symbol):
            found = await self._crypto_quotes([symbol])
        else:
            path = f"/v2/stocks/{urlquote(symbol, safe='')}/quotes/latest"
            latest = await self._get(path, {"feed": self._feed}, self._decoders.latest_quote)
            wire = latest.quote
            found = {} if wire is None else _quotes({symbol: wire.to_domain(symbol)})
        if symbol not in found:
            raise QuoteUnavailable(f"alpaca: no quote for {symbol}")
        return found[symbol]

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        wanted = list(dict.fromkeys(symbols))
        stocks = [s for s in wanted if not is_crypto(s)]
        crypto = [s for s in wanted if is_crypto(s)]
        batches = [self._stock_quotes(chunk) for chunk in _chunks(stocks)]
        batches += [self._crypto_quotes(chunk) for chunk in _chunks(crypto)]
        found: dict[str, Quote] = {}
        for batch in await asyncio.gather(*batches):
            found.update(batch)
        return {s: found[s].mid for s in wanted if s in found and found[s].mid > 0}

    async def _stock_quotes(self, symbols: list[str]) -> dict[str, Quote]:
        params = {"symbols": ",".join(symbols), "feed": self._feed}
        try:
            latest = await self._get(
                "/v2/stocks/quotes/latest", params, self._decoders.latest_quotes
            )
        except ProviderError:
            raise
        except QuoteUnavailable:
            if len(symbols) == 1:
                return {}
            # One bad symbol fails the whole batch: ask one by one, keep what is known.
            return await self._one_by_one(symbols)
        wires = latest.quotes or {}
        return _quotes({s: w.to_domain(s) for s, w in wires.items() if s in symbols})

    async def _one_by_one(self, symbols: list[str]) -> dict[str, Quote]:
        return {q.symbol: q for q in await known_quotes(self.quote, symbols)}

    async def _crypto_quotes(self, symbols: list[str]) -> dict[str, Quote]:
        params = {"symbols": ",".join(symbols)}
        try:
            latest = await self._get(
                f"{_CRYPTO}/latest/quotes", params, self._decoders.latest_quotes
            )
        except ProviderError:
            raise
        except QuoteUnavailable:
            return {}
        wires = latest.quotes or {}
        return _quotes({s: w.to_domain(s) for s, w in wires.items() if s in symbols})

    # -- bars ---------------------------------------------------------------------------
    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]:
        if limit <= 0 or (start is not None and end is not None and start >= end):
            return []
        newest_first = start is None
        if start is None:
            # Wide enough for `limit` bars across nights, weekends and holidays.
            reach = timeframe.delta * limit * 3 + timedelta(days=5)
            start = (end or self._clock.now()) - reach
        params: dict[str, Any] = {
            "timeframe": TIMEFRAMES[timeframe],
            "start": _rfc3339(start),
            "sort": "desc" if newest_first else "asc",
        }
        if end is not None:
            params["end"] = _rfc3339(end)
        wires = await self._bar_pages(symbol, params, limit)
        bars = self._to_bars(wires, symbol, timeframe, start, end)
        return bars[-limit:] if newest_first else bars[:limit]

    async def _bar_pages(self, symbol: str, params: dict[str, Any], limit: int) -> list[WireBar]:
        crypto = is_crypto(symbol)
        if crypto:
            path, params = f"{_CRYPTO}/bars", {**params, "symbols": symbol}
        else:
            path = f"/v2/stocks/{urlquote(symbol, safe='')}/bars"
            params = {**params, "feed": self._feed}
        collected: list[WireBar] = []
        token: str | None = None
        while len(collected) < limit:
            page_params = {**params, "limit": min(limit - len(collected), _MAX_PAGE)}
            if token is not None:
                page_params["page_token"] = token
            if crypto:
                crypto_page = await self._get(path, page_params, self._decoders.crypto_bars)
                collected += (crypto_page.bars or {}).get(symbol, [])
                token = crypto_page.next_page_token
            else:
                stock_page = await self._get(path, page_params, self._decoders.stock_bars)
                collected += stock_page.bars or []
                token = stock_page.next_page_token
            if not token:
                break
        return collected

    def _to_bars(
        self,
        wires: list[WireBar],
        symbol: str,
        timeframe: Timeframe,
        start: datetime,
        end: datetime | None,
    ) -> list[Bar]:
        by_start: dict[datetime, Bar] = {}
        try:
            for wire in wires:
                bar = wire.to_domain(symbol, timeframe)
                if bar.start >= start and (end is None or bar.start < end):
                    by_start[bar.start] = bar
        except ValueError as exc:  # high/low that do not bound open/close, negative volume
            raise ProviderError(self.name, f"bad bar for {symbol}: {exc}") from exc
        return [by_start[at] for at in sorted(by_start)]

    # -- order books --------------------------------------------------------------------
    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        if depth < 1:
            raise ValueError("depth must be at least 1")
        try:
            if is_crypto(symbol):
                return await self._crypto_book(symbol, depth)
            return self._one_level_book(await self.quote(symbol))
        except ValueError as exc:  # a crossed or unsorted book from the wire
            raise ProviderError(self.name, f"bad book for {symbol}: {exc}") from exc

    async def _crypto_book(self, symbol: str, depth: int) -> OrderBook:
        params = {"symbols": symbol}
        try:
            latest = await self._get(f"{_CRYPTO}/latest/orderbooks", params, self._decoders.books)
        except ProviderError:
            raise
        except QuoteUnavailable:
            latest = None
        wire = (latest.orderbooks or {}).get(symbol) if latest else None
        book = wire.to_domain(symbol, depth) if wire else None
        if book is None or not (book.bids or book.asks):
            raise QuoteUnavailable(f"alpaca: no order book for {symbol}")
        return book

    def _one_level_book(self, quote: Quote) -> OrderBook:
        bids = (BookLevel(quote.bid, quote.bid_size),) if quote.bid and quote.bid_size else ()
        asks = (BookLevel(quote.ask, quote.ask_size),) if quote.ask and quote.ask_size else ()
        if not (bids or asks):
            raise QuoteUnavailable(f"alpaca: no sized quote for {quote.symbol}")
        return OrderBook(symbol=quote.symbol, bids=bids, asks=asks, at=quote.at)

    # -- option chains ------------------------------------------------------------------
    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        if is_crypto(underlying):
            raise QuoteUnavailable(f"alpaca: no options on {underlying}")
        snapshots, spot = await asyncio.gather(
            self._snapshots(underlying, expiry), self.quote(underlying), return_exceptions=True
        )
        if isinstance(snapshots, BaseException):
            raise snapshots
        if isinstance(spot, BaseException):
            raise spot
        contracts = [c for c in snapshots if expiry is None or c.expiry == expiry]
        if not contracts:
            raise QuoteUnavailable(f"alpaca: no option contracts for {underlying}")
        contracts.sort(key=lambda c: (c.expiry, c.strike, _RIGHT_ORDER[c.right]))
        return OptionChain(
            underlying=underlying,
            underlying_price=spot.mid,
            at=self._clock.now(),
            contracts=tuple(contracts),
        )

    async def _snapshots(self, underlying: str, expiry: date | None) -> list[OptionQuote]:
        path = f"/v1beta1/options/snapshots/{urlquote(underlying, safe='')}"
        params: dict[str, Any] = {"feed": self._option_feed, "limit": 1000}
        if expiry is not None:
            params["expiration_date"] = expiry.isoformat()
        contracts: list[OptionQuote] = []
        for _ in range(_MAX_CHAIN_PAGES):
            page = await self._get(path, params, self._decoders.snapshots)
            try:
                contracts += [
                    snapshot.to_domain(symbol, underlying)
                    for symbol, snapshot in (page.snapshots or {}).items()
                ]
            except ValueError as exc:  # not an OCC symbol
                raise ProviderError(self.name, f"bad option snapshot: {exc}") from exc
            if not page.next_page_token:
                break
            params = {**params, "page_token": page.next_page_token}
        return contracts

    # -- streaming ----------------------------------------------------------------------
    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        wanted = frozenset(symbols)
        if not wanted:
            return
        consumer = QuoteConsumer(wanted, self.stock_stream.max_buffered)
        streams = [
            (stream, part)
            for stream, part in (
                (self.stock_stream, {s for s in wanted if not is_crypto(s)}),
                (self.crypto_stream, {s for s in wanted if is_crypto(s)}),
            )
            if part
        ]
        for stream, part in streams:
            stream.attach(consumer, part)
        try:
            while True:
                yield await consumer.next()
        finally:
            for stream, _part in streams:
                stream.detach(consumer)

    # -- plumbing -----------------------------------------------------------------------
    async def _get(self, path: str, params: dict[str, Any], decoder: msgspec.json.Decoder[T]) -> T:
        deadline = self._clock.monotonic() + self._call_timeout_s
        try:
            response = await self._http.request("GET", path, params=params, deadline=deadline)
            return decode(response, decoder)
        except AlpacaHttpError as exc:
            raise self._translate(exc, path) from exc

    def _translate(self, exc: AlpacaHttpError, path: str) -> QuoteUnavailable:
        """Alpaca's failure as the port's: unknown symbol, rate limit, or provider failure."""
        if isinstance(exc, AlpacaRateLimited) or exc.status == 429:
            return ProviderRateLimited(self.name, exc.retry_after)
        if exc.status in _UNKNOWN_STATUS or (exc.status == 400 and "symbol" in exc.message):
            return QuoteUnavailable(f"alpaca: {path}: {exc.message}")
        if isinstance(exc, AlpacaMalformed):
            return ProviderError(self.name, f"{path}: {exc.message}")
        # Bad keys, no plan for the feed, or a request we built wrong: asking again won't help.
        retryable = exc.status is None or exc.status >= 500
        return ProviderError(self.name, f"{path}: {exc}", retryable=retryable)


def _quotes(found: dict[str, Quote | None]) -> dict[str, Quote]:
    return {symbol: quote for symbol, quote in found.items() if quote is not None}


def _chunks(symbols: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(symbols), _MAX_SYMBOLS):
        yield symbols[i : i + _MAX_SYMBOLS]


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
