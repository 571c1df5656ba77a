"""The console's session: the API's own tokens, kept in HttpOnly cookies, with CSRF checks.

A browser cannot hold a bearer token safely (any script could read it), so the console keeps
the access and refresh tokens the login issues in cookies that script cannot read
(HttpOnly, SameSite=Strict, Secure over HTTPS). The server authenticates them exactly as it
authenticates a bearer token: the same AuthService, the same revocation, the same roles.

- An expired access token is refreshed here with the refresh cookie (rotation as in the API),
  so a console left open for a shift stays logged in until the refresh token expires.
- Every unsafe request (POST, PUT, PATCH, DELETE) must carry the CSRF token (double-submit:
  the `bulwark_csrf` cookie's value in the `X-CSRF-Token` header, which htmx sends from the
  page's `hx-headers`, or in a `_csrf` form field: a multipart upload's first part) and, when
  the browser sends one, an Origin naming this host. SameSite=Strict already keeps the
  cookies off cross-site requests; the token covers the rest (a sibling subdomain, an old
  browser).
- The WebSocket at /ws/events accepts the access cookie when the handshake's Origin is this
  host (cross-site WebSocket hijacking needs a foreign origin).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import structlog
from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.exceptions import NotAuthorizedException
from litestar.types import ASGIApp, Receive, Scope, Send

from adapters.http.edge import with_headers
from adapters.http.security import Caller, authenticate, edge_of
from application.identity.auth_views import TokenPair
from domain.errors import DomainError

ACCESS_COOKIE = "bulwark_access"
REFRESH_COOKIE = "bulwark_refresh"
CSRF_COOKIE = "bulwark_csrf"
CSRF_HEADER = b"x-csrf-token"
CSRF_FIELD = "_csrf"
CONSOLE_PREFIX = "/console"
LOGIN_PATH = "/console/login"
# Reachable without a session: the login form and the static assets.
OPEN_PATHS = (LOGIN_PATH, "/console/static/")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SCOPE_CSRF_KEY = "bulwark_console_csrf"
SCOPE_USERNAME_KEY = "bulwark_console_username"

_log = structlog.get_logger("bulwark.console")


def read_cookies(scope: Scope) -> dict[str, str]:
    """The request's cookies (the last Cookie header wins on a repeated name)."""
    jar: SimpleCookie = SimpleCookie()
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header: treat as no cookies
                return {}
    return {key: morsel.value for key, morsel in jar.items()}


def _header(scope: Scope, wanted: bytes) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == wanted:
            return str(value.decode("latin-1"))
    return None


def same_origin(scope: Scope) -> bool:
    """False only when the browser says the request came from another site.

    `Sec-Fetch-Site` (every current browser) decides when present; else an Origin naming
    another host refuses. Forms posted from our pages carry `Origin: null` (the pages'
    Referrer-Policy is no-referrer), so a null or absent Origin leaves it to the CSRF token.
    """
    site = _header(scope, b"sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = _header(scope, b"origin")
    if origin is None or origin == "null":
        return True
    return origin.split("://", 1)[-1].rstrip("/") == _header(scope, b"host")


def _from_our_pages(scope: Scope) -> bool:
    """A WebSocket handshake from this host's pages: the Origin (always sent) is this host."""
    origin = _header(scope, b"origin")
    if origin is None or origin == "null":
        return False
    site = _header(scope, b"sec-fetch-site")
    if site is not None and site != "same-origin":
        return False
    return origin.split("://", 1)[-1].rstrip("/") == _header(scope, b"host")


def console_credential(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The console's access cookie, for the WebSocket handshake, only from this host's pages."""
    if not _from_our_pages(connection.scope):
        return None
    return read_cookies(connection.scope).get(ACCESS_COOKIE)


def _is_secure(scope: Scope) -> bool:
    return scope.get("scheme") in ("https", "wss")


@dataclass(frozen=True, slots=True)
class SessionCookie:
    """One cookie the console sets: always Path=/, SameSite=Strict, HttpOnly; Secure on HTTPS.

    Path=/ so the WebSocket at /ws/events receives it too; the API ignores cookies (it reads
    bearer tokens only), so they give a forged cross-site API request nothing.
    """

    name: str
    value: str
    max_age: int
    secure: bool

    def header(self) -> tuple[bytes, bytes]:
        parts = [f"{self.name}={self.value}", "Path=/", f"Max-Age={self.max_age}"]
        parts += ["SameSite=Strict", "HttpOnly", *(["Secure"] if self.secure else [])]
        return (b"set-cookie", "; ".join(parts).encode("latin-1"))


def session_cookies(pair: TokenPair, scope: Scope) -> list[SessionCookie]:
    """The cookies holding a login's (or a refresh's) tokens."""
    secure = _is_secure(scope)
    return [
        SessionCookie(ACCESS_COOKIE, pair.access_token, pair.expires_in, secure),
        SessionCookie(REFRESH_COOKIE, pair.refresh_token, pair.refresh_expires_in, secure),
    ]


def cleared_cookies(scope: Scope) -> list[SessionCookie]:
    secure = _is_secure(scope)
    return [SessionCookie(name, "", 0, secure) for name in (ACCESS_COOKIE, REFRESH_COOKIE)]


def csrf_cookie(token: str, scope: Scope) -> SessionCookie:
    # HttpOnly too: the page gets the token from the server (hx-headers, form fields).
    return SessionCookie(CSRF_COOKIE, token, 12 * 3600, _is_secure(scope))


def username_of(scope: Scope) -> str:
    return str(scope.get(SCOPE_USERNAME_KEY, ""))


def csrf_token_of(scope: Scope) -> str:
    """The token this request's page must send back (set on the response when new)."""
    return str(scope.get(SCOPE_CSRF_KEY, ""))


async def _form_csrf(scope: Scope, receive: Any) -> tuple[str | None, Any]:
    """Reads a urlencoded body for `_csrf`, then replays the body to the handler."""
    content_type = (_header(scope, b"content-type") or "").split(";")[0].strip()
    if content_type == "multipart/form-data":
        return await _multipart_csrf(scope, receive)
    if content_type != "application/x-www-form-urlencoded":
        return None, receive
    chunks: list[bytes] = []
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
        if sum(len(c) for c in chunks) > 1_048_576:
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Any:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    fields = parse_qs(body.decode("latin-1"), keep_blank_values=True)
    values = fields.get(CSRF_FIELD)
    return (values[0] if values else None), replay


_FIRST_PART_LIMIT = 65_536


def _boundary(scope: Scope) -> bytes | None:
    for param in (_header(scope, b"content-type") or "").split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary" and value.strip('"'):
            return value.strip('"').encode("latin-1")
    return None


def _first_part(body: bytes, delimiter: bytes) -> tuple[bool, str | None]:
    """(complete, the `_csrf` value) of a multipart body's first part, read so far."""
    start = delimiter + b"\r\n"
    if not body.startswith(start[: len(body)]):
        return True, None
    head_end = body.find(b"\r\n\r\n", len(start))
    if head_end < 0:
        return False, None
    end = body.find(b"\r\n" + delimiter, head_end + 4)
    if end < 0:
        return False, None
    headers = body[len(start) : head_end].decode("latin-1").lower()
    if f'name="{CSRF_FIELD}"' not in headers or "filename=" in headers:
        return True, None
    return True, body[head_end + 4 : end].decode("latin-1")


async def _multipart_csrf(scope: Scope, receive: Any) -> tuple[str | None, Any]:
    """`_csrf` from a multipart form (a file upload) whose first part it is -- the console's
    upload forms put it first -- reading only that far; the rest streams on to the handler,
    the part read replayed first (a large file is never buffered here)."""
    delimiter = _boundary(scope)
    if delimiter is None:
        return None, receive
    delimiter = b"--" + delimiter
    body, more, value = b"", True, None
    while more and len(body) <= _FIRST_PART_LIMIT:
        message = await receive()
        if message["type"] != "http.request":
            break
        body += message.get("body", b"")
        more = message.get("more_body", False)
        complete, value = _first_part(body, delimiter)
        if complete:
            break
    pending: bytes | None = body

    async def replay() -> Any:
        nonlocal pending
        if pending is not None:
            sent, pending = pending, None
            return {"type": "http.request", "body": sent, "more_body": more}
        return await receive()

    return value, replay


class ConsoleSessionMiddleware:
    """Authenticates console requests from the cookies; checks CSRF; refreshes the session.

    A page request without a session is redirected to the login form (htmx requests get an
    `HX-Redirect` so the whole page moves, not a fragment).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cookies = read_cookies(scope)
        extra: list[tuple[bytes, bytes]] = []
        csrf = cookies.get(CSRF_COOKIE)
        if not csrf or len(csrf) > 64:
            csrf = secrets.token_urlsafe(24)
            extra.append(csrf_cookie(csrf, scope).header())
        scope[SCOPE_CSRF_KEY] = csrf  # type: ignore[literal-required]  # our own key
        if scope["method"] not in SAFE_METHODS:
            sent = _header(scope, CSRF_HEADER)
            if sent is None:
                sent, receive = await _form_csrf(scope, receive)
            if (
                not same_origin(scope)
                or not sent
                or not hmac.compare_digest(sent.encode(), cookies.get(CSRF_COOKIE, "").encode())
            ):
                await _plain(send, 403, "the form is stale or came from another site: reload")
                return
        if not path.startswith(OPEN_PATHS):
            caller, pair = await self._session(scope, cookies)
            if caller is None:
                await _to_login(scope, send, path)
                return
            scope["user"] = caller
            scope["auth"] = caller.session
            scope[SCOPE_USERNAME_KEY] = await self._username(scope, caller)  # type: ignore[literal-required]
            if pair is not None:
                extra.extend(c.header() for c in session_cookies(pair, scope))

        if not extra:
            await self.app(scope, receive, send)
            return

        await self.app(scope, receive, with_headers(send, extra))

    async def _username(self, scope: Scope, caller: Caller) -> str:
        """Shown in the header: who is signed in (the id when the user is gone meanwhile)."""
        try:
            return (await edge_of(ASGIConnection(scope)).auth.user(caller.principal)).username
        except DomainError:
            return caller.principal.id

    async def _session(
        self, scope: Scope, cookies: dict[str, str]
    ) -> tuple[Caller | None, TokenPair | None]:
        edge = edge_of(ASGIConnection(scope))
        access = cookies.get(ACCESS_COOKIE)
        if access:
            try:
                return await authenticate(edge, access), None
            except NotAuthorizedException:
                pass
        refresh = cookies.get(REFRESH_COOKIE)
        if not refresh:
            return None, None
        try:
            pair = await edge.auth.refresh(refresh)
            return await authenticate(edge, pair.access_token), pair
        except (DomainError, NotAuthorizedException) as exc:
            _log.info("console_refresh_refused", reason=type(exc).__name__)
            return None, None


async def _plain(send: Any, status: int, text: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": text.encode()})


async def _to_login(scope: Scope, send: Any, path: str) -> None:
    htmx = _header(scope, b"hx-request") == "true"
    if htmx:  # a fragment loading or polling: after signing in, its page, not the bare fragment
        path = _page_of(_header(scope, b"hx-current-url")) or path
    target = f"{LOGIN_PATH}?next={quote(path)}" if path != CONSOLE_PREFIX else LOGIN_PATH
    headers = [(b"location", target.encode("latin-1"))]
    status = 303
    if htmx:
        status = 200
        headers = [(b"hx-redirect", target.encode("latin-1"))]
    headers.extend(c.header() for c in cleared_cookies(scope))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


def _page_of(current_url: str | None) -> str | None:
    """The console page a browser shows (htmx's HX-Current-URL), as a path of this console;
    None for anything else (another site, the login itself), so `next` never leads away."""
    if not current_url:
        return None
    page = urlsplit(current_url).path
    if page.startswith(CONSOLE_PREFIX) and not page.startswith(LOGIN_PATH):
        return page
    return None
