"""Signing in and out of the console: password, then the one-time code when MFA is on.

The login is the API's AuthService.login (the same lockouts, throttles, audit entries); the
tokens go into HttpOnly cookies (session.py). A user with MFA who sends no code is asked for
it on the same form (the password field is kept empty: it is never echoed back).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, Response, get, post
from litestar.middleware.rate_limit import get_remote_address
from litestar.params import FromQuery
from litestar.response import Redirect, Template

from adapters.http.console.forms import FORM
from adapters.http.console.pages import ConsolePage, page
from adapters.http.console.session import (
    LOGIN_PATH,
    REFRESH_COOKIE,
    SessionCookie,
    cleared_cookies,
    read_cookies,
    session_cookies,
)
from adapters.http.devices.login import (
    DEVICE_COOKIE,
    answer_with_device,
    check_in,
    failures_before,
)
from adapters.http.problems import domain_status
from adapters.http.security import caller_of, edge_of
from domain.errors import DomainError, MfaRequired


class LoginForm(msgspec.Struct):
    username: str = ""
    password: str = ""
    totp_code: str = ""
    next: str = ""


def _safe_next(target: str) -> str:
    """Only a path inside the console: never an open redirect to another site."""
    if target.startswith("/console") and not target.startswith("//") and "\\" not in target:
        return target
    return "/console"


def _login_page(
    request: Request[Any, Any, Any],
    *,
    username: str = "",
    next_path: str = "",
    error: str | None = None,
    code: str | None = None,
    ask_code: bool = False,
    status_code: int = 200,
) -> Template:
    return page(
        request,
        "login.html",
        title="Sign in",
        status_code=status_code,
        context={
            "username": username,
            "next": _safe_next(next_path),
            "error": error,
            "code": code,
            "ask_code": ask_code,
        },
    )


def _with_cookies(response: Response[Any], cookies: list[SessionCookie]) -> Response[Any]:
    for cookie in cookies:
        response.set_cookie(
            cookie.name,
            cookie.value,
            max_age=cookie.max_age,
            path="/",
            secure=cookie.secure,
            httponly=True,
            samesite="strict",
        )
    return response


class ConsoleLoginController(ConsolePage):
    """`/console/login`, `/console/logout`"""

    path = "/"

    @get("/login")
    async def form(self, request: Request[Any, Any, Any], next: FromQuery[str] = "") -> Template:
        return _login_page(request, next_path=next)

    @post("/login", status_code=303)
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[LoginForm, FORM],
    ) -> Response[Any]:
        edge = edge_of(request)
        client = get_remote_address(request)
        try:
            failures = await failures_before(request, data.username)
            pair = await edge.auth.login(
                data.username, data.password, data.totp_code.strip() or None, client=client
            )
            presented = read_cookies(request.scope).get(DEVICE_COOKIE)
            device = await check_in(request, pair.access_token, client, failures, presented)
        except MfaRequired:
            return _login_page(
                request,
                username=data.username,
                next_path=data.next,
                error="Enter the one-time code from your authenticator app, with your password.",
                code=MfaRequired.code,
                ask_code=True,
                status_code=401,
            )
        except DomainError as exc:
            return _login_page(
                request,
                username=data.username,
                next_path=data.next,
                error=exc.message,
                code=exc.code,
                ask_code=bool(data.totp_code),
                status_code=domain_status(exc),
            )
        answer = _with_cookies(
            Redirect(_safe_next(data.next), status_code=303),
            session_cookies(pair, request.scope),
        )
        return answer_with_device(request, answer, device, cookie=True)

    @post("/logout", status_code=303)
    async def logout(self, request: Request[Any, Any, Any]) -> Response[Any]:
        caller = caller_of(request)
        if caller.session is not None:
            refresh = read_cookies(request.scope).get(REFRESH_COOKIE)
            await edge_of(request).auth.logout(caller.session, refresh)
        return _with_cookies(Redirect(LOGIN_PATH, status_code=303), cleared_cookies(request.scope))
