"""Marking the close: concentrated, one-sided activity in the last minutes, moving the price.

The session's close is `close_time` in `close_zone` on the local date of the events (the
engine's `SessionClock`). Per key and session day: every fill counts to the day's volume;
aggressive fills (of marketable orders: passive ones cannot push the price) in the last
`window_minutes` up to the close also count to the window. Once the window has `min_fills`
of them, making `min_share` of the day's volume, `min_directional` of their volume on one
side, and the latest one's price is `min_impact_bps` beyond the touch's mid when the
window's first one was placed, in that side's direction, and their volume is at least
`min_volume_ratio` times the symbol's typical order size (someone else's move, ridden with a
few small trades, is not theirs): an alert (one per key and day).
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from domain.surveillance.detections import AbusePattern, Detection, at_least, from_us, num, to_us
from domain.surveillance.model import (
    F_AGGRESSIVE,
    F_MID,
    F_PRICE,
    F_QTY,
    F_SIDE,
    F_TS,
    ClosingDay,
    KeyState,
)
from domain.surveillance.reporting import Reporter, micros
from domain.surveillance.rules import MarkingCloseRule

_CLOSING = AbusePattern.MARKING_THE_CLOSE.value
WINDOW_FILLS_KEPT = 50


class SessionClock:
    """The session day, its close and the closing window of an event time (µs, UTC).

    `roll(at_us)` moves to the local day of `at_us`; the engine calls it when an event's time
    passes `day_end_us` (the next local midnight), so the zone is consulted once a day.
    """

    __slots__ = (
        "close_time",
        "close_us",
        "day",
        "day_end_us",
        "day_start_us",
        "window_start_us",
        "window_us",
        "zone",
    )  # fmt: skip

    def __init__(self, close_time: time, zone: str, window_minutes: float) -> None:
        self.zone = ZoneInfo(zone)
        self.close_time = close_time
        self.window_us = micros(window_minutes * 60)
        self.day = -1
        self.window_start_us = self.close_us = self.day_start_us = self.day_end_us = 0

    def roll(self, at_us: int) -> None:
        local = from_us(at_us).astimezone(self.zone)
        today = local.date()
        start = datetime.combine(today, time(0), tzinfo=self.zone)
        end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=self.zone)
        close = datetime.combine(today, self.close_time, tzinfo=self.zone)
        self.day = today.toordinal()
        self.day_start_us = to_us(start.astimezone(UTC))
        self.day_end_us = to_us(end.astimezone(UTC))
        self.close_us = to_us(close.astimezone(UTC))
        self.window_start_us = self.close_us - self.window_us


class MarkingCloseDetector:
    """Counts each key's day and closing-window volume (see the module docstring)."""

    __slots__ = ("directional", "fills", "impact", "reporter", "rule", "share", "volume")

    def __init__(self, rule: MarkingCloseRule, reporter: Reporter) -> None:
        self.rule = rule
        self.reporter = reporter
        self.fills = rule.min_fills
        self.share = rule.min_share
        self.directional = rule.min_directional
        self.impact = rule.min_impact_bps / 1e4
        self.volume = rule.min_volume_ratio

    def on_fill(
        self, key: KeyState, fill: list[Any], session: SessionClock, typical: float
    ) -> Detection | None:
        day = key.closing
        if day is None or day.day != session.day:
            day = key.closing = ClosingDay(session.day)
        qty = fill[F_QTY]
        day.day_qty += qty
        at_us = fill[F_TS]
        if not fill[F_AGGRESSIVE] or not session.window_start_us <= at_us <= session.close_us:
            return None
        if day.window_fills == 0:
            day.reference = fill[F_MID] or fill[F_PRICE]
            day.first_us = at_us
        day.window_fills += 1
        day.window_qty += qty
        day.window_signed += qty * fill[F_SIDE]
        day.last_price = fill[F_PRICE]
        if len(day.fills) < WINDOW_FILLS_KEPT:
            day.fills.append(fill)
        if day.alerted or day.window_fills < self.fills:
            return None
        if day.window_qty < self.volume * typical:
            return None
        return self._judge(key, day, at_us)

    def _judge(self, key: KeyState, day: ClosingDay, at_us: int) -> Detection | None:
        share = day.window_qty / day.day_qty
        directional = (day.window_qty + abs(day.window_signed)) / 2 / day.window_qty
        if share < self.share or directional < self.directional:
            return None
        side = 1 if day.window_signed > 0 else -1
        impact = (day.last_price - day.reference) * side / day.reference
        if impact < self.impact or key.is_quiet(_CLOSING, at_us):
            return None
        day.alerted = True
        observed = {
            "window_fills": day.window_fills,
            "window_quantity": num(day.window_qty),
            "day_quantity": num(day.day_qty),
            "share": round(share, 6),
            "directional": round(directional, 6),
            "side": "buy" if side > 0 else "sell",
            "reference_mid": num(round(day.reference, 10)),
            "last_price": num(day.last_price),
            "impact_bps": round(impact * 1e4, 3),
        }
        margins = (
            at_least(share, self.share),
            at_least(directional, self.directional),
            at_least(impact, self.impact),
        )
        return self.reporter.report(
            key, AbusePattern.MARKING_THE_CLOSE, at_us, day.first_us, margins, self.rule, observed,
            [], list(day.fills),
        )  # fmt: skip
