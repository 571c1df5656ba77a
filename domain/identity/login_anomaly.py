"""How unusual a login looks: its traits, the features a model learns from, the explanation.

A login is described by its hour of day, whether its network range and its device are new to
the user, how far its hour is from the user's usual hours, and how many failures came just
before it. Until a model is trained (enough history) the rules alone decide; with one, the
model's score decides whether it is anomalous and the explanation names the traits that are
rare in the installation's own history.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

NEW_DEVICE = "new device"
NEW_NETWORK = "new address range"
UNUSUAL_HOUR = "unusual hour"
FAILURES_BEFORE = "failed attempts before"

FAILURES_CAP = 10
UNUSUAL_HOUR_GAP = 3  # hours away from every earlier login of the user
FAILURES_NOTED = 3
HOUR_HISTORY = 5  # earlier logins needed before an hour can be unusual
RARE = 0.05  # a trait value seen in fewer than this share of the history is rare


@dataclass(frozen=True, slots=True)
class LoginContext:
    """One successful login's traits (no address, no raw identifier)."""

    user_id: str
    device_id: str
    at: datetime
    network: str | None
    new_device: bool
    new_network: bool
    failures_before: int
    hour_gap: int  # circular hours to the nearest earlier login hour of the user (0: none)
    earlier_logins: int

    @property
    def hour(self) -> int:
        return self.at.hour


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict on a login: anomalous or not, a score (higher: stranger), and why."""

    anomalous: bool
    score: float
    unusual: tuple[str, ...]
    method: str  # "rules" or "model"


def hour_gap(hour: int, earlier_hours: Sequence[int]) -> int:
    """Circular distance in hours from `hour` to the nearest of `earlier_hours` (0: none)."""
    if not earlier_hours:
        return 0
    return min(min((hour - h) % 24, (h - hour) % 24) for h in set(earlier_hours))


def features(context: LoginContext) -> list[float]:
    """The row a model sees: hour on the circle, novelty flags, hour gap, failures."""
    angle = 2 * math.pi * context.hour / 24
    return [
        math.sin(angle),
        math.cos(angle),
        1.0 if context.new_network else 0.0,
        1.0 if context.new_device else 0.0,
        context.hour_gap / 12,
        min(context.failures_before, FAILURES_CAP) / FAILURES_CAP,
    ]


def rule_traits(context: LoginContext) -> tuple[str, ...]:
    """The traits the rules call unusual, in a fixed order."""
    found: list[str] = []
    if context.new_device:
        found.append(NEW_DEVICE)
    if context.new_network and context.earlier_logins > 0:
        found.append(NEW_NETWORK)
    if context.earlier_logins >= HOUR_HISTORY and context.hour_gap >= UNUSUAL_HOUR_GAP:
        found.append(UNUSUAL_HOUR)
    if context.failures_before >= FAILURES_NOTED:
        found.append(FAILURES_BEFORE)
    return tuple(found)


def assess_by_rules(context: LoginContext) -> Assessment:
    """Rules only: anomalous when a known user shows two unusual traits, or failures."""
    traits = rule_traits(context)
    score = len(traits) / 4
    anomalous = (len(traits) >= 2 and context.earlier_logins > 0) or FAILURES_BEFORE in traits
    return Assessment(anomalous, score, traits, "rules")


def rare_traits(row: Sequence[float], history: np.ndarray) -> tuple[str, ...]:
    """The traits of `row` that are rare in the history's rows (same column layout)."""
    found: list[str] = []
    n = max(len(history), 1)
    for column, name in ((3, NEW_DEVICE), (2, NEW_NETWORK)):
        if row[column] > 0 and float(np.sum(history[:, column] > 0)) / n < RARE:
            found.append(name)
    for column, name in ((4, UNUSUAL_HOUR), (5, FAILURES_BEFORE)):
        if row[column] > 0 and float(np.sum(history[:, column] >= row[column])) / n < RARE:
            found.append(name)
    return tuple(found)
