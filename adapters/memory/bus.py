"""In-process event bus, audit log and notifier."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from adapters.memory.audit import InMemoryAuditLog
from domain.events import DomainEvent
from ports.core.events import Notification

__all__ = ["InMemoryAuditLog", "InMemoryNotifier", "InProcessEventBus"]

Handler = Callable[[DomainEvent], Awaitable[None]]
BatchHandler = Callable[[Sequence[DomainEvent]], Awaitable[None]]


class InProcessEventBus:
    """Publishes events to subscribed async handlers, in order, and keeps a log of them.

    A failing handler does not stop the others or the publisher: its error is kept
    in `errors` (the outbox relay of the persistence layer retries; this one does not).

    A batch handler (`subscribe_batch`) gets, once per `publish`, the published events of its
    type in their order, after the per-event handlers have had them all: a commit's events
    arrive together (a group of orders, an outbox drain), and a handler that reads the store
    for each event (the ledger's fill path: which portfolio holds the account) reads it once
    for the lot. Its error is kept against each event of its batch.
    """

    def __init__(self, keep: int = 10_000) -> None:
        self.published: list[DomainEvent] = []
        self.errors: list[tuple[DomainEvent, Exception]] = []
        self._handlers: list[tuple[type[DomainEvent], Handler]] = []
        # The handlers of each concrete event class, in subscription order: found once per
        # class, not by an isinstance test per handler per event (the order path publishes
        # several events per order). Emptied by every subscription.
        self._routes: dict[type[DomainEvent], tuple[Handler, ...]] = {}
        self._batch_handlers: list[tuple[type[DomainEvent], BatchHandler]] = []
        self._keep = keep

    def subscribe(self, event_type: type[DomainEvent], handler: Handler) -> None:
        self._handlers.append((event_type, handler))
        self._routes.clear()

    def subscribe_batch(self, event_type: type[DomainEvent], handler: BatchHandler) -> None:
        self._batch_handlers.append((event_type, handler))

    def _route(self, cls: type[DomainEvent]) -> tuple[Handler, ...]:
        handlers = tuple(h for event_type, h in self._handlers if issubclass(cls, event_type))
        self._routes[cls] = handlers
        return handlers

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        routes = self._routes
        for event in events:
            self.published.append(event)
            cls = type(event)
            handlers = routes.get(cls)
            if handlers is None:
                handlers = self._route(cls)
            for handler in handlers:
                try:
                    await handler(event)
                except Exception as exc:
                    self.errors.append((event, exc))
        for event_type, batch_handler in self._batch_handlers:
            batch = [e for e in events if isinstance(e, event_type)]
            if batch:
                try:
                    await batch_handler(batch)
                except Exception as exc:
                    self.errors.extend((e, exc) for e in batch)
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
