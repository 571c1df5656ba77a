"""Event publishing, audit log and notifications."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from domain.events import DomainEvent


class EventPublisher(Protocol):
    """Publishes domain events, in the order given, to whoever listens (bus, Kafka, WS).

    At least once; an event of one aggregate is never overtaken by a later one.
    """

    async def publish(self, events: Sequence[DomainEvent]) -> None: ...


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audited action: who did what to which target (its subject), and how it ended.

    `request_id` and `ip` are left None by the call sites: the audit log fills them from
    the request context (application/core/audit_context.py) the HTTP layer, the Kafka command
    handler or the CLI set, so no use case has to carry them.

    `actor_id` is the id of the person the entry belongs to as its actor when `actor` is not
    that id: a login attempt's actor is the username typed, and its `actor_id` the id of the
    user who had that username then (None when none had). Entries follow the person by id,
    never by name. It is not hashed: it links an entry to its person for listings and
    exports (migration 0040 filled it for entries written before it existed).
    """

    actor: str
    action: str
    target: str
    outcome: str
    at: datetime
    details: Mapping[str, Any] = field(default_factory=dict)
    request_id: str | None = None
    ip: str | None = None
    actor_id: str | None = None


class AuditLog(Protocol):
    """Append-only audit trail. Entries never hold secrets (passcodes, keys, tokens)."""

    async def record(self, entry: AuditEntry) -> None: ...

    async def entries(self, target: str | None = None, limit: int = 100) -> list[AuditEntry]: ...


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class Notification:
    recipient: str
    subject: str
    body: str
    severity: Severity = Severity.INFO
    # The notification center's catalogue type ("margin.call"; empty: by
    # severity) and whether the body holds a secret (a reset token: email only, sealed).
    event_type: str = ""
    confidential: bool = field(default=False, repr=False)
    # When the event told of happened (a halt, a heartbeat's deadline): the alert latency is
    # measured from it (application/notifications/latency.py); None: when it was notified.
    occurred_at: datetime | None = None


class Notifier(Protocol):
    """Tells a person something (email, SMS, push...). Best effort: never raises."""

    async def notify(self, notification: Notification) -> None: ...
