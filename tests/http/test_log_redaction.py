"""End to end: passwords, passcodes, tokens, API keys and TOTP secrets never reach the logs."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pyotp
import pytest

from domain.principals import Principal, Role
from tests.http.core_helpers import order_body
from tests.http.harness import PASSCODE, PASSWORD, Harness, User
from tests.http.log_capture import captured_logs

pytestmark = pytest.mark.serves("review", "safety", "trading")

WRONG_PASSWORD = "Wr0ng-horse-staple-guess"
WRONG_PASSCODE = "not-the-kill-code"


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """Bulwark's logging set up to write JSON into a buffer; the previous set-up restored after."""
    with captured_logs("debug") as stream:
        yield stream


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


async def drive_every_secret_through_the_api(harness: Harness) -> list[str]:
    """Log in, fail, refresh, reuse, enrol MFA, use an API key and pull the kill switch."""
    client = harness.client
    await harness.instrument("AAPL", "190")
    view = await harness.container.core.auth().create_user("dana", PASSWORD, Role.OWNER)
    await harness.container.safety.killswitch().set_passcode(
        Principal(view.id, Role.OWNER), PASSCODE
    )
    secrets = [PASSWORD, WRONG_PASSWORD, PASSCODE, WRONG_PASSCODE]

    refused = await client.post(
        "/api/v1/auth/login", json={"username": "dana", "password": WRONG_PASSWORD}
    )
    assert refused.status_code == 401
    login = await client.post("/api/v1/auth/login", json={"username": "dana", "password": PASSWORD})
    pair = login.json()
    secrets += [pair["access_token"], pair["refresh_token"]]
    auth = {"Authorization": f"Bearer {pair['access_token']}"}

    refresh = {"refresh_token": pair["refresh_token"]}
    rotated = (await client.post("/api/v1/auth/refresh", json=refresh)).json()
    secrets += [rotated["access_token"], rotated["refresh_token"]]
    reuse = await client.post("/api/v1/auth/refresh", json=refresh)
    assert reuse.status_code == 401
    # The reuse revoked the family's access tokens too: a fresh session for what follows.
    pair = (
        await client.post("/api/v1/auth/login", json={"username": "dana", "password": PASSWORD})
    ).json()
    secrets += [pair["access_token"], pair["refresh_token"]]
    auth = {"Authorization": f"Bearer {pair['access_token']}"}

    enrolled = (await client.post("/api/v1/auth/mfa/enroll", headers=auth)).json()
    secrets += [enrolled["secret"], enrolled["provisioning_uri"], *enrolled["backup_codes"]]
    code = pyotp.TOTP(enrolled["secret"]).at(harness.clock.now())
    verified = await client.post("/api/v1/auth/mfa/verify", json={"code": code}, headers=auth)
    assert verified.status_code == 200, verified.text
    backup_login = await client.post(
        "/api/v1/auth/login",
        json={"username": "dana", "password": PASSWORD, "totp_code": enrolled["backup_codes"][0]},
    )
    assert backup_login.status_code == 200, backup_login.text
    secrets += [backup_login.json()["access_token"], backup_login.json()["refresh_token"]]

    dana = User(view.id, "dana", Role.OWNER, pair["access_token"], pair["refresh_token"])
    account = await harness.account(dana, "acc-dana")
    agent = await client.post(
        "/api/v1/agents", json={"agent_id": "bot-d", "account_ids": [account]}, headers=auth
    )
    assert agent.status_code == 201, agent.text
    key = (await client.post("/api/v1/agents/bot-d/keys", json={}, headers=auth)).json()
    secrets.append(key["api_key"])
    placed = await client.post(
        "/api/v1/orders", json=order_body(account), headers={"X-API-Key": key["api_key"]}
    )
    assert placed.status_code == 201, placed.text
    forged = key["api_key"][:-3] + "zzz"
    assert (await client.get("/api/v1/orders", headers={"X-API-Key": forged})).status_code == 401

    with await client.websocket_connect(f"/ws/events?token={pair['access_token']}") as ws:
        assert ws.receive_json(timeout=5)["type"] == "welcome"

    scope = {"kind": "account", "id": account}
    wrong = await client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": WRONG_PASSCODE, "scope": scope},
        headers=auth,
    )
    assert wrong.status_code == 403, wrong.text
    pulled = await client.post(
        "/api/v1/kill-switch/activate",
        json={"passcode": PASSCODE, "scope": scope, "reason": "redaction test"},
        headers=auth,
    )
    assert pulled.status_code in (200, 201), pulled.text

    logout = await client.post(
        "/api/v1/auth/logout", json={"refresh_token": rotated["refresh_token"]}, headers=auth
    )
    assert logout.status_code == 204
    return secrets


async def test_no_secret_reaches_the_logs(log_stream: io.StringIO, harness: Harness) -> None:
    secrets = await drive_every_secret_through_the_api(harness)

    output = log_stream.getvalue()

    assert output, "nothing was logged"
    leaked = [s for s in secrets if s in output]
    assert leaked == [], "secrets in the logs"
    for secret in secrets:
        if "." in secret:  # refresh tokens and API keys are <id>.<secret>: the secret part too
            assert secret.rsplit(".", 1)[1] not in output


async def test_requests_are_logged_with_a_request_id_and_no_query_string(
    log_stream: io.StringIO, harness: Harness
) -> None:
    await harness.container.core.auth().create_user("erin", PASSWORD, Role.TRADER)
    login = await harness.client.post(
        "/api/v1/auth/login",
        json={"username": "erin", "password": PASSWORD},
        headers={"X-Request-ID": "req-login-1"},
    )
    token = login.json()["access_token"]
    await harness.client.get(
        f"/api/v1/orders?limit=5&token={token}", headers={"X-Request-ID": "r2"}
    )

    logged = [line for line in lines(log_stream) if line.get("event") == "request"]

    by_id = {line["request_id"]: line for line in logged}
    assert by_id["req-login-1"]["path"] == "/api/v1/auth/login"
    assert by_id["req-login-1"]["status"] == 200
    assert by_id["req-login-1"]["method"] == "POST"
    assert by_id["r2"]["path"] == "/api/v1/orders"
    assert token not in log_stream.getvalue()
    assert all(line["level"] == "info" and "timestamp" in line for line in logged)


async def test_an_unexpected_error_is_logged_with_its_request_id_and_masked(
    log_stream: io.StringIO, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await harness.user()

    async def explode(*_: Any) -> Any:
        raise RuntimeError(f"upstream said Bearer {user.access_token} password=hunter22")

    monkeypatch.setattr(harness.container.trading.accounts(), "orders", explode)
    response = await harness.client.get(
        "/api/v1/orders", headers={**user.headers, "X-Request-ID": "boom-1"}
    )

    assert response.status_code == 500
    errors = [line for line in lines(log_stream) if line.get("event") == "unhandled_error"]
    assert len(errors) == 1
    assert errors[0]["request_id"] == "boom-1"
    assert errors[0]["error_type"] == "RuntimeError"
    assert "RuntimeError" in errors[0]["exception"]
    assert user.access_token not in log_stream.getvalue()
    assert "hunter22" not in log_stream.getvalue()
