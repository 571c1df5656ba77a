"""Detectors of resting orders that were never meant to trade: spoofing and layering.

Spoofing: a large order (`size_ratio` times the symbol's typical order size) resting at or
near its side's touch, cancelled within `max_lifetime_s` having filled at most
`max_fill_ratio`, while the same beneficial owner (any account, any agent) was filled on the
other side by orders placed while it rested, and cancelled within `max_cancel_after_fill_s`
of the last such fill. Layering: `min_levels` or more orders at distinct prices on one side, all
resting at once, cancelled within `cancel_window_s` of each other, each short-lived, with an
opposite-side fill of the same owner while they rested. Both are judged at the cancel.
"""

from __future__ import annotations

from typing import Any

from domain.surveillance.detections import AbusePattern, Detection, at_least, at_most, num
from domain.surveillance.model import F_PLACED, F_SIDE, F_TS, LiveOrder, SymbolState
from domain.surveillance.reporting import Reporter, micros
from domain.surveillance.rules import LayeringRule, SpoofingRule

_SPOOFING = AbusePattern.SPOOFING.value
_LAYERING = AbusePattern.LAYERING.value


class SpoofingDetector:
    """Flags large resting orders when placed; judges them when cancelled."""

    __slots__ = (
        "after_us",
        "distance",
        "fill_ratio",
        "history",
        "lifetime_us",
        "opposite",
        "ratio",
        "reporter",
        "rule",
    )  # fmt: skip

    def __init__(self, rule: SpoofingRule, reporter: Reporter) -> None:
        self.rule = rule
        self.reporter = reporter
        self.ratio = rule.size_ratio
        self.history = rule.min_history
        self.distance = rule.max_distance_bps / 1e4
        self.lifetime_us = micros(rule.max_lifetime_s)
        self.fill_ratio = rule.max_fill_ratio
        self.opposite = rule.min_opposite_fills
        self.after_us = micros(rule.max_cancel_after_fill_s)

    def flag(self, order: LiveOrder, symbol: SymbolState) -> bool:
        """Marks a resting order large and near the touch; True when it is (it then stays out
        of the symbol's typical size)."""
        if symbol.seen < self.history or order.quantity < self.ratio * symbol.typical:
            return False
        if order.side > 0:
            touch = order.bid
            away = (touch - order.price) / touch if touch > 0 else 0.0
        else:
            touch = order.ask
            away = (order.price - touch) / touch if touch > 0 else 0.0
        if away > self.distance:
            return False
        order.large = True
        return True

    def on_cancel(self, order: LiveOrder, at_us: int, symbol: SymbolState) -> Detection | None:
        lifetime = at_us - order.placed_us
        if lifetime > self.lifetime_us or order.filled > self.fill_ratio * order.quantity:
            return None
        key = order.key
        if key.is_quiet(_SPOOFING, at_us):
            return None
        placed, side = order.placed_us, order.side
        opposite = []
        for fill in reversed(key.fills):
            if fill[F_TS] < placed:
                break
            if fill[F_SIDE] != side and fill[F_PLACED] >= placed:
                opposite.append(fill)
        if len(opposite) < self.opposite or at_us - opposite[0][F_TS] > self.after_us:
            return None
        opposite.reverse()
        size = order.quantity / symbol.typical if symbol.typical > 0 else 0.0
        observed: dict[str, Any] = {
            "size_ratio": round(size, 3),
            "typical_size": num(round(symbol.typical, 6)),
            "lifetime_s": round(lifetime / 1e6, 6),
            "fill_ratio": round(order.filled / order.quantity, 6),
            "opposite_fills": len(opposite),
            "cancel_after_fill_s": round((at_us - opposite[-1][F_TS]) / 1e6, 6),
        }
        margins = (
            at_least(size, self.ratio),
            at_most(lifetime, self.lifetime_us),
            at_most(at_us - opposite[-1][F_TS], self.after_us),
            at_least(len(opposite), self.opposite),
        )
        return self.reporter.report(
            key,
            AbusePattern.SPOOFING,
            at_us,
            placed,
            margins,
            self.rule,
            observed,
            [order],
            opposite,
        )


class LayeringDetector:
    """Keeps a key's recently cancelled short-lived resting orders; judges groups of them."""

    __slots__ = ("levels", "lifetime_us", "opposite", "reporter", "rule", "window_us")

    def __init__(self, rule: LayeringRule, reporter: Reporter) -> None:
        self.rule = rule
        self.reporter = reporter
        self.levels = rule.min_levels
        self.lifetime_us = micros(rule.max_lifetime_s)
        self.window_us = micros(rule.cancel_window_s)
        self.opposite = rule.min_opposite_fills

    def on_cancel(self, order: LiveOrder, at_us: int) -> Detection | None:
        if at_us - order.placed_us > self.lifetime_us:
            return None
        key = order.key
        cancels = key.cancels
        cancels.append(order)
        if len(cancels) < self.levels or key.is_quiet(_LAYERING, at_us):
            return None
        side, since = order.side, at_us - self.window_us
        group: list[LiveOrder] = []
        prices = set()
        for earlier in reversed(cancels):
            if earlier.cancelled_us < since:
                break
            if earlier.side == side:
                group.append(earlier)
                prices.add(earlier.price)
        if len(prices) < self.levels:
            return None
        last_placed = max(o.placed_us for o in group)
        if last_placed >= min(o.cancelled_us for o in group):
            return None  # not all resting at once: one replaced another (quoting, not layers)
        first_placed = min(o.placed_us for o in group)
        opposite = []
        for fill in reversed(key.fills):
            if fill[F_TS] < first_placed:
                break
            if fill[F_SIDE] != side:
                opposite.append(fill)
        if len(opposite) < self.opposite:
            return None
        group.reverse()
        opposite.reverse()
        cancels.clear()
        spread = at_us - min(o.cancelled_us for o in group)
        observed: dict[str, Any] = {
            "levels": len(prices),
            "orders": len(group),
            "layered_quantity": num(sum(o.quantity for o in group)),
            "cancel_spread_s": round(spread / 1e6, 6),
            "opposite_fills": len(opposite),
        }
        margins = (
            at_least(len(prices), self.levels),
            at_most(spread, self.window_us),
            at_least(len(opposite), self.opposite),
        )
        return self.reporter.report(
            key, AbusePattern.LAYERING, at_us, first_placed, margins, self.rule, observed, group,
            opposite,
        )  # fmt: skip
