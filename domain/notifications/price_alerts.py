"""Price alerts, pure: a user's threshold on a symbol and when a price crosses it.

An alert fires on a *crossing*, never on a level: an ABOVE alert fires when a price at or
over its threshold follows prices under it (BELOW mirrors it: at or under the threshold).
The first price an alert sees only tells it which side it starts on: under the threshold it
is armed; already past it, it waits for the price to come back first. ONCE alerts are done
after their first fire; after a fire (or starting past), a REARM alert arms again only once
the price has gone strictly beyond the hysteresis band (under `threshold - hysteresis` for
ABOVE, over `threshold + hysteresis` for BELOW), so a price hovering at the threshold does
not fire on every tick.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class Direction(StrEnum):
    ABOVE = "above"
    BELOW = "below"


class Mode(StrEnum):
    ONCE = "once"
    REARM = "rearm"


class AlertState(StrEnum):
    WAITING = "waiting"  # no price seen yet
    ARMED = "armed"  # on the far side: the next crossing fires
    DISARMED = "disarmed"  # past the threshold (or just fired): waits to re-arm
    DONE = "done"  # a ONCE alert that fired


@dataclass(frozen=True, slots=True)
class PriceAlert:
    id: str
    owner_id: str
    symbol: str
    direction: Direction
    threshold: Decimal
    mode: Mode
    hysteresis: Decimal
    created_at: datetime
    state: AlertState = AlertState.WAITING
    fired_count: int = 0
    last_fired_at: datetime | None = None
    last_price: Decimal | None = None  # the price of the last change of state (or fire)
    note: str = ""

    def __post_init__(self) -> None:
        if not self.threshold.is_finite() or self.threshold <= 0:
            raise ValueError("threshold must be a positive price")
        if not self.hysteresis.is_finite() or self.hysteresis < 0:
            raise ValueError("hysteresis must be zero or more")
        if self.direction is Direction.ABOVE and self.hysteresis >= self.threshold:
            raise ValueError("hysteresis must be under the threshold")

    @property
    def active(self) -> bool:
        return self.state is not AlertState.DONE

    def _past(self, price: Decimal) -> bool:
        """At or beyond the threshold: where a crossing lands."""
        if self.direction is Direction.ABOVE:
            return price >= self.threshold
        return price <= self.threshold

    def _rearmed_by(self, price: Decimal) -> bool:
        """Strictly back beyond the hysteresis band, on the side a crossing starts from."""
        if self.direction is Direction.ABOVE:
            return price < self.threshold - self.hysteresis
        return price > self.threshold + self.hysteresis

    def observe(self, price: Decimal, at: datetime) -> tuple[PriceAlert, bool]:
        """(the alert after seeing `price`, whether this price fired it)."""
        if self.state is AlertState.DONE:
            return self, False
        if self.state is AlertState.ARMED and self._past(price):
            state = AlertState.DONE if self.mode is Mode.ONCE else AlertState.DISARMED
            fired = replace(
                self,
                state=state,
                fired_count=self.fired_count + 1,
                last_fired_at=at,
                last_price=price,
            )
            return fired, True
        state = self.state
        if state is AlertState.WAITING:
            state = AlertState.DISARMED if self._past(price) else AlertState.ARMED
        elif self._rearmed_by(price):
            state = AlertState.ARMED
        if state is self.state:
            return self, False  # the common tick: nothing to record (no copy made)
        return replace(self, state=state, last_price=price), False
