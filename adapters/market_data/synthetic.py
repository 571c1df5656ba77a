"""A seeded synthetic market-data provider over the in-process quote board.

Quotes are the board's (the quotes the core reads and the paper broker fills against);
`tick()` moves every board symbol one geometric-Brownian-motion step and publishes it there.
Bars, books and chains are made up around the board's current quote, deterministically:
the same seed, clock and board give the same data.

What `bars` guarantees as the clock moves on: each bar's shape (log-return, wicks, volume) is
fixed by (seed, symbol, timeframe, bar start) whoever asks and whenever; the series is anchored
so the bar holding `now` closes at the board's current price. So a later clock appends bars and
keeps every earlier bar's relative moves, while absolute levels are rescaled by one common
factor (the newest returns and the board's own moves since). At most MAX_HISTORY_BARS back.
Bars run round the clock, weekends included: a simulation has no trading calendar.

As the primary feed (the offline demo, `standing=True`), a price stands until someone sets it
or `tick()` moves it: the gate trades at it however long ago it was set, so a quote of it is the
price now, stamped with the clock's time (a client asking for a quote at most a few seconds old
gets the price the gate fills at). Behind another primary, as its fallback, a quote keeps the
time the board last heard of the symbol, so its age tells how stale the real feed's last word is.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import ROUND_FLOOR, Decimal
from typing import Protocol

import numpy as np

from adapters.market_data.synthetic_books import build_option_chain, build_order_book
from adapters.market_data.synthetic_paths import (
    CENT,
    MAX_HISTORY_BARS,
    BarPaths,
    SymbolDynamics,
    stable_key,
)
from adapters.market_data.synthetic_statements import synthetic_statements
from application.market_data.quote_pump import QuoteSink
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.fundamentals import KeyRatios
from domain.market_data.options import OptionChain
from domain.market_data.statements import FinancialStatements, StatementPeriod
from ports.core.clock import Clock
from ports.market_data.marketdata import Quote, RateLimitUsage

__all__ = ["MAX_HISTORY_BARS", "QuoteBoard", "SymbolDynamics", "SyntheticMarketData"]

_CENT = Decimal("0.01")
_TWO = Decimal(2)
_TICK_STREAM = 3
STREAM_QUEUE = 1000


class QuoteBoard(QuoteSink, Protocol):
    """What the synthetic provider needs of the in-process quote board (InMemoryMarketData):
    besides setting quotes as the quote pump does, reading them and hearing of them."""

    async def quote(self, symbol: str) -> Quote: ...

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]: ...

    def latest(self, symbol: str) -> Quote | None: ...

    def symbols(self) -> list[str]: ...

    def subscribe(self, listener: Callable[[Quote], None]) -> Callable[[], None]: ...


class SyntheticMarketData:
    """MarketDataProvider "synthetic": the board's quotes plus seeded bars, books and chains.

    `tick()` moves the board's symbols (those quoted before it was built, those it
    publishes later, and `symbols`). `close()` stops listening to the board.
    """

    name = "synthetic"

    def __init__(
        self,
        board: QuoteBoard,
        clock: Clock,
        *,
        seed: int = 7,
        tick_seconds: float = 1.0,
        symbols: Iterable[str] = (),
        dynamics: Mapping[str, SymbolDynamics] | None = None,
        default_dynamics: SymbolDynamics | None = None,
        stream_queue: int = STREAM_QUEUE,
        standing: bool = False,
    ) -> None:
        if seed < 0:
            raise ValueError("seed must not be negative")
        if tick_seconds <= 0 or stream_queue <= 0:
            raise ValueError("tick_seconds and stream_queue must be positive")
        self._board = board
        self._clock = clock
        self._standing = standing
        self._seed = seed
        self._tick_seconds = tick_seconds
        self._dynamics = dict(dynamics or {})
        self._default = default_dynamics or SymbolDynamics()
        self._stream_queue = stream_queue
        self._paths = BarPaths(seed)
        self._symbols: set[str] = {*symbols, *board.symbols()}
        self._exact: dict[str, tuple[Decimal, float]] = {}  # last published, unrounded price
        self._rngs: dict[str, np.random.Generator] = {}
        self._unsubscribe = board.subscribe(self._learn)

    def _learn(self, quote: Quote) -> None:
        self._symbols.add(quote.symbol)

    def close(self) -> None:
        self._unsubscribe()

    def dynamics_of(self, symbol: str) -> SymbolDynamics:
        return self._dynamics.get(symbol, self._default)

    @property
    def symbols(self) -> list[str]:
        """The symbols `tick()` moves, sorted."""
        return sorted(self._symbols)

    # -- MarketDataPort ---------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        quote = await self._board.quote(symbol)
        if not self._standing:
            return quote
        now = self._clock.now()
        return quote if quote.at >= now else replace(quote, at=now)  # the price stands (above)

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return await self._board.reference_prices(symbols)

    # -- simulation -------------------------------------------------------------
    def tick(self, seconds: float | None = None) -> list[Quote]:
        """Move every known symbol one GBM step of `seconds` (default: the tick interval).

        Prices stay positive and on the cent; the spread (in cents) and sizes of the previous
        quote are kept. The unrounded price carries over between ticks, so steps smaller than
        a cent still add up; a price someone else set on the board restarts from that price.
        """
        dt = self._tick_seconds if seconds is None else seconds
        if dt <= 0:
            raise ValueError("a tick moves time forward")
        published: list[Quote] = []
        for symbol in self.symbols:
            current = self._board.latest(symbol)
            if current is None or current.mid <= 0:
                continue
            published.append(self._step(symbol, current, dt))
        return published

    def _step(self, symbol: str, current: Quote, dt: float) -> Quote:
        last_published, exact = self._exact.get(symbol, (Decimal(-1), 0.0))
        if current.last != last_published:
            exact = float(current.mid)
        shock = float(self._rng(symbol).standard_normal())
        exact *= math.exp(self.dynamics_of(symbol).log_step(dt, shock))
        exact = max(exact, float(CENT))
        price = max(Decimal(f"{exact:.2f}"), _CENT)
        spread = self._spread(symbol, current, price)
        half = (spread / _TWO / _CENT).to_integral_value(ROUND_FLOOR) * _CENT
        bid = max(price - half, _CENT)
        quote = self._board.set_quote(
            symbol,
            bid,
            bid + spread,
            price,
            bid_size=current.bid_size,
            ask_size=current.ask_size,
        )
        self._exact[symbol] = (price, exact)
        return quote

    def _spread(self, symbol: str, current: Quote, price: Decimal) -> Decimal:
        if 0 < current.bid < current.ask:
            width = current.ask - current.bid
        else:
            width = price * Decimal(str(self.dynamics_of(symbol).spread_bps)) / Decimal(10_000)
        return max(_CENT, width.quantize(_CENT))

    def _rng(self, symbol: str) -> np.random.Generator:
        rng = self._rngs.get(symbol)
        if rng is None:
            sequence = np.random.SeedSequence([self._seed, stable_key(symbol), _TICK_STREAM])
            rng = self._rngs[symbol] = np.random.default_rng(sequence)
        return rng

    async def run(self, every_s: float | None = None) -> None:
        """Tick every `every_s` clock seconds (default: the tick interval) until cancelled."""
        interval = self._tick_seconds if every_s is None else every_s
        if interval <= 0:
            raise ValueError("every_s must be positive")
        while True:
            await self._clock.sleep(interval)
            self.tick(interval)

    # -- MarketDataProvider -----------------------------------------------------
    async def bars(
        self,
        symbol: str,
        timeframe: Timeframe,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        limit: int = 500,
    ) -> list[Bar]:
        """Seeded GBM bars ending at the board's price now (see the module docstring).

        With `start`, the first `limit` bars from it; otherwise the latest `limit` before `end`.
        """
        quote = await self._board.quote(symbol)
        price = quote.last if quote.last > 0 else quote.mid
        # Off the event loop: thousands of bars take tens to hundreds of milliseconds to build.
        return await asyncio.to_thread(
            self._paths.bars,
            symbol,
            timeframe,
            self.dynamics_of(symbol),
            price=float(price),
            now=self._clock.now(),
            start=start,
            end=end,
            limit=limit,
        )

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        quote = await self._board.quote(symbol)
        return build_order_book(
            quote, depth, seed=self._seed, key=stable_key(symbol), at=self._clock.now()
        )

    async def key_ratios(self, symbol: str) -> KeyRatios:
        """The demo's key ratios: seeded per symbol, plausible and consistent with the quote
        (EPS = price / trailing P/E, market cap = price x shares), named `synthetic` as their
        source: never a company's figures."""
        quote = await self._board.quote(symbol)
        rng = np.random.default_rng([self._seed, stable_key(symbol)])
        price = quote.mid

        def ratio(low: float, high: float, places: str = "0.01") -> Decimal:
            return Decimal(repr(float(rng.uniform(low, high)))).quantize(Decimal(places))

        trailing_pe = ratio(9.0, 38.0)
        shares = Decimal(int(rng.uniform(2e8, 8e9)))
        return KeyRatios(
            symbol=symbol,
            source=self.name,
            at=self._clock.now(),
            market_cap=(price * shares).quantize(Decimal(1)),
            trailing_pe=trailing_pe,
            forward_pe=(trailing_pe * ratio(0.8, 1.0)).quantize(Decimal("0.01")),
            price_to_book=ratio(1.0, 12.0),
            price_to_sales=ratio(0.8, 10.0),
            dividend_yield=ratio(0.0, 0.035, "0.0001"),
            trailing_eps=(price / trailing_pe).quantize(Decimal("0.01")),
            beta=ratio(0.6, 1.6),
            profit_margin=ratio(0.04, 0.32, "0.0001"),
            return_on_equity=ratio(0.05, 0.4, "0.0001"),
            debt_to_equity=ratio(0.1, 2.0),
        )

    async def financial_statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements:
        """The demo's statements (synthetic_statements.py), for a symbol the board quotes."""
        await self._board.quote(symbol)
        seed = (self._seed, stable_key(symbol))
        today = self._clock.now().date()
        return synthetic_statements(symbol, self.name, seed, period, limit, today)

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        """Three monthly expiries, 13 strikes around spot, on the symbol's volatility smile."""
        quote = await self._board.quote(underlying)
        return build_option_chain(
            underlying,
            quote.mid,
            self.dynamics_of(underlying).volatility,
            at=self._clock.now(),
            expiry=expiry,
            seed=self._seed,
            key=stable_key(underlying),
        )

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        """The asked symbols' current quotes, then every board update of them, until the
        consumer stops. A slow consumer loses the oldest updates, never the newest."""
        wanted = set(symbols)
        queue: asyncio.Queue[Quote] = asyncio.Queue(self._stream_queue)

        def push(quote: Quote) -> None:
            if quote.symbol not in wanted:
                return
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(quote)

        unsubscribe = self._board.subscribe(push)
        try:
            for symbol in dict.fromkeys(symbols):
                current = self._board.latest(symbol)
                if current is not None:
                    yield current
            while True:
                yield await queue.get()
        finally:
            unsubscribe()

    def rate_limit(self) -> RateLimitUsage | None:
        return None
