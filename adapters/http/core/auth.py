"""Authentication: login (password + TOTP), refresh rotation, logout, MFA enrolment."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.exceptions import PermissionDeniedException
from litestar.middleware.rate_limit import get_remote_address
from litestar.params import JSONBody

from adapters.http.core import CoreDep
from adapters.http.deps import CallerDep
from adapters.http.devices.login import DEVICE_HEADER, answer_with_device, check_in, failures_before
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.schemas.auth import (
    LoginIn,
    LogoutIn,
    MfaEnrollmentOut,
    MfaVerifyIn,
    RefreshIn,
    ScopesOut,
    TokenOut,
    UserOut,
)
from adapters.http.security import PublicOperation, reject_agents
from domain.identity.permissions import Permission, permissions_text


class AuthController(Controller):
    """`/api/v1/auth`"""

    path = "/auth"

    @post(
        "/login",
        summary="Log in with a password (and a TOTP or backup code when enrolled)",
        description=(
            "401 UNAUTHENTICATED or MFA_REQUIRED. After 4 failures in 15 minutes a username "
            "waits 1 s, doubling per further failure up to 30 s (423 LOGIN_LOCKED); after 10 "
            "failures in an hour a client address waits 1 min, doubling up to 15 min (429 "
            "LOGIN_THROTTLED). Both carry Retry-After and `retry_after`. Send the "
            "`Bulwark-Device` header answered by an earlier login to be known as that device "
            "(docs/devices.md); the answer carries it."
        ),
        status_code=200,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(
            400,
            401,
            423,
            429,
            notes={
                401: "UNAUTHENTICATED, or MFA_REQUIRED: send totp_code",
                429: "LOGIN_THROTTLED (this client failed too often) or RATE_LIMITED",
            },
        ),
    )
    async def login(
        self, data: JSONBody[LoginIn], core: CoreDep, request: Request[Any, Any, Any]
    ) -> Response[TokenOut]:
        client = get_remote_address(request)
        failures = await failures_before(request, data.username)
        pair = await core.auth.login(data.username, data.password, data.totp_code, client=client)
        presented = request.headers.get(DEVICE_HEADER)
        login = await check_in(request, pair.access_token, client, failures, presented)
        return answer_with_device(
            request, Response(TokenOut.from_domain(pair)), login, cookie=False
        )

    @post(
        "/refresh",
        summary="Rotate a refresh token for a new token pair",
        description="Presenting an already-rotated refresh token revokes its whole family (401).",
        status_code=200,
        exclude_from_auth=True,
        operation_class=PublicOperation,
        responses=problem_responses(400, 401, 429),
    )
    async def refresh_tokens(self, data: JSONBody[RefreshIn], core: CoreDep) -> TokenOut:
        return TokenOut.from_domain(await core.auth.refresh(data.refresh_token))

    @post(
        "/logout",
        summary="Revoke this access token (and the refresh family when given)",
        status_code=204,
        guards=[reject_agents],
        responses=problem_responses(400, 401, 403),
        opt=VIEWER_MAY_CALL,
    )
    async def logout(
        self, caller: CallerDep, core: CoreDep, data: JSONBody[LogoutIn | None] = None
    ) -> None:
        if caller.session is None:
            raise PermissionDeniedException("only user sessions can log out")
        await core.auth.logout(caller.session, data.refresh_token if data else None)

    @post(
        "/mfa/enroll",
        summary="Start TOTP enrolment: secret, otpauth URI and backup codes, shown once",
        status_code=200,
        guards=[reject_agents],
        responses=problem_responses(401, 403),
        opt=VIEWER_MAY_CALL,
    )
    async def enroll_mfa(self, caller: CallerDep, core: CoreDep) -> MfaEnrollmentOut:
        return MfaEnrollmentOut.from_domain(await core.auth.enroll_mfa(caller.principal))

    @post(
        "/mfa/verify",
        summary="Confirm TOTP enrolment with a current code",
        description="401 for a wrong code; 409 CONFLICT when no enrolment is pending.",
        status_code=200,
        guards=[reject_agents],
        responses=problem_responses(400, 401, 403, 409),
        opt=VIEWER_MAY_CALL,
    )
    async def confirm_mfa(
        self, data: JSONBody[MfaVerifyIn], caller: CallerDep, core: CoreDep
    ) -> UserOut:
        return UserOut.from_domain(await core.auth.verify_mfa(caller.principal, data.code))

    @get(
        "/scopes",
        summary="What the caller's credentials may do",
        description=(
            "An agent's key or token: its scopes (`read`, `trade`, `halt`). A person's "
            "session: `scopes` null, as the role allows. The MCP server lists only the tools "
            "these allow."
        ),
        responses=problem_responses(401),
    )
    async def get_scopes(self, caller: CallerDep) -> ScopesOut:
        principal = caller.principal
        granted = principal.permissions
        return ScopesOut(
            principal.role.value,
            None if granted is None else permissions_text(Permission(p) for p in granted).split(),
        )

    @get(
        "/me",
        summary="The logged-in user",
        guards=[reject_agents],
        responses=problem_responses(401, 403),
    )
    async def get_current_user(self, caller: CallerDep, core: CoreDep) -> UserOut:
        return UserOut.from_domain(await core.auth.user(caller.principal))
