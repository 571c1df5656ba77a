"""Authentication (JWT bearer or agent API key), role guards and security headers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.openapi.spec import Operation
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from application.auth import Session
from domain.errors import Unauthenticated
from domain.principals import Principal, Role

if TYPE_CHECKING:
    from adapters.http.services import ApiServices

API_KEY_PREFIX = "bwk_"
PUBLIC_PATHS = [
    "^/health$",
    "^/ready$",
    "^/api/status$",
    "^/api/v1/auth/login$",
    "^/api/v1/auth/refresh$",
    "^/schema",
    "^/ws/",  # the WebSocket handler authenticates itself (token on connect)
]


class PublicOperation(Operation):
    """An operation anyone may call (PUBLIC_PATHS): `security: []` lifts the document's default."""

    def to_schema(self) -> dict[str, Any]:
        return {**super().to_schema(), "security": []}


@dataclass(frozen=True, slots=True)
class Caller:
    """Who made a request: the principal, and the session when it came with a user token."""

    principal: Principal
    session: Session | None = None


def services_of(connection: ASGIConnection[Any, Any, Any, Any]) -> ApiServices:
    services: ApiServices = connection.app.state["services"]
    return services


def credentials(connection: ASGIConnection[Any, Any, Any, Any], *, allow_query: bool) -> str | None:
    """The token or API key presented: Authorization bearer, X-API-Key, or (WS only) ?token=."""
    header = connection.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    api_key = connection.headers.get("x-api-key")
    if api_key:
        return api_key.strip()
    if allow_query:
        token = connection.query_params.get("token")
        if token:
            return str(token)
    return None


async def authenticate(services: ApiServices, credential: str | None) -> Caller:
    """Resolve a credential to a caller, or raise NotAuthorizedException (401)."""
    if not credential:
        raise NotAuthorizedException("missing credentials: send 'Authorization: Bearer <token>'")
    try:
        if credential.startswith(API_KEY_PREFIX):
            return Caller(await services.api_keys.authenticate(credential))
        session = await services.auth.authenticate(credential)
    except Unauthenticated as exc:
        raise NotAuthorizedException(exc.message) from None
    return Caller(session.principal, session)


class BearerAuthMiddleware(AbstractAuthenticationMiddleware):
    """Puts the authenticated Caller on `request.user`; public paths are excluded."""

    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        caller = await authenticate(
            services_of(connection), credentials(connection, allow_query=False)
        )
        return AuthenticationResult(user=caller, auth=caller.session)


def caller_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    user = connection.scope.get("user")
    if not isinstance(user, Caller):
        raise NotAuthorizedException("not authenticated")
    return user


def require_roles(*roles: Role) -> Any:
    """A guard: only these roles pass (403 otherwise)."""
    allowed = frozenset(roles)

    def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        if caller_of(connection).principal.role not in allowed:
            raise PermissionDeniedException("your role may not do this")

    return guard


def reject_agents(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
    """A guard for user-only endpoints (sessions, MFA, workspaces): agents get 403."""
    if caller_of(connection).principal.role is Role.AGENT:
        raise PermissionDeniedException("agents may not do this")


HUMANS = (Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN)
TRADERS = (Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN, Role.AGENT)


class SecurityHeadersMiddleware:
    """nosniff, frame deny, HSTS, referrer and a strict CSP (relaxed only for the docs UI)."""

    API_CSP = b"default-src 'none'; frame-ancestors 'none'"
    DOCS_CSP = (
        b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
        b"https://unpkg.com; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
        b"https://unpkg.com https://fonts.googleapis.com; "
        b"font-src 'self' https://fonts.gstatic.com; "
        b"img-src 'self' data: https:; frame-ancestors 'none'"
    )

    def __init__(self, app: ASGIApp, hsts_seconds: int = 31_536_000) -> None:
        self.app = app
        self.static: list[tuple[bytes, bytes]] = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"strict-transport-security", f"max-age={hsts_seconds}; includeSubDomains".encode()),
            (b"referrer-policy", b"no-referrer"),
            (b"cache-control", b"no-store"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        csp = self.DOCS_CSP if scope["path"].startswith("/schema") else self.API_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in self.static if h[0] not in present)
                headers.append((b"content-security-policy", csp))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
