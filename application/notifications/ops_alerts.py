"""Prometheus' alerts, relayed by Alertmanager, told to the desk: each firing or resolved alert
becomes one `ops.alert` notification to every active admin and risk officer, through the
Notifier port (the HTTP receiver: adapters/http/core/alertmanager.py; deploy/alertmanager)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from domain.principals import Role
from ports.core.events import Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory

EVENT_TYPE = "ops.alert"
# Who hears of an operational alert: the desk that runs the system.
DESK = (Role.ADMIN, Role.RISK_OFFICER)
# Alertmanager sends the zero time as the end of an alert that has not ended.
_NOT_ENDED_BEFORE_YEAR = 2


@dataclass(frozen=True, slots=True)
class OpsAlert:
    """One alert as Alertmanager reports it: firing or resolved, its labels and annotations."""

    status: Literal["firing", "resolved"]
    labels: Mapping[str, str] = field(default_factory=dict)
    annotations: Mapping[str, str] = field(default_factory=dict)
    starts_at: datetime | None = None
    ends_at: datetime | None = None

    @property
    def name(self) -> str:
        return self.labels.get("alertname", "unnamed alert")

    @property
    def severity(self) -> Severity:
        """Resolved: INFO; firing: the `severity` label (critical, warning), else WARNING."""
        if self.status == "resolved":
            return Severity.INFO
        label = self.labels.get("severity", "").lower()
        return Severity.CRITICAL if label == "critical" else Severity.WARNING

    def subject(self) -> str:
        summary = self.annotations.get("summary", "")
        head = f"[{self.status.upper()}] {self.name}"
        return f"{head}: {summary}" if summary else head

    def body(self) -> str:
        lines = [self.annotations.get("description", "") or self.annotations.get("summary", "")]
        if self.starts_at is not None:
            lines.append(f"Started: {self.starts_at.isoformat()}")
        if self.ends_at is not None and self.ends_at.year >= _NOT_ENDED_BEFORE_YEAR:
            lines.append(f"{'Ended' if self.status == 'resolved' else 'Ends'}: "
                         f"{self.ends_at.isoformat()}")  # fmt: skip
        shown = {k: v for k, v in sorted(self.labels.items()) if k != "alertname"}
        if shown:
            lines.append("Labels: " + ", ".join(f"{k}={v}" for k, v in shown.items()))
        return "\n".join(line for line in lines if line)


@dataclass(eq=False)
class OpsAlertRelay:
    """Tells active admins and risk officers of each alert, one notification per alert and
    person. The Notifier never raises; the relay returns how many notifications it sent."""

    uow_factory: UnitOfWorkFactory
    notifier: Notifier

    async def relay(self, alerts: Sequence[OpsAlert]) -> int:
        if not alerts:
            return 0
        async with self.uow_factory() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in DESK]
        for alert in alerts:
            subject, body = alert.subject(), alert.body()
            for user_id in desk:
                await self.notifier.notify(
                    Notification(user_id, subject, body, alert.severity, event_type=EVENT_TYPE)
                )
        return len(alerts) * len(desk)
