"""Webhook, Slack and Telegram senders over one shared httpx client.

Every send is one POST with a timeout and no redirect followed (a 3xx is a permanent failure:
following it would let a receiver bounce Bulwark onto an internal address). Outcomes map to
the dispatcher's retry decision: 2xx delivered; 408, 425, 429, 5xx, timeouts and connection
errors retryable (Retry-After passed on as a hint); any other status permanent. Failure
reasons name the status or the error type only: Slack URLs and Telegram bot URLs are secrets.
"""

from __future__ import annotations

import functools
import html
import json
import ssl
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from adapters.notifications.signing import signature_header
from adapters.notifications.url_guard import pinned
from ports.notifications.notification_endpoints import UrlPolicy, UrlRefused
from ports.notifications.notifications import Channel, DeliveryFailed, Destination, OutgoingMessage

RETRYABLE_STATUSES = frozenset({408, 425, 429})
MAX_RETRY_AFTER_SECONDS = 86_400.0
USER_AGENT = "Bulwark-Notifications/1"
SLACK_TEXT_LIMIT = 3000  # a section block's text
TELEGRAM_TEXT_LIMIT = 4096


@functools.cache
def notification_tls() -> ssl.SSLContext:
    """httpx's default verification (certifi's roots), built once per process: loading the
    roots costs ~25 ms, paid again by every container built otherwise."""
    return httpx.create_ssl_context(trust_env=False)


def http_client(timeout_seconds: float) -> httpx.AsyncClient:
    """The client every HTTP channel shares: bounded time, never follows a redirect."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout_seconds),
        verify=notification_tls(),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT},
        trust_env=False,  # an HTTP(S)_PROXY in the environment must not reroute user URLs
    )


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A Retry-After header (seconds or an HTTP date) as seconds from now, capped; else None."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_SECONDS)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(delta, 0.0), MAX_RETRY_AFTER_SECONDS)


def classify(response: httpx.Response) -> None:
    """Returns for a 2xx; raises DeliveryFailed saying whether a retry can help."""
    status = response.status_code
    if 200 <= status < 300:
        return
    if 300 <= status < 400:
        raise DeliveryFailed(f"answered {status}: redirects are not followed", retryable=False)
    if status in RETRYABLE_STATUSES or status >= 500:
        hint = retry_after_seconds(response.headers.get("Retry-After"))
        raise DeliveryFailed(f"answered {status}", retryable=True, retry_after=hint)
    raise DeliveryFailed(f"answered {status}", retryable=False)


async def post(
    client: httpx.AsyncClient,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    guard: UrlPolicy | None,
) -> None:
    """One POST of `body`, the URL checked first when it is user-supplied (`guard`)."""
    extensions: dict[str, str] = {}
    headers = {"Content-Type": "application/json", **headers}
    if guard is not None:
        try:
            addresses = await guard.check(url)
        except UrlRefused as refused:
            # A name that does not resolve may again; a private address is a policy refusal.
            transient = refused.code == "URL_UNRESOLVABLE"
            raise DeliveryFailed(refused.reason, retryable=transient) from None
        if addresses:  # connect to the address checked, not to a second lookup's answer
            url, host, extensions = pinned(url, addresses[0])
            headers.update(host)
    try:
        response = await client.post(url, content=body, headers=headers, extensions=extensions)
    except httpx.TimeoutException as error:
        raise DeliveryFailed(f"timed out ({type(error).__name__})", retryable=True) from None
    except httpx.HTTPError as error:
        reason = f"connection failed ({type(error).__name__})"
        raise DeliveryFailed(reason, retryable=True) from None
    classify(response)


def _json(document: object) -> bytes:
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def webhook_payload(message: OutgoingMessage) -> bytes:
    """The JSON a webhook receives (the exact bytes the signature covers)."""
    return _json(
        {
            "id": message.delivery_id,
            "event_type": message.event_type,
            "priority": message.priority.value,
            "title": message.title,
            "body": message.body,
            "data": dict(message.data),
            "occurred_at": message.occurred_at.astimezone(UTC).isoformat(),
        }
    )


class WebhookSender:
    """Channel WEBHOOK: the message as JSON, signed with the endpoint's secret (signing.py)."""

    channel = Channel.WEBHOOK

    def __init__(
        self,
        client: httpx.AsyncClient,
        guard: UrlPolicy,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._guard = guard
        self._now = now

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        if not destination.secret:
            raise DeliveryFailed("the webhook has no signing secret", retryable=False)
        body = webhook_payload(message)
        timestamp = int(self._now())
        headers = {
            "Bulwark-Delivery": message.delivery_id,
            "Bulwark-Event": message.event_type,
            "Bulwark-Timestamp": str(timestamp),
            "Bulwark-Signature": signature_header(destination.secret, timestamp, body),
        }
        await post(self._client, destination.address, body, headers, self._guard)


def _slack_escape(text: str) -> str:
    """Slack's mrkdwn control characters (its documented escaping: &, <, >)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_payload(message: OutgoingMessage) -> bytes:
    """An incoming-webhook message: `text` (the notification fallback) and `blocks`."""
    title = _slack_escape(message.title)
    body = _slack_escape(message.body)
    context = (
        f"{message.priority.value.upper()} · {_slack_escape(message.event_type)} · "
        f"{message.occurred_at.astimezone(UTC).isoformat()}"
    )
    return _json(
        {
            "text": f"{title}\n{body}"[:SLACK_TEXT_LIMIT],
            "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": message.title[:150]}},
                {"type": "section", "text": {"type": "mrkdwn", "text": body[:SLACK_TEXT_LIMIT]}},
                {"type": "context", "elements": [{"type": "mrkdwn", "text": context}]},
            ],
        }
    )


class SlackSender:
    """Channel SLACK: the destination's address is the (secret) incoming-webhook URL."""

    channel = Channel.SLACK

    def __init__(self, client: httpx.AsyncClient, guard: UrlPolicy) -> None:
        self._client = client
        self._guard = guard

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        headers = {"Bulwark-Delivery": message.delivery_id}
        await post(self._client, destination.address, slack_payload(message), headers, self._guard)


def telegram_text(message: OutgoingMessage) -> str:
    """The message in Telegram's HTML parse mode: every user-visible text escaped."""
    text = f"<b>{html.escape(message.title)}</b>\n{html.escape(message.body)}"
    return text[:TELEGRAM_TEXT_LIMIT]


class TelegramSender:
    """Channel TELEGRAM: Bot API `sendMessage` at `{base}/bot<token>/sendMessage`.

    The base URL is the operator's (BULWARK_TELEGRAM_API_URL), not a user's, so it is not
    run through the URL guard; the destination gives the chat id and the bot token.
    """

    channel = Channel.TELEGRAM

    def __init__(self, client: httpx.AsyncClient, base_url: str) -> None:
        self._client = client
        self._base = base_url.rstrip("/")

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        if not destination.secret:
            raise DeliveryFailed("the Telegram endpoint has no bot token", retryable=False)
        body = _json(
            {
                "chat_id": destination.address,
                "text": telegram_text(message),
                "parse_mode": "HTML",
                "disable_web_page_preview": True,
            }
        )
        url = f"{self._base}/bot{destination.secret}/sendMessage"
        await post(self._client, url, body, {"Bulwark-Delivery": message.delivery_id}, None)
