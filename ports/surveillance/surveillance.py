"""Surveillance store: alerts (cases) and the detectors' checkpoints.

Contract:
- `record(alerts, checkpoint)` writes in ONE transaction: the alerts not stored yet (an
  alert's id is deterministic, so a replay's alerts are skipped, never duplicated) and, when
  given, the checkpoint under its name (replacing the previous one). It returns the ids it
  inserted. Either all of it is stored or none of it (StoreUnavailable then).
- `save(alert, expected_version)` stores a changed alert when the stored one still has
  `expected_version`, else raises ConcurrentUpdate.
- `pending` lists the alerts whose action is PENDING or FAILED and that are not closed,
  oldest first (what a run does again at its start).
- `find` lists newest first: `detected_at` descending, then id ascending.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.surveillance.cases import Alert, AlertStatus
from domain.surveillance.detections import AbusePattern, AlertSeverity


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A detector run's state and where it had read to.

    `state` is the engine's encoded snapshot (application/surveillance_state.py); `offsets`
    maps "topic:partition" to the next offset to read (empty for the in-process run);
    `events` counts the events the run processed; `saved_at` is UTC.
    """

    name: str
    state: bytes
    offsets: Mapping[str, int]
    events: int
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class AlertQuery:
    """A page of alerts. `owner_id` None: every owner's. `before`: (detected_at, id) of the
    last alert of the previous page."""

    owner_id: str | None = None
    status: AlertStatus | None = None
    pattern: AbusePattern | None = None
    severity: AlertSeverity | None = None
    symbol: str | None = None
    before: tuple[datetime, str] | None = None
    limit: int = 50


class SurveillanceStore(Protocol):
    """Alerts and checkpoints (see the module docstring)."""

    async def record(self, alerts: Sequence[Alert], checkpoint: Checkpoint | None) -> set[str]: ...

    async def checkpoint(self, name: str) -> Checkpoint | None: ...

    async def get(self, alert_id: str) -> Alert | None: ...

    async def find(self, query: AlertQuery) -> list[Alert]: ...

    async def save(self, alert: Alert, expected_version: int) -> None: ...

    async def pending(self, limit: int = 100) -> list[Alert]: ...
