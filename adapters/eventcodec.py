"""Domain events to JSON documents and back, shared by the outbox and the Kafka adapter."""

from __future__ import annotations

from typing import Any

import msgspec

import domain.agents.heartbeat
import domain.killswitch.switch
import domain.margin.status
import domain.market_data.signals
import domain.monitoring.streams
import domain.notifications.events
import domain.succession.events
import domain.trading.orders  # noqa: F401  (event classes register by import)
from domain.events import DomainEvent


def _subclasses(cls: type[DomainEvent]) -> list[type[DomainEvent]]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


class EventCodec:
    """Domain events to JSON-able documents and back, by their stable type name."""

    def __init__(self) -> None:
        self.types: dict[str, type[DomainEvent]] = {c.__name__: c for c in _subclasses(DomainEvent)}

    def encode(self, event: DomainEvent) -> dict[str, Any]:
        document: dict[str, Any] = msgspec.to_builtins(event)
        return document

    def decode(self, event_type: str, payload: Any) -> DomainEvent:
        cls = self.types.get(event_type)
        if cls is None:
            raise ValueError(f"unknown event type {event_type!r}")
        return msgspec.convert(payload, cls, strict=False)


def aggregate_of(event: DomainEvent) -> str:
    """The key that orders events: account, scope, agent, owner id (market events: symbol)."""
    for name in ("account_id", "scope_key", "agent_id", "owner_id", "order_id", "symbol"):
        value = getattr(event, name, None)
        if value:
            return str(value)
    return ""
