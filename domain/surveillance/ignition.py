"""Momentum ignition: an aggressive burst that moves the price, then trades that reverse it.

Each key keeps its recent aggressive fills of one side (those of marketable orders) within
`burst_window_s`. When `min_burst_fills` of them moved the price `min_move_bps` from the
touch's mid before the burst's first order (to the latest fill's price, in the burst's
direction), the burst is armed. Fills on the other side within `reversal_window_s` of the
burst's last fill, at prices beyond that mid in the burst's direction (selling above it
after buying up, buying below it after selling down), count as its reversal; once they reach
`min_reversal_ratio` of the burst's quantity, an alert. A momentum trader who rides the move
and exits later is not one.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from domain.surveillance.detections import AbusePattern, Detection, at_least, num
from domain.surveillance.model import (
    F_AGGRESSIVE,
    F_MID,
    F_PRICE,
    F_QTY,
    F_SIDE,
    F_TS,
    Burst,
    KeyState,
)
from domain.surveillance.reporting import Reporter, micros
from domain.surveillance.rules import MomentumIgnitionRule

_IGNITION = AbusePattern.MOMENTUM_IGNITION.value
AGGRESSIVE_KEPT = 32  # aggressive fills kept per key; also a burst's fills in its evidence


class MomentumIgnitionDetector:
    """Arms bursts and watches for their reversal (see the module docstring)."""

    __slots__ = ("burst_us", "fills", "move", "ratio", "reporter", "reversal_us", "rule")

    def __init__(self, rule: MomentumIgnitionRule, reporter: Reporter) -> None:
        self.rule = rule
        self.reporter = reporter
        self.burst_us = micros(rule.burst_window_s)
        self.fills = rule.min_burst_fills
        self.move = rule.min_move_bps / 1e4
        self.reversal_us = micros(rule.reversal_window_s)
        self.ratio = rule.min_reversal_ratio

    def on_fill(self, key: KeyState, fill: list[Any]) -> Detection | None:
        if fill[F_AGGRESSIVE]:
            self._aggressive(key, fill)
        burst = key.burst
        if burst is None:
            return None
        at_us = fill[F_TS]
        if at_us - burst.ended_us > self.reversal_us:
            key.burst = None
            return None
        side = fill[F_SIDE]
        if side == burst.side or (fill[F_PRICE] - burst.mid) * burst.side <= 0:
            return None
        burst.reversed_qty += fill[F_QTY]
        if len(burst.reversal) < AGGRESSIVE_KEPT:
            burst.reversal.append(fill)
        if burst.reversed_qty < self.ratio * burst.quantity:
            return None
        key.burst = None
        if key.is_quiet(_IGNITION, at_us):
            return None
        return self._report(key, burst, at_us)

    def _aggressive(self, key: KeyState, fill: list[Any]) -> None:
        recent = key.aggressive
        side = fill[F_SIDE]
        if recent is None:
            recent = key.aggressive = deque(maxlen=AGGRESSIVE_KEPT)
        elif recent and recent[-1][F_SIDE] != side:
            recent.clear()
        recent.append(fill)
        since = fill[F_TS] - self.burst_us
        while recent[0][F_TS] < since:
            recent.popleft()
        burst = key.burst
        if burst is not None and burst.side == side and recent[0][F_TS] <= burst.ended_us:
            burst.ended_us = fill[F_TS]
            burst.quantity += fill[F_QTY]
            burst.peak = fill[F_PRICE]
            if len(burst.fills) < AGGRESSIVE_KEPT:
                burst.fills.append(fill)
            return
        if len(recent) < self.fills:
            return
        first = recent[0]
        mid = first[F_MID] or first[F_PRICE]
        if (fill[F_PRICE] - mid) * side < self.move * mid:
            return
        burst = key.burst = Burst(side, first[F_TS], mid)
        burst.fills = list(recent)
        burst.quantity = sum(f[F_QTY] for f in recent)
        burst.ended_us = fill[F_TS]
        burst.peak = fill[F_PRICE]

    def _report(self, key: KeyState, burst: Burst, at_us: int) -> Detection:
        move = (burst.peak - burst.mid) * burst.side / burst.mid
        reversal = burst.reversed_qty / burst.quantity
        observed = {
            "burst_fills": len(burst.fills),
            "burst_quantity": num(burst.quantity),
            "burst_s": round((burst.ended_us - burst.started_us) / 1e6, 6),
            "move_bps": round(move * 1e4, 3),
            "pre_burst_mid": num(round(burst.mid, 10)),
            "reversal_ratio": round(reversal, 6),
            "reversal_after_s": round((at_us - burst.ended_us) / 1e6, 6),
        }
        margins = (
            at_least(len(burst.fills), self.fills),
            at_least(move, self.move),
            at_least(reversal, self.ratio),
        )
        return self.reporter.report(
            key, AbusePattern.MOMENTUM_IGNITION, at_us, burst.started_us, margins, self.rule,
            observed, [], [*burst.fills, *burst.reversal],
        )  # fmt: skip
