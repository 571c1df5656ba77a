"""Notification delivery contract: channels, what a channel sends, where it sends it.

The notification center (application/notifications/center.py) turns events into messages for a
user, decides per channel (preferences, quiet hours, digests, rate limits; CRITICAL bypasses
quiet hours) and writes one delivery per (message, channel, destination) to an outbox. A
dispatcher hands each due delivery to the channel's `ChannelSender`, retrying with backoff
on `DeliveryFailed(retryable=True)` and dead-lettering after the last attempt. The delivery
id is the idempotency key: a sender that sees an id twice (a crash between send and the
outbox update) passes it on so the receiver can drop the repeat (webhook header, email
Message-ID).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class Channel(StrEnum):
    IN_APP = "in_app"  # stored, read/unread, GET /api/v1/notifications
    WEBSOCKET = "websocket"  # pushed to the user's open sockets
    EMAIL = "email"  # SMTP
    WEBHOOK = "webhook"  # JSON POST signed with HMAC-SHA256
    SLACK = "slack"  # Slack incoming-webhook shaped JSON
    TELEGRAM = "telegram"  # Telegram Bot API sendMessage shaped JSON
    SMS = "sms"  # a text message through an SmsSender provider (Twilio's Messages API)
    WEB_PUSH = "web_push"  # Web Push (RFC 8030/8291/8292) to a browser's push service


class Priority(StrEnum):
    LOW = "low"  # may be held for a digest
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"  # kill switch, margin call, succession step, agent dead


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """One rendered message for one user on one channel; `delivery_id` is its idempotency key."""

    delivery_id: str
    user_id: str
    event_type: str  # e.g. "killswitch.activated", "margin.call", "digest"
    priority: Priority
    title: str
    body: str
    occurred_at: datetime
    data: Mapping[str, object] = field(default_factory=dict)  # the event's fields, JSON-safe


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a channel delivers for a user: an email address, a webhook URL, a chat id, a
    phone number (SMS), a push subscription's endpoint (Web Push, its keys as `secret`).

    `secret` is already decrypted (the HMAC signing secret of a webhook, a Telegram bot
    token) and never in a repr; `id` names the stored destination (None for the user's own
    email address or the in-app and WebSocket channels).
    """

    channel: Channel
    # An email address, a phone number or a push subscription is personal data: no repr.
    address: str = field(repr=False)
    id: str | None = None
    label: str = ""
    secret: str | None = field(default=None, repr=False)


class DeliveryFailed(Exception):
    """A send did not go through. `retryable` False (a 4xx, a refused address) dead-letters
    at once; True (a timeout, 5xx, 429, a connection refused) retries with backoff."""

    def __init__(self, reason: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        # The receiver's Retry-After, in seconds (a hint: the dispatcher may wait longer).
        self.retry_after = retry_after


class ChannelSender(Protocol):
    """Sends one message to one destination on one channel; raises DeliveryFailed."""

    channel: Channel

    async def send(self, message: OutgoingMessage, destination: Destination) -> None: ...


class DestinationDirectory(Protocol):
    """A user's destinations per channel (their verified email, their registered webhooks)."""

    async def destinations(self, user_id: str, channel: Channel) -> Sequence[Destination]: ...
