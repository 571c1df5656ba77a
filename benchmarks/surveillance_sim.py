"""A seeded discrete-event market for surveillance scenarios: our traders' orders, cancels and
fills against a synthetic touch (benchmarks/surveillance_scenarios.py builds days with it).

The market per symbol: a mid that diffuses (a geometric random walk, `SIGMA_PER_SQRT_S` per
square-root second), a touch one tick wide around it (bid = the mid rounded down to the
tick), marketable orders filled at once at the touch and moving the mid by their impact,
resting orders filled by the market's own flow at a hazard rate while still at the touch.
Traders are generator functions: each `yield` gives the time (µs) to be woken next.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

US = 1_000_000
TICK = 0.01
SIGMA_PER_SQRT_S = 4e-5  # the mid's volatility: about 10 bp over 10 minutes
DEFAULT_IMPACT_BPS_PER_100 = 0.5  # a marketable order's impact, per 100 shares

# Event tuples, in time order (what `feed` gives the engine):
# ("order", at_us, order_id, account, owner, agent, symbol, side, qty, price, bid, ask, market)
# ("cancel", at_us, order_id, requested)
# ("fill", at_us, order_id, account, owner, symbol, side, qty, price, fill_id)
Event = tuple[Any, ...]
Actor = Iterator[int]


@dataclass(frozen=True, slots=True)
class Trader:
    """Who trades: the beneficial owner, the account, the agent ("" for a person)."""

    owner: str
    account: str
    agent: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """A labelled abuse episode: this owner did `pattern` in `symbol` between the times."""

    pattern: str
    owner: str
    symbol: str
    start_us: int
    end_us: int


@dataclass(slots=True)
class _Resting:
    trader: Trader
    symbol: str
    side: int
    quantity: float
    price: float


@dataclass(slots=True)
class _Book:
    mid: float
    at_us: int


@dataclass
class Sim:
    """The market and its clock; traders act through `place`, `cancel` and `touch`."""

    seed: int
    start_us: int
    end_us: int
    prices: dict[str, float]
    rng: random.Random = field(init=False)
    now: int = field(init=False)
    events: list[Event] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    live: dict[str, _Resting] = field(default_factory=dict)
    positions: dict[tuple[str, str], float] = field(default_factory=dict)
    _books: dict[str, _Book] = field(default_factory=dict)
    _queue: list[tuple[int, int, Callable[[], None]]] = field(default_factory=list)
    _seq: int = 0
    _ids: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.now = self.start_us
        self._books = {s: _Book(p, self.start_us) for s, p in self.prices.items()}

    # -- the clock -----------------------------------------------------------------------
    def at(self, when_us: int, action: Callable[[], None]) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (when_us, self._seq, action))

    def spawn(self, actor: Actor, start_us: int) -> None:
        def step() -> None:
            try:
                wake = next(actor)
            except StopIteration:
                return
            self.at(max(wake, self.now + 1), step)

        self.at(start_us, step)

    def run(self) -> list[Event]:
        while self._queue:
            when, _, action = heapq.heappop(self._queue)
            if when > self.end_us:
                break
            self.now = when
            action()
        return self.events

    def later(self, seconds: float) -> int:
        return self.now + max(1, round(seconds * US))

    # -- the market ----------------------------------------------------------------------
    def touch(self, symbol: str) -> tuple[float, float]:
        book = self._books[symbol]
        elapsed = (self.now - book.at_us) / US
        if elapsed > 0:
            book.mid *= math.exp(SIGMA_PER_SQRT_S * math.sqrt(elapsed) * self.rng.gauss(0, 1))
            book.at_us = self.now
        bid = round(math.floor(book.mid / TICK) * TICK, 2)
        return bid, round(bid + TICK, 2)

    def move(self, symbol: str, bps: float) -> None:
        self.touch(symbol)
        self._books[symbol].mid *= 1 + bps / 1e4

    def place(
        self,
        trader: Trader,
        symbol: str,
        side: int,
        quantity: float,
        price: float | None = None,
        *,
        impact_bps: float | None = None,
        fill_rate: float = 0.0,
    ) -> str:
        """An order now: marketable ones fill at the touch at once (moving the mid by
        `impact_bps`, default by size); resting ones fill at `fill_rate` per second while
        at the touch. Returns the order id."""
        bid, ask = self.touch(symbol)
        self._ids += 1
        order_id = f"o{self._ids}"
        market = price is None
        self.events.append(
            ("order", self.now, order_id, trader.account, trader.owner, trader.agent, symbol,
             side, quantity, 0.0 if market else price, bid, ask, market)
        )  # fmt: skip
        marketable = market or (side > 0 and price >= ask) or (side < 0 and price <= bid)
        if marketable:
            self._fill(order_id, trader, symbol, side, quantity, ask if side > 0 else bid)
            if impact_bps is None:
                impact_bps = DEFAULT_IMPACT_BPS_PER_100 * quantity / 100
            self.move(symbol, side * impact_bps)
            return order_id
        assert price is not None
        self.live[order_id] = _Resting(trader, symbol, side, quantity, price)
        if fill_rate > 0:
            self.at(self.later(self.rng.expovariate(fill_rate)), lambda: self._passive(order_id))
        return order_id

    def cancel(self, order_id: str) -> None:
        if self.live.pop(order_id, None) is not None:
            self.events.append(("cancel", self.now, order_id, True))

    def fill_now(self, order_id: str) -> None:
        """The market takes a resting order now (a counterparty attracted by the book)."""
        resting = self.live.pop(order_id, None)
        if resting is not None:
            self._fill(
                order_id, resting.trader, resting.symbol, resting.side, resting.quantity,
                resting.price,
            )  # fmt: skip

    def position(self, trader: Trader, symbol: str) -> float:
        return self.positions.get((trader.owner, symbol), 0.0)

    def label(self, pattern: str, trader: Trader, symbol: str, start_us: int) -> None:
        self.labels.append(Label(pattern, trader.owner, symbol, start_us, self.now))

    def _passive(self, order_id: str) -> None:
        resting = self.live.get(order_id)
        if resting is None:
            return
        bid, ask = self.touch(resting.symbol)
        at_touch = resting.price >= bid if resting.side > 0 else resting.price <= ask
        if at_touch:
            self.fill_now(order_id)

    def _fill(
        self, order_id: str, trader: Trader, symbol: str, side: int, qty: float, price: float
    ) -> None:
        self._ids += 1
        self.events.append(
            ("fill", self.now, order_id, trader.account, trader.owner, symbol, side, qty, price,
             f"f{self._ids}")
        )  # fmt: skip
        key = (trader.owner, symbol)
        self.positions[key] = self.positions.get(key, 0.0) + side * qty


def feed(engine: Any, events: list[Event]) -> None:
    """Every event into a SurveillanceEngine, in order."""
    on_order, on_cancel, on_fill = engine.on_order, engine.on_cancel, engine.on_fill
    for event in events:
        kind = event[0]
        if kind == "order":
            on_order(*event[1:])
        elif kind == "fill":
            on_fill(*event[1:])
        else:
            on_cancel(*event[1:])
