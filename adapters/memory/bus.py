"""In-process event bus, audit log and notifier."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from adapters.memory.audit import InMemoryAuditLog
from domain.events import DomainEvent
from ports.events import Notification

__all__ = ["InMemoryAuditLog", "InMemoryNotifier", "InProcessEventBus"]

Handler = Callable[[DomainEvent], Awaitable[None]]


class InProcessEventBus:
    """Publishes events to subscribed async handlers, in order, and keeps a log of them.

    A failing handler does not stop the others or the publisher: its error is kept
    in `errors` (the outbox relay of the persistence layer retries; this one does not).
    """

    def __init__(self, keep: int = 10_000) -> None:
        self.published: list[DomainEvent] = []
        self.errors: list[tuple[DomainEvent, Exception]] = []
        self._handlers: list[tuple[type[DomainEvent], Handler]] = []
        self._keep = keep

    def subscribe(self, event_type: type[DomainEvent], handler: Handler) -> None:
        self._handlers.append((event_type, handler))

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        for event in events:
            self.published.append(event)
            for event_type, handler in self._handlers:
                if isinstance(event, event_type):
                    try:
                        await handler(event)
                    except Exception as exc:
                        self.errors.append((event, exc))
        if len(self.published) > self._keep:
            del self.published[: len(self.published) - self._keep]

    def of_type(self, event_type: type[DomainEvent]) -> list[DomainEvent]:
        return [e for e in self.published if isinstance(e, event_type)]


class InMemoryNotifier:
    """Keeps notifications in a list (an outbox for the embedded mode and tests)."""

    def __init__(self) -> None:
        self.sent: list[Notification] = []

    async def notify(self, notification: Notification) -> None:
        self.sent.append(notification)
