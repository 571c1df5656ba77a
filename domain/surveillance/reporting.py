"""Turning a detector's finding into a Detection: score, severity, parties, evidence, cooldown."""

from __future__ import annotations

import dataclasses
from typing import Any

from domain.surveillance.detections import AbusePattern, Detection, score_of, severity_of
from domain.surveillance.evidence import fills_evidence, orders_evidence, parties
from domain.surveillance.model import KeyState, LiveOrder
from domain.surveillance.rules import SurveillanceRules

US = 1_000_000


def micros(seconds: float) -> int:
    return round(seconds * US)


class Reporter:
    """Builds detections and starts the key's cooldown for the pattern."""

    __slots__ = ("cooldown_us", "high", "medium")

    def __init__(self, rules: SurveillanceRules) -> None:
        self.cooldown_us = micros(rules.cooldown_s)
        self.high = rules.high_score
        self.medium = rules.medium_score

    def report(
        self,
        key: KeyState,
        pattern: AbusePattern,
        at_us: int,
        started_us: int,
        margins: tuple[float, ...],
        rule: Any,
        observed: dict[str, Any],
        orders: list[LiveOrder],
        fills: list[list[Any]],
    ) -> Detection:
        score = score_of(*margins)
        accounts, agents = parties(orders, fills)
        key.hush(pattern.value, at_us + self.cooldown_us)
        return Detection(
            pattern=pattern,
            owner_id=key.owner,
            symbol=key.symbol,
            detected_us=at_us,
            started_us=started_us,
            score=score,
            severity=severity_of(score, self.high, self.medium),
            accounts=accounts,
            agents=agents,
            thresholds=dataclasses.asdict(rule),
            observed=observed,
            orders=orders_evidence(orders),
            fills=fills_evidence(fills),
        )
