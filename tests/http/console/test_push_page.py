"""Browser notifications from the console: the service worker and its script are static
files under the console's CSP, the VAPID key is served, and a subscription is registered
as the signed-in user's Web Push endpoint (sealed, shown masked)."""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncIterator, Iterator

import pytest

from tests.alpaca_server import AlpacaServer, Reply
from tests.http.console.helpers import signed_in
from tests.http.core_helpers import harness_with
from tests.http.harness import Harness, User
from tests.kit.fake_server import threaded
from tests.kit.web_push import PushBrowser, b64, public_point, vapid_pair

KEKS = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"
VAPID_PRIVATE, _vapid_public = vapid_pair()
VAPID_PUBLIC = b64(public_point(_vapid_public))


@pytest.fixture
def push_service() -> Iterator[AlpacaServer]:
    with threaded(AlpacaServer()) as server:
        server.route("POST", "/push/{token}", lambda request: Reply(201, None))
        yield server


@pytest.fixture
async def pushing(push_service: AlpacaServer) -> AsyncIterator[Harness]:
    """The app with a sealing key, VAPID keys, and the local push service reachable."""
    async with harness_with(
        keks=KEKS,
        webhook_allow_private="true",
        web_push_vapid_private_key=VAPID_PRIVATE,
        web_push_vapid_public_key=VAPID_PUBLIC,
    ) as h:
        yield h


class Browser(PushBrowser):
    """A browser subscribed to the push service at `endpoint`."""

    def __init__(self, endpoint: str) -> None:
        super().__init__()
        self.subscription = {"endpoint": endpoint, "keys": self.keys, "expirationTime": None}


async def test_the_service_worker_and_its_script_are_static_under_the_csp(
    harness: Harness, owner: User
) -> None:
    # Act
    worker = await harness.client.get("/console/static/push-sw.js")
    script = await harness.client.get("/console/static/push.js")
    async with signed_in(harness, owner.username) as client:
        page = await client.get("/console")

    # Assert
    assert worker.status_code == 200 and "showNotification" in worker.text
    assert script.status_code == 200 and "pushManager.subscribe" in script.text
    assert "script-src 'self'" in worker.headers["content-security-policy"]
    assert '<script src="/console/static/push.js" defer></script>' in page.text
    assert "data-push-enable" in page.text
    assert "<script>" not in page.text


async def test_no_vapid_key_configured_answers_that_web_push_is_not_configured(
    harness: Harness, owner: User
) -> None:
    async with signed_in(harness, owner.username) as client:
        response = await client.get("/console/push/key")

    assert response.status_code == 409
    assert "CAPABILITY_NOT_CONFIGURED" in response.text
    assert "BULWARK_WEB_PUSH_VAPID_PRIVATE_KEY" in response.text


async def test_a_browser_subscription_becomes_the_users_sealed_web_push_endpoint(
    pushing: Harness, push_service: AlpacaServer
) -> None:
    # Arrange
    owner = await pushing.user()
    browser = Browser(f"{push_service.url}/push/abc123")

    # Act
    async with signed_in(pushing, owner.username) as client:
        key = await client.get("/console/push/key")
        response = await client.htmx(
            "POST",
            "/console/push/subscriptions",
            json={"subscription": browser.subscription, "label": "Laptop"},
        )
        refused = await client.http.post(
            "/console/push/subscriptions", json={"subscription": browser.subscription}
        )  # no CSRF token
    listed = await pushing.client.get("/api/v1/notifications/endpoints", headers=owner.headers)

    # Assert
    assert key.json() == {"public_key": VAPID_PUBLIC}
    assert response.status_code == 201, response.text
    assert response.json()["address"] == "http://127.0.0.1/…"
    assert refused.status_code == 403
    [endpoint] = listed.json()["items"]
    assert endpoint["channel"] == "web_push" and endpoint["label"] == "Laptop"
    assert "abc123" not in listed.text
    store = pushing.container.core.notification_endpoint_store()
    [stored] = await store.list_for(owner.id)
    assert "abc123" not in stored.sealed and "abc123" not in stored.address


async def test_a_notification_reaches_the_registered_browser_encrypted(
    pushing: Harness, push_service: AlpacaServer
) -> None:
    # Arrange
    owner = await pushing.user()
    browser = Browser(f"{push_service.url}/push/tok1")
    created = await pushing.client.post(
        "/api/v1/notifications/endpoints",
        json={"channel": "web_push", "label": "Phone", "subscription": browser.subscription},
        headers=owner.headers,
    )
    assert created.status_code == 201, created.text
    center = pushing.container.core.notification_center()

    # Act
    await center.notify(
        owner.id, "price.alert",
        {"symbol": "AAPL", "direction": "above", "threshold": "190.5", "price": "191"},
    )  # fmt: skip
    await pushing.container.notifications.notification_dispatcher().run_once()

    # Assert
    [request] = push_service.requests_to("POST", "/push/tok1")
    assert request.headers["content-encoding"] == "aes128gcm"
    assert request.headers["authorization"].startswith("vapid t=")
    payload = browser.decrypt(request.body)
    assert payload["title"] == "AAPL above 190.5" and payload["type"] == "price.alert"
