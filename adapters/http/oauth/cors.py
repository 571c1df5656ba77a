"""CORS of the OAuth endpoints, by path: a browser-based MCP client (an inspector served from
another origin) reads the discovery documents and calls the token, registration and revocation
endpoints cross-origin, as the MCP SDK's own server allows; the authorization endpoint and the
console's consent page are navigations, and answer no CORS at all.

Litestar's CORS (BULWARK_CORS_ORIGINS) is one policy for the whole app and answers every
preflight itself, so this is a layer of its own around the app, outside Litestar's: on its
paths it answers the preflight and sets the headers, whatever the app's policy says; on every
other path the app's policy stands as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from adapters.http.oauth.endpoints import (
    AS_METADATA_PATH,
    AUTHORIZE_PATH,
    REGISTER_PATH,
    RESOURCE_METADATA_PATHS,
    REVOKE_PATH,
    TOKEN_PATH,
)
from adapters.http.oauth.provider import CONSENT_PATH

ALLOWED_HEADERS = "Authorization, Content-Type, MCP-Protocol-Version"
# The MCP endpoint's own: its session, resumption and routing headers, and an API key.
MCP_PATH = "/mcp"
MCP_ALLOWED_HEADERS = (
    ALLOWED_HEADERS + ", X-API-Key, Mcp-Session-Id, Mcp-Method, Mcp-Name, Last-Event-ID"
)
# What a browser client must read of /mcp's answers: the 401's challenge, its session.
MCP_EXPOSED_HEADERS = b"WWW-Authenticate, Mcp-Session-Id"
MAX_AGE_SECONDS = 600
# The paths a browser may call from any origin, and their methods.
CROSS_ORIGIN: Mapping[str, str] = {
    AS_METADATA_PATH: "GET, OPTIONS",
    **dict.fromkeys(RESOURCE_METADATA_PATHS, "GET, OPTIONS"),
    TOKEN_PATH: "POST, OPTIONS",
    REGISTER_PATH: "POST, OPTIONS",
    REVOKE_PATH: "POST, OPTIONS",
    # Credentials travel in headers, never cookies: a page of another origin gains nothing
    # it does not already hold.
    MCP_PATH: "GET, POST, DELETE, OPTIONS",
}
_CORS_PREFIX = b"access-control-"


def same_origin_only(path: str) -> bool:
    """A navigation's path: never CORS, whatever the app's policy (a page, a redirect)."""
    return path == AUTHORIZE_PATH or path.startswith(CONSENT_PATH + "/")


class OAuthCors:
    """The ASGI layer: `Access-Control-Allow-Origin: *` (no credentials: these endpoints read
    no cookie) and a preflight answered 204 on CROSS_ORIGIN's paths; every CORS header taken
    off the answers of the same-origin ones; the rest passed through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        path = scope["path"].rstrip("/") or "/"
        methods = CROSS_ORIGIN.get(path)
        if methods is not None:
            if scope["method"] == "OPTIONS":
                await _preflight(send, methods, mcp=path == MCP_PATH)
            else:
                await self.app(scope, receive, _cross_origin(send, mcp=path == MCP_PATH))
        elif same_origin_only(path):
            await self.app(scope, receive, _same_origin(send))
        else:
            await self.app(scope, receive, send)


async def _preflight(send: Send, methods: str, *, mcp: bool = False) -> None:
    allowed = MCP_ALLOWED_HEADERS if mcp else ALLOWED_HEADERS
    headers = [
        (b"access-control-allow-origin", b"*"),
        (b"access-control-allow-methods", methods.encode()),
        (b"access-control-allow-headers", allowed.encode()),
        (b"access-control-max-age", str(MAX_AGE_SECONDS).encode()),
        (b"allow", methods.encode()),
        (b"content-length", b"0"),
    ]
    await send({"type": "http.response.start", "status": 204, "headers": headers})
    await send({"type": "http.response.body", "body": b"", "more_body": False})


def _cross_origin(send: Send, *, mcp: bool = False) -> Send:
    """`send`, the answer's CORS headers this layer's (any the app's policy set replaced)."""
    ours = [(b"access-control-allow-origin", b"*")]
    if mcp:
        ours.append((b"access-control-expose-headers", MCP_EXPOSED_HEADERS))

    async def send_open(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*_without_cors(message.get("headers", ())), *ours]
        await send(message)

    return send_open


def _same_origin(send: Send) -> Send:
    """`send`, without any CORS header the app's policy set."""

    async def send_closed(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = _without_cors(message.get("headers", ()))
        await send(message)

    return send_closed


def _without_cors(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [(n, v) for n, v in headers if not n.lower().startswith(_CORS_PREFIX)]
