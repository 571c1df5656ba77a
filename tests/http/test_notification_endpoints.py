"""`/api/v1/notifications/endpoints`: register, mask, rotate, test; owner-scoped; audited."""

from __future__ import annotations

import base64
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from adapters.notifications.signing import verify_signature
from ports.notifications.notification_endpoints import RECORD_TYPE
from ports.notifications.notifications import Channel
from tests.alpaca_server import AlpacaServer, Reply
from tests.http.core_helpers import harness_with
from tests.http.harness import Harness, User
from tests.kit.fake_server import threaded

pytestmark = pytest.mark.serves("notifications")

URL = "/api/v1/notifications/endpoints"
KEKS = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"
BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SLACK_PATH = "/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX"


@pytest.fixture
def receiver() -> Iterator[AlpacaServer]:
    with threaded(AlpacaServer()) as server:
        server.route("POST", "/hook", lambda request: Reply(200, {"ok": True}))
        server.route("POST", SLACK_PATH, lambda request: Reply(200, raw=b"ok"))
        server.route("POST", f"/bot{BOT_TOKEN}/sendMessage", lambda r: Reply(200, {"ok": True}))
        yield server


@pytest.fixture
async def harness(receiver: AlpacaServer) -> AsyncIterator[Harness]:
    async with harness_with(
        keks=KEKS, webhook_allow_private="true", telegram_api_url=receiver.url
    ) as h:
        yield h


async def create(harness: Harness, user: User, **body: Any) -> Any:
    response = await harness.client.post(URL, json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_webhook_secret_is_shown_once_and_signs_the_test_message(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    created = await create(
        harness, owner, channel="webhook", label="ops", url=f"{receiver.url}/hook"
    )
    secret = created["secret"]

    # Act
    got = await harness.client.get(f"{URL}/{created['id']}", headers=owner.headers)
    listed = await harness.client.get(URL, headers=owner.headers)
    tested = await harness.client.post(f"{URL}/{created['id']}/test", headers=owner.headers)

    # Assert
    assert secret.startswith("whsec_") and len(secret) > 40
    assert created["address"] == f"{receiver.url}/hook"
    assert created["secret_hint"] == "whsec_…"
    assert got.status_code == 200 and "secret" not in got.json()
    assert secret not in got.text and secret not in listed.text
    assert [e["id"] for e in listed.json()["items"]] == [created["id"]]
    assert tested.status_code == 200, tested.text
    assert tested.json()["delivered"] is True
    [request] = receiver.requests_to("POST", "/hook")
    assert verify_signature(secret, request.headers["bulwark-signature"], request.body)
    assert request.json()["event_type"] == "notification.test"
    assert request.headers["bulwark-delivery"] == tested.json()["delivery_id"]


async def test_rotating_the_secret_shows_the_new_one_once_and_the_old_stops_verifying(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    created = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")

    # Act
    rotated = await harness.client.post(
        f"{URL}/{created['id']}/rotate-secret", headers=owner.headers
    )
    await harness.client.post(f"{URL}/{created['id']}/test", headers=owner.headers)

    # Assert
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["secret"]
    assert new != created["secret"] and new.startswith("whsec_")
    [request] = receiver.requests_to("POST", "/hook")
    header = request.headers["bulwark-signature"]
    assert verify_signature(new, header, request.body)
    assert not verify_signature(created["secret"], header, request.body)


async def test_slack_url_and_telegram_token_are_masked_everywhere(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    slack = await create(harness, owner, channel="slack", label="s", url=receiver.url + SLACK_PATH)
    telegram = await create(
        harness, owner, channel="telegram", label="t", chat_id="-1001234", bot_token=BOT_TOKEN
    )

    # Act
    listed = await harness.client.get(URL, headers=owner.headers)
    sent = [
        await harness.client.post(f"{URL}/{e['id']}/test", headers=owner.headers)
        for e in (slack, telegram)
    ]

    # Assert
    for text in (str(slack), str(telegram), listed.text, *(r.text for r in sent)):
        assert "XXXXXXXXXXXXXXXX" not in text
        assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in text
    assert "secret" not in slack and "secret" not in telegram
    assert telegram["address"] == "-1001234" and telegram["secret_hint"] == "123456789:…"
    assert [r.json()["delivered"] for r in sent] == [True, True]
    slack_payload = receiver.requests_to("POST", SLACK_PATH)[0].json()
    assert slack_payload["blocks"][0]["text"]["text"] == "Bulwark test notification"
    telegram_payload = receiver.requests_to("POST", f"/bot{BOT_TOKEN}/sendMessage")[0].json()
    assert telegram_payload["chat_id"] == "-1001234"
    assert telegram_payload["parse_mode"] == "HTML"


async def test_rotating_a_slack_endpoint_is_a_conflict(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    slack = await create(harness, owner, channel="slack", label="s", url=receiver.url + SLACK_PATH)
    response = await harness.client.post(
        f"{URL}/{slack['id']}/rotate-secret", headers=owner.headers
    )
    assert response.status_code == 409
    assert response.json()["code"] == "NO_SIGNING_SECRET"


async def test_another_users_endpoint_answers_404_everywhere(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    created = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")
    stranger = await harness.user()
    one = f"{URL}/{created['id']}"

    # Act
    answers = [
        await harness.client.get(one, headers=stranger.headers),
        await harness.client.patch(one, json={"label": "mine"}, headers=stranger.headers),
        await harness.client.post(f"{one}/rotate-secret", headers=stranger.headers),
        await harness.client.post(f"{one}/test", headers=stranger.headers),
        await harness.client.delete(one, headers=stranger.headers),
    ]
    listed = await harness.client.get(URL, headers=stranger.headers)

    # Assert
    assert [a.status_code for a in answers] == [404] * 5
    assert all(a.json()["code"] == "NOT_FOUND" for a in answers)
    assert listed.json() == {"items": []}
    assert receiver.requests == []
    still = await harness.client.get(one, headers=owner.headers)
    assert still.json()["label"] == "x"


async def test_patch_renames_and_disables_and_delete_removes(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    created = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")
    one = f"{URL}/{created['id']}"
    directory = harness.container.core.channel_destinations()

    # Act
    patched = await harness.client.patch(
        one, json={"label": " renamed ", "enabled": False}, headers=owner.headers
    )
    disabled = await directory.destinations(owner.id, Channel.WEBHOOK)
    deleted = await harness.client.delete(one, headers=owner.headers)
    gone = await harness.client.get(one, headers=owner.headers)

    # Assert
    assert patched.status_code == 200, patched.text
    assert patched.json()["label"] == "renamed" and patched.json()["enabled"] is False
    assert disabled == []
    assert deleted.status_code == 204
    assert gone.status_code == 404


@pytest.mark.parametrize(
    ("body", "status", "code", "field"),
    [
        ({"channel": "webhook", "label": "x"}, 422, "INVALID_ENDPOINT", "url"),
        ({"channel": "webhook", "label": " ", "url": "https://example.com"}, 422,
         "INVALID_ENDPOINT", "label"),
        ({"channel": "telegram", "label": "x", "chat_id": "abc", "bot_token": BOT_TOKEN}, 422,
         "INVALID_ENDPOINT", "chat_id"),
        ({"channel": "telegram", "label": "x", "chat_id": "42", "bot_token": "nope"}, 422,
         "INVALID_ENDPOINT", "bot_token"),
        ({"channel": "slack", "label": "x", "url": "ftp://example.com/x"}, 422, "URL_NOT_HTTPS",
         "url"),
        ({"channel": "webhook", "label": "x", "url": "https://u:p@example.com/"}, 422,
         "URL_INVALID", "url"),
        ({"channel": "email", "label": "x", "url": "https://example.com"}, 400,
         "VALIDATION_ERROR", "channel"),
        ({"channel": "webhook", "label": "x", "url": "https://e.com", "extra": 1}, 400,
         "VALIDATION_ERROR", "extra"),
    ],
)  # fmt: skip
async def test_bad_input_is_a_problem_naming_the_field(
    harness: Harness, owner: User, body: dict[str, Any], status: int, code: str, field: str
) -> None:
    # Act
    response = await harness.client.post(URL, json=body, headers=owner.headers)

    # Assert
    assert response.status_code == status, response.text
    problem = response.json()
    assert problem["code"] == code
    assert field in response.text


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/hook", "http://10.0.0.5/hook", "http://[::1]/hook", "http://localhost/"],
)
async def test_the_ssrf_guard_refuses_internal_addresses_at_registration(
    owner_of_guarded: tuple[Harness, User], url: str
) -> None:
    # Arrange
    harness, owner = owner_of_guarded

    # Act
    response = await harness.client.post(
        URL, json={"channel": "webhook", "label": "x", "url": url}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "URL_PRIVATE_ADDRESS"
    assert response.json()["errors"][0]["field"] == "url"


@pytest.fixture
async def owner_of_guarded() -> AsyncIterator[tuple[Harness, User]]:
    async with harness_with(keks=KEKS) as h:
        yield h, await h.user()


async def test_a_failing_receiver_is_reported_by_the_test_send(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    created = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")
    receiver.fail(Reply(503, {"error": "down"}, {"Retry-After": "7"}))

    # Act
    tested = await harness.client.post(f"{URL}/{created['id']}/test", headers=owner.headers)

    # Assert
    assert tested.status_code == 200
    assert tested.json() == {
        "delivered": False,
        "delivery_id": tested.json()["delivery_id"],
        "reason": "answered 503",
        "retryable": True,
    }


async def test_create_rotate_delete_are_audited_without_the_secret(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    created = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")
    rotated = await harness.client.post(
        f"{URL}/{created['id']}/rotate-secret", headers=owner.headers
    )
    await harness.client.delete(f"{URL}/{created['id']}", headers=owner.headers)

    # Act
    entries = await harness.container.core.audit().entries(target=created["id"])

    # Assert
    assert [e.action for e in reversed(entries)] == [
        "notification_endpoint.create",
        "notification_endpoint.rotate_secret",
        "notification_endpoint.delete",
    ]
    assert all(e.actor == owner.id and e.outcome == "ok" for e in entries)
    for secret in (created["secret"], rotated.json()["secret"]):
        assert secret not in repr(entries)


async def test_the_directory_gives_email_and_unsealed_endpoints(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    async with harness.container.core.uow_factory()() as uow:
        user = await uow.users.get(owner.id)
        assert user is not None
        user.email = "owner@example.com"
        await uow.users.add(user)
        await uow.commit()
    hook = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")
    await create(harness, owner, channel="telegram", label="t", chat_id="42", bot_token=BOT_TOKEN)
    directory = harness.container.core.channel_destinations()

    # Act
    email = await directory.destinations(owner.id, Channel.EMAIL)
    webhooks = await directory.destinations(owner.id, Channel.WEBHOOK)
    telegrams = await directory.destinations(owner.id, Channel.TELEGRAM)
    in_app = await directory.destinations(owner.id, Channel.IN_APP)

    # Assert
    assert [d.address for d in email] == ["owner@example.com"]
    assert [(d.id, d.address, d.secret) for d in webhooks] == [
        (hook["id"], f"{receiver.url}/hook", hook["secret"])
    ]
    assert [(d.address, d.secret) for d in telegrams] == [("42", BOT_TOKEN)]
    assert [(d.channel, d.address) for d in in_app] == [(Channel.IN_APP, owner.id)]
    assert hook["secret"] not in repr(webhooks)


async def test_key_rotation_walks_the_endpoint_secrets(
    harness: Harness, owner: User, receiver: AlpacaServer
) -> None:
    # Arrange
    hook = await create(harness, owner, channel="webhook", label="x", url=f"{receiver.url}/hook")
    [source] = [
        s
        for s in harness.container.keys.sealed_sources()
        if s.name == "notification_endpoints.sealed"
    ]
    sealer = harness.container.core.sealer()

    # Act
    [record] = await source.batch(None, 10)
    opened = sealer.open(record.text, record.record_type, record.record_id)
    resealed = sealer.seal(opened, RECORD_TYPE, hook["id"])  # what a rotation writes back
    replaced = await source.replace(record, resealed)
    stale = await source.replace(record, record.text)  # the record's text is no longer there

    # Assert
    assert record.record_id == hook["id"] and opened == hook["secret"]
    assert replaced and not stale
    webhooks = await harness.container.core.channel_destinations().destinations(
        owner.id, Channel.WEBHOOK
    )
    assert webhooks[0].secret == hook["secret"]


async def test_agents_may_not_register_endpoints(harness: Harness, owner: User) -> None:
    # Arrange
    account = await harness.account(owner, "acc-1")
    key = {"X-API-Key": await harness.agent_key(owner, "bot-1", (account,))}

    # Act
    response = await harness.client.post(
        URL, json={"channel": "webhook", "label": "x", "url": "https://e.com"}, headers=key
    )

    # Assert
    assert response.status_code == 403
