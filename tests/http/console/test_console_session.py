"""The console's session: login (with TOTP), cookies, CSRF, refresh, logout, CSP, static assets."""

from __future__ import annotations

import pyotp
import pytest

from domain.principals import Role
from tests.http.console.helpers import console_client, signed_in
from tests.http.core_helpers import harness_with
from tests.http.harness import Harness

pytestmark = pytest.mark.serves("trading", "safety", "market_data", "devices", "console")


async def test_a_page_without_a_session_redirects_to_the_login_form(harness: Harness) -> None:
    async with console_client(harness) as client:
        response = await client.get("/console")

    assert response.status_code == 303
    assert response.headers["location"] == "/console/login"


async def test_an_htmx_request_without_a_session_moves_the_whole_page(harness: Harness) -> None:
    async with console_client(harness) as client:
        response = await client.htmx("GET", "/console")

    assert response.status_code == 200
    assert response.headers["hx-redirect"] == "/console/login"


async def test_a_fragment_without_a_session_sends_its_page_not_itself_to_the_login(
    harness: Harness,
) -> None:
    # Arrange: the devices page polls a fragment after its session expired
    page = {"HX-Current-URL": "http://testserver.local/console/devices"}
    away = {"HX-Current-URL": "https://elsewhere.example/phish"}

    # Act
    async with console_client(harness) as client:
        fragment = await client.htmx("GET", "/console/overview", headers=page)
        elsewhere = await client.htmx("GET", "/console/overview", headers=away)

    # Assert: back to the page after signing in; `next` only ever names a console path
    assert fragment.headers["hx-redirect"] == "/console/login?next=/console/devices"
    assert elsewhere.headers["hx-redirect"] == "/console/login?next=/console/overview"


async def test_login_sets_http_only_strict_cookies_and_opens_the_overview(
    harness: Harness,
) -> None:
    user = await harness.user(Role.RISK_OFFICER)
    async with console_client(harness) as client:
        form = await client.get("/console/login")
        response = await client.login(user.username)
        overview = await client.get("/console")

    assert form.status_code == 200
    assert "script-src 'self'" in form.headers["content-security-policy"]
    assert "unsafe-inline" not in form.headers["content-security-policy"]
    assert response.status_code == 303 and response.headers["location"] == "/console"
    cookies = response.headers.get_list("set-cookie")
    access = next(c for c in cookies if c.startswith("bulwark_access="))
    assert "HttpOnly" in access and "samesite=strict" in access.lower() and "Path=/" in access
    assert overview.status_code == 200
    assert "Trading state" in overview.text
    assert user.id in overview.text


async def test_a_wrong_password_re_renders_the_form_with_the_reason(harness: Harness) -> None:
    user = await harness.user()
    async with console_client(harness) as client:
        response = await client.login(user.username, "not-the-password")

    assert response.status_code == 401
    assert "UNAUTHENTICATED" in response.text
    assert "not-the-password" not in response.text
    assert "bulwark_access" not in response.headers.get("set-cookie", "")


async def test_mfa_users_are_asked_for_their_code_and_get_in_with_it(harness: Harness) -> None:
    user = await harness.user()
    enrol = await harness.client.post("/api/v1/auth/mfa/enroll", headers=user.headers)
    secret = enrol.json()["secret"]
    confirm = await harness.client.post(
        "/api/v1/auth/mfa/verify",
        headers=user.headers,
        json={"code": pyotp.TOTP(secret).at(harness.clock.now())},
    )
    assert confirm.status_code == 200, confirm.text
    harness.clock.advance(31)

    async with console_client(harness) as client:
        asked = await client.login(user.username)
        code = pyotp.TOTP(secret).at(harness.clock.now())
        signed = await client.login(user.username, totp=code)

    assert asked.status_code == 401 and "MFA_REQUIRED" in asked.text
    assert 'id="totp_code"' in asked.text and "required" in asked.text
    assert signed.status_code == 303


async def test_a_post_without_the_csrf_token_is_refused(harness: Harness) -> None:
    user = await harness.user()
    async with signed_in(harness, user.username) as client:
        no_token = await client.http.post("/console/logout")
        foreign = await client.http.post(
            "/console/logout",
            data={"_csrf": client.csrf},
            headers={"Origin": "https://evil.example"},
        )
        still_in = await client.get("/console")

    assert no_token.status_code == 403
    assert foreign.status_code == 403
    assert still_in.status_code == 200


async def test_logout_revokes_the_session(harness: Harness) -> None:
    user = await harness.user()
    async with signed_in(harness, user.username) as client:
        access = client.http.cookies.get("bulwark_access")
        out = await client.post("/console/logout")
        after = await client.get("/console")
    api = await harness.client.get(
        "/api/v1/kill-switch/status", headers={"Authorization": f"Bearer {access}"}
    )

    assert out.status_code == 303 and out.headers["location"] == "/console/login"
    assert after.status_code == 303
    assert api.status_code == 401


async def test_an_expired_access_token_is_refreshed_from_the_refresh_cookie(
    harness: Harness,
) -> None:
    user = await harness.user()
    async with signed_in(harness, user.username) as client:
        before = client.http.cookies.get("bulwark_access")
        harness.clock.advance(3600)
        page = await client.get("/console")
        after = client.http.cookies.get("bulwark_access")

    assert page.status_code == 200
    assert after and after != before


async def test_next_never_redirects_off_the_console(harness: Harness) -> None:
    user = await harness.user()
    async with console_client(harness) as client:
        await client.get("/console/login")
        response = await client.post(
            "/console/login",
            {
                "username": user.username,
                "password": "correct-horse-battery",
                "next": "//evil.example/x",
            },
        )

    assert response.headers["location"] == "/console"


async def test_static_assets_are_served_with_their_licences(harness: Harness) -> None:
    async with console_client(harness) as client:
        htmx = await client.get("/console/static/vendor/htmx/htmx.min.js")
        licence = await client.get("/console/static/vendor/uplot/LICENSE")
        escape = await client.get("/console/static/../session.py")

    assert htmx.status_code == 200 and "htmx" in htmx.text
    assert "MIT" in licence.text
    # `..` is resolved before routing (/console/session.py): the console's unknown-path page,
    # which asks for a session first; never the source file.
    assert escape.status_code in (303, 404) and "__future__" not in escape.text


async def test_the_login_form_has_the_login_rate_limit() -> None:
    async with harness_with(login_rate_per_minute="3") as harness:
        user = await harness.user()
        async with console_client(harness) as client:
            await client.get("/console/login")
            statuses = [
                (await client.login(user.username, "wrong-password")).status_code for _ in range(4)
            ]
            page = await client.get("/console/login")

    assert statuses[:3] == [401, 401, 401]
    assert statuses[3] == 429
    assert page.status_code == 200  # reading the form is not counted
