"""The engine's bounded state: live orders, and per (owner, symbol) key what detectors need.

Built for speed (docs/surveillance.md, "Speed"): slotted classes, integer microsecond times,
float prices and quantities, deques with a maximum length; a fill is a small list (see the
F_* indices) so a detector can mark it used without a second structure.
"""

from __future__ import annotations

from collections import deque
from typing import Any

# A remembered fill: [at_us, side (+1 buy / -1 sell), quantity, price, account, agent,
# aggressive (the order was marketable when placed), order id, fill id, used by a wash pair,
# the touch's mid when the order was placed (0: unknown), when the order was placed (0: unknown)]
(F_TS, F_SIDE, F_QTY, F_PRICE, F_ACCOUNT, F_AGENT, F_AGGRESSIVE, F_ORDER, F_ID, F_USED, F_MID,
 F_PLACED) = range(12)  # fmt: skip

BUY, SELL = 1, -1
RECENT_ORDERS = 10  # orders placed, kept per key as quote stuffing's evidence


class LiveOrder:
    """An order the engine saw placed and not yet cancelled, expired or completely filled."""

    __slots__ = (
        "account",
        "agent",
        "ask",
        "bid",
        "cancelled_us",
        "filled",
        "id",
        "key",
        "large",
        "marketable",
        "placed_us",
        "price",
        "quantity",
        "side",
    )  # fmt: skip

    def __init__(
        self,
        order_id: str,
        placed_us: int,
        key: KeyState,
        account: str,
        agent: str,
        side: int,
        quantity: float,
        price: float,
        bid: float,
        ask: float,
        marketable: bool,
    ) -> None:
        self.id = order_id
        self.placed_us = placed_us
        self.key = key
        self.account = account
        self.agent = agent
        self.side = side
        self.quantity = quantity
        self.price = price  # 0 for a market order
        self.bid = bid  # the touch when the order was placed; 0 when unknown
        self.ask = ask
        self.filled = 0.0
        self.marketable = marketable
        self.large = False  # a spoofing candidate (large, resting near the touch)
        self.cancelled_us = 0

    @property
    def mid(self) -> float:
        """The touch's mid when placed; 0 when the touch is unknown."""
        if self.bid > 0 and self.ask > 0:
            return (self.bid + self.ask) / 2
        return 0.0


class ClosingDay:
    """One key's figures of the current session day for marking the close."""

    __slots__ = (
        "alerted",
        "day",
        "day_qty",
        "fills",
        "first_us",
        "last_price",
        "reference",
        "window_fills",
        "window_qty",
        "window_signed",
    )  # fmt: skip

    def __init__(self, day: int) -> None:
        self.day = day
        self.day_qty = 0.0  # every fill of the day, the window's included
        self.window_qty = 0.0  # the window's aggressive fills
        self.window_signed = 0.0
        self.window_fills = 0
        self.reference = 0.0  # the mid before the window's first order
        self.last_price = 0.0
        self.first_us = 0
        self.alerted = False
        self.fills: list[list[Any]] = []  # the window's first fills, for the evidence


class Burst:
    """An aggressive burst that moved the price, waiting for a reversal (momentum ignition)."""

    __slots__ = (
        "ended_us",
        "fills",
        "mid",
        "peak",
        "quantity",
        "reversal",
        "reversed_qty",
        "side",
        "started_us",
    )  # fmt: skip

    def __init__(self, side: int, started_us: int, mid: float) -> None:
        self.side = side
        self.started_us = started_us
        self.ended_us = started_us
        self.quantity = 0.0
        self.mid = mid
        self.peak = 0.0
        self.fills: list[list[Any]] = []
        self.reversed_qty = 0.0
        self.reversal: list[list[Any]] = []


class KeyState:
    """What the detectors keep about one beneficial owner in one symbol (bounded)."""

    __slots__ = (
        "aggressive",
        "burst",
        "cancels",
        "closing",
        "fills",
        "last_us",
        "messages",
        "owner",
        "pairs",
        "quiet",
        "recent",
        "symbol",
    )  # fmt: skip

    def __init__(self, owner: str, symbol: str, fills_kept: int, messages_kept: int) -> None:
        self.owner = owner
        self.symbol = symbol
        self.last_us = 0
        self.fills: deque[list[Any]] = deque(maxlen=fills_kept)
        self.messages: deque[int] = deque(maxlen=messages_kept)  # order and cancel times
        self.recent: deque[LiveOrder] = deque(maxlen=RECENT_ORDERS)  # the last orders placed
        self.cancels: deque[LiveOrder] = deque(maxlen=16)  # short-lived resting orders
        self.aggressive: deque[list[Any]] | None = None  # recent aggressive fills, one side
        self.burst: Burst | None = None
        self.closing: ClosingDay | None = None
        self.quiet: dict[str, int] | None = None  # pattern -> no new alert before this time
        self.pairs: deque[tuple[int, list[Any], list[Any]]] | None = None  # wash pairs

    def is_quiet(self, pattern: str, at_us: int) -> bool:
        quiet = self.quiet
        return quiet is not None and quiet.get(pattern, 0) > at_us

    def hush(self, pattern: str, until_us: int) -> None:
        if self.quiet is None:
            self.quiet = {}
        self.quiet[pattern] = until_us


class SymbolState:
    """Per symbol: the typical order size (an exponentially weighted mean) and its history."""

    __slots__ = ("seen", "typical")

    ALPHA = 0.05  # the mean's weight of each new order (a memory of about 20 orders)

    def __init__(self) -> None:
        self.typical = 0.0
        self.seen = 0

    def observe(self, quantity: float) -> None:
        if self.seen == 0:
            self.typical = quantity
        else:
            self.typical += self.ALPHA * (quantity - self.typical)
        self.seen += 1
