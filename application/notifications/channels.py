"""The channels the center owns itself: WebSocket push (in-app is the stored inbox, written
by the center directly, so it needs no sender), and SMS over a provider port."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from domain.events import DomainEvent
from domain.notifications.events import NotificationPushed
from ports.notifications.notifications import Channel, Destination, OutgoingMessage
from ports.notifications.sms import SmsSender

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


SMS_LIMIT = 320  # two segments: a text is a nudge, the inbox holds the whole message


def sms_text(message: OutgoingMessage) -> str:
    """One short text: the title, then as much of the body as fits."""
    text = f"{message.title}: {message.body}" if message.body else message.title
    return text if len(text) <= SMS_LIMIT else text[: SMS_LIMIT - 1] + "…"


class SmsChannel:
    """The SMS channel over a provider port: the destination's address is the phone number
    (opened from its seal by the directory at send time)."""

    channel = Channel.SMS

    def __init__(self, provider: SmsSender) -> None:
        self._provider = provider

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        await self._provider.send_text(destination.address, sms_text(message))
