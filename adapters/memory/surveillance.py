"""The surveillance store in memory (embedded mode and tests):
ports/surveillance/surveillance.py."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from domain.errors import ConcurrentUpdate
from domain.surveillance.cases import Alert, AlertAction, AlertStatus
from domain.surveillance.detections import to_us
from ports.surveillance.surveillance import AlertQuery, Checkpoint

_UNDONE = frozenset({AlertAction.PENDING, AlertAction.FAILED})


def _copy(alert: Alert) -> Alert:
    return dataclasses.replace(alert)  # the detection is immutable; the case fields are copied


class InMemorySurveillanceStore:
    """Alerts by id and checkpoints by name; callers get copies, never the stored objects."""

    def __init__(self) -> None:
        self.alerts: dict[str, Alert] = {}
        self.checkpoints: dict[str, Checkpoint] = {}

    async def record(self, alerts: Sequence[Alert], checkpoint: Checkpoint | None) -> set[str]:
        inserted = set()
        for alert in alerts:
            if alert.id not in self.alerts:
                self.alerts[alert.id] = _copy(alert)
                inserted.add(alert.id)
        if checkpoint is not None:
            self.checkpoints[checkpoint.name] = checkpoint
        return inserted

    async def checkpoint(self, name: str) -> Checkpoint | None:
        return self.checkpoints.get(name)

    async def get(self, alert_id: str) -> Alert | None:
        alert = self.alerts.get(alert_id)
        return _copy(alert) if alert is not None else None

    async def find(self, query: AlertQuery) -> list[Alert]:
        found = [a for a in self.alerts.values() if _matches(a, query)]
        found.sort(key=lambda a: (-a.detection.detected_us, a.id))
        if query.before is not None:
            at, last = query.before
            after = (-to_us(at), last)
            found = [a for a in found if (-a.detection.detected_us, a.id) > after]
        return [_copy(a) for a in found[: max(query.limit, 0)]]

    async def save(self, alert: Alert, expected_version: int) -> None:
        stored = self.alerts.get(alert.id)
        if stored is None or stored.version != expected_version:
            raise ConcurrentUpdate(f"alert {alert.id} changed meanwhile")
        self.alerts[alert.id] = _copy(alert)

    async def pending(self, limit: int = 100) -> list[Alert]:
        found = [
            a
            for a in self.alerts.values()
            if a.action in _UNDONE and a.status is not AlertStatus.CLOSED
        ]
        found.sort(key=lambda a: (a.detection.detected_us, a.id))
        return [_copy(a) for a in found[:limit]]


def _matches(alert: Alert, query: AlertQuery) -> bool:
    d = alert.detection
    return (
        (query.owner_id is None or d.owner_id == query.owner_id)
        and (query.status is None or alert.status is query.status)
        and (query.pattern is None or d.pattern is query.pattern)
        and (query.severity is None or d.severity is query.severity)
        and (query.symbol is None or d.symbol == query.symbol)
    )
