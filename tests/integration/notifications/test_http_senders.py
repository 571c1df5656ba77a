"""Webhook, Slack and Telegram senders against a real local HTTP receiver (uvicorn)."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from adapters.notifications.http_senders import (
    SlackSender,
    TelegramSender,
    WebhookSender,
    http_client,
)
from adapters.notifications.signing import verify_signature
from adapters.notifications.url_guard import UrlGuard
from ports.notifications.notifications import (
    Channel,
    DeliveryFailed,
    Destination,
    OutgoingMessage,
    Priority,
)
from tests.alpaca_server import AlpacaServer, Reply

SECRET = "whsec_test_0123456789abcdef"
MESSAGE = OutgoingMessage(
    delivery_id="dlv-42",
    user_id="u-1",
    event_type="margin.call",
    priority=Priority.CRITICAL,
    title="Margin call on <acc-1>",
    body="Equity 1,000.50 < maintenance & rising",
    occurred_at=datetime(2026, 3, 2, 14, 30, tzinfo=UTC),
    data={"account_id": "acc-1", "deficit": "250.25"},
)
OPEN = UrlGuard(allow_http=True, allow_private=True)


@pytest.fixture
async def receiver() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as server:
        server.route("POST", "/hook", lambda request: Reply(204))
        yield server


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(timeout_seconds=0.5) as shared:
        yield shared


def webhook(server: AlpacaServer, path: str = "/hook") -> Destination:
    return Destination(Channel.WEBHOOK, f"{server.url}{path}", "ep-1", "ops", SECRET)


async def test_a_webhook_delivery_is_signed_so_the_receiver_verifies_it(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    verified: list[bool] = []

    def check(request: object) -> Reply:
        headers, body = request.headers, request.body  # type: ignore[attr-defined]
        verified.append(verify_signature(SECRET, headers["bulwark-signature"], body))
        return Reply(200, {"ok": True})

    receiver.route("POST", "/signed", check)
    sender = WebhookSender(client, OPEN)

    # Act
    await sender.send(MESSAGE, webhook(receiver, "/signed"))

    # Assert
    assert verified == [True]
    request = receiver.requests_to("POST", "/signed")[0]
    assert request.headers["bulwark-delivery"] == "dlv-42"
    assert request.headers["content-type"] == "application/json"
    assert abs(int(request.headers["bulwark-timestamp"]) - time.time()) < 5
    assert request.json() == {
        "id": "dlv-42",
        "event_type": "margin.call",
        "priority": "critical",
        "title": "Margin call on <acc-1>",
        "body": "Equity 1,000.50 < maintenance & rising",
        "data": {"account_id": "acc-1", "deficit": "250.25"},
        "occurred_at": "2026-03-02T14:30:00+00:00",
    }


async def test_the_signature_does_not_verify_under_another_secret_or_body(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    await WebhookSender(client, OPEN).send(MESSAGE, webhook(receiver))
    request = receiver.requests_to("POST", "/hook")[0]
    header = request.headers["bulwark-signature"]

    # Act / Assert
    assert verify_signature(SECRET, header, request.body)
    assert not verify_signature("another-secret", header, request.body)
    assert not verify_signature(SECRET, header, request.body.replace(b"250.25", b"0.01"))


async def test_decimal_data_goes_out_as_text(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    message = OutgoingMessage(
        "dlv-7", "u-1", "order.denied", Priority.NORMAL, "t", "b",
        datetime(2026, 3, 2, tzinfo=UTC), {"notional": Decimal("1000.10")},
    )  # fmt: skip

    # Act
    await WebhookSender(client, OPEN).send(message, webhook(receiver))

    # Assert
    assert receiver.requests_to("POST", "/hook")[0].json()["data"] == {"notional": "1000.10"}


@pytest.mark.parametrize("status", [500, 502, 503, 408, 425])
async def test_a_failing_receiver_is_retryable(
    receiver: AlpacaServer, client: httpx.AsyncClient, status: int
) -> None:
    # Arrange
    receiver.fail(Reply(status, {"error": "down"}))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, webhook(receiver))

    # Assert
    assert failed.value.retryable
    assert str(status) in failed.value.reason


async def test_a_429_is_retryable_with_its_retry_after_as_the_hint(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    receiver.fail(Reply(429, {"error": "slow down"}, {"Retry-After": "30"}))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, webhook(receiver))

    # Assert
    assert failed.value.retryable
    assert failed.value.retry_after == 30.0


async def test_a_receiver_slower_than_the_timeout_is_retryable(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    receiver.slow(2.0)

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, webhook(receiver))

    # Assert
    assert failed.value.retryable
    assert "timed out" in failed.value.reason


async def test_a_refused_connection_is_retryable(client: httpx.AsyncClient) -> None:
    # Arrange: a port nobody listens on
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    destination = Destination(Channel.WEBHOOK, f"http://127.0.0.1:{port}/hook", secret=SECRET)

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, destination)

    # Assert
    assert failed.value.retryable
    assert "connection failed" in failed.value.reason


@pytest.mark.parametrize("status", [400, 401, 404, 410, 422])
async def test_other_client_errors_are_permanent(
    receiver: AlpacaServer, client: httpx.AsyncClient, status: int
) -> None:
    # Arrange
    receiver.fail(Reply(status, {"error": "no"}))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, webhook(receiver))

    # Assert
    assert not failed.value.retryable


async def test_a_redirect_is_not_followed(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    receiver.fail(Reply(302, None, {"Location": f"{receiver.url}/internal"}))
    receiver.route("POST", "/internal", lambda request: Reply(200))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, webhook(receiver))

    # Assert
    assert not failed.value.retryable
    assert "redirect" in failed.value.reason
    assert receiver.requests_to("POST", "/internal") == []


async def test_the_guard_refuses_a_loopback_receiver_at_send_time(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange: the production guard (no private addresses), the receiver on 127.0.0.1
    guard = UrlGuard(allow_http=True, allow_private=False)

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, guard).send(MESSAGE, webhook(receiver))

    # Assert
    assert not failed.value.retryable
    assert receiver.requests == []


class Pinning:
    """A policy whose check answered 127.0.0.1 for any name (as a public answer would be)."""

    async def check(self, url: str) -> list[str]:
        return ["127.0.0.1"]


async def test_the_sender_connects_to_the_checked_address_not_a_second_lookup(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange: a name no resolver knows; only the pinned address can reach the receiver
    destination = Destination(
        Channel.WEBHOOK, f"http://receiver.invalid:{receiver.port}/hook", secret=SECRET
    )

    # Act
    await WebhookSender(client, Pinning()).send(MESSAGE, destination)

    # Assert
    [request] = receiver.requests_to("POST", "/hook")
    assert request.headers["host"] == f"receiver.invalid:{receiver.port}"
    assert verify_signature(SECRET, request.headers["bulwark-signature"], request.body)


async def test_a_webhook_without_a_secret_is_not_sent(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    destination = Destination(Channel.WEBHOOK, f"{receiver.url}/hook")

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await WebhookSender(client, OPEN).send(MESSAGE, destination)

    # Assert
    assert not failed.value.retryable
    assert receiver.requests == []


async def test_slack_gets_text_and_blocks_with_its_control_characters_escaped(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    receiver.route("POST", "/services/T1/B2/xyz", lambda request: Reply(200, raw=b"ok"))
    destination = Destination(Channel.SLACK, f"{receiver.url}/services/T1/B2/xyz", "ep-2")

    # Act
    await SlackSender(client, OPEN).send(MESSAGE, destination)

    # Assert
    payload = receiver.requests_to("POST", "/services/T1/B2/xyz")[0].json()
    assert payload["text"].startswith("Margin call on &lt;acc-1&gt;\n")
    header, section, context = payload["blocks"]
    assert header == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Margin call on <acc-1>"},
    }
    assert section["text"] == {
        "type": "mrkdwn",
        "text": "Equity 1,000.50 &lt; maintenance &amp; rising",
    }
    assert "CRITICAL" in context["elements"][0]["text"]


async def test_a_slack_failure_does_not_show_the_secret_url(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    receiver.fail(Reply(404, raw=b"no_service"))
    destination = Destination(Channel.SLACK, f"{receiver.url}/services/T1/B2/secret-part")

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await SlackSender(client, OPEN).send(MESSAGE, destination)

    # Assert
    assert not failed.value.retryable
    assert "secret-part" not in failed.value.reason


async def test_telegram_gets_send_message_with_the_html_escaped(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    token = "123456:ABC-secret"
    receiver.route("POST", f"/bot{token}/sendMessage", lambda request: Reply(200, {"ok": True}))
    destination = Destination(Channel.TELEGRAM, "-100200300", "ep-3", secret=token)

    # Act
    await TelegramSender(client, receiver.url).send(MESSAGE, destination)

    # Assert
    payload = receiver.requests_to("POST", f"/bot{token}/sendMessage")[0].json()
    assert payload == {
        "chat_id": "-100200300",
        "text": (
            "<b>Margin call on &lt;acc-1&gt;</b>\nEquity 1,000.50 &lt; maintenance &amp; rising"
        ),
        "parse_mode": "HTML",
        "disable_web_page_preview": True,
    }


async def test_a_telegram_flood_wait_is_retryable(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    body = {"ok": False, "error_code": 429, "parameters": {"retry_after": 5}}
    receiver.fail(Reply(429, body, {"Retry-After": "5"}))
    destination = Destination(Channel.TELEGRAM, "42", secret="1:tok")

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await TelegramSender(client, receiver.url).send(MESSAGE, destination)

    # Assert
    assert failed.value.retryable
    assert failed.value.retry_after == 5.0
    assert "tok" not in failed.value.reason


async def test_concurrent_sends_share_the_client(
    receiver: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    sender = WebhookSender(client, OPEN)

    # Act
    await asyncio.gather(*(sender.send(MESSAGE, webhook(receiver)) for _ in range(10)))

    # Assert
    bodies = {json.dumps(r.json(), sort_keys=True) for r in receiver.requests_to("POST", "/hook")}
    assert len(receiver.requests_to("POST", "/hook")) == 10
    assert len(bodies) == 1
