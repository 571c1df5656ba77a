"""Web Push: a notification encrypted for one browser subscription and posted to its push
service with a VAPID signature (RFC 8030, 8291, 8292).

The subscription (its endpoint URL and the browser's `p256dh` and `auth` keys) is the
destination: the URL as `address`, the keys as the sealed `secret` (JSON). The payload is
encrypted with pywebpush (aes128gcm, an ephemeral key per message) and the request signed
with py_vapid (`Authorization: vapid t=<JWT>, k=<public key>`, audience the endpoint's
origin, 12 hours). The endpoint is a user-supplied URL: it passes the URL guard and is sent
to on the address checked, like a webhook. Outcomes: 201/2xx sent; 404 and 410 mean the
subscription is gone (permanent: the user subscribes again); 429, 5xx and timeouts retry.
"""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import httpx
from py_vapid import Vapid02
from pywebpush import WebPusher, WebPushException

from adapters.notifications.http_senders import post
from ports.notifications.notification_endpoints import UrlPolicy
from ports.notifications.notifications import Channel, DeliveryFailed, Destination, OutgoingMessage

VAPID_LIFETIME_SECONDS = 12 * 3600
PUSH_BODY_LIMIT = 3000  # push services accept about 4 KB of ciphertext
URGENCY = {"critical": "high", "high": "high", "normal": "normal", "low": "low"}


def push_payload(message: OutgoingMessage) -> bytes:
    """What the service worker receives (before encryption): JSON, the body cut short."""
    document = {
        "id": message.delivery_id,
        "type": message.event_type,
        "priority": message.priority.value,
        "title": message.title,
        "body": message.body[:PUSH_BODY_LIMIT],
        "at": message.occurred_at.isoformat(),
    }
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


class WebPushSender:
    """A ChannelSender for Channel.WEB_PUSH."""

    channel = Channel.WEB_PUSH

    def __init__(
        self,
        client: httpx.AsyncClient,
        guard: UrlPolicy | None,
        vapid_private_key: str,
        subject: str,
        ttl_seconds: int = 86_400,
    ) -> None:
        self._client = client
        self._guard = guard
        self._vapid = Vapid02.from_string(vapid_private_key)
        self._subject = subject
        self._ttl = ttl_seconds

    def __repr__(self) -> str:  # the private key never shows
        return f"WebPushSender(subject={self._subject!r})"

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        try:
            keys = json.loads(destination.secret or "{}")
            pusher = WebPusher({"endpoint": destination.address, "keys": keys})
            encrypted = pusher.encode(push_payload(message), "aes128gcm")
        except (ValueError, TypeError, WebPushException):
            raise DeliveryFailed(
                "the subscription's keys are not usable", retryable=False
            ) from None
        parts = urlsplit(destination.address)
        claims = {
            "sub": self._subject,
            "aud": f"{parts.scheme}://{parts.netloc}",
            "exp": int(time.time()) + VAPID_LIFETIME_SECONDS,
        }
        headers = {
            **self._vapid.sign(claims),
            "Content-Type": "application/octet-stream",
            "Content-Encoding": "aes128gcm",
            "TTL": str(self._ttl),
            "Urgency": URGENCY.get(message.priority.value, "normal"),
            # Collapses a repeat of this delivery on the push service (RFC 8030 Topic).
            "Topic": message.delivery_id[:32],
        }
        try:
            await post(self._client, destination.address, encrypted["body"], headers, self._guard)
        except DeliveryFailed as failed:
            if failed.reason in ("answered 404", "answered 410"):
                raise DeliveryFailed("subscription gone", retryable=False) from None
            raise
