"""In-memory market data: quotes set by hand, stamped by a clock, pushed to listeners."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from ports.core.clock import Clock
from ports.market_data.marketdata import Quote, QuoteUnavailable

ZERO = Decimal(0)
_TWO_BPS = Decimal(20_000)  # half a spread, in basis points

QuoteListener = Callable[[Quote], None]
Number = Decimal | int | str


class InMemoryMarketData:
    """A MarketDataPort whose quotes are set by tests or by a simulation.

    Listeners are called synchronously, in subscription order, on every update.
    `set_down()` makes every symbol unavailable, as a provider outage would.
    With a maximum age (off by default), a quote set longer ago than that on the clock is
    unavailable too, so the core fails closed on a feed that stopped (see application/quote_pump).
    """

    def __init__(self, clock: Clock, *, max_age_s: float | None = None) -> None:
        self._clock = clock
        self._max_age: timedelta | None = None
        self.set_max_age(max_age_s)
        self._quotes: dict[str, Quote] = {}
        self._listeners: list[QuoteListener] = []
        self._down = False
        # Moves whenever quotes may vanish without an update (see
        # ports.market_data.marketdata.MarkBoard).
        self.generation = 0

    # -- feeding ---------------------------------------------------------------
    def set_quote(
        self,
        symbol: str,
        bid: Number,
        ask: Number,
        last: Number | None = None,
        *,
        bid_size: Number = ZERO,
        ask_size: Number = ZERO,
    ) -> Quote:
        """Publish a top of book; `last` defaults to the mid. A size of 0 means not limited."""
        bid_d, ask_d = Decimal(bid), Decimal(ask)
        bid_size_d, ask_size_d = Decimal(bid_size), Decimal(ask_size)
        if bid_d < ZERO or ask_d < ZERO or bid_size_d < ZERO or ask_size_d < ZERO:
            raise ValueError("prices and sizes must not be negative")
        if bid_d > ZERO and ask_d > ZERO and bid_d > ask_d:
            raise ValueError(f"crossed quote for {symbol}: bid {bid_d} > ask {ask_d}")
        if last is None:
            last_d = (bid_d + ask_d) / 2 if bid_d > ZERO and ask_d > ZERO else bid_d or ask_d
        else:
            last_d = Decimal(last)
        quote = Quote(
            symbol=symbol,
            bid=bid_d,
            ask=ask_d,
            last=last_d,
            at=self._clock.now(),
            bid_size=bid_size_d,
            ask_size=ask_size_d,
        )
        self._quotes[symbol] = quote
        for listener in list(self._listeners):
            listener(quote)
        return quote

    def set_price(
        self,
        symbol: str,
        price: Number,
        *,
        spread_bps: Number = ZERO,
        bid_size: Number = ZERO,
        ask_size: Number = ZERO,
    ) -> Quote:
        """Publish a quote centred on `price` with a total spread of `spread_bps`."""
        price_d = Decimal(price)
        half = price_d * Decimal(spread_bps) / _TWO_BPS
        return self.set_quote(
            symbol, price_d - half, price_d + half, price_d, bid_size=bid_size, ask_size=ask_size
        )

    def apply(self, quote: Quote) -> bool:
        """Take a quote made elsewhere (another process's board), keeping its own time.

        An older quote than the one held for its symbol is dropped (False), so a snapshot
        read after a newer update cannot move a price back. Listeners hear what is taken.
        """
        held = self._quotes.get(quote.symbol)
        if held is not None and quote.at < held.at:
            return False
        self._quotes[quote.symbol] = quote
        for listener in list(self._listeners):
            listener(quote)
        return True

    def remove(self, symbol: str) -> None:
        """Forget a symbol's quote; it becomes unavailable."""
        self._quotes.pop(symbol, None)
        self.generation += 1

    def set_down(self, down: bool = True) -> None:
        self._down = down
        self.generation += 1

    @property
    def max_age(self) -> timedelta | None:
        return self._max_age

    @property
    def max_age_s(self) -> float | None:
        """The maximum quote age in seconds, None when every quote stays usable."""
        return None if self._max_age is None else self._max_age.total_seconds()

    @property
    def down(self) -> bool:
        return self._down

    def set_max_age(self, seconds: float | None) -> None:
        """Treat quotes older than `seconds` as unavailable; None keeps every quote usable."""
        if seconds is not None and seconds <= 0:
            raise ValueError("a maximum quote age must be positive")
        self._max_age = None if seconds is None else timedelta(seconds=seconds)
        self.generation = getattr(self, "generation", 0) + 1

    def _usable(self, symbol: str) -> Quote | None:
        quote = None if self._down else self._quotes.get(symbol)
        if quote is None or self._max_age is None:
            return quote
        return None if self._clock.now() - quote.at > self._max_age else quote

    def subscribe(self, listener: QuoteListener) -> Callable[[], None]:
        """Call `listener` on every update; returns a function that unsubscribes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def symbols(self) -> list[str]:
        """Every symbol with a quote, in the order they were first set."""
        return list(self._quotes)

    def latest(self, symbol: str) -> Quote | None:
        """The last quote set for `symbol`, regardless of outages (for simulations)."""
        return self._quotes.get(symbol)

    # -- MarketDataPort --------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        quote = self._usable(symbol)
        if quote is None:
            raise QuoteUnavailable(symbol)
        return quote

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        """Mid prices of the known symbols; unknown (and stale) ones are left out."""
        prices: dict[str, Decimal] = {}
        for symbol in symbols:
            quote = self._usable(symbol)
            if quote is not None and quote.mid > ZERO:
                prices[symbol] = quote.mid
        return prices
