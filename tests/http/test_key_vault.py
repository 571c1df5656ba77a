"""`/api/v1/vault/keys`: owner-only, masked in every answer and log line, rotate, test, access."""

from __future__ import annotations

import base64
import io
import os
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from bootstrap.closing import close_quietly
from tests.alpaca_server import AlpacaServer, Reply
from tests.http.harness import Harness, User, open_harness
from tests.http.harness import test_settings as settings_with
from tests.http.test_log_redaction import lines, log_stream  # noqa: F401  (fixture)
from tests.kit.alpaca_fake import FakeAlpacaTrading

# A configured KEK: on a SQL store (BULWARK_TEST_STORE_URL) the vault refuses without one.
KEK = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"

pytestmark = [pytest.mark.serves("keys"), pytest.mark.shares_app(keks=KEK)]

KEYS = "/api/v1/vault/keys"
KEY_ID = "PKA1B2C3D4E5F6G7H7XQ"
SECRET = "s3cr3t-Alpaca-9f8e7d6c5b4a3210"
NEW_KEY_ID = "PKROTATED0000000ABCD"
NEW_SECRET = "rotated-s3cr3t-0123456789"
BODY: dict[str, Any] = {
    "provider": "alpaca",
    "label": "paper trading",
    "scopes": ["trading", "account_read"],
    "key_id": KEY_ID,
    "secret": SECRET,
}
SECRETS = (KEY_ID, SECRET, NEW_KEY_ID, NEW_SECRET)


def clean(*responses: Any) -> bool:
    return all(s not in r.text for r in responses for s in SECRETS)


async def test_create_list_get_patch_delete_never_answer_the_secret(
    harness: Harness, owner: User
) -> None:
    # Arrange
    expiry = (harness.clock.now() + timedelta(days=30)).isoformat()

    # Act
    created = await harness.client.post(
        KEYS, json={**BODY, "expires_at": expiry}, headers=owner.headers
    )
    key = created.json()["id"]
    listed = await harness.client.get(KEYS, headers=owner.headers)
    got = await harness.client.get(f"{KEYS}/{key}", headers=owner.headers)
    patched = await harness.client.patch(
        f"{KEYS}/{key}", json={"label": "renamed", "expires_at": None}, headers=owner.headers
    )
    deleted = await harness.client.delete(f"{KEYS}/{key}", headers=owner.headers)
    gone = await harness.client.get(f"{KEYS}/{key}", headers=owner.headers)

    # Assert
    assert created.status_code == 201, created.text
    body = created.json()
    assert {k: body[k] for k in ("provider", "provider_kind", "key_id", "status", "scopes")} == {
        "provider": "alpaca",
        "provider_kind": "broker",
        "key_id": "PK…7XQ",
        "status": "active",
        "scopes": ["account_read", "trading"],
    }
    assert body["expires_at"] is not None and body["account_id"] is None
    assert listed.json()["items"] == [body]
    assert got.json() == body
    assert patched.status_code == 200, patched.text
    assert (patched.json()["label"], patched.json()["expires_at"]) == ("renamed", None)
    assert deleted.status_code == 204
    assert gone.status_code == 404
    assert clean(created, listed, got, patched, deleted, gone)


async def test_rotate_answers_masked_with_the_grace_end(harness: Harness, owner: User) -> None:
    # Arrange
    created = await harness.client.post(KEYS, json=BODY, headers=owner.headers)
    key = created.json()["id"]
    grace = harness.container.settings().keys.vault_rotation_grace_seconds

    # Act
    rotated = await harness.client.post(
        f"{KEYS}/{key}/rotate",
        json={"key_id": NEW_KEY_ID, "secret": NEW_SECRET},
        headers=owner.headers,
    )

    # Assert
    assert rotated.status_code == 200, rotated.text
    body = rotated.json()
    assert body["key_id"] == "PK…BCD"
    now = harness.clock.now()
    assert body["rotated_at"] == now.isoformat().replace("+00:00", "Z")
    until = (now + timedelta(seconds=grace)).isoformat().replace("+00:00", "Z")
    assert body["previous_until"] == until
    material = await harness.container.core.key_vault().use(key, "test")
    assert material.current.secret == NEW_SECRET
    assert material.fallback is not None and material.fallback.secret == SECRET
    assert clean(created, rotated)


async def test_another_users_key_answers_404_agents_403_anonymous_401(
    harness: Harness, owner: User
) -> None:
    # Arrange
    key = (await harness.client.post(KEYS, json=BODY, headers=owner.headers)).json()["id"]
    stranger = await harness.user()
    account = await harness.account(owner, "acc-1")
    agent = {"X-API-Key": await harness.agent_key(owner, "bot-1", (account,))}
    rotate = {"secret": NEW_SECRET}

    # Act
    answers = [
        await harness.client.get(f"{KEYS}/{key}", headers=stranger.headers),
        await harness.client.patch(f"{KEYS}/{key}", json={"label": "x"}, headers=stranger.headers),
        await harness.client.delete(f"{KEYS}/{key}", headers=stranger.headers),
        await harness.client.post(f"{KEYS}/{key}/rotate", json=rotate, headers=stranger.headers),
        await harness.client.post(f"{KEYS}/{key}/test", headers=stranger.headers),
        await harness.client.get(f"{KEYS}/{key}/access", headers=stranger.headers),
    ]
    listed = await harness.client.get(KEYS, headers=stranger.headers)
    by_agent = await harness.client.get(KEYS, headers=agent)
    anonymous = await harness.client.get(KEYS)
    linked_to_theirs = await harness.client.post(
        KEYS, json={**BODY, "account_id": account}, headers=stranger.headers
    )

    # Assert
    assert [a.status_code for a in answers] == [404] * 6
    assert all(a.json()["code"] == "NOT_FOUND" for a in answers)
    assert listed.json() == {"items": []}
    assert (by_agent.status_code, by_agent.json()["code"]) == (403, "FORBIDDEN")
    assert anonymous.status_code == 401
    assert linked_to_theirs.status_code == 404
    material = await harness.container.core.key_vault().use(key, "test")
    assert material.current.secret == SECRET  # untouched


@pytest.mark.parametrize(
    ("change", "field", "status", "code"),
    [
        ({"provider": "mtgox"}, "provider", 400, "VALIDATION_ERROR"),
        ({"scopes": ["withdrawals"]}, "scopes", 422, "INVALID_VAULT_KEY"),
        ({"scopes": []}, "scopes", 400, "VALIDATION_ERROR"),
        ({"secret": "has spaces"}, "secret", 400, "VALIDATION_ERROR"),
        ({"expires_at": "soon"}, "expires_at", 400, "VALIDATION_ERROR"),
        ({"expires_at": "2020-01-01T00:00:00Z"}, "expires_at", 422, "INVALID_VAULT_KEY"),
        ({"extra": 1}, "extra", 400, "VALIDATION_ERROR"),
    ],
)
async def test_validation_names_the_field(
    harness: Harness, owner: User, change: dict[str, Any], field: str, status: int, code: str
) -> None:
    response = await harness.client.post(KEYS, json={**BODY, **change}, headers=owner.headers)

    assert response.status_code == status, response.text
    assert response.json()["code"] == code
    assert field in response.text
    assert SECRET not in response.text


async def test_one_key_per_account_and_provider(harness: Harness, owner: User) -> None:
    account = await harness.account(owner, "acc-1")
    linked = {**BODY, "account_id": account}

    first = await harness.client.post(KEYS, json=linked, headers=owner.headers)
    second = await harness.client.post(KEYS, json=linked, headers=owner.headers)
    shown = await harness.client.get(
        f"/api/v1/accounts/{account}/broker-credentials", headers=owner.headers
    )

    assert first.status_code == 201
    assert (second.status_code, second.json()["code"]) == (409, "VAULT_KEY_LINKED")
    assert shown.status_code == 200 and shown.json()["key_id"] == "PK…7XQ"


@pytest.fixture
async def alpaca() -> AsyncIterator[AlpacaServer]:
    async with AlpacaServer() as server:
        yield server


async def alpaca_harness(url: str) -> tuple[Harness, Any]:
    return await open_harness(settings_with(broker="alpaca", alpaca_trading_url=url, keks=KEK))


async def test_test_connection_says_ok_or_refused_through_the_alpaca_adapter(
    alpaca: AlpacaServer,
) -> None:
    # Arrange: Alpaca knows KEY_ID only. The local server runs on the test's loop, the app
    # on another: the service is called on the test's loop (the route is tested below).
    def account(request: Any) -> Reply:
        if request.headers.get("apca-api-key-id") != KEY_ID:
            return Reply(401, {"code": 40110000, "message": "request is not authorized"})
        return Reply(200, {"id": "x"})

    alpaca.route("GET", "/v2/account", account)
    h, client = await alpaca_harness(alpaca.url)
    async with client:
        owner = await h.user()
        other = {**BODY, "key_id": NEW_KEY_ID, "secret": NEW_SECRET}
        good = (await client.post(KEYS, json=BODY, headers=owner.headers)).json()["id"]
        bad = (await client.post(KEYS, json=other, headers=owner.headers)).json()["id"]
        vault = h.container.core.key_vault()

        # Act
        ok = await vault.test(owner.principal, good)
        refused = await vault.test(owner.principal, bad)
        access = await client.get(f"{KEYS}/{good}/access", headers=owner.headers)

    # Assert
    assert (ok.outcome.value, ok.status) == ("ok", 200)
    assert (refused.outcome.value, refused.reason, refused.status) == (
        "refused",
        "request is not authorized",
        401,
    )
    assert [(a["component"], a["actor"], a["outcome"]) for a in access.json()["items"]] == [
        ("vault.test", owner.id, "granted")
    ]
    assert clean(access)
    assert all(s not in repr((ok, refused)) for s in SECRETS)
    seen = [r.headers["apca-api-secret-key"] for r in alpaca.requests_to("GET", "/v2/account")]
    assert seen == [SECRET, NEW_SECRET]


async def test_the_test_route_answers_unreachable_for_a_closed_port() -> None:
    h, client = await alpaca_harness("http://127.0.0.1:9")
    async with client:
        owner = await h.user()
        key = (await client.post(KEYS, json=BODY, headers=owner.headers)).json()["id"]

        answer = await client.post(f"{KEYS}/{key}/test", headers=owner.headers)

    assert answer.status_code == 200, answer.text
    assert (answer.json()["outcome"], answer.json()["status"]) == ("unreachable", None)
    assert answer.json()["reason"]
    assert clean(answer)


async def test_the_broker_uses_the_key_through_the_vault_and_the_access_is_listed() -> None:
    venue = FakeAlpacaTrading()
    async with AlpacaServer() as server:
        venue.install(server)
        h, client = await alpaca_harness(server.url)
        async with client:
            # Arrange
            owner = await h.user()
            account = await h.account(owner, "acc-alpaca-1")
            created = await client.post(
                KEYS, json={**BODY, "account_id": account}, headers=owner.headers
            )
            key = created.json()["id"]
            alpaca = h.container.core.brokers().named("alpaca")

            # Act
            await alpaca.account(account)
            access = await client.get(f"{KEYS}/{key}/access", headers=owner.headers)
            shown = await client.get(f"{KEYS}/{key}", headers=owner.headers)
            audit = await h.container.core.audit().entries()
            await close_quietly([alpaca])

    # Assert
    assert [(a["component"], a["outcome"]) for a in access.json()["items"]] == [
        ("broker.alpaca", "granted")
    ]
    assert shown.json()["last_used_at"] is not None
    assert [e.details["component"] for e in audit if e.action == "vault_key.use"] == [
        "broker.alpaca"
    ]


async def test_no_secret_reaches_the_logs(
    log_stream: io.StringIO,  # noqa: F811
    harness: Harness,
    owner: User,
) -> None:
    # Act
    created = await harness.client.post(KEYS, json=BODY, headers=owner.headers)
    key = created.json()["id"]
    await harness.client.post(KEYS, json={**BODY, "provider": "nope"}, headers=owner.headers)
    await harness.client.get(KEYS, headers=owner.headers)
    await harness.client.post(
        f"{KEYS}/{key}/rotate", json={"key_id": NEW_KEY_ID, "secret": NEW_SECRET},
        headers=owner.headers,
    )  # fmt: skip
    await harness.client.delete(f"{KEYS}/{key}", headers=owner.headers)

    # Assert
    output = log_stream.getvalue()
    statuses = [
        line["status"] for line in lines(log_stream) if line.get("path", "").startswith(KEYS)
    ]
    assert statuses == [201, 400, 200, 200, 204]
    assert all(s not in output for s in SECRETS)


async def test_openapi_documents_the_routes(harness: Harness) -> None:
    schema = (await harness.client.get("/schema/openapi.json")).json()

    keys = schema["paths"]["/api/v1/vault/keys"]
    one = schema["paths"]["/api/v1/vault/keys/{vault_key_id}"]
    assert set(keys) >= {"get", "post"} and set(one) >= {"get", "patch", "delete"}
    assert "post" in schema["paths"]["/api/v1/vault/keys/{vault_key_id}/rotate"]
    assert "post" in schema["paths"]["/api/v1/vault/keys/{vault_key_id}/test"]
    assert "get" in schema["paths"]["/api/v1/vault/keys/{vault_key_id}/access"]
    assert "409" in keys["post"]["responses"]
