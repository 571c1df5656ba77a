"""Wash trading: one beneficial owner's buys and sells that match each other.

A fill pairs with an earlier, not yet paired fill of the same owner and symbol on the other
side when they are in different accounts or by different agents (one account and one agent
buying and selling is market making), within `window_s`, prices within `price_band_bps` of
the later fill's price and quantities within `min_quantity_match` (smaller / larger). An
alert once `min_pairs` pairs fall within `episode_s`.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from domain.surveillance.detections import AbusePattern, Detection, at_least, at_most
from domain.surveillance.model import (
    F_ACCOUNT,
    F_AGENT,
    F_PRICE,
    F_QTY,
    F_SIDE,
    F_TS,
    F_USED,
    KeyState,
)
from domain.surveillance.reporting import Reporter, micros
from domain.surveillance.rules import WashRule

_WASH = AbusePattern.WASH_TRADING.value
PAIRS_KEPT = 32


class WashDetector:
    """Pairs each new fill with the key's earlier fills (see the module docstring)."""

    __slots__ = ("band", "episode_us", "match", "pairs", "reporter", "rule", "window_us")

    def __init__(self, rule: WashRule, reporter: Reporter) -> None:
        self.rule = rule
        self.reporter = reporter
        self.window_us = micros(rule.window_s)
        self.band = rule.price_band_bps / 1e4
        self.match = rule.min_quantity_match
        self.pairs = rule.min_pairs
        self.episode_us = micros(rule.episode_s)

    def on_fill(self, key: KeyState, fill: list[Any]) -> Detection | None:
        """Called before `fill` joins the key's fills."""
        at_us, side, qty, price = fill[F_TS], fill[F_SIDE], fill[F_QTY], fill[F_PRICE]
        account, agent = fill[F_ACCOUNT], fill[F_AGENT]
        since = at_us - self.window_us
        band = self.band * price
        for other in reversed(key.fills):
            if other[F_TS] < since:
                return None
            if other[F_SIDE] == side or other[F_USED]:
                continue
            if other[F_ACCOUNT] == account and other[F_AGENT] == agent:
                continue
            if abs(other[F_PRICE] - price) > band:
                continue
            size = other[F_QTY]
            if min(size, qty) < self.match * max(size, qty):
                continue
            other[F_USED] = fill[F_USED] = True
            return self._paired(key, at_us, other, fill)
        return None

    def _paired(
        self, key: KeyState, at_us: int, first: list[Any], second: list[Any]
    ) -> Detection | None:
        pairs = key.pairs
        if pairs is None:
            pairs = key.pairs = deque(maxlen=PAIRS_KEPT)
        pairs.append((at_us, first, second))
        since = at_us - self.episode_us
        while pairs[0][0] < since:
            pairs.popleft()
        if len(pairs) < self.pairs or key.is_quiet(_WASH, at_us):
            return None
        fills = [f for _, a, b in pairs for f in (a, b)]
        gaps = [abs(b[F_TS] - a[F_TS]) for _, a, b in pairs]
        bands = [abs(b[F_PRICE] - a[F_PRICE]) / b[F_PRICE] * 1e4 for _, a, b in pairs]
        matches = [min(a[F_QTY], b[F_QTY]) / max(a[F_QTY], b[F_QTY]) for _, a, b in pairs]
        observed = {
            "pairs": len(pairs),
            "max_gap_s": round(max(gaps) / 1e6, 6),
            "max_price_gap_bps": round(max(bands), 4),
            "min_quantity_match": round(min(matches), 6),
        }
        margins = (
            at_least(len(pairs), self.pairs),
            at_most(max(gaps), self.window_us),
            at_most(max(bands), self.band * 1e4) if self.band > 0 else 1.0,
        )
        started = min(f[F_TS] for f in fills)
        pairs.clear()
        return self.reporter.report(
            key, AbusePattern.WASH_TRADING, at_us, started, margins, self.rule, observed, [], fills
        )
