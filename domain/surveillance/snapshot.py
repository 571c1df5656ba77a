"""The engine's whole state as plain data (lists, numbers, strings) and back.

`snapshot(engine)` is deterministic: the same state gives equal data, so its JSON is the
same bytes. Orders and fills that several structures share (a live order that is also among
a key's recent orders; a fill in a key's fills and in a wash pair) are written once in a
pool and referred to by index, so a restored engine shares them as the original did and
behaves identically: the same later events give the same detections.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from domain.surveillance.engine import SurveillanceEngine
from domain.surveillance.ignition import AGGRESSIVE_KEPT
from domain.surveillance.model import Burst, ClosingDay, KeyState, LiveOrder, SymbolState
from domain.surveillance.rules import SurveillanceRules
from domain.surveillance.wash import PAIRS_KEPT

VERSION = 1


class SnapshotMismatch(ValueError):
    """A snapshot of another format version, or not a snapshot of this engine at all."""


class _Pools:
    """Orders and fills by identity -> index, in first-seen order."""

    def __init__(self) -> None:
        self.orders: dict[int, int] = {}
        self.order_rows: list[list[Any]] = []
        self.fills: dict[int, int] = {}
        self.fill_rows: list[list[Any]] = []

    def order(self, order: LiveOrder) -> int:
        index = self.orders.get(id(order))
        if index is None:
            index = self.orders[id(order)] = len(self.order_rows)
            self.order_rows.append(
                [order.id, order.placed_us, order.key.owner, order.key.symbol, order.account,
                 order.agent, order.side, order.quantity, order.price, order.bid, order.ask,
                 order.filled, order.marketable, order.large, order.cancelled_us]
            )  # fmt: skip
        return index

    def fill(self, fill: list[Any]) -> int:
        index = self.fills.get(id(fill))
        if index is None:
            index = self.fills[id(fill)] = len(self.fill_rows)
            self.fill_rows.append(list(fill))
        return index


def snapshot(engine: SurveillanceEngine) -> dict[str, Any]:
    """The engine's state (see the module docstring); detections not yet taken excluded."""
    pools = _Pools()
    live = [pools.order(o) for o in engine.orders.values()]
    keys = [_key(key, pools) for key in engine.keys.values()]
    session = engine.session
    return {
        "v": VERSION,
        "events": engine.events,
        "day_start_us": session.day_start_us if session.day >= 0 else None,
        "symbols": [[name, s.typical, s.seen] for name, s in engine.symbols.items()],
        "orders": pools.order_rows,
        "fills": pools.fill_rows,
        "live": live,
        "keys": keys,
        "parked": [[at_us, order_id] for at_us, order_id in engine.parked_times],
        "parked_fills": [[order_id, [list(a) for a in f]] for order_id, f in engine.parked.items()],
    }


def _key(key: KeyState, pools: _Pools) -> list[Any]:
    burst = key.burst
    closing = key.closing
    return [
        key.owner,
        key.symbol,
        key.last_us,
        [pools.fill(f) for f in key.fills],
        list(key.messages),
        [pools.order(o) for o in key.recent],
        [pools.order(o) for o in key.cancels],
        None if key.aggressive is None else [pools.fill(f) for f in key.aggressive],
        None
        if burst is None
        else [
            burst.side,
            burst.started_us,
            burst.ended_us,
            burst.quantity,
            burst.mid,
            burst.peak,
            [pools.fill(f) for f in burst.fills],
            burst.reversed_qty,
            [pools.fill(f) for f in burst.reversal],
        ],
        None
        if closing is None
        else [
            closing.day,
            closing.day_qty,
            closing.window_qty,
            closing.window_signed,
            closing.window_fills,
            closing.reference,
            closing.last_price,
            closing.first_us,
            closing.alerted,
            [pools.fill(f) for f in closing.fills],
        ],
        None if key.quiet is None else sorted(key.quiet.items()),
        None
        if key.pairs is None
        else [[at_us, pools.fill(a), pools.fill(b)] for at_us, a, b in key.pairs],
    ]


def restore(data: dict[str, Any], rules: SurveillanceRules | None = None) -> SurveillanceEngine:
    """An engine in the state `data` describes, with `rules` (the same rules as when taken)."""
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise SnapshotMismatch(f"not a version {VERSION} surveillance snapshot")
    engine = SurveillanceEngine(rules)
    engine.events = data["events"]
    if data["day_start_us"] is not None:
        engine.session.roll(data["day_start_us"])
    for name, typical, seen in data["symbols"]:
        symbol = engine.symbols[name] = SymbolState()
        symbol.typical, symbol.seen = typical, seen
    fills = [list(row) for row in data["fills"]]
    keys: dict[tuple[str, str], KeyState] = {}
    for row in data["keys"]:
        key = KeyState(row[0], row[1], engine.fills_kept, engine.messages_kept)
        keys[(row[0], row[1])] = key
    orders = [_order(row, keys, engine) for row in data["orders"]]
    for row in data["keys"]:
        _fill_key(keys[(row[0], row[1])], row, orders, fills)
    engine.keys.update(keys)
    for index in data["live"]:
        engine.orders[orders[index].id] = orders[index]
    engine.parked_times.extend((at_us, order_id) for at_us, order_id in data["parked"])
    for order_id, waiting in data["parked_fills"]:
        engine.parked[order_id] = [tuple(args) for args in waiting]
    return engine


def _order(
    row: list[Any], keys: dict[tuple[str, str], KeyState], engine: SurveillanceEngine
) -> LiveOrder:
    (order_id, placed, owner, symbol, account, agent, side, quantity, price, bid, ask, filled,
     marketable, large, cancelled) = row  # fmt: skip
    key = keys.get((owner, symbol))
    if key is None:  # a key dropped while one of its orders was still referred to
        key = keys[(owner, symbol)] = KeyState(
            owner, symbol, engine.fills_kept, engine.messages_kept
        )
    order = LiveOrder(order_id, placed, key, account, agent, side, quantity, price, bid, ask,
                      marketable)  # fmt: skip
    order.filled, order.large, order.cancelled_us = filled, large, cancelled
    return order


def _fill_key(
    key: KeyState, row: list[Any], orders: list[LiveOrder], fills: list[list[Any]]
) -> None:
    (_, _, last_us, key_fills, messages, recent, cancels, aggressive, burst, closing, quiet,
     pairs) = row  # fmt: skip
    key.last_us = last_us
    key.fills.extend(fills[i] for i in key_fills)
    key.messages.extend(messages)
    key.recent.extend(orders[i] for i in recent)
    key.cancels.extend(orders[i] for i in cancels)
    if aggressive is not None:
        key.aggressive = deque((fills[i] for i in aggressive), maxlen=AGGRESSIVE_KEPT)
    if burst is not None:
        side, started, ended, quantity, mid, peak, burst_fills, reversed_qty, reversal = burst
        key.burst = Burst(side, started, mid)
        key.burst.ended_us, key.burst.quantity, key.burst.peak = ended, quantity, peak
        key.burst.fills = [fills[i] for i in burst_fills]
        key.burst.reversed_qty = reversed_qty
        key.burst.reversal = [fills[i] for i in reversal]
    if closing is not None:
        day = key.closing = ClosingDay(closing[0])
        (day.day_qty, day.window_qty, day.window_signed, day.window_fills, day.reference,
         day.last_price, day.first_us, day.alerted) = closing[1:9]  # fmt: skip
        day.fills = [fills[i] for i in closing[9]]
    if quiet is not None:
        key.quiet = dict(quiet)
    if pairs is not None:
        key.pairs = deque(((at_us, fills[a], fills[b]) for at_us, a, b in pairs), maxlen=PAIRS_KEPT)
