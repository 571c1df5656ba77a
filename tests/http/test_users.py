"""Users over HTTP: admin management, invitations, sign-up, password change and reset."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from domain.principals import Principal, Role
from tests.http.core_helpers import assert_problem, bearer, field_names, harness_with
from tests.http.harness import PASSWORD, Harness, User

pytestmark = pytest.mark.serves("devices")

USERS = "/api/v1/users"
INVITATIONS = "/api/v1/invitations"
ACCEPT = "/api/v1/auth/invitations/accept"
SIGNUP = "/api/v1/auth/signup"
PASSWORD_CHANGE = "/api/v1/auth/password"
RESET = "/api/v1/auth/password-reset"
RESET_CONFIRM = "/api/v1/auth/password-reset/confirm"
ME = "/api/v1/auth/me"
NEW_PASSWORD = "a brand new passphrase"


def sent(harness: Harness) -> list[Any]:
    return list(harness.container.core.notifier().sent)


# -- admin management ----------------------------------------------------------------------
async def test_an_admin_creates_lists_and_reads_users(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)
    body = {"username": "carol", "password": PASSWORD, "role": "trader", "email": "C@Example.com"}

    created = await harness.client.post(USERS, json=body, headers=admin.headers)
    listed = await harness.client.get(USERS, params={"limit": 1}, headers=admin.headers)
    after = await harness.client.get(
        USERS, params={"after": listed.json()["next_after"]}, headers=admin.headers
    )
    read = await harness.client.get(f"{USERS}/{created.json()['id']}", headers=admin.headers)

    assert created.status_code == 201, created.text
    assert created.json()["email"] == "c@example.com" and created.json()["active"] is True
    assert [u["username"] for u in listed.json()["items"]] == [admin.username]
    assert [u["username"] for u in after.json()["items"]] == ["carol"]
    assert read.json()["role"] == "trader"


async def test_a_non_admin_gets_403_on_admin_operations_and_404_for_others(
    harness: Harness, owner: User
) -> None:
    other = await harness.user(Role.TRADER)
    body = {"username": "carol", "password": PASSWORD, "role": "trader"}

    refused = [
        await harness.client.post(USERS, json=body, headers=owner.headers),
        await harness.client.get(USERS, headers=owner.headers),
        await harness.client.patch(
            f"{USERS}/{other.id}", json={"role": "admin"}, headers=owner.headers
        ),
        await harness.client.post(f"{USERS}/{other.id}/deactivate", headers=owner.headers),
        await harness.client.post(f"{USERS}/{other.id}/reactivate", headers=owner.headers),
        await harness.client.post(f"{USERS}/{other.id}/mfa-reset", headers=owner.headers),
        await harness.client.post(INVITATIONS, json={"role": "trader"}, headers=owner.headers),
        await harness.client.get(INVITATIONS, headers=owner.headers),
    ]
    someone_else = await harness.client.get(f"{USERS}/{other.id}", headers=owner.headers)
    myself = await harness.client.get(f"{USERS}/{owner.id}", headers=owner.headers)

    for response in refused:
        assert_problem(response, 403, "FORBIDDEN")
    assert_problem(someone_else, 404, "NOT_FOUND")
    assert myself.status_code == 200 and myself.json()["username"] == owner.username


async def test_creating_a_user_names_the_bad_field(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)

    weak = await harness.client.post(
        USERS, json={"username": "carol", "password": "password1234", "role": "trader"},
        headers=admin.headers,
    )  # fmt: skip
    bad_email = await harness.client.post(
        USERS, json={"username": "carol", "password": PASSWORD, "role": "trader", "email": "x@"},
        headers=admin.headers,
    )  # fmt: skip
    bad_role = await harness.client.post(
        USERS, json={"username": "carol", "password": PASSWORD, "role": "agent"},
        headers=admin.headers,
    )  # fmt: skip
    taken = await harness.client.post(
        USERS, json={"username": admin.username, "password": PASSWORD, "role": "trader"},
        headers=admin.headers,
    )  # fmt: skip

    assert assert_problem(weak, 422, "PASSWORD_TOO_COMMON")["errors"][0]["field"] == "password"
    assert field_names(assert_problem(bad_email, 422, "INVALID_CREDENTIALS_INPUT")) == {"email"}
    assert field_names(assert_problem(bad_role, 400, "VALIDATION_ERROR")) == {"role"}
    assert_problem(taken, 409, "CONFLICT")


async def test_role_changes_guard_the_admin_themselves_and_the_last_admin(
    harness: Harness, owner: User
) -> None:
    admin = await harness.user(Role.ADMIN)

    promoted = await harness.client.patch(
        f"{USERS}/{owner.id}", json={"role": "risk_officer"}, headers=admin.headers
    )
    own = await harness.client.patch(
        f"{USERS}/{admin.id}", json={"role": "owner"}, headers=admin.headers
    )
    unknown = await harness.client.patch(
        f"{USERS}/usr-404", json={"role": "owner"}, headers=admin.headers
    )

    assert promoted.status_code == 200 and promoted.json()["role"] == "risk_officer"
    me = await harness.client.get(ME, headers=owner.headers)
    assert me.json()["role"] == "risk_officer"
    assert_problem(own, 403, "OWN_ROLE_CHANGE")
    assert_problem(unknown, 404, "NOT_FOUND")


async def test_the_last_admin_cannot_be_deactivated(harness: Harness) -> None:
    first = await harness.user(Role.ADMIN)
    second = await harness.user(Role.ADMIN)
    await harness.client.post(f"{USERS}/{second.id}/deactivate", headers=first.headers)
    # Only the system could now try to remove `first`; over HTTP it is the caller itself.

    response = await harness.client.post(f"{USERS}/{first.id}/deactivate", headers=first.headers)

    assert_problem(response, 403, "OWN_ROLE_CHANGE")
    users = harness.container.identity.user_admin()

    refused = None
    try:
        await users.deactivate(Principal.system(), first.id)
    except Exception as exc:
        refused = exc
    assert getattr(refused, "code", None) == "LAST_ADMIN"


async def test_deactivation_kills_the_live_session_and_login(harness: Harness, owner: User) -> None:
    admin = await harness.user(Role.ADMIN)
    assert (await harness.client.get(ME, headers=owner.headers)).status_code == 200

    response = await harness.client.post(f"{USERS}/{owner.id}/deactivate", headers=admin.headers)

    assert response.status_code == 200 and response.json()["active"] is False
    assert_problem(await harness.client.get(ME, headers=owner.headers), 401, "UNAUTHENTICATED")
    refresh = await harness.client.post(
        "/api/v1/auth/refresh", json={"refresh_token": owner.refresh_token}
    )
    assert_problem(refresh, 401, "UNAUTHENTICATED")
    login = await harness.client.post(
        "/api/v1/auth/login", json={"username": owner.username, "password": PASSWORD}
    )
    assert_problem(login, 401, "ACCOUNT_DEACTIVATED")

    back = await harness.client.post(f"{USERS}/{owner.id}/reactivate", headers=admin.headers)

    assert back.json()["active"] is True
    assert await harness.login(owner.username)


async def test_an_admin_resets_mfa_and_the_user_is_told(harness: Harness, owner: User) -> None:
    admin = await harness.user(Role.ADMIN)
    await harness.client.post("/api/v1/auth/mfa/enroll", headers=owner.headers)

    response = await harness.client.post(f"{USERS}/{owner.id}/mfa-reset", headers=admin.headers)

    assert response.status_code == 200 and response.json()["mfa_enabled"] is False
    assert sent(harness)[-1].recipient == owner.id
    entries = await harness.container.core.audit().entries(f"user:{owner.id}")
    assert (entries[0].action, entries[0].actor) == ("user.mfa_reset", admin.id)


# -- invitations -----------------------------------------------------------------------------
async def test_an_invitation_is_accepted_once(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)
    created = await harness.client.post(
        INVITATIONS, json={"role": "trader", "email": "dana@example.com"}, headers=admin.headers
    )
    token = created.json()["token"]
    accept = {"token": token, "username": "dana", "password": PASSWORD}

    first = await harness.client.post(ACCEPT, json=accept)
    again = await harness.client.post(ACCEPT, json={**accept, "username": "dana2"})
    listed = await harness.client.get(INVITATIONS, headers=admin.headers)

    assert created.status_code == 201 and created.json()["invitation"]["status"] == "pending"
    assert token in sent(harness)[-1].body
    assert first.status_code == 201, first.text
    assert first.json()["role"] == "trader"
    assert_problem(again, 422, "INVITATION_USED")
    assert listed.json()["items"][0]["status"] == "used"
    assert "token" not in listed.json()["items"][0]
    assert await harness.login("dana")


async def test_expired_revoked_and_unknown_invitations_have_their_codes(harness: Harness) -> None:
    admin = await harness.user(Role.ADMIN)

    async def invite(hours: int = 72) -> dict[str, Any]:
        response = await harness.client.post(
            INVITATIONS, json={"role": "owner", "expires_in_hours": hours}, headers=admin.headers
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    short, revoked = await invite(1), await invite()
    deleted = await harness.client.delete(
        f"{INVITATIONS}/{revoked['invitation']['id']}", headers=admin.headers
    )
    missing = await harness.client.delete(f"{INVITATIONS}/inv-404", headers=admin.headers)
    too_long = await harness.client.post(
        INVITATIONS, json={"role": "owner", "expires_in_hours": 721}, headers=admin.headers
    )
    harness.clock.advance(timedelta(hours=1))

    def accept(token: str) -> dict[str, str]:
        return {"token": token, "username": "erin", "password": PASSWORD}

    expired = await harness.client.post(ACCEPT, json=accept(short["token"]))
    gone = await harness.client.post(ACCEPT, json=accept(revoked["token"]))
    unknown = await harness.client.post(ACCEPT, json=accept("inv-404.nope"))

    assert deleted.status_code == 204
    assert_problem(missing, 404, "NOT_FOUND")
    assert field_names(assert_problem(expired, 422, "INVITATION_EXPIRED")) == {"token"}
    assert_problem(gone, 422, "INVITATION_REVOKED")
    assert_problem(unknown, 422, "INVITATION_INVALID")
    assert field_names(assert_problem(too_long, 400, "VALIDATION_ERROR")) == {"expires_in_hours"}


# -- sign-up ------------------------------------------------------------------------------
async def test_signup_is_closed_by_default(harness: Harness) -> None:
    response = await harness.client.post(SIGNUP, json={"username": "frank", "password": PASSWORD})

    assert_problem(response, 404, "SIGNUP_CLOSED")


async def test_open_signup_creates_an_owner() -> None:
    async with harness_with(open_signup="true") as harness:
        response = await harness.client.post(
            SIGNUP, json={"username": "frank", "password": PASSWORD, "email": "f@example.com"}
        )
        weak = await harness.client.post(SIGNUP, json={"username": "gina1", "password": "short"})

        assert response.status_code == 201, response.text
        assert response.json()["role"] == "owner"
        assert field_names(assert_problem(weak, 422, "INVALID_CREDENTIALS_INPUT")) == {"password"}
        assert await harness.login("frank")


# -- passwords -----------------------------------------------------------------------------
async def test_a_password_change_answers_a_fresh_pair_and_ends_other_sessions(
    harness: Harness, owner: User
) -> None:
    other = await harness.login(owner.username)

    response = await harness.client.post(
        PASSWORD_CHANGE,
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=owner.headers,
    )
    wrong = await harness.client.post(
        PASSWORD_CHANGE,
        json={"current_password": "not my password", "new_password": NEW_PASSWORD},
        headers=bearer(response.json()["access_token"]),
    )

    assert response.status_code == 200, response.text
    assert_problem(
        await harness.client.get(ME, headers=bearer(other["access_token"])), 401, "UNAUTHENTICATED"
    )
    assert_problem(await harness.client.get(ME, headers=owner.headers), 401, "UNAUTHENTICATED")
    assert (
        await harness.client.get(ME, headers=bearer(response.json()["access_token"]))
    ).status_code == 200
    assert_problem(wrong, 401, "UNAUTHENTICATED")
    assert await harness.login(owner.username, NEW_PASSWORD)


async def test_a_weak_new_password_names_new_password(harness: Harness, owner: User) -> None:
    response = await harness.client.post(
        PASSWORD_CHANGE,
        json={"current_password": PASSWORD, "new_password": "qwerty123456"},
        headers=owner.headers,
    )

    assert field_names(assert_problem(response, 422, "PASSWORD_TOO_COMMON")) == {"new_password"}


async def test_a_reset_answers_the_same_for_anyone_and_its_token_works_once(
    harness: Harness, owner: User
) -> None:
    nobody = await harness.client.post(RESET, json={"identifier": "nobody"})
    somebody = await harness.client.post(RESET, json={"identifier": owner.username})
    token = next(w for w in sent(harness)[-1].body.split() if w.startswith("pwr-"))

    confirmed = await harness.client.post(
        RESET_CONFIRM, json={"token": token, "new_password": NEW_PASSWORD}
    )
    reused = await harness.client.post(
        RESET_CONFIRM, json={"token": token, "new_password": NEW_PASSWORD}
    )
    forged = await harness.client.post(
        RESET_CONFIRM, json={"token": "pwr-1.forged", "new_password": NEW_PASSWORD}
    )

    assert nobody.status_code == somebody.status_code == 202
    assert nobody.json() == somebody.json()
    assert confirmed.status_code == 204, confirmed.text
    assert_problem(await harness.client.get(ME, headers=owner.headers), 401, "UNAUTHENTICATED")
    assert_problem(reused, 422, "RESET_TOKEN_USED")
    assert_problem(forged, 422, "RESET_TOKEN_INVALID")
    assert await harness.login(owner.username, NEW_PASSWORD)


async def test_an_expired_reset_token_is_refused(harness: Harness, owner: User) -> None:
    await harness.client.post(RESET, json={"identifier": owner.username})
    token = next(w for w in sent(harness)[-1].body.split() if w.startswith("pwr-"))
    harness.clock.advance(timedelta(minutes=31))

    response = await harness.client.post(
        RESET_CONFIRM, json={"token": token, "new_password": NEW_PASSWORD}
    )

    assert_problem(response, 422, "RESET_TOKEN_EXPIRED")


async def test_public_onboarding_endpoints_are_rate_limited_per_client() -> None:
    async with harness_with(login_rate_per_minute="2") as harness:
        answers = [
            (await harness.client.post(RESET, json={"identifier": "nobody"})).status_code
            for _ in range(3)
        ]

        assert answers == [202, 202, 429]
