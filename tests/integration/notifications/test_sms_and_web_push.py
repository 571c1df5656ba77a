"""SMS against a local server speaking Twilio's Messages API, and Web Push against a local
push service that decrypts the payload and verifies the VAPID signature."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

import httpx
import jwt
import pytest

from adapters.notifications.http_senders import http_client
from adapters.notifications.twilio_sms import TwilioSmsSender
from adapters.notifications.url_guard import UrlGuard
from adapters.notifications.web_push import WebPushSender
from application.notifications.channels import SmsChannel
from ports.notifications.notifications import (
    Channel,
    DeliveryFailed,
    Destination,
    OutgoingMessage,
    Priority,
)
from tests.alpaca_server import AlpacaServer, Reply
from tests.kit.web_push import PushBrowser, b64, public_point, vapid_pair

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "twilio-auth-token-0123456789"
PHONE = "+14155550123"
MESSAGE = OutgoingMessage(
    delivery_id="9f" * 32,
    user_id="u-1",
    event_type="price.alert",
    priority=Priority.HIGH,
    title="AAPL above 190.5",
    body="AAPL traded at 191, above your alert at 190.5.",
    occurred_at=datetime(2026, 3, 2, 14, 30, tzinfo=UTC),
)
OPEN = UrlGuard(allow_http=True, allow_private=True)
MESSAGES = "/2010-04-01/Accounts/{sid}/Messages.json"


@pytest.fixture
async def server() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as running:
        yield running


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    # A bound on a local fake server's answer, not a timing assertion: 0.5 s timed out connecting
    # on a busy 2-core CI box (no test here is about the timeout itself).
    async with http_client(timeout_seconds=10) as shared:
        yield shared


def twilio(server: AlpacaServer, client: httpx.AsyncClient, sender: str = "+15005550006") -> Any:
    return SmsChannel(TwilioSmsSender(client, SID, TOKEN, sender, server.url))


def sms_to(number: str = PHONE) -> Destination:
    return Destination(Channel.SMS, number, "nep-1", "phone")


async def test_an_sms_is_a_form_post_with_basic_auth_answered_201(
    server: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    server.route(
        "POST",
        MESSAGES,
        lambda request: Reply(201, {"sid": "SM" + "1" * 32, "status": "queued", "to": PHONE}),
    )

    # Act
    await twilio(server, client).send(MESSAGE, sms_to())

    # Assert
    [request] = server.requests_to("POST", f"/2010-04-01/Accounts/{SID}/Messages.json")
    expected = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    assert request.headers["authorization"] == expected
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    form = parse_qs(request.body.decode())
    assert form["To"] == [PHONE] and form["From"] == ["+15005550006"]
    assert form["Body"] == [f"{MESSAGE.title}: {MESSAGE.body}"]


async def test_a_messaging_service_sender_goes_as_its_sid(
    server: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    server.route("POST", MESSAGES, lambda request: Reply(201, {"sid": "SM1", "status": "accepted"}))

    # Act
    await twilio(server, client, sender="MG" + "a" * 32).send(MESSAGE, sms_to())

    # Assert
    form = parse_qs(server.requests[0].body.decode())
    assert form["MessagingServiceSid"] == ["MG" + "a" * 32] and "From" not in form


@pytest.mark.parametrize(
    ("status", "body", "headers", "retryable", "reason"),
    [
        (
            400,
            {
                "code": 21211,
                "message": f"The 'To' number {PHONE} is not a valid phone number.",
                "more_info": "https://www.twilio.com/docs/errors/21211",
                "status": 400,
            },
            {},
            False,
            "twilio answered 400 (error 21211)",
        ),
        (
            401,
            {"code": 20003, "message": "Authenticate", "status": 401},
            {},
            False,
            "twilio answered 401 (error 20003)",
        ),
        (
            429,
            {"code": 20429, "message": "Too Many Requests", "status": 429},
            {"Retry-After": "7"},
            True,
            "twilio answered 429 (error 20429)",
        ),
        (503, None, {}, True, "twilio answered 503"),
    ],
)
async def test_twilio_errors_map_to_retry_or_dead_letter_without_the_number(
    server: AlpacaServer,
    client: httpx.AsyncClient,
    status: int,
    body: Any,
    headers: dict[str, str],
    retryable: bool,
    reason: str,
) -> None:
    # Arrange
    server.route("POST", MESSAGES, lambda request: Reply(status, body, headers))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await twilio(server, client).send(MESSAGE, sms_to())

    # Assert
    assert failed.value.retryable is retryable
    assert failed.value.reason == reason
    assert PHONE not in str(failed.value) and "0123" not in failed.value.reason
    assert failed.value.retry_after == (7.0 if status == 429 else None)


async def test_an_unreachable_twilio_is_retryable(client: httpx.AsyncClient) -> None:
    # Arrange
    sender = SmsChannel(TwilioSmsSender(client, SID, TOKEN, "+15005550006", "http://127.0.0.1:9"))

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await sender.send(MESSAGE, sms_to())

    # Assert
    assert failed.value.retryable
    assert PHONE not in failed.value.reason


async def test_a_web_push_is_encrypted_for_the_browser_and_signed_with_vapid(
    server: AlpacaServer, client: httpx.AsyncClient
) -> None:
    # Arrange
    server.route("POST", "/push/{token}", lambda request: Reply(201, None))
    browser = PushBrowser()
    private, public = vapid_pair()
    sender = WebPushSender(client, OPEN, private, "mailto:ops@example.com", ttl_seconds=600)
    endpoint = f"{server.url}/push/sub-1"

    # Act
    await sender.send(
        MESSAGE, Destination(Channel.WEB_PUSH, endpoint, "nep-2", "", browser.keys_text)
    )

    # Assert
    [request] = server.requests_to("POST", "/push/sub-1")
    headers = request.headers
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["content-type"] == "application/octet-stream"
    assert (headers["ttl"], headers["urgency"]) == ("600", "high")
    scheme, _, params = headers["authorization"].partition(" ")
    fields = dict(part.split("=", 1) for part in params.split(","))
    assert scheme == "vapid"
    assert fields["k"].strip() == b64(public_point(public))
    claims = jwt.decode(fields["t"].strip(), public, algorithms=["ES256"], audience=server.url)
    assert claims["sub"] == "mailto:ops@example.com"
    payload = browser.decrypt(request.body)
    assert payload["title"] == MESSAGE.title and payload["type"] == "price.alert"
    assert MESSAGE.title.encode() not in request.body  # encrypted on the wire


@pytest.mark.parametrize(
    ("status", "retryable", "reason"),
    [(410, False, "subscription gone"), (404, False, "subscription gone"), (429, True, None)],
)
async def test_push_service_answers_map_to_gone_or_retry(
    server: AlpacaServer,
    client: httpx.AsyncClient,
    status: int,
    retryable: bool,
    reason: str | None,
) -> None:
    # Arrange
    server.route("POST", "/push/{token}", lambda request: Reply(status, None))
    private, _ = vapid_pair()
    sender = WebPushSender(client, OPEN, private, "mailto:ops@example.com")
    destination = Destination(
        Channel.WEB_PUSH, f"{server.url}/push/x", "nep-2", "", PushBrowser().keys_text
    )

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await sender.send(MESSAGE, destination)

    # Assert
    assert failed.value.retryable is retryable
    if reason is not None:
        assert failed.value.reason == reason


async def test_a_push_to_a_private_address_is_refused_by_the_guard(
    client: httpx.AsyncClient,
) -> None:
    # Arrange
    private, _ = vapid_pair()
    sender = WebPushSender(
        client, UrlGuard(allow_http=True, allow_private=False), private, "mailto:a@b.c"
    )
    destination = Destination(
        Channel.WEB_PUSH, "http://127.0.0.1:9/push/x", "nep-2", "", PushBrowser().keys_text
    )

    # Act
    with pytest.raises(DeliveryFailed) as failed:
        await sender.send(MESSAGE, destination)

    # Assert
    assert not failed.value.retryable
