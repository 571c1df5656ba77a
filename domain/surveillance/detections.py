"""What a detector reports: the pattern, who and what, a score, and the evidence behind it.

Times are integer microseconds since the Unix epoch (UTC) inside the engine; evidence shows
them as ISO 8601 UTC strings. Prices and quantities in evidence are decimal strings of the
event's figures (the engine compares them as binary floats; see docs/surveillance.md).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class AbusePattern(StrEnum):
    """The abuse patterns the detectors look for (their stable wire names)."""

    SPOOFING = "spoofing"
    LAYERING = "layering"
    WASH_TRADING = "wash_trading"
    QUOTE_STUFFING = "quote_stuffing"
    MOMENTUM_IGNITION = "momentum_ignition"
    MARKING_THE_CLOSE = "marking_the_close"


class AlertSeverity(StrEnum):
    """From the score: HIGH may pause the agent (the policy decides), MEDIUM and LOW do not."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class Detection:
    """One detector's finding about one beneficial owner in one symbol.

    `score` is in [0, 1]: the mean of how far each measured figure lies past its threshold
    (at the threshold 0, twice the threshold (or none of an "at most") 1). `thresholds` are
    the rule's values, `observed` the measured figures, `orders` and `fills` the evidence.
    """

    pattern: AbusePattern
    owner_id: str
    symbol: str
    detected_us: int
    started_us: int
    score: float
    severity: AlertSeverity
    accounts: tuple[str, ...]
    agents: tuple[str, ...]
    thresholds: dict[str, Any]
    observed: dict[str, Any]
    orders: tuple[dict[str, Any], ...]
    fills: tuple[dict[str, Any], ...]

    @property
    def id(self) -> str:
        """Deterministic: the same events give the same id (a replay inserts nothing new)."""
        return alert_id(self.pattern, self.owner_id, self.symbol, self.detected_us)

    @property
    def detected_at(self) -> datetime:
        return from_us(self.detected_us)

    @property
    def started_at(self) -> datetime:
        return from_us(self.started_us)


def alert_id(pattern: str, owner_id: str, symbol: str, detected_us: int) -> str:
    digest = hashlib.sha256(f"{pattern}|{owner_id}|{symbol}|{detected_us}".encode()).hexdigest()
    return "sa-" + digest[:24]


def from_us(us: int) -> datetime:
    """A UTC datetime from integer microseconds since the epoch (exact)."""
    return _EPOCH + timedelta(microseconds=us)


def to_us(moment: datetime) -> int:
    """Integer microseconds since the epoch of an aware datetime (exact)."""
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def iso(us: int) -> str:
    return from_us(us).isoformat().replace("+00:00", "Z")


def num(value: float) -> str:
    """A figure as a decimal string: 100 not 100.0; otherwise the shortest exact repr."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return repr(value)


def at_least(measured: float, threshold: float) -> float:
    """0 at the threshold, 1 at twice it or more (a "measured >= threshold" rule)."""
    return min(1.0, max(0.0, measured / threshold - 1.0))


def at_most(measured: float, threshold: float) -> float:
    """0 at the threshold, 1 at zero (a "measured <= threshold" rule)."""
    return min(1.0, max(0.0, 1.0 - measured / threshold))


def score_of(*margins: float) -> float:
    return round(sum(margins) / len(margins), 4)


def severity_of(score: float, high: float, medium: float) -> AlertSeverity:
    if score >= high:
        return AlertSeverity.HIGH
    if score >= medium:
        return AlertSeverity.MEDIUM
    return AlertSeverity.LOW
