"""Auth hardening over HTTP: TOTP replay, family revocation, throttling, Retry-After, rule refs."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pyotp
import pytest

from domain.agents.heartbeat import Agent
from domain.principals import Role
from tests.http.core_helpers import assert_problem, bearer, harness_with
from tests.http.harness import PASSWORD, Harness, User

pytestmark = pytest.mark.serves("safety", "trading", "devices")

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/auth/me"
VICTIM = "198.51.100.7"
WRONG = "wrong-password-x"


@pytest.fixture
async def roomy() -> AsyncIterator[Harness]:
    """A harness whose HTTP login rate limit stays out of the way of the login throttle."""
    async with harness_with(login_rate_per_minute="100000") as h:
        yield h


@pytest.fixture
async def elsewhere(roomy: Harness) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the same app from another network address (the harness's is 'testclient')."""
    transport = httpx.ASGITransport(app=roomy.app, client=(VICTIM, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver.local") as c:
        yield c


def assert_retry_after(response: httpx.Response, seconds: int) -> None:
    assert response.headers["Retry-After"] == str(seconds), response.headers
    assert response.json()["retry_after"] == pytest.approx(seconds)


# -- TOTP replay -------------------------------------------------------------------------------


async def test_a_code_of_the_previous_or_next_step_is_refused_once_a_later_step_was_used(
    harness: Harness, owner: User
) -> None:
    # Arrange: MFA on, and a login with the code of the current step
    enrolled = await harness.client.post("/api/v1/auth/mfa/enroll", headers=owner.headers)
    totp = pyotp.TOTP(enrolled.json()["secret"])
    await harness.client.post(
        "/api/v1/auth/mfa/verify",
        json={"code": totp.at(harness.clock.now())},
        headers=owner.headers,
    )
    harness.clock.advance(timedelta(seconds=60))
    now, step = harness.clock.now(), timedelta(seconds=30)
    credentials = {"username": owner.username, "password": PASSWORD}
    following = await harness.client.post(
        LOGIN, json={**credentials, "totp_code": totp.at(now + step)}
    )
    assert following.status_code == 200, following.text

    # Act: codes of the current and the previous step, both inside the drift window
    current = await harness.client.post(LOGIN, json={**credentials, "totp_code": totp.at(now)})
    previous = await harness.client.post(
        LOGIN, json={**credentials, "totp_code": totp.at(now - step)}
    )
    harness.clock.advance(step)
    replayed = await harness.client.post(
        LOGIN, json={**credentials, "totp_code": totp.at(harness.clock.now())}
    )

    # Assert
    for refused in (current, previous, replayed):
        body = assert_problem(refused, 401, "UNAUTHENTICATED")
        assert body["detail"] == "invalid one-time code"


# -- a revoked family takes its access tokens with it ------------------------------------------


async def test_refresh_token_reuse_kills_the_familys_access_tokens_at_once(
    harness: Harness, owner: User
) -> None:
    rotated = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})
    newest = rotated.json()["access_token"]
    assert (await harness.client.get(ME, headers=bearer(newest))).status_code == 200

    reuse = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})

    assert_problem(reuse, 401, "UNAUTHENTICATED")
    for token in (owner.access_token, newest):
        assert_problem(await harness.client.get(ME, headers=bearer(token)), 401, "UNAUTHENTICATED")


async def test_logout_with_the_refresh_token_kills_the_familys_other_access_tokens(
    harness: Harness, owner: User
) -> None:
    rotated = await harness.client.post(REFRESH, json={"refresh_token": owner.refresh_token})
    pair = rotated.json()
    earlier = owner.access_token
    assert (await harness.client.get(ME, headers=bearer(earlier))).status_code == 200

    response = await harness.client.post(
        LOGOUT, json={"refresh_token": pair["refresh_token"]}, headers=bearer(pair["access_token"])
    )

    assert response.status_code == 204, response.text
    assert_problem(await harness.client.get(ME, headers=bearer(earlier)), 401, "UNAUTHENTICATED")


async def test_another_familys_access_token_survives_the_logout(
    harness: Harness, owner: User
) -> None:
    laptop = await harness.login(owner.username)

    await harness.client.post(
        LOGOUT, json={"refresh_token": owner.refresh_token}, headers=owner.headers
    )

    me = await harness.client.get(ME, headers=bearer(laptop["access_token"]))
    assert me.status_code == 200, me.text


# -- throttling --------------------------------------------------------------------------------


async def test_an_attacker_hammering_from_one_address_does_not_lock_the_victim_out(
    roomy: Harness, elsewhere: httpx.AsyncClient
) -> None:
    harness = roomy
    # Arrange: an admin to tell, and the risk officer under attack from 'testclient'
    admin = await harness.user(Role.ADMIN)
    officer = await harness.user(Role.RISK_OFFICER)
    wrong = {"username": officer.username, "password": WRONG}
    statuses = []
    for _ in range(120):
        statuses.append((await harness.client.post(LOGIN, json=wrong)).status_code)
        harness.clock.advance(timedelta(seconds=1))

    # Act: the officer, from their own address, waits at most the short username delay
    first = await elsewhere.post(LOGIN, json={"username": officer.username, "password": PASSWORD})
    waited = int(first.headers.get("Retry-After", "0"))
    harness.clock.advance(timedelta(seconds=waited))
    second = await elsewhere.post(LOGIN, json={"username": officer.username, "password": PASSWORD})
    attacker = await harness.client.post(LOGIN, json=wrong)

    # Assert
    assert first.status_code in (200, 423)
    assert waited <= 30
    assert second.status_code == 200, second.text
    assert statuses.count(401) <= 15 and 423 in statuses and statuses[-1] == 429
    body = assert_problem(attacker, 429, "LOGIN_THROTTLED")
    assert int(attacker.headers["Retry-After"]) == math.ceil(body["retry_after"]) >= 1
    everything = harness.container.core.notifier().sent
    sent = [n for n in everything if n.event_type == "security.alert"]
    told = [n for n in everything if n.event_type == "security.new_device"]
    assert any(n.recipient == officer.id and "failed attempts before" in n.body for n in told)
    assert {n.recipient for n in sent} == {admin.id}
    assert sorted(n.subject.split(":")[0] for n in sent) == [
        "Client throttled after failed logins",
        "Username throttled after failed logins",
    ]


async def test_the_username_delay_is_423_with_retry_after_and_passes_in_a_second(
    harness: Harness, owner: User
) -> None:
    wrong = {"username": owner.username, "password": WRONG}
    for _ in range(5):
        assert_problem(await harness.client.post(LOGIN, json=wrong), 401, "UNAUTHENTICATED")

    locked = await harness.client.post(
        LOGIN, json={"username": owner.username, "password": PASSWORD}
    )
    harness.clock.advance(timedelta(seconds=1))
    released = await harness.client.post(
        LOGIN, json={"username": owner.username, "password": PASSWORD}
    )

    assert_problem(locked, 423, "LOGIN_LOCKED")
    assert_retry_after(locked, 1)
    assert released.status_code == 200, released.text
    entries = await harness.container.core.audit().entries(target=f"login:{owner.username}")
    assert any(e.action == "auth.lockout" and e.outcome == "locked" for e in entries)


async def test_a_spraying_client_is_429_with_retry_after_and_others_are_not(
    roomy: Harness, elsewhere: httpx.AsyncClient
) -> None:
    harness = roomy
    owner = await harness.user()
    for n in range(11):
        response = await harness.client.post(LOGIN, json={"username": f"u-{n}", "password": WRONG})
        assert_problem(response, 401, "UNAUTHENTICATED")

    throttled = await harness.client.post(
        LOGIN, json={"username": owner.username, "password": PASSWORD}
    )
    other = await elsewhere.post(LOGIN, json={"username": owner.username, "password": PASSWORD})

    assert_problem(throttled, 429, "LOGIN_THROTTLED")
    assert_retry_after(throttled, 60)
    assert other.status_code == 200, other.text


async def test_a_locked_kill_switch_says_when_to_retry(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    body = {"passcode": "wrong-passcode", "scope": {"kind": "account", "id": "acc-1"}}
    for _ in range(5):
        await harness.client.post("/api/v1/kill-switch/activate", json=body, headers=owner.headers)

    locked = await harness.client.post(
        "/api/v1/kill-switch/activate", json=body, headers=owner.headers
    )

    assert_problem(locked, 423, "KILL_SWITCH_LOCKED")
    assert 1 <= int(locked.headers["Retry-After"]) <= 15 * 60
    assert locked.json()["retry_after"] == pytest.approx(int(locked.headers["Retry-After"]))


# -- risk rules name only the caller's own agents and accounts ---------------------------------


async def test_a_rule_naming_another_users_agent_or_account_is_404(
    harness: Harness, owner: User
) -> None:
    other = await harness.user()
    await harness.account(other, "acc-other")
    await harness.account(owner, "acc-mine")
    async with harness.container.core.uow_factory()() as uow:
        await uow.agents.add(Agent("agent-other", other.id))
        await uow.commit()
    rule = {"rule_type": "MAX_ORDER_QUANTITY", "params": {"max_quantity": 5}}
    on_agent = {**rule, "scope": "agent", "agent_id": "agent-other"}
    on_account = {**rule, "account_id": "acc-other"}

    answers = [
        await harness.client.post("/api/v1/risk-rules", json=body, headers=owner.headers)
        for body in (on_agent, on_account, {**on_agent, "agent_id": "agent-nobody"})
    ]

    for response in answers:
        assert_problem(response, 404, "NOT_FOUND")
    assert answers[0].json()["detail"] == "agent agent-other not found"
    assert answers[2].json()["detail"] == "agent agent-nobody not found"
    listed = await harness.client.get("/api/v1/risk-rules", headers=owner.headers)
    assert listed.json()["items"] == []
