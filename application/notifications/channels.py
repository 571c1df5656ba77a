"""The channels the center owns itself: WebSocket push (in-app is the stored inbox, written
by the center directly, so it needs no sender)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from domain.events import DomainEvent
from domain.notifications.events import NotificationPushed
from ports.notifications import Channel, Destination, OutgoingMessage

Publish = Callable[[Sequence[DomainEvent]], Awaitable[None]]


class WebSocketSender:
    """Pushes to the user's open sockets through the in-process bus (the WebSocket hub and,
    with Redis, the other instances' hubs). Live and best effort: a user with no socket open
    misses the push, not the notification (the in-app copy stays)."""

    channel = Channel.WEBSOCKET

    def __init__(self, publish: Publish) -> None:
        self._publish = publish

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        await self._publish(
            [
                NotificationPushed(
                    user_id=message.user_id,
                    delivery_id=message.delivery_id,
                    event_type=message.event_type,
                    priority=message.priority.value,
                    title=message.title,
                    body=message.body,
                    occurred_at=message.occurred_at.isoformat(),
                )
            ]
        )
