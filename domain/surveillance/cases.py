"""Alerts as cases: a detection, its review (open -> acknowledged -> closed with a note) and
the automatic action the policy took (pause the agents, or warn only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.errors import DomainError
from domain.surveillance.detections import AlertSeverity, Detection

MAX_NOTE = 2000


class AlertStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


class AlertAction(StrEnum):
    """What the policy did about the alert. PENDING: to be done (after the alert was stored)."""

    NONE = "none"  # not HIGH: reviewed by people only
    PENDING = "pending"
    PAUSED = "paused"  # every agent in the evidence paused (the kill switch's agent scope)
    WARNED = "warned"  # the policy is to warn, or no agent placed the orders
    FAILED = "failed"  # a pause did not complete; detail says why (retried at the next start)


class InvalidAlertChange(DomainError):
    """A case transition the workflow does not have, or a close without a note."""

    code = "INVALID_ALERT_CHANGE"


class SurveillancePolicy(StrEnum):
    """What a new HIGH alert does: pause the agents behind it, or warn only."""

    PAUSE = "pause"
    WARN = "warn"


_NEXT = {
    AlertStatus.OPEN: frozenset({AlertStatus.ACKNOWLEDGED}),
    AlertStatus.ACKNOWLEDGED: frozenset({AlertStatus.CLOSED}),
    AlertStatus.CLOSED: frozenset(),
}


@dataclass(slots=True, eq=False)
class Alert:
    """One detection under review. `version` counts changes (optimistic concurrency)."""

    detection: Detection
    created_at: datetime
    status: AlertStatus = AlertStatus.OPEN
    note: str = ""
    acknowledged_by: str | None = None
    acknowledged_at: datetime | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None
    action: AlertAction = AlertAction.NONE
    action_detail: str = ""
    version: int = 1

    @classmethod
    def raise_(cls, detection: Detection, now: datetime) -> Alert:
        """A new open case; HIGH ones wait for the policy's action."""
        pending = detection.severity is AlertSeverity.HIGH
        return cls(detection, now, action=AlertAction.PENDING if pending else AlertAction.NONE)

    @property
    def id(self) -> str:
        return self.detection.id

    def move(self, to: AlertStatus, by: str, at: datetime, note: str | None) -> None:
        """open -> acknowledged -> closed; closing needs a note (the reviewer's conclusion)."""
        if to not in _NEXT[self.status]:
            raise InvalidAlertChange(
                f"an {self.status.value} alert cannot become {to.value}", field="status"
            )
        text = (note or "").strip()
        if len(text) > MAX_NOTE:
            raise InvalidAlertChange(f"a note has at most {MAX_NOTE} characters", field="note")
        if to is AlertStatus.CLOSED and not text:
            raise InvalidAlertChange("closing an alert needs a note", field="note")
        if to is AlertStatus.ACKNOWLEDGED:
            self.acknowledged_by, self.acknowledged_at = by, at
        else:
            self.closed_by, self.closed_at = by, at
        if text:
            self.note = text
        self.status = to
        self.version += 1

    def acted(self, action: AlertAction, detail: str) -> None:
        self.action = action
        self.action_detail = detail[:500]
        self.version += 1
