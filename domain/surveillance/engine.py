"""The surveillance engine: order, cancel and fill events in, detections out, one at a time.

Keys are (beneficial owner, symbol): every detector looks across the owner's accounts and
agents. Times are integer microseconds since the epoch (UTC); prices and quantities floats
(compared in basis points; the evidence keeps their decimal text). Sides are +1 (buy) and
-1 (sell). Memory is bounded: live orders (`max_live_orders`, oldest out first, and none
older than `order_ttl_s`), keys idle longer than `key_ttl_s` dropped at the next local day,
and fixed-length deques per key.

A fill whose order the engine has not seen yet waits (at most `PARK_US` of event time, then
it counts without its order's details): the order path records a marketable order's fill in
the same commit as its acceptance, and the two may reach the engine in either order.

Deterministic: the same events in the same order give the same detections, and
`snapshot()` / `restore()` (snapshot.py) carry the whole state across a restart.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from domain.surveillance.closing import MarkingCloseDetector, SessionClock
from domain.surveillance.detections import Detection
from domain.surveillance.ignition import MomentumIgnitionDetector
from domain.surveillance.model import KeyState, LiveOrder, SymbolState
from domain.surveillance.reporting import Reporter, micros
from domain.surveillance.resting import LayeringDetector, SpoofingDetector
from domain.surveillance.rules import SurveillanceRules
from domain.surveillance.stuffing import QuoteStuffingDetector
from domain.surveillance.wash import WashDetector

# A fill as on_fill() takes it: at_us, order_id, account, owner, symbol, side, quantity,
# price, fill_id (a snapshot restores it as a tuple of those values).
FillArgs = tuple[Any, ...]

PARK_US = 2_000_000  # how long a fill waits for its order's acceptance (event time)
_PARKED_MAX = 10_000


class SurveillanceEngine:
    """All six detectors over one stream of events (see the module docstring)."""

    __slots__ = (
        "closing",
        "detections",
        "events",
        "fills_kept",
        "ignition",
        "key_ttl_us",
        "keys",
        "layering",
        "messages_kept",
        "order_ttl_us",
        "orders",
        "parked",
        "parked_times",
        "rules",
        "session",
        "spoofing",
        "stuff_window_us",
        "stuffing",
        "symbols",
        "wash",
    )  # fmt: skip

    def __init__(self, rules: SurveillanceRules | None = None) -> None:
        rules = rules or SurveillanceRules()
        self.rules = rules
        reporter = Reporter(rules)
        self.orders: dict[str, LiveOrder] = {}
        self.keys: dict[tuple[str, str], KeyState] = {}
        self.symbols: dict[str, SymbolState] = {}
        # Fills waiting for their order: order id -> fill arguments; and (time, order id).
        self.parked: dict[str, list[FillArgs]] = {}
        self.parked_times: deque[tuple[int, str]] = deque()
        self.detections: list[Detection] = []
        self.events = 0
        self.session = SessionClock(
            rules.close_time, rules.close_zone, rules.marking_close.window_minutes
        )
        self.spoofing = SpoofingDetector(rules.spoofing, reporter)
        self.layering = LayeringDetector(rules.layering, reporter)
        self.wash = WashDetector(rules.wash, reporter)
        self.stuffing = QuoteStuffingDetector(rules.quote_stuffing, reporter)
        self.ignition = MomentumIgnitionDetector(rules.momentum_ignition, reporter)
        self.closing = MarkingCloseDetector(rules.marking_close, reporter)
        self.stuff_window_us = micros(rules.quote_stuffing.window_s)
        self.order_ttl_us = micros(rules.order_ttl_s)
        self.key_ttl_us = micros(rules.key_ttl_s)
        self.fills_kept = rules.fills_kept
        self.messages_kept = rules.quote_stuffing.min_messages

    # -- events ------------------------------------------------------------------------
    def on_order(
        self,
        at_us: int,
        order_id: str,
        account: str,
        owner: str,
        agent: str,
        symbol: str,
        side: int,
        quantity: float,
        price: float,
        bid: float,
        ask: float,
        market: bool,
    ) -> None:
        """An order reached the market. `price` 0 for a market order; `bid`/`ask` the touch
        when it was placed (0 when unknown); `agent` empty when no agent placed it."""
        self.events += 1
        if at_us >= self.session.day_end_us:
            self._new_day(at_us)
        if self.parked_times and self.parked_times[0][0] < at_us - PARK_US:
            self._release_parked(at_us)
        key = self.keys.get((owner, symbol))
        if key is None:
            key = self.keys[(owner, symbol)] = KeyState(
                owner, symbol, self.fills_kept, self.messages_kept
            )
        key.last_us = at_us
        book = self.symbols.get(symbol)
        if book is None:
            book = self.symbols[symbol] = SymbolState()
        if market:
            marketable = True
        elif side > 0:
            marketable = 0 < ask <= price
        else:
            marketable = 0 < price <= bid
        order = LiveOrder(
            order_id, at_us, key, account, agent, side, quantity, price, bid, ask, marketable
        )
        orders = self.orders
        orders[order_id] = order
        if len(orders) > self.rules.max_live_orders:
            del orders[next(iter(orders))]
        if marketable or not self.spoofing.flag(order, book):
            book.observe(quantity)
        key.recent.append(order)
        self._message(key, at_us)
        if self.parked and order_id in self.parked:
            for fill in self.parked.pop(order_id):
                self._fill(fill)

    def on_cancel(self, at_us: int, order_id: str, requested: bool = True) -> None:
        """An order left the market unfilled (in part). `requested`: its owner asked (False:
        the broker or the kill switch took it off; it only leaves the book then)."""
        self.events += 1
        if at_us >= self.session.day_end_us:
            self._new_day(at_us)
        order = self.orders.pop(order_id, None)
        if order is None:
            return
        order.cancelled_us = at_us
        if not requested:
            return
        key = order.key
        key.last_us = at_us
        self._message(key, at_us)
        if order.marketable:
            return
        if order.large:
            found = self.spoofing.on_cancel(order, at_us, self.symbols[key.symbol])
            if found is not None:
                self.detections.append(found)
        found = self.layering.on_cancel(order, at_us)
        if found is not None:
            self.detections.append(found)

    def on_expire(self, at_us: int, order_id: str) -> None:
        """An order's time in force ran out: it leaves the book, nobody cancelled it."""
        self.on_cancel(at_us, order_id, requested=False)

    def on_fill(
        self,
        at_us: int,
        order_id: str,
        account: str,
        owner: str,
        symbol: str,
        side: int,
        quantity: float,
        price: float,
        fill_id: str,
    ) -> None:
        """An execution of `order_id` (ours, or the broker's client order id)."""
        self.events += 1
        if at_us >= self.session.day_end_us:
            self._new_day(at_us)
        if self.parked_times and self.parked_times[0][0] < at_us - PARK_US:
            self._release_parked(at_us)
        fill = (at_us, order_id, account, owner, symbol, side, quantity, price, fill_id)
        if order_id in self.orders:
            self._fill(fill)
        elif len(self.parked_times) < _PARKED_MAX:
            self.parked.setdefault(order_id, []).append(fill)
            self.parked_times.append((at_us, order_id))
        else:
            self._orphan(fill)

    def take(self) -> list[Detection]:
        """The detections since the last call (the engine forgets them)."""
        found, self.detections = self.detections, []
        return found

    # -- internals -----------------------------------------------------------------------
    def _message(self, key: KeyState, at_us: int) -> None:
        messages = key.messages
        messages.append(at_us)
        if len(messages) == self.messages_kept and at_us - messages[0] <= self.stuff_window_us:
            found = self.stuffing.on_burst(key, at_us)
            if found is not None:
                self.detections.append(found)

    def _fill(self, fill: FillArgs) -> None:
        at_us, order_id, account, _, _, side, quantity, price, fill_id = fill
        order = self.orders.get(order_id)
        if order is None:
            self._orphan(fill)
            return
        order.filled += quantity
        if order.filled >= order.quantity * 0.999999999:
            del self.orders[order_id]
        key = order.key
        key.last_us = at_us
        mid = (order.bid + order.ask) / 2 if order.bid > 0 and order.ask > 0 else 0.0
        self._record(
            key,
            [at_us, side, quantity, price, account, order.agent, order.marketable, order_id,
             fill_id, False, mid, order.placed_us],
        )  # fmt: skip

    def _orphan(self, fill: FillArgs) -> None:
        """A fill of an order never seen: counted with what the fill itself says."""
        at_us, order_id, account, owner, symbol, side, quantity, price, fill_id = fill
        key = self.keys.get((owner, symbol))
        if key is None:
            key = self.keys[(owner, symbol)] = KeyState(
                owner, symbol, self.fills_kept, self.messages_kept
            )
        key.last_us = at_us
        self._record(
            key,
            [at_us, side, quantity, price, account, "", False, order_id, fill_id, False, 0.0, 0],
        )

    def _record(self, key: KeyState, fill: list[Any]) -> None:
        detections = self.detections
        found = self.wash.on_fill(key, fill)
        if found is not None:
            detections.append(found)
        key.fills.append(fill)
        found = self.ignition.on_fill(key, fill)
        if found is not None:
            detections.append(found)
        book = self.symbols.get(key.symbol)
        found = self.closing.on_fill(key, fill, self.session, book.typical if book else 0.0)
        if found is not None:
            detections.append(found)

    def _release_parked(self, at_us: int) -> None:
        """Fills that waited `PARK_US` for an order that never came count without it."""
        times, parked = self.parked_times, self.parked
        while times and times[0][0] < at_us - PARK_US:
            _, order_id = times.popleft()
            for fill in parked.pop(order_id, ()):
                self._orphan(fill)

    def _new_day(self, at_us: int) -> None:
        """A new local day: the session's close moves; stale orders and idle keys go."""
        self.session.roll(at_us)
        order_cut, key_cut = at_us - self.order_ttl_us, at_us - self.key_ttl_us
        for order_id in [i for i, o in self.orders.items() if o.placed_us < order_cut]:
            del self.orders[order_id]
        live = {id(o.key) for o in self.orders.values()}
        for name in [k for k, v in self.keys.items() if v.last_us < key_cut and id(v) not in live]:
            del self.keys[name]
