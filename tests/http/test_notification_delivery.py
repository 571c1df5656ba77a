"""End to end: an event -> the center -> the outbox -> the dispatcher -> a real webhook receiver.

The receiver is a real local HTTP server (its own thread and loop) that verifies the HMAC
signature; it fails on cue, so the retries, the dead-letter and the replay are the dispatcher's
and the webhook sender's real behaviour, not a test double's.
"""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from adapters.notifications.signing import verify_signature
from tests.alpaca_server import AlpacaServer, Reply, Request
from tests.http.core_helpers import harness_with
from tests.http.harness import Harness, User
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("notifications")

KEKS = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"
ENDPOINTS = "/api/v1/notifications/endpoints"
DELIVERIES = "/api/v1/notifications/deliveries"
CAP_SECONDS = 60  # the backoff's cap: advancing the clock past it makes any retry due


@pytest.fixture
def receiver() -> Iterator[AlpacaServer]:
    with threaded(AlpacaServer()) as server:
        yield server


@pytest.fixture
async def harness(receiver: AlpacaServer) -> AsyncIterator[Harness]:
    async with harness_with(
        keks=KEKS,
        webhook_allow_private="true",
        notify_retry_base_seconds="1",
        notify_retry_cap_seconds=str(CAP_SECONDS),
        notify_max_attempts="3",
    ) as h:
        yield h


async def register_webhook(harness: Harness, owner: User, url: str) -> dict[str, Any]:
    body = {"channel": "webhook", "label": "desk", "url": url}
    response = await harness.client.post(ENDPOINTS, json=body, headers=owner.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def dispatch_rounds(harness: Harness, rounds: int) -> None:
    """One dispatcher pass per round, the clock moved past the backoff cap in between."""
    dispatcher = harness.container.notifications.notification_dispatcher()
    for _ in range(rounds):
        await dispatcher.run_once()
        harness.clock.advance(CAP_SECONDS + 1)


async def webhook_deliveries(harness: Harness, owner: User, status: str) -> list[dict[str, Any]]:
    response = await harness.client.get(f"{DELIVERIES}?status={status}", headers=owner.headers)
    assert response.status_code == 200, response.text
    return [d for d in response.json()["items"] if d["channel"] == "webhook"]


async def test_a_margin_call_reaches_a_flaky_receiver_after_retries_signed_once_per_try(
    harness: Harness, receiver: AlpacaServer
) -> None:
    # Arrange: the receiver fails twice (500, then 429), then verifies and accepts.
    owner = await harness.user()
    hook = await register_webhook(harness, owner, f"{receiver.url}/flaky")
    verified: list[bool] = []

    def accept(request: Request) -> Reply:
        signature = request.headers["bulwark-signature"]
        verified.append(verify_signature(hook["secret"], signature, request.body))
        return Reply(204)

    receiver.route("POST", "/flaky", accept)
    receiver.fail(Reply(500, {"error": "down"}), times=1, path="/flaky")
    receiver.rate_limit(times=1, retry_after=1, path="/flaky")
    center = harness.container.core.notification_center()

    # Act
    await center.notify(owner.id, "margin.call", {"account_id": "acc-1", "deficit": "250.25"})
    await dispatch_rounds(harness, 4)

    # Assert
    tries = receiver.requests_to("POST", "/flaky")
    assert len(tries) == 3
    assert len({r.headers["bulwark-delivery"] for r in tries}) == 1  # one idempotency key
    assert verified == [True]
    assert tries[-1].json()["event_type"] == "margin.call"
    assert tries[-1].json()["data"]["account_id"] == "acc-1"
    [sent] = await webhook_deliveries(harness, owner, "sent")
    assert sent["id"] == tries[0].headers["bulwark-delivery"]


async def test_a_dead_receiver_dead_letters_the_delivery_and_replay_sends_it_once_fixed(
    harness: Harness, receiver: AlpacaServer
) -> None:
    # Arrange: the receiver answers 503 to every try until it is "fixed".
    owner = await harness.user()
    await register_webhook(harness, owner, f"{receiver.url}/down")
    up = {"value": False}
    receiver.route("POST", "/down", lambda request: Reply(204 if up["value"] else 503))
    center = harness.container.core.notification_center()
    await center.notify(owner.id, "margin.call", {"account_id": "acc-1", "deficit": "1"})

    # Act: three tries (the setting's maximum) go dead; then the owner replays after a fix.
    await dispatch_rounds(harness, 5)
    [dead] = await webhook_deliveries(harness, owner, "dead")
    up["value"] = True
    replay = await harness.client.post(f"{DELIVERIES}/{dead['id']}/replay", headers=owner.headers)
    await dispatch_rounds(harness, 1)

    # Assert
    assert len(receiver.requests_to("POST", "/down")) == 4  # 3 failed tries + the replay
    assert "503" in dead["last_error"]
    assert replay.status_code == 200, replay.text
    [sent] = await webhook_deliveries(harness, owner, "sent")
    assert sent["id"] == dead["id"]
