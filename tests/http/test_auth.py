"""Auth over HTTP: login, lockout, expiry, tampering, refresh rotation, logout, MFA, API keys."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pyotp
import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, bearer, order_body, submit
from tests.http.harness import PASSWORD, Harness, User

pytestmark = pytest.mark.serves("trading")

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
ME = "/api/v1/auth/me"


async def test_login_returns_a_token_pair_that_authenticates(harness: Harness) -> None:
    await harness.container.core.auth().create_user("alice", PASSWORD, Role.TRADER)

    response = await harness.client.post(LOGIN, json={"username": "alice", "password": PASSWORD})

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    assert body["refresh_token"] and body["access_token"]
    me = await harness.client.get(ME, headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["username"] == "alice"
    assert me.json()["role"] == "trader"


async def test_wrong_password_is_401_unauthenticated(harness: Harness, owner: User) -> None:
    response = await harness.client.post(
        LOGIN, json={"username": owner.username, "password": "not-the-password"}
    )

    body = assert_problem(response, 401, "UNAUTHENTICATED")
    assert "not-the-password" not in response.text
    assert body["detail"] == "invalid username or password"


async def test_five_failures_lock_the_login_and_the_lockout_is_audited(
    harness: Harness, owner: User
) -> None:
    wrong = {"username": owner.username, "password": "wrong-password-x"}
    for _ in range(5):
        assert_problem(await harness.client.post(LOGIN, json=wrong), 401, "UNAUTHENTICATED")

    locked = await harness.client.post(
        LOGIN, json={"username": owner.username, "password": PASSWORD}
    )

    assert_problem(locked, 423, "LOGIN_LOCKED")
    entries = await harness.container.core.audit().entries(target=f"login:{owner.username}")
    assert any(e.action == "auth.lockout" and e.outcome == "locked" for e in entries)
    harness.clock.advance(timedelta(minutes=15, seconds=1))
    released = await harness.client.post(
        LOGIN, json={"username": owner.username, "password": PASSWORD}
    )
    assert released.status_code == 200, released.text


async def test_an_access_token_expires_after_15_minutes(harness: Harness, owner: User) -> None:
    harness.clock.advance(timedelta(minutes=14, seconds=59))
    assert (await harness.client.get(ME, headers=owner.headers)).status_code == 200

    harness.clock.advance(timedelta(seconds=2))
    response = await harness.client.get(ME, headers=owner.headers)

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_a_tampered_token_is_refused(harness: Harness, owner: User) -> None:
    header, payload, signature = owner.access_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = "admin"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")

    response = await harness.client.get(ME, headers=bearer(f"{header}.{forged}.{signature}"))

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_no_token_is_401_with_www_authenticate(harness: Harness) -> None:
    response = await harness.client.get(ME)

    assert_problem(response, 401, "UNAUTHENTICATED")
    assert response.headers["www-authenticate"].lower().startswith("bearer")


async def test_refresh_rotates_the_pair(harness: Harness, owner: User) -> None:
    response = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})

    assert response.status_code == 200, response.text
    pair = response.json()
    assert pair["refresh_token"] != owner.refresh_token
    assert (await harness.client.get(ME, headers=bearer(pair["access_token"]))).status_code == 200
    again = await harness.client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
    assert again.status_code == 200


async def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(
    harness: Harness, owner: User
) -> None:
    rotated = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})
    newest = rotated.json()["refresh_token"]

    reuse = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})

    assert_problem(reuse, 401, "UNAUTHENTICATED")
    after = await harness.client.post(REFRESH, json={"refresh_token": newest})
    assert_problem(after, 401, "UNAUTHENTICATED")


async def test_logout_revokes_the_access_token(harness: Harness, owner: User) -> None:
    response = await harness.client.post(
        "/api/v1/auth/logout", json={"refresh_token": owner.refresh_token}, headers=owner.headers
    )

    assert response.status_code == 204, response.text
    assert_problem(await harness.client.get(ME, headers=owner.headers), 401, "UNAUTHENTICATED")
    refused = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})
    assert_problem(refused, 401, "UNAUTHENTICATED")


async def test_mfa_enrol_verify_then_login_needs_a_code(harness: Harness, owner: User) -> None:
    enrolled = await harness.client.post("/api/v1/auth/mfa/enroll", headers=owner.headers)
    assert enrolled.status_code == 200, enrolled.text
    secret = enrolled.json()["secret"]
    backup = enrolled.json()["backup_codes"][0]
    totp = pyotp.TOTP(secret)
    verified = await harness.client.post(
        "/api/v1/auth/mfa/verify",
        json={"code": totp.at(harness.clock.now())},
        headers=owner.headers,
    )
    assert verified.status_code == 200, verified.text
    assert verified.json()["mfa_enabled"] is True
    harness.clock.advance(timedelta(seconds=60))
    credentials = {"username": owner.username, "password": PASSWORD}

    without = await harness.client.post(LOGIN, json=credentials)
    wrong_code = "000000" if totp.at(harness.clock.now()) != "000000" else "111111"
    wrong = await harness.client.post(LOGIN, json={**credentials, "totp_code": wrong_code})
    right = await harness.client.post(
        LOGIN, json={**credentials, "totp_code": totp.at(harness.clock.now())}
    )
    with_backup = await harness.client.post(LOGIN, json={**credentials, "totp_code": backup})
    backup_again = await harness.client.post(LOGIN, json={**credentials, "totp_code": backup})

    assert_problem(without, 401, "MFA_REQUIRED")
    assert_problem(wrong, 401, "UNAUTHENTICATED")
    assert right.status_code == 200, right.text
    assert with_backup.status_code == 200, with_backup.text
    assert_problem(backup_again, 401, "UNAUTHENTICATED")


async def test_mfa_verify_with_a_wrong_code_keeps_mfa_off(harness: Harness, owner: User) -> None:
    enrolled = await harness.client.post("/api/v1/auth/mfa/enroll", headers=owner.headers)
    code = pyotp.TOTP(enrolled.json()["secret"]).at(harness.clock.now())
    wrong = "000000" if code != "000000" else "111111"

    response = await harness.client.post(
        "/api/v1/auth/mfa/verify", json={"code": wrong}, headers=owner.headers
    )

    assert_problem(response, 401, "UNAUTHENTICATED")
    me = await harness.client.get(ME, headers=owner.headers)
    assert me.json()["mfa_enabled"] is False


async def test_an_agent_api_key_places_orders_but_may_not_use_user_endpoints(
    market: Harness, owner: User
) -> None:
    account = await market.account(owner, "acc-agent")
    key = await market.agent_key(owner, "bot-1", (account,))
    agent = {"X-API-Key": key}

    placed = await submit(market, agent, order_body(account))
    enroll = await market.client.post("/api/v1/auth/mfa/enroll", headers=agent)
    me = await market.client.get(ME, headers=agent)

    assert placed.status_code == 201, placed.text
    assert placed.json()["order"]["origin_kind"] == "agent"
    assert placed.json()["order"]["origin_id"] == "bot-1"
    assert_problem(enroll, 403, "FORBIDDEN")
    assert_problem(me, 403, "FORBIDDEN")


async def test_a_wrong_api_key_is_401(market: Harness, owner: User) -> None:
    account = await market.account(owner, "acc-agent")
    key = await market.agent_key(owner, "bot-1", (account,))
    forged = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")

    response = await submit(market, {"X-API-Key": forged}, order_body(account))

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_an_agent_cannot_trade_an_account_it_was_not_given(
    market: Harness, owner: User
) -> None:
    mine = await market.account(owner, "acc-agent")
    other = await market.account(owner, "acc-other")
    key = await market.agent_key(owner, "bot-1", (mine,))

    response = await submit(market, {"X-API-Key": key}, order_body(other))

    assert_problem(response, 404, "NOT_FOUND")


async def test_login_body_validation_names_the_field(harness: Harness) -> None:
    response = await harness.client.post(LOGIN, json={"username": "x", "pasword": "y"})

    body = assert_problem(response, 400, "VALIDATION_ERROR")
    assert "pasword" in body["detail"] or "password" in body["detail"]
