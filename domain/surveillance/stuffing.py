"""Quote stuffing: a flood of orders and cancels that rarely trade.

Each key keeps the times of its last `min_messages` orders and cancels (a deque of that
length): the rate is over the threshold exactly when the oldest of them is within
`window_s` of the newest, an O(1) test per message. Then the order-to-trade ratio is
`min_messages` over the key's fills in the same window (at least one), and it must reach
`min_order_to_trade`. The evidence lists the key's last orders (`RECENT_ORDERS`).
"""

from __future__ import annotations

from domain.surveillance.detections import AbusePattern, Detection, at_least, at_most
from domain.surveillance.model import F_TS, KeyState
from domain.surveillance.reporting import Reporter, micros
from domain.surveillance.rules import QuoteStuffingRule

_STUFFING = AbusePattern.QUOTE_STUFFING.value


class QuoteStuffingDetector:
    """Judges a key whose message deque says the rate is over the threshold."""

    __slots__ = ("messages", "ratio", "reporter", "rule", "window_us")

    def __init__(self, rule: QuoteStuffingRule, reporter: Reporter) -> None:
        self.rule = rule
        self.reporter = reporter
        self.window_us = micros(rule.window_s)
        self.messages = rule.min_messages
        self.ratio = rule.min_order_to_trade

    def on_burst(self, key: KeyState, at_us: int) -> Detection | None:
        """Called when the key's last `min_messages` messages fit in `window_s`."""
        if key.is_quiet(_STUFFING, at_us):
            return None
        messages = key.messages
        since = messages[0]
        fills = 0
        for fill in reversed(key.fills):
            if fill[F_TS] < since:
                break
            fills += 1
        ratio = self.messages / max(fills, 1)
        if ratio < self.ratio:
            return None
        span = at_us - since
        observed = {
            "messages": self.messages,
            "span_s": round(span / 1e6, 6),
            "messages_per_s": round(self.messages / max(span / 1e6, 1e-6), 3),
            "fills": fills,
            "order_to_trade": round(ratio, 3),
        }
        margins = (at_most(span, self.window_us), at_least(ratio, self.ratio))
        return self.reporter.report(
            key, AbusePattern.QUOTE_STUFFING, at_us, since, margins, self.rule, observed,
            list(key.recent), [],
        )  # fmt: skip
