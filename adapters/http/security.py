"""Authentication (JWT bearer or agent API key), role guards and security headers."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.openapi.spec import Operation

from adapters.http.key_scopes import refuse_out_of_scope
from adapters.http.read_only import refuse_viewer_change
from adapters.http.services import HTTP_CONFIG_STATE_KEY, HttpConfig
from application.identity.auth import Session
from domain.errors import Unauthenticated
from domain.oauth.tokens import ACCESS_PREFIX as OAUTH_PREFIX
from domain.principals import Principal, Role

if TYPE_CHECKING:
    from adapters.http.core import EdgeServices

API_KEY_PREFIX = "bwk_"


def carries_bearer(connection: ASGIConnection[Any, Any, Any, Any], token: str) -> bool:
    """The request's Authorization header is `Bearer <token>` (compared in constant time): the
    machine tokens of /metrics and the Alertmanager webhook."""
    scheme, _, given = connection.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.encode()
    )


def brings_bearer(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """The request brings some `Bearer` credentials (whatever they are worth)."""
    scheme, _, given = connection.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(given.strip())


PUBLIC_PATHS = [
    "^/health$",
    "^/ready$",
    "^/api/status$",
    "^/api/v1/auth/login$",
    "^/api/v1/auth/refresh$",
    # Getting in without credentials (adapters/http/identity/users.py), throttled like login.
    "^/api/v1/auth/invitations/accept$",
    "^/api/v1/auth/signup$",
    "^/api/v1/auth/password-reset(/confirm)?$",
    "^/schema",
    "^/ws/",  # the WebSocket handler authenticates itself (token on connect)
    "^/console",  # the console authenticates its cookie session itself (console/session.py)
    # OAuth's discovery and endpoints (adapters/http/oauth): the client authenticates there.
    "^/\\.well-known/oauth-",
    "^/oauth/(authorize|token|register|revoke)$",
]
# The MCP endpoint: a 401 there names the resource's metadata (the MCP spec's discovery).
MCP_PATH = "/mcp"
# The one request that may be authenticated from what this process read last while the store
# is unreachable: pulling the kill switch (application/identity/last_sessions.py).
HALT_PATH = "/api/v1/kill-switch/activate"
# Where the app keeps what every request reads at the edge (adapters/http/core: EdgeServices).
EDGE_STATE_KEY = "edge"


class PublicOperation(Operation):
    """An operation anyone may call (PUBLIC_PATHS): `security: []` lifts the document's default."""

    def to_schema(self) -> dict[str, Any]:
        return {**super().to_schema(), "security": []}


@dataclass(frozen=True, slots=True)
class Caller:
    """Who made a request: the principal, and the session when it came with a user token."""

    principal: Principal
    session: Session | None = None


def edge_of(connection: ASGIConnection[Any, Any, Any, Any]) -> EdgeServices:
    """The credentials' checks, the clock and the API's limit (both listeners have them)."""
    edge: EdgeServices = connection.app.state[EDGE_STATE_KEY]
    return edge


def credentials(connection: ASGIConnection[Any, Any, Any, Any], *, allow_query: bool) -> str | None:
    """The token or API key presented: Authorization bearer, X-API-Key, or (WS only) ?token=."""
    authorization = api_key = None
    # The raw header list, read once: building Litestar's Headers costs more than this scan.
    for name, value in connection.scope["headers"]:
        if name == b"authorization" and authorization is None:
            authorization = value.decode("latin-1")
        elif name == b"x-api-key" and api_key is None:
            api_key = value.decode("latin-1")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if api_key and api_key.strip():
        return api_key.strip()
    if allow_query:
        query_token = connection.query_params.get("token")
        if query_token:
            return str(query_token)
    return None


def public_origin(scope: Any) -> str:
    """This server as its users reach it: the app's configured public URL (BULWARK_PUBLIC_URL,
    HttpConfig.public_url) when set, else the scheme and Host the request came with (as the
    proxy passes them on). The OAuth issuer, the resource `/mcp` and the discovery URLs."""
    app = scope.get("litestar_app")
    config = None if app is None else app.state.get(HTTP_CONFIG_STATE_KEY)
    if isinstance(config, HttpConfig) and config.public_url:
        return config.public_url
    host = None
    for name, value in scope.get("headers", ()):
        if name == b"host":
            host = value.decode("latin-1")
            break
    if not host:
        server = scope.get("server") or ("localhost", None)
        host = server[0] if server[1] in (None, 80, 443) else f"{server[0]}:{server[1]}"
    return f"{scope.get('scheme', 'http')}://{host}"


async def authenticate(
    services: EdgeServices,
    credential: str | None,
    *,
    to_halt: bool = False,
    resource: str | None = None,
) -> Caller:
    """Resolve a credential to a caller, or raise NotAuthorizedException (401); `to_halt`
    for a kill-switch activation (AuthService.authenticate). An OAuth access token (`bwo_`)
    counts only for the `resource` it was issued for (None: none is accepted here)."""
    if not credential:
        raise NotAuthorizedException("missing credentials: send 'Authorization: Bearer <token>'")
    try:
        if credential.startswith(API_KEY_PREFIX):
            return Caller(await services.api_keys.authenticate(credential))
        if credential.startswith(OAUTH_PREFIX):
            if services.oauth is None:
                raise Unauthenticated("OAuth access tokens are not accepted here")
            return Caller(await services.oauth.authenticate(credential, resource))
        session = await services.auth.authenticate(credential, to_halt=to_halt)
    except Unauthenticated as exc:
        raise NotAuthorizedException(exc.message) from None
    return Caller(session.principal, session)


class BearerAuthMiddleware(AbstractAuthenticationMiddleware):
    """Puts the authenticated Caller on `request.user`; public paths are excluded."""

    async def authenticate_request(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> AuthenticationResult:
        scope = connection.scope
        to_halt = scope["path"] == HALT_PATH and scope.get("method") == "POST"
        credential = credentials(connection, allow_query=False)
        # The resource an OAuth token must have been issued for (only then worked out: the
        # order path's requests carry a key or a session).
        oauth = credential is not None and credential.startswith(OAUTH_PREFIX)
        resource = f"{public_origin(scope)}{MCP_PATH}" if oauth else None
        try:
            caller = await authenticate(
                edge_of(connection), credential, to_halt=to_halt, resource=resource
            )
        except NotAuthorizedException as exc:
            # A mount sees its path stripped: the path as requested is the raw one.
            asked = scope.get("raw_path", b"").decode("latin-1") or scope["path"]
            if asked == MCP_PATH or asked.startswith(MCP_PATH + "/"):
                origin = public_origin(scope)
                metadata = f"{origin}/.well-known/oauth-protected-resource{MCP_PATH}"
                raise NotAuthorizedException(
                    exc.detail,
                    headers={"WWW-Authenticate": f'Bearer resource_metadata="{metadata}"'},
                ) from None
            raise
        refuse_viewer_change(connection.scope, caller.principal)  # the viewer changes nothing
        refuse_out_of_scope(connection.scope, caller.principal)  # a key within its scopes
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
# Desk reads: the people above plus the read-only viewer (who may change nothing).
READERS = (*HUMANS, Role.VIEWER)
# Reads an agent may make as well (its own accounts, orders, kill-switch state).
READERS_AND_AGENTS = (*TRADERS, Role.VIEWER)


# What the console shows a role (the server refuses regardless: these only hide buttons).
def may_pull_kill_switch(role: Role) -> bool:
    """Pull or resume the kill switch (a scope of one's own; global for supervisors)."""
    return role in HUMANS


def may_trade(role: Role) -> bool:
    """Place and cancel orders."""
    return role in TRADERS


def may_edit_rules(role: Role) -> bool:
    """Create, change, delete and dry-run risk rules."""
    return role in HUMANS


def may_change_anything(role: Role) -> bool:
    """False only for the viewer, who reads what a risk officer reads and changes nothing."""
    return role is not Role.VIEWER
