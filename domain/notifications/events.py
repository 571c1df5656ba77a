"""The live push of a notification to one user's open WebSocket connections."""

from __future__ import annotations

from dataclasses import dataclass

from domain.events import DomainEvent


@dataclass(frozen=True, slots=True)
class NotificationPushed(DomainEvent):
    """Goes on the in-process bus only (and to the other instances through the cluster
    bridge), never to Kafka or the outbox; the WebSocket hub hands it to `user_id`'s
    sockets and nobody else's, supervisors included."""

    user_id: str
    delivery_id: str
    event_type: str
    priority: str
    title: str
    body: str
    occurred_at: str

    @property
    def aggregate_id(self) -> str:
        return self.user_id
