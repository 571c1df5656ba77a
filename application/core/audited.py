"""The shape of a use-case service that changes the store, publishes and audits.

Such a service opens a unit of work per use case, publishes the events the unit collected
once it is committed, and records an audit entry of what it did, stamped with its clock.
"""

from __future__ import annotations

from collections.abc import Mapping

from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, EventPublisher
from ports.core.unit_of_work import UnitOfWorkFactory


class AuditedService:
    """Holds a service's unit-of-work factory, publisher, clock and audit log."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        publisher: EventPublisher,
        clock: Clock,
        audit: AuditLog,
    ) -> None:
        self._uow = uow_factory
        self._publisher = publisher
        self._clock = clock
        self._audit = audit


async def audit(
    log: AuditLog,
    clock: Clock,
    actor: str,
    action: str,
    target: str,
    outcome: str,
    details: Mapping[str, object] | None = None,
) -> None:
    """Record that `actor` did `action` to `target`, with its outcome, at the clock's now."""
    await log.record(AuditEntry(actor, action, target, outcome, clock.now(), details or {}))
