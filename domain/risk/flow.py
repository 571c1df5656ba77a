"""Order flow memory for the throttle and duplicate controls: recent submissions per key."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from decimal import Decimal

from domain.trading.orders import Order, Side

Signature = tuple[Side, str, Decimal, Decimal | None]


@dataclass(frozen=True, slots=True)
class Recorded:
    """What one `record` did, so `undo` can take it back (a batch whose commit failed)."""

    keys: tuple[str, ...]
    at: float
    signature: Signature
    previous_duplicate: float | None


class OrderFlow:
    """Sliding windows of one account's approved orders.

    Counts are kept per key ("account", "agent:<id>", "strategy:<id>", "user:<id>")
    in deques of timestamps, pruned from the left, so a count is amortised O(1).
    """

    __slots__ = ("_duplicates", "_recent", "has_recent", "horizon", "windows")

    def __init__(self, horizon: float = 60.0) -> None:
        self.horizon = horizon
        # Per key, the times of the orders recorded within the horizon (pruned when one is
        # recorded, so older ones may linger until then): the throttle's pass condition reads
        # how many there are.
        self.windows: dict[str, deque[float]] = {}
        self._recent: deque[tuple[float, Signature]] = deque()
        self._duplicates: dict[Signature, float] = {}
        # Kept by record() (an attribute, not a property: the duplicate check reads it per order).
        self.has_recent = False

    @staticmethod
    def keys_for(order: Order) -> tuple[str, str]:
        return "account", f"{order.origin.kind.value}:{order.origin.id}"

    @staticmethod
    def signature(order: Order, quantity: Decimal) -> Signature:
        return (order.side, order.symbol, quantity, order.limit_price or order.stop_price)

    def count_since(self, key: str, since: float) -> int:
        """How many orders of `key` were recorded at or after `since`."""
        window = self.windows.get(key)
        if not window:
            return 0
        if window[0] >= since:
            return len(window)
        count = 0
        for ts in reversed(window):
            if ts < since:
                break
            count += 1
        return count

    def rate_exceeded(
        self, key: str, now: float, per_second: int | None, per_minute: int | None
    ) -> bool:
        """True when `key` has `per_second` orders in the last second or `per_minute` in the minute.

        Counted as count_since(now - 1) and count_since(now - 60) count them.
        """
        window = self.windows.get(key)
        if not window:
            # no order recorded: only a limit of zero is reached
            return (per_second is not None and per_second <= 0) or (
                per_minute is not None and per_minute <= 0
            )
        if per_second is not None and self.count_since(key, now - 1.0) >= per_second:
            return True
        return per_minute is not None and self.count_since(key, now - 60.0) >= per_minute

    def last_seen(self, signature: Signature) -> float | None:
        return self._duplicates.get(signature)

    def record(self, order: Order, now: float) -> Recorded:
        """Remember an approved order at `now` (epoch seconds, the view's `now_ts`)."""
        cutoff = now - self.horizon
        keys = self.keys_for(order)
        signature = self.signature(order, order.quantity)
        done = Recorded(keys, now, signature, self._duplicates.get(signature))
        for key in keys:
            window = self.windows.get(key)
            if window is None:
                window = self.windows[key] = deque()
            window.append(now)
            while window and window[0] < cutoff:
                window.popleft()
        self._recent.append((now, signature))
        self._duplicates[signature] = now
        while self._recent and self._recent[0][0] < cutoff:
            ts, old = self._recent.popleft()
            if self._duplicates.get(old) == ts:
                del self._duplicates[old]
        self.has_recent = bool(self._duplicates)
        return done

    def undo(self, recorded: Recorded) -> None:
        """Take back the latest `record` (call in reverse order for several).

        Entries it pruned were past the horizon and stay gone; they counted for nothing.
        """
        for key in recorded.keys:
            window = self.windows.get(key)
            if window and window[-1] == recorded.at:
                window.pop()
        if self._recent and self._recent[-1] == (recorded.at, recorded.signature):
            self._recent.pop()
        if self._duplicates.get(recorded.signature) == recorded.at:
            if recorded.previous_duplicate is None:
                del self._duplicates[recorded.signature]
            else:
                self._duplicates[recorded.signature] = recorded.previous_duplicate
        self.has_recent = bool(self._duplicates)
