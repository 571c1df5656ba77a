"""The drop copy's webhook target: each message one signed JSON POST to the desk's URL.

The same signature as the notification webhooks (signing.py: `Bulwark-Signature:
t=<unix ts>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`), so a receiver verifies both
with one helper, and the same POST (http_senders.py: a timeout, no redirect followed, proxy
variables ignored). The URL is the operator's own setting, not a user's: no address check.
`Bulwark-Delivery` is the message id, the same on every attempt; `Bulwark-Event` is
`drop_copy.<kind>`. Failure reasons name a status or an error type, never the URL or secret.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from adapters.notifications.http_senders import USER_AGENT, notification_tls, post
from adapters.notifications.signing import signature_header
from ports.drop_copy.drop_copy import CopyNotDelivered, OutgoingCopy
from ports.notifications.notifications import DeliveryFailed

WEBHOOK = "webhook"


def webhook_client(timeout_seconds: float, connections: int) -> httpx.AsyncClient:
    """The notification channels' client (http_senders.http_client: bounded time, no redirect
    followed, proxy variables ignored) with as many kept-alive connections as the deliverer
    sends messages side by side: httpx's pool scans its connections on every request."""
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout_seconds),
        verify=notification_tls(),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,
        limits=limits,
    )


class WebhookDropCopy:
    """DropCopyTarget "webhook" (ports/drop_copy/drop_copy.py)."""

    name = WEBHOOK

    def __init__(
        self,
        client: httpx.AsyncClient,
        url: str,
        secret: str,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._url = url
        self._secret = secret
        self._now = now

    def __repr__(self) -> str:  # never the URL's query or the secret
        return "WebhookDropCopy()"

    async def send(self, copy: OutgoingCopy) -> None:
        timestamp = int(self._now())
        headers = {
            "Bulwark-Delivery": copy.id,
            "Bulwark-Event": f"drop_copy.{copy.kind}",
            "Bulwark-Timestamp": str(timestamp),
            "Bulwark-Signature": signature_header(self._secret, timestamp, copy.body),
        }
        try:
            await post(self._client, self._url, copy.body, headers, None)
        except DeliveryFailed as failed:
            raise CopyNotDelivered(failed.reason, failed.retry_after) from None

    async def close(self) -> None:
        await self._client.aclose()
