"""`/api/v1/accounts/{id}/broker-credentials`: owner-only, masked answers, secrets never logged."""

from __future__ import annotations

import base64
import contextlib
import io
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bootstrap.closing import close_quietly
from ports.trading.broker import BrokerError, BrokerErrorCode
from tests.alpaca_server import AlpacaServer
from tests.http.core_helpers import harness_with
from tests.http.harness import Harness, User, open_harness
from tests.http.harness import test_settings as settings_with
from tests.http.test_log_redaction import lines, log_stream  # noqa: F401  (fixture)
from tests.kit.alpaca_fake import FakeAlpacaTrading

pytestmark = [pytest.mark.serves("keys"), pytest.mark.shares_app()]

KEY_ID = "PKA1B2C3D4E5F6G7H7XQ"
SECRET = "s3cr3t-Alpaca-9f8e7d6c5b4a3210"
BODY = {"broker": "alpaca", "key_id": KEY_ID, "secret_key": SECRET, "paper": True}


def url(account_id: str) -> str:
    return f"/api/v1/accounts/{account_id}/broker-credentials"


@pytest.fixture
async def account(harness: Harness, owner: User) -> str:
    return await harness.account(owner, "acc-alpaca-1")


async def test_put_get_delete_round_trip_without_the_secret(
    harness: Harness, owner: User, account: str
) -> None:
    # Act
    put = await harness.client.put(url(account), json=BODY, headers=owner.headers)
    got = await harness.client.get(url(account), headers=owner.headers)
    deleted = await harness.client.delete(url(account), headers=owner.headers)
    gone = await harness.client.get(url(account), headers=owner.headers)

    # Assert
    assert put.status_code == 200, put.text
    assert put.json() == {
        "account_id": account,
        "broker": "alpaca",
        "key_id": "PK…7XQ",
        "paper": True,
        "updated_at": harness.clock.now().isoformat().replace("+00:00", "Z"),
    }
    assert got.status_code == 200 and got.json() == put.json()
    assert deleted.status_code == 204
    assert gone.status_code == 404
    assert gone.json()["code"] == "NOT_FOUND"
    for response in (put, got, deleted, gone):
        assert SECRET not in response.text and KEY_ID not in response.text


async def test_another_users_account_answers_404_and_stays_untouched(
    harness: Harness, owner: User, account: str
) -> None:
    # Arrange
    await harness.client.put(url(account), json=BODY, headers=owner.headers)
    stranger = await harness.user()

    # Act
    answers = [
        await harness.client.put(url(account), json=BODY, headers=stranger.headers),
        await harness.client.get(url(account), headers=stranger.headers),
        await harness.client.delete(url(account), headers=stranger.headers),
    ]

    # Assert
    assert [a.status_code for a in answers] == [404, 404, 404]
    assert all(a.headers["content-type"].startswith("application/problem+json") for a in answers)
    kept = await harness.container.core.key_vault().use_linked(account, "alpaca", "test")
    assert kept is not None and kept.current.secret == SECRET


async def test_agents_get_403_and_anonymous_callers_401(
    harness: Harness, owner: User, account: str
) -> None:
    # Arrange
    key = await harness.agent_key(owner, "bot-1", (account,))

    # Act
    by_agent = await harness.client.put(url(account), json=BODY, headers={"X-API-Key": key})
    anonymous = await harness.client.get(url(account))

    # Assert
    assert by_agent.status_code == 403
    assert by_agent.json()["code"] == "FORBIDDEN"
    assert anonymous.status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"key_id": ""}, "key_id"),
        ({"secret_key": "has spaces in it"}, "secret_key"),
        ({"broker": "ibkr"}, "broker"),
        ({"paper": "yes"}, "paper"),
        ({"extra": 1}, "extra"),
    ],
)
async def test_validation_names_the_field(
    harness: Harness, owner: User, account: str, change: dict[str, Any], field: str
) -> None:
    # Act
    response = await harness.client.put(
        url(account), json={**BODY, **change}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["code"] == "VALIDATION_ERROR"
    assert field in response.text
    assert SECRET not in response.text


async def test_a_missing_secret_is_named(harness: Harness, owner: User, account: str) -> None:
    body = {k: v for k, v in BODY.items() if k != "secret_key"}

    response = await harness.client.put(url(account), json=body, headers=owner.headers)

    assert response.status_code == 400
    assert "secret_key" in response.text


async def test_the_secret_never_reaches_the_logs(
    log_stream: io.StringIO,  # noqa: F811
    harness: Harness,
    owner: User,
    account: str,
) -> None:
    # Act
    await harness.client.put(url(account), json=BODY, headers=owner.headers)
    await harness.client.put(url(account), json={**BODY, "broker": "nope"}, headers=owner.headers)
    await harness.client.get(url(account), headers=owner.headers)
    await harness.client.delete(url(account), headers=owner.headers)

    # Assert
    output = log_stream.getvalue()
    assert [line["status"] for line in lines(log_stream) if line.get("path") == url(account)] == [
        200,
        400,
        200,
        204,
    ]
    assert SECRET not in output and KEY_ID not in output


async def test_openapi_documents_the_routes(harness: Harness) -> None:
    schema = (await harness.client.get("/schema/openapi.json")).json()

    path = schema["paths"]["/api/v1/accounts/{account_id}/broker-credentials"]
    assert set(path) >= {"put", "get", "delete"}
    assert path["put"]["summary"].startswith("Store the account's broker key pair")
    assert "409" in path["put"]["responses"]


@contextlib.asynccontextmanager
async def sql_harness(tmp_path: Path, **settings: str) -> AsyncIterator[Harness]:
    db = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    async with harness_with(database_url=db, **settings) as h:
        yield h


async def test_a_durable_store_without_a_kek_refuses_with_409(
    tmp_path: Path,
) -> None:
    async with sql_harness(tmp_path) as h:
        # Arrange
        owner = await h.user()
        account = await h.account(owner, "acc-sql-1")

        # Act
        response = await h.client.put(url(account), json=BODY, headers=owner.headers)

        # Assert
        assert response.status_code == 409, response.text
        assert response.json()["code"] == "VAULT_KEY_EPHEMERAL"
        assert "BULWARK_KEKS" in response.json()["detail"]


async def test_a_durable_store_with_a_kek_stores(tmp_path: Path) -> None:
    kek = f"main 1 {base64.b64encode(os.urandom(32)).decode()}"
    async with sql_harness(tmp_path, keks=kek) as h:
        # Arrange
        owner = await h.user()
        account = await h.account(owner, "acc-sql-1")

        # Act
        response = await h.client.put(url(account), json=BODY, headers=owner.headers)

        # Assert
        assert response.status_code == 200, response.text
        assert response.json()["key_id"] == "PK…7XQ"


async def test_the_alpaca_broker_uses_the_stored_keys_at_once(tmp_path: Path) -> None:
    # Arrange: BULWARK_BROKER=alpaca without settings keys, on the local Alpaca server
    venue = FakeAlpacaTrading()
    async with AlpacaServer() as server:
        venue.install(server)
        h, client = await open_harness(
            settings_with(broker="alpaca", alpaca_trading_url=server.url)
        )
        async with client:
            owner = await h.user()
            account = await h.account(owner, "acc-alpaca-1")
            alpaca = h.container.core.brokers().named("alpaca")
            rotated = {**BODY, "key_id": "PKROTATED0000000ABCD", "secret_key": "rotated-1"}

            # Act
            await client.put(url(account), json=BODY, headers=owner.headers)
            await alpaca.account(account)
            await client.put(url(account), json=rotated, headers=owner.headers)
            await alpaca.account(account)
            await client.delete(url(account), headers=owner.headers)
            with pytest.raises(BrokerError) as refused:
                await alpaca.account(account)
            await close_quietly([alpaca])

        # Assert
        seen = [
            (r.headers["apca-api-key-id"], r.headers["apca-api-secret-key"])
            for r in server.requests_to("GET", "/v2/account")
        ]
        assert seen == [(KEY_ID, SECRET), ("PKROTATED0000000ABCD", "rotated-1")]
        assert refused.value.code is BrokerErrorCode.REJECTED
        assert "no Alpaca credentials" in refused.value.message
