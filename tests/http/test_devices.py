"""/api/v1/devices: a device per login, the owner's list (rename, revoke), an admin's view,
and step-up before sensitive actions for users with MFA."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pyotp
import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem, bearer
from tests.http.harness import PASSCODE, PASSWORD, Harness, User
from tests.http.test_strategies import STRATEGIES, definition

pytestmark = [
    pytest.mark.serves("devices", "keys", "notifications", "safety", "strategies"),
    pytest.mark.shares_app(),
]

DEVICES = "/api/v1/devices"
LOGIN = "/api/v1/auth/login"
FIREFOX = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}
PHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1"}


async def login(harness: Harness, username: str, headers: dict[str, str], **extra: Any) -> Any:
    response = await harness.client.post(
        LOGIN, json={"username": username, "password": PASSWORD, **extra}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response


async def test_a_login_answers_its_device_and_the_header_keeps_it(
    harness: Harness, owner: User
) -> None:
    first = await login(harness, owner.username, FIREFOX)
    token = first.headers["Bulwark-Device"]
    again = await login(harness, owner.username, {**PHONE, "Bulwark-Device": token})
    phone = await login(harness, owner.username, PHONE)

    listed = await harness.client.get(DEVICES, headers=bearer(again.json()["access_token"]))

    assert listed.status_code == 200, listed.text
    items = listed.json()["items"]
    assert again.headers["Bulwark-Device"] == token
    assert phone.headers["Bulwark-Device"] != token
    assert {i["client"] for i in items} >= {"Firefox on Linux", "Safari on iOS"}
    current = [i for i in items if i["current"]]
    assert len(current) == 1 and current[0]["client"] == "Firefox on Linux"
    assert "fingerprint" not in items[0] and items[0]["trusted"] is False


async def test_a_new_device_login_lands_in_the_notification_center(
    harness: Harness, owner: User
) -> None:
    await login(harness, owner.username, PHONE)

    inbox = await harness.client.get("/api/v1/notifications", headers=owner.headers)

    assert inbox.status_code == 200, inbox.text
    found = [n for n in inbox.json()["items"] if n["event_type"] == "security.new_device"]
    assert any("Safari on iOS" in n["body"] and "Unusual: new device" in n["body"] for n in found)


async def test_rename_and_revoke_are_owner_scoped(harness: Harness, owner: User) -> None:
    other = await harness.user(name="mallory")
    mine = await login(harness, owner.username, PHONE)
    session = bearer(mine.json()["access_token"])
    items = (await harness.client.get(DEVICES, headers=session)).json()["items"]
    device_id = next(i["id"] for i in items if i["current"])

    renamed = await harness.client.patch(
        f"{DEVICES}/{device_id}", json={"name": "phone"}, headers=session
    )
    theirs = await harness.client.patch(
        f"{DEVICES}/{device_id}", json={"name": "x"}, headers=other.headers
    )
    not_theirs = await harness.client.delete(f"{DEVICES}/{device_id}", headers=other.headers)
    blank = await harness.client.patch(
        f"{DEVICES}/{device_id}", json={"name": "   "}, headers=session
    )
    revoked = await harness.client.delete(f"{DEVICES}/{device_id}", headers=owner.headers)
    after = await harness.client.get(DEVICES, headers=session)

    assert renamed.status_code == 200 and renamed.json()["name"] == "phone"
    assert_problem(theirs, 404, "NOT_FOUND")
    assert_problem(not_theirs, 404, "NOT_FOUND")
    assert_problem(blank, 422, "INVALID_DEVICE_NAME")
    assert revoked.status_code == 204, revoked.text
    assert_problem(after, 401, "UNAUTHENTICATED")


async def test_an_admin_lists_a_users_devices_others_may_not(harness: Harness, owner: User) -> None:
    admin = await harness.user(Role.ADMIN)

    seen = await harness.client.get(f"/api/v1/users/{owner.id}/devices", headers=admin.headers)
    refused = await harness.client.get(f"/api/v1/users/{admin.id}/devices", headers=owner.headers)
    unknown = await harness.client.get("/api/v1/users/usr-nobody/devices", headers=admin.headers)

    assert seen.status_code == 200 and len(seen.json()["items"]) == 1
    assert_problem(refused, 403, "FORBIDDEN")
    assert_problem(unknown, 404, "NOT_FOUND")


async def enable_mfa(harness: Harness, user: User) -> pyotp.TOTP:
    enrolled = await harness.client.post("/api/v1/auth/mfa/enroll", headers=user.headers)
    totp = pyotp.TOTP(enrolled.json()["secret"])
    verified = await harness.client.post(
        "/api/v1/auth/mfa/verify", json={"code": totp.at(harness.clock.now())}, headers=user.headers
    )
    assert verified.status_code == 200, verified.text
    harness.clock.advance(timedelta(seconds=60))
    return totp


@pytest.mark.own_app("it moves the clock")
async def test_an_untrusted_device_must_step_up_before_sensitive_actions(
    market: Harness, owner: User
) -> None:
    acc_1 = await market.account(owner, "acc-1")
    totp = await enable_mfa(market, owner)
    logged_in = await login(market, owner.username, PHONE, totp_code=totp.at(market.clock.now()))
    session = bearer(logged_in.json()["access_token"])
    change = {"passcode": "new-passcode-1", "current_passcode": PASSCODE}
    vault_key = {
        "provider": "alpaca",
        "label": "l",
        "scopes": ["trading"],
        "key_id": "PKA1B2C3D4E5F6G7H7XQ",
        "secret": "s3cr3t-0123456789",
    }
    market.clock.advance(timedelta(seconds=60))

    passcode = await market.client.put("/api/v1/kill-switch/passcode", json=change, headers=session)
    vault = await market.client.post("/api/v1/vault/keys", json=vault_key, headers=session)
    live = await market.client.post(
        STRATEGIES, json=definition(acc_1, mode="live", passcode=PASSCODE), headers=session
    )
    wrong = await market.client.post(
        f"{DEVICES}/step-up", json={"totp_code": "12345x"}, headers=session
    )
    still = await market.client.put("/api/v1/kill-switch/passcode", json=change, headers=session)
    stepped = await market.client.post(
        f"{DEVICES}/step-up", json={"totp_code": totp.at(market.clock.now())}, headers=session
    )
    changed = await market.client.put("/api/v1/kill-switch/passcode", json=change, headers=session)
    live_after = await market.client.post(
        STRATEGIES,
        json=definition(acc_1, mode="live", passcode="new-passcode-1"),
        headers=session,
    )

    for refused in (passcode, vault, live, still):
        assert_problem(refused, 403, "STEP_UP_REQUIRED")
    assert_problem(wrong, 401, "UNAUTHENTICATED")
    assert stepped.status_code == 200 and stepped.json()["trusted"] is True, stepped.text
    assert changed.status_code == 204, changed.text
    assert live_after.status_code == 201, live_after.text


async def test_users_without_mfa_are_not_asked_to_step_up(harness: Harness, owner: User) -> None:
    change = {"passcode": "new-passcode-1", "current_passcode": PASSCODE}

    changed = await harness.client.put(
        "/api/v1/kill-switch/passcode", json=change, headers=owner.headers
    )
    wrong = await harness.client.put(
        "/api/v1/kill-switch/passcode", json={"passcode": "another-1"}, headers=owner.headers
    )

    assert changed.status_code == 204, changed.text
    assert_problem(wrong, 403, "WRONG_PASSCODE")
