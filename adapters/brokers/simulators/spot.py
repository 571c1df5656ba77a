"""The matching engine the simulated crypto spot venues share (binance.py, kraken.py).

A spot venue keeps free and locked balances per asset, locks what an order may spend when
it is placed, fills marketable orders at the price `set_price` gives (no commission),
expires what a market, IOC or FOK order leaves, and records trades. Each simulator
renders these neutral orders and trades in its venue's own documented shapes.

For the venues' public market data it also makes up candles (deterministic, completed bars
only, up to the moment the venue was created, so two calls agree) and an order book of a few
levels a tick apart around the last price.
"""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from decimal import Decimal

from adapters.brokers.simulators.server import VenueServer

D = Decimal
ZERO = D(0)
OPEN = frozenset({"open", "partial"})
LIMITED = frozenset({"limit", "stop_limit"})
STOPS = frozenset({"stop", "stop_limit"})
Level = tuple[Decimal, Decimal]  # a book level: price, size


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True, slots=True)
class SpotPair:
    """One spot market: its base and quote assets as the venue names them, and its steps."""

    base: str
    quote: str
    tick: str = "0.01000000"
    step: str = "0.00001000"
    min_notional: str = "5.00000000"

    @property
    def symbol(self) -> str:
        return self.base + self.quote


@dataclass(slots=True)
class SpotOrder:
    """An order as the engine keeps it; `kind` is market, limit, stop or stop_limit."""

    id: int
    client_id: str
    symbol: str
    side: str  # buy | sell
    kind: str
    quantity: Decimal
    limit: Decimal | None
    stop: Decimal | None
    time_in_force: str  # GTC | IOC | FOK
    created_ms: int
    status: str = "open"  # open, partial, filled, canceled, expired
    filled: Decimal = ZERO
    cost: Decimal = ZERO  # quote amount filled
    locked: Decimal = ZERO

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def buy(self) -> bool:
        return self.side == "buy"


@dataclass(frozen=True, slots=True)
class SpotTrade:
    id: int
    order: SpotOrder
    price: Decimal
    quantity: Decimal
    at_ms: int


@dataclass(frozen=True, slots=True)
class Candle:
    """One bar of the made-up history: its start (epoch seconds), prices and volume."""

    start_s: int
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal


@dataclass(slots=True)
class SpotVenue:
    """The venue's state: balances (asset -> [free, locked]), last prices, orders, trades."""

    pairs: tuple[SpotPair, ...]
    balances: dict[str, list[Decimal]] = field(default_factory=dict)
    prices: dict[str, Decimal] = field(default_factory=dict)  # venue symbol -> last price
    orders: dict[int, SpotOrder] = field(default_factory=dict)
    trades: list[SpotTrade] = field(default_factory=list)
    failing_cancels: set[int] = field(default_factory=set)  # order ids a cancel refuses
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1001))
    history_end_s: int = field(default_factory=lambda: now_ms() // 1000)  # candles end here

    def install(self, server: VenueServer) -> None:
        """Put the venue's routes on `server` (each simulator in its venue's shapes)."""
        raise NotImplementedError

    def fund(self, asset: str, amount: Decimal) -> None:
        self.balance(asset)[0] += amount

    async def set_price(self, symbol: str, price: Decimal) -> None:
        """Trade `symbol` (a base asset, or a venue symbol) at `price`; fill what it reaches."""
        venue = self.venue_symbol(symbol)
        self.prices[venue] = D(price)
        for order in self.open(venue):
            self._match(order)

    def open_count(self) -> int:
        return len(self.open(None))

    def open(self, symbol: str | None) -> list[SpotOrder]:
        return [o for o in self.orders.values() if o.is_open and symbol in (None, o.symbol)]

    def venue_symbol(self, symbol: str) -> str:
        return next((p.symbol for p in self.pairs if symbol in (p.base, p.symbol)), symbol)

    def pair(self, venue_symbol: str) -> SpotPair | None:
        return next((p for p in self.pairs if p.symbol == venue_symbol), None)

    def balance(self, asset: str) -> list[Decimal]:
        return self.balances.setdefault(asset, [ZERO, ZERO])

    def next_id(self) -> int:
        return next(self._ids)

    def client_open(self, client_id: str) -> bool:
        return any(o.client_id == client_id for o in self.open(None))

    # -- market data ---------------------------------------------------------------------
    def candles(
        self,
        venue_symbol: str,
        step_s: int,
        *,
        limit: int,
        since_s: int | None = None,
        until_s: int | None = None,
    ) -> list[Candle]:
        """Completed bars of `step_s` seconds starting in [since_s, until_s], oldest first: the
        first `limit` from `since_s`, else the last `limit` up to `until_s`."""
        last = (self.history_end_s // step_s - 1) * step_s
        upper = last if until_s is None else min(last, until_s - until_s % step_s)
        first = upper - (limit - 1) * step_s if since_s is None else -(-since_s // step_s) * step_s
        starts = range(first, upper + 1, step_s)[:limit]
        return [self._candle(venue_symbol, at, step_s) for at in starts]

    def _candle(self, venue_symbol: str, start_s: int, step_s: int) -> Candle:
        """A bar around the symbol's last price (100 before it has one), moving by the
        bar's index so that neighbours differ."""
        base = self.prices.get(venue_symbol, D(100))
        n = start_s // step_s
        cent = D("0.01")
        open_ = (base * (1000 + n % 7) / 1000).quantize(cent)
        close = (base * (1000 + (n + 3) % 7) / 1000).quantize(cent)
        reach = (base / 1000).quantize(cent)
        return Candle(
            start_s,
            open_,
            max(open_, close) + reach,
            min(open_, close) - reach,
            close,
            D(1 + n % 5),
        )

    def book(self, venue_symbol: str, levels: int) -> tuple[list[Level], list[Level]]:
        """`levels` bids below and asks above the last price, a tick apart, best first, each
        level one unit larger than the one before it; empty before the symbol has a price."""
        price, pair = self.prices.get(venue_symbol), self.pair(venue_symbol)
        if price is None or pair is None:
            return [], []
        tick = D(pair.tick).normalize()
        bids = [(price - tick * i, D(i)) for i in range(1, levels + 1)]
        asks = [(price + tick * i, D(i)) for i in range(1, levels + 1)]
        return bids, asks

    # -- orders --------------------------------------------------------------------------
    def place(self, order: SpotOrder) -> list[SpotTrade] | None:
        """Lock what `order` may spend and match it; None (nothing kept) when funds fall short.
        What a market, IOC or FOK order leaves unfilled expires."""
        pair = self.pair(order.symbol)
        assert pair is not None
        price = order.limit if order.kind in LIMITED else self.prices.get(order.symbol, ZERO)
        assert price is not None
        asset, needed = (
            (pair.quote, order.quantity * price) if order.buy else (pair.base, order.quantity)
        )
        balance = self.balance(asset)
        if needed > balance[0]:
            return None
        balance[0] -= needed
        balance[1] += needed
        order.locked = needed
        self.orders[order.id] = order
        trades = self._match(order)
        if order.is_open and (order.kind == "market" or order.time_in_force in ("IOC", "FOK")):
            self.close(order, "expired")
        return trades

    def close(self, order: SpotOrder, status: str) -> None:
        """End `order` as `status`, giving back what it still locks."""
        order.status = status
        pair = self.pair(order.symbol)
        assert pair is not None
        balance = self.balance(pair.quote if order.buy else pair.base)
        balance[0] += order.locked
        balance[1] -= order.locked
        order.locked = ZERO

    def _match(self, order: SpotOrder) -> list[SpotTrade]:
        price = self.prices.get(order.symbol)
        if price is None or not _reaches(order, price):
            return []
        left = order.quantity - order.filled
        return [self._fill(order, left, price)] if left > 0 else []

    def _fill(self, order: SpotOrder, quantity: Decimal, price: Decimal) -> SpotTrade:
        pair = self.pair(order.symbol)
        assert pair is not None
        spent, got = (pair.quote, pair.base) if order.buy else (pair.base, pair.quote)
        paid, received = (quantity * price, quantity) if order.buy else (quantity, quantity * price)
        self.balance(spent)[1] -= paid
        order.locked -= paid
        self.balance(got)[0] += received
        order.filled += quantity
        order.cost += quantity * price
        if order.filled >= order.quantity:
            self.close(order, "filled")
        else:
            order.status = "partial"
        trade = SpotTrade(self.next_id(), order, price, quantity, now_ms())
        self.trades.append(trade)
        return trade


def _reaches(order: SpotOrder, price: Decimal) -> bool:
    """A market at `price` has triggered the order's stop and reached its limit."""
    stop, limit = order.stop, order.limit
    triggered = (
        stop is None or order.kind not in STOPS or (price >= stop if order.buy else price <= stop)
    )
    within = (
        limit is None
        or order.kind not in LIMITED
        or (price <= limit if order.buy else price >= limit)
    )
    return triggered and within
