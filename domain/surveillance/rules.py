"""The detectors' thresholds: documented defaults, overridable per field, checked once.

Conventions: durations in seconds (the engine turns them into integer microseconds once),
prices compared in basis points of the reference price (1 bp = 0.01 %), sizes as ratios or
counts. docs/surveillance.md explains each threshold beside its detector.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from domain.errors import DomainError


class InvalidSurveillanceRules(DomainError):
    """A threshold override names no threshold, or its value is out of range."""

    code = "INVALID_SURVEILLANCE_RULES"


@dataclass(frozen=True, slots=True)
class SpoofingRule:
    """A large order at or near the touch, cancelled quickly, while the owner trades the
    other side. `size_ratio`: the order's quantity over the symbol's typical order size (an
    exponentially weighted mean of the orders seen, large ones left out), judged once
    `min_history` orders of the symbol were seen. The opposite fills count when their orders
    were placed while the large one rested, and the large one was cancelled within
    `max_cancel_after_fill_s` of the last of them (its purpose served)."""

    size_ratio: float = 4.0
    min_history: int = 20
    max_distance_bps: float = 30.0  # below the bid (a buy) or above the ask (a sell)
    max_lifetime_s: float = 10.0
    max_fill_ratio: float = 0.2
    min_opposite_fills: int = 1
    max_cancel_after_fill_s: float = 3.0


@dataclass(frozen=True, slots=True)
class LayeringRule:
    """Orders at `min_levels` or more distinct prices on one side, all resting at once and
    cancelled within `cancel_window_s` of each other, with an opposite-side fill of the same
    owner while they rested; each lived at most `max_lifetime_s`."""

    min_levels: int = 3
    max_lifetime_s: float = 10.0
    cancel_window_s: float = 1.0
    min_opposite_fills: int = 1


@dataclass(frozen=True, slots=True)
class WashRule:
    """A buy and a sell of one beneficial owner in one symbol that match each other: in
    different accounts or by different agents, within `window_s`, prices within
    `price_band_bps`, quantities within `min_quantity_match` (smaller / larger); an alert
    after `min_pairs` such pairs within `episode_s`."""

    window_s: float = 30.0
    price_band_bps: float = 5.0
    min_quantity_match: float = 0.9
    min_pairs: int = 2
    episode_s: float = 300.0


@dataclass(frozen=True, slots=True)
class QuoteStuffingRule:
    """`min_messages` orders and cancels of one owner in one symbol within `window_s`, and
    an order-to-trade ratio (messages / fills in that window, fills at least one) of at
    least `min_order_to_trade`."""

    window_s: float = 1.0
    min_messages: int = 50
    min_order_to_trade: float = 20.0


@dataclass(frozen=True, slots=True)
class MomentumIgnitionRule:
    """At least `min_burst_fills` aggressive (marketable) fills on one side within
    `burst_window_s`, moving the price `min_move_bps` from the touch's mid before the burst,
    then opposite-side fills of at least `min_reversal_ratio` of the burst's quantity within
    `reversal_window_s` of its last fill."""

    burst_window_s: float = 5.0
    min_burst_fills: int = 3
    min_move_bps: float = 20.0
    reversal_window_s: float = 60.0
    min_reversal_ratio: float = 0.5


@dataclass(frozen=True, slots=True)
class MarkingCloseRule:
    """In the last `window_minutes` before the close: at least `min_fills` aggressive fills
    (of marketable orders: the ones that can move the price) making at least `min_share` of
    the owner's day volume in the symbol, at least `min_directional` of their volume on one
    side, and the last of them `min_impact_bps` beyond the touch's mid before the
    first, in that side's direction. Their volume must be at least `min_volume_ratio` times
    the symbol's typical order size: a few small trades riding someone else's move did not
    move the price."""

    window_minutes: float = 10.0
    min_fills: int = 3
    min_volume_ratio: float = 3.0
    min_share: float = 0.25
    min_directional: float = 0.75
    min_impact_bps: float = 30.0


@dataclass(frozen=True, slots=True)
class SurveillanceRules:
    """Every detector's thresholds, the close, scoring and the bounds on memory."""

    spoofing: SpoofingRule = field(default_factory=SpoofingRule)
    layering: LayeringRule = field(default_factory=LayeringRule)
    wash: WashRule = field(default_factory=WashRule)
    quote_stuffing: QuoteStuffingRule = field(default_factory=QuoteStuffingRule)
    momentum_ignition: MomentumIgnitionRule = field(default_factory=MomentumIgnitionRule)
    marking_close: MarkingCloseRule = field(default_factory=MarkingCloseRule)
    # The session's close, local time in `close_zone` (an IANA zone name).
    close_time: time = time(16, 0)
    close_zone: str = "America/New_York"
    # One alert per pattern, owner and symbol within this many seconds.
    cooldown_s: float = 300.0
    # Severity from the score (0..1): HIGH at or above `high_score`, MEDIUM at `medium_score`.
    high_score: float = 0.5
    medium_score: float = 0.25
    # Bounds: fills remembered per key, live orders kept (oldest dropped first), and how long
    # an order or an idle key is kept without news (dropped at the next day's first event).
    fills_kept: int = 32
    max_live_orders: int = 1_000_000
    order_ttl_s: float = 86_400.0
    key_ttl_s: float = 86_400.0

    def __post_init__(self) -> None:
        for name, value in _numbers(self):
            if not math.isfinite(value) or value <= 0:
                raise InvalidSurveillanceRules(f"{name} must be a positive number", field=name)
        _at_most_one("spoofing.max_fill_ratio", self.spoofing.max_fill_ratio)
        _at_most_one("wash.min_quantity_match", self.wash.min_quantity_match)
        _at_most_one("marking_close.min_share", self.marking_close.min_share)
        _at_most_one("marking_close.min_directional", self.marking_close.min_directional)
        if self.medium_score > self.high_score or self.high_score > 1:
            raise InvalidSurveillanceRules(
                "scores: expected medium_score <= high_score <= 1", field="high_score"
            )
        if self.layering.min_levels < 2:
            raise InvalidSurveillanceRules("layering.min_levels: at least 2", field="layering")
        if self.marking_close.window_minutes > 24 * 60:
            raise InvalidSurveillanceRules(
                "marking_close.window_minutes: at most a day", field="marking_close"
            )

    def with_overrides(self, overrides: Mapping[str, Any]) -> SurveillanceRules:
        """These rules with some thresholds changed: `{"spoofing": {"size_ratio": 6},
        "cooldown_s": 60}`; InvalidSurveillanceRules names an unknown or invalid field."""
        changes: dict[str, Any] = {}
        for name, value in overrides.items():
            current = getattr(self, name, None) if name in _FIELDS else None
            if dataclasses.is_dataclass(current):
                if not isinstance(value, Mapping):
                    raise InvalidSurveillanceRules(f"{name}: expected an object", field=name)
                changes[name] = _replace(current, value, name)
            elif name in _SCALARS:
                changes[name] = _number(name, value, type(getattr(self, name)))
            else:
                raise InvalidSurveillanceRules(f"{name}: no such threshold", field=name)
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Every threshold by name (the close as HH:MM), as the evidence and docs show them."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if dataclasses.is_dataclass(value):
                out[f.name] = {g.name: getattr(value, g.name) for g in dataclasses.fields(value)}
            elif isinstance(value, time):
                out[f.name] = value.strftime("%H:%M")
            else:
                out[f.name] = value
        return out


_FIELDS = frozenset(f.name for f in dataclasses.fields(SurveillanceRules))
_SCALARS = frozenset({"cooldown_s", "high_score", "medium_score", "fills_kept",
                      "max_live_orders", "order_ttl_s", "key_ttl_s"})  # fmt: skip


def _replace(rule: Any, values: Mapping[str, Any], prefix: str) -> Any:
    known = {f.name: f for f in dataclasses.fields(rule)}
    changes = {}
    for name, value in values.items():
        if name not in known:
            raise InvalidSurveillanceRules(f"{prefix}.{name}: no such threshold", field=prefix)
        changes[name] = _number(f"{prefix}.{name}", value, type(getattr(rule, name)))
    return dataclasses.replace(rule, **changes)


def _number(name: str, value: Any, kind: type) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidSurveillanceRules(f"{name}: expected a number", field=name)
    if kind is int:
        if value != int(value):
            raise InvalidSurveillanceRules(f"{name}: expected a whole number", field=name)
        return int(value)
    return float(value)


def _numbers(rules: SurveillanceRules) -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []
    for f in dataclasses.fields(rules):
        value = getattr(rules, f.name)
        if dataclasses.is_dataclass(value):
            found.extend(
                (f"{f.name}.{g.name}", getattr(value, g.name)) for g in dataclasses.fields(value)
            )
        elif isinstance(value, int | float) and not isinstance(value, bool):
            found.append((f.name, value))
    return found


def _at_most_one(name: str, value: float) -> None:
    if value > 1:
        raise InvalidSurveillanceRules(f"{name}: a fraction, at most 1", field=name)
