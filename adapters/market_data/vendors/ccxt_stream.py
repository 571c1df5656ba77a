"""Quotes from ccxt.pro's `watch_ticker` under the shared stream rules (ws_stream.py).

ccxt 4.5 bundles ccxt.pro: its exchange classes extend the async_support ones with `watch_*`
methods over the venue's websockets. ccxt keeps the socket itself (one per URL, shared by the
watchers of it) and subscribes on the first watch of a symbol; when the socket drops, the
pending watches fail with a NetworkError and the next watch opens a new socket and subscribes
again. `TickerWatch` is the loop around it that the other streams have: a retryable failure
(ccxt's OperationFailed: the network, a time-out, a rate limit) waits a `Backoff` delay (full
jitter; the attempt count restarts with the next ticker) and watches again, which reconnects
and resubscribes; a refusal (an unknown symbol, a venue's error answer) ends the stream with
ProviderError(retryable=False), and `give_up_after` failures in a row with retryable=True.

Each symbol is watched by `watch_ticker` (bid, ask and last, on every venue that has the
method); `watch_tickers` would take one socket for many, but what a venue's multi-ticker
channel carries differs (Binance's default is the mini ticker, without bid and ask).
A ticker that cannot be read is counted (`malformed_messages`) and skipped.
"""

from __future__ import annotations

import asyncio
import copy
import random
from collections.abc import AsyncGenerator, Callable, Mapping
from datetime import datetime
from decimal import localcontext
from typing import Any

import ccxt.async_support as ccxt_async  # type: ignore[import-untyped]
import ccxt.pro as ccxt_pro  # type: ignore[import-untyped]

from adapters.ccxt_venues.exchange import one_line
from adapters.market_data.ws_stream import QuoteConsumer, StreamHealth, StreamOptions
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

Translate = Callable[[str, Exception], LookupError]
ToQuote = Callable[[str, Mapping[str, Any]], Quote]


def can_watch(exchange: Any) -> bool:
    """Whether `exchange` (a ccxt instance) streams tickers: a ccxt.pro class with watchTicker."""
    return bool((getattr(exchange, "has", None) or {}).get("watchTicker")) and callable(
        getattr(exchange, "watch_ticker", None)
    )


def pro_twin(rest: Any, ws_urls: Mapping[str, Any] | None = None) -> Any | None:
    """The ccxt.pro instance of `rest`'s exchange (an async_support one as
    adapters/ccxt_venues/exchange.py opens it): its settings, options and REST URLs, the venue's
    websocket URLs (their entries replaced by `ws_urls`). None when ccxt.pro lacks the
    exchange or it has no watchTicker. The pro class serves the REST calls as the other did."""
    cls = getattr(ccxt_pro, str(rest.id), None)
    if cls is None or not isinstance(rest.urls.get("api"), dict):
        return None
    pro = cls(
        {
            "enableRateLimit": rest.enableRateLimit,
            "timeout": rest.timeout,
            "rateLimit": rest.rateLimit,
        }
    )
    if not can_watch(pro):
        return None
    if getattr(rest, "isSandboxModeEnabled", False):
        pro.set_sandbox_mode(True)
    pro.options = pro.deep_extend(pro.options, copy.deepcopy(rest.options))
    pro.number = rest.number
    ws = copy.deepcopy(pro.urls["api"].get("ws")) or {}
    if isinstance(ws, dict):
        ws.update(ws_urls or {})
    elif ws_urls:
        ws = dict(ws_urls)
    pro.urls["api"] = {**copy.deepcopy(rest.urls["api"]), "ws": ws}
    return pro


class TickerWatch:
    """`watch_ticker` of one ccxt.pro exchange as quote streams (module doc)."""

    def __init__(
        self,
        exchange: Any,
        *,
        provider: str,
        clock: Clock,
        to_quote: ToQuote,
        translate: Translate,
        options: StreamOptions | None = None,
    ) -> None:
        opts = options or StreamOptions()
        self._exchange = exchange
        self._provider = opts.provider_name or provider
        self._clock = clock
        self._to_quote = to_quote
        self._translate = translate
        self._backoff = opts.backoff
        self._draw = opts.draw or random.Random().random
        self._sleep = opts.sleep or clock.sleep
        self._give_up_after = opts.give_up_after
        self.max_buffered = opts.max_buffered
        self._watched: dict[str, int] = {}  # venue symbol -> how many readers watch it
        self._reconnects = 0
        self._failures = 0
        self._malformed = 0
        self._last_error: str | None = None
        self._last_error_at: datetime | None = None
        self._consumers: set[QuoteConsumer] = set()

    def health(self) -> StreamHealth:
        return StreamHealth(
            connected=bool(self._watched) and self._failures == 0,
            reconnects=self._reconnects,
            consecutive_failures=self._failures,
            last_error=self._last_error,
            last_error_at=self._last_error_at,
            symbols=frozenset(self._watched),
            dropped_quotes=sum(c.dropped for c in self._consumers),
            malformed_messages=self._malformed,
        )

    async def quotes(self, venues: Mapping[str, str]) -> AsyncGenerator[Quote, None]:
        """Quotes of `venues` (venue symbol -> Bulwark symbol) as their tickers move, until the
        caller stops iterating or a failure ends the stream (ProviderError)."""
        if not venues:
            return
        consumer = QuoteConsumer(venues.values(), self.max_buffered)
        self._consumers.add(consumer)
        tasks = [
            asyncio.create_task(self._follow(venue, symbol, consumer), name=f"watch {venue}")
            for venue, symbol in venues.items()
        ]
        for venue in venues:
            self._watched[venue] = self._watched.get(venue, 0) + 1
        shown: dict[str, tuple[Any, ...]] = {}
        try:
            while True:
                quote = await consumer.next()
                prices = (quote.bid, quote.ask, quote.last)
                if shown.get(quote.symbol) != prices:
                    shown[quote.symbol] = prices
                    yield quote
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._consumers.discard(consumer)
            for venue in venues:
                left = self._watched.get(venue, 0) - 1
                if left > 0:
                    self._watched[venue] = left
                else:
                    self._watched.pop(venue, None)

    async def _follow(self, venue: str, symbol: str, consumer: QuoteConsumer) -> None:
        """Watch one symbol's ticker, backing off and watching again after a retryable failure."""
        attempt = 0
        while True:
            try:
                ticker = await self._next_ticker(venue)
            except ccxt_async.BaseError as exc:
                error = self._translate(f"ticker stream of {symbol}", exc)
                self._note(one_line(exc))
                if not isinstance(error, ProviderError) or not error.retryable:
                    consumer.fail(_not_retryable(self._provider, error))
                    return
                self._failures = attempt + 1
                if self._give_up_after is not None and self._failures >= self._give_up_after:
                    message = f"gave up after {self._failures} failed watches: {self._last_error}"
                    consumer.fail(ProviderError(self._provider, message, retryable=True))
                    return
                await self._sleep(self._backoff.delay(attempt, self._draw()))
                attempt += 1
                self._reconnects += 1
                continue
            attempt = 0
            self._failures = 0
            try:
                quote = self._to_quote(symbol, ticker)
            except ProviderError:
                self._malformed += 1
                continue
            except QuoteUnavailable:
                continue  # a ticker without a price yet
            consumer.push(quote)

    async def _next_ticker(self, venue: str) -> Any:
        """The next ticker of `venue`, in a decimal context of its own. Shielded: ccxt hands
        every watcher of a symbol the same future, which one reader's cancellation must not
        cancel for the others."""
        watch = asyncio.ensure_future(self._watch(venue))
        watch.add_done_callback(_retrieved)
        return await asyncio.shield(watch)

    async def _watch(self, venue: str) -> Any:
        with localcontext():
            return await self._exchange.watch_ticker(venue)

    def _note(self, error: str) -> None:
        self._last_error = error
        self._last_error_at = self._clock.now()


def _not_retryable(provider: str, error: LookupError) -> ProviderError:
    if isinstance(error, ProviderError) and not error.retryable:
        return error
    return ProviderError(provider, str(error), retryable=False)


def _retrieved(task: asyncio.Future[Any]) -> None:
    """Read a shielded watch's outcome, so a reader gone before it ended leaves no warning."""
    if not task.cancelled():
        task.exception()
