"""The edge of the HTTP surface: one pure ASGI layer for what every request goes through.

Arrival stamp, request id, URL and header vetting, the broad per-client API rate limit,
security headers and the one access-log line per request used to be five nested wrappers,
each with its own closure around `send`, its own pass over the headers and its own call
frame per message. Fused here they cost one frame, one header scan and one `send` wrapper.
It wraps Litestar's own handler, so unknown paths (404) and wrong methods (405) get the
same headers, request id, limit and log line as any route.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from typing import cast

import msgspec
import structlog
from litestar.config.cors import CORSConfig
from litestar.enums import ScopeType
from litestar.types import ASGIApp, HTTPScope, Message, Receive, Scope, Send

from adapters.http.limits import MAX_HEADER_BYTES, MAX_URL_BYTES, refuse, refuse_url
from adapters.http.observability import ARRIVED_AT, RECEIVED_AT
from adapters.http.problems import PROBLEM_JSON, REQUEST_PATH, Problem
from adapters.http.red import HttpRed
from application.core.audit_context import bind_audit_context, reset_audit_context
from ports.core.clock import Clock
from ports.core.ratelimit import RateLimiter

_log = structlog.get_logger("bulwark.access")
_access = logging.getLogger("bulwark.access")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# A path plain enough that no vetting can refuse it: nothing but these bytes, no query.
_PLAIN_PATH = re.compile(rb"^[A-Za-z0-9/._~-]*$")

API_CSP = b"default-src 'none'; frame-ancestors 'none'"
# The console: its own scripts, styles and images only; no inline script or style, no eval;
# fetches and the WebSocket to this origin; forms post only here; never framed.
CONSOLE_CSP = (
    b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    b"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    b"frame-ancestors 'none'"
)
DOCS_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
    b"https://unpkg.com; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
    b"https://unpkg.com https://fonts.googleapis.com; "
    b"font-src 'self' https://fonts.gstatic.com; "
    b"img-src 'self' data: https:; frame-ancestors 'none'"
)


class RequestIds:
    """Request ids for requests that bring none: a random per-process prefix and a counter.

    32 hex characters like a UUID, unique within the process and apart from other
    processes', without a call to the OS's random source per request. An id names a
    request in the logs; it is no secret (the next one is easy to guess).
    """

    def __init__(self) -> None:
        self._prefix = os.urandom(8).hex()
        self._counter = itertools.count(int.from_bytes(os.urandom(4), "big"))

    def new(self) -> str:
        return f"{self._prefix}{next(self._counter) & 0xFFFF_FFFF_FFFF_FFFF:016x}"


@contextmanager
def _request_context(scope: Scope, request_id: str) -> Iterator[None]:
    """While a request or websocket runs: its id in every log line, and its id and client
    address where the audit log reads them (uvicorn's client address: trusted proxies applied).
    """
    tokens = structlog.contextvars.bind_contextvars(request_id=request_id)
    peer = scope.get("client")
    audit_token = bind_audit_context(request_id, peer[0] if peer else None)
    try:
        yield
    finally:
        structlog.contextvars.reset_contextvars(**tokens)
        reset_audit_context(audit_token)


class EdgeMiddleware:
    """Stamps, names, vets, limits, marks and logs each request in one layer.

    - arrival: the moment the server's protocol parsed the request (bootstrap/serving.py),
      else now, on the app's clock: a kill switch's deadline counts from there;
    - request id: a sane X-Request-ID is kept, else one is made; bound for structlog and
      echoed back;
    - vetting: a URL or headers no handler should see answer 4xx problem+json (Litestar
      itself fails with a 500 on a query string that is not UTF-8);
    - API limit: 429 problem+json with Retry-After past `per_minute` calls to /api/ per
      client (token bucket on the RateLimiter port: O(1) per request);
    - security headers: nosniff, frame deny, HSTS, referrer, no-store and a strict CSP
      (relaxed for the docs UI under /schema);
    - one access-log line per HTTP request (uvicorn's own access log is off);
    - RED figures per route template for /metrics (adapters/http/red.py), when given `red`.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        clock: Clock,
        limiter: RateLimiter,
        per_minute: int,
        hsts_seconds: int = 31_536_000,
        max_url_bytes: int = MAX_URL_BYTES,
        cors: CORSConfig | None = None,
        red: HttpRed | None = None,
    ) -> None:
        self.app = app
        self.red = red
        self.cors = cors
        self.clock = clock
        self.limiter = limiter
        self.per_minute = per_minute
        self.max_url_bytes = max_url_bytes
        self.ids = RequestIds()
        self.static: tuple[tuple[bytes, bytes], ...] = (
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"strict-transport-security", f"max-age={hsts_seconds}; includeSubDomains".encode()),
            (b"referrer-policy", b"no-referrer"),
            (b"cache-control", b"no-store"),
        )
        self._static_names = frozenset(name for name, _ in self.static)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == ScopeType.HTTP:
            await self._http(cast("HTTPScope", scope), receive, send)
        elif kind == ScopeType.WEBSOCKET:
            await self._websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _http(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        now = self.clock.monotonic()
        received = scope.get(RECEIVED_AT)
        waited = max(time.monotonic() - received, 0.0) if isinstance(received, float) else 0.0
        scope[ARRIVED_AT] = now - waited  # type: ignore[literal-required]  # our own key
        scope[REQUEST_PATH] = scope["path"]  # type: ignore[literal-required]  # our own key
        request_id = self._request_id(scope)
        id_header = (b"x-request-id", request_id.encode())
        path: str = scope["path"]
        csp = (
            CONSOLE_CSP
            if path.startswith("/console")
            else DOCS_CSP
            if path.startswith("/schema")
            else API_CSP
        )
        status = 0

        async def send_marked(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                names = self._static_names.intersection(name.lower() for name, _ in headers)
                if names:
                    headers.extend(h for h in self.static if h[0] not in names)
                else:
                    headers.extend(self.static)
                headers.append((b"content-security-policy", csp))
                headers.append(id_header)
                message["headers"] = headers
            await send(message)

        with _request_context(scope, request_id):
            try:
                refusal = self._vet(scope)
                if refusal is not None:
                    await refuse(scope, self._own(scope, send_marked), *refusal)
                elif path.startswith("/api/") and not await self._allowed(
                    scope, self._own(scope, send_marked)
                ):
                    pass
                else:
                    await self.app(scope, receive, send_marked)
            finally:
                took = time.perf_counter() - started
                if self.red is not None:
                    # Litestar's router left the matched route's template in the scope; no
                    # answer started means an exception escaped the app: the server answers 500.
                    route = scope.get("path_template")
                    self.red.record(scope["method"], route, status or 500, took)
                if _access.isEnabledFor(logging.INFO):
                    client = scope.get("client")
                    _log.info(
                        "request",
                        method=scope["method"],
                        path=path,  # the path only: query strings may carry tokens
                        status=status,
                        ms=round(took * 1000, 2),
                        client=client[0] if client else None,
                    )

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = self._request_id(scope)
        with _request_context(scope, request_id):
            refusal = self._vet(scope)
            if refusal is not None:
                await refuse(scope, send, *refusal)
            else:
                await self.app(scope, receive, send)

    def _own(self, scope: Scope, send: Send) -> Send:
        """`send` for an answer this layer writes itself: with CORS headers, as Litestar's.

        Litestar's CORS middleware sits inside this layer, so a refusal written here would
        otherwise reach a browser without them and read as a network error, not a 429.
        """
        if self.cors is None:
            return send
        origin = next((v.decode("latin-1") for n, v in scope["headers"] if n == b"origin"), None)
        if origin is None:
            return send
        extra = cors_headers(self.cors, origin, any(n == b"cookie" for n, _ in scope["headers"]))
        return with_headers(send, extra)

    def _request_id(self, scope: Scope) -> str:
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
                if _VALID_ID.match(incoming):
                    return incoming
                break
        return self.ids.new()

    def _vet(self, scope: Scope) -> tuple[int, str, str] | None:
        raw_path = scope.get("raw_path")
        if (
            raw_path is not None
            and not scope.get("query_string")
            and len(raw_path) <= self.max_url_bytes
            and _PLAIN_PATH.match(raw_path)
            and sum(len(n) + len(v) for n, v in scope["headers"]) <= MAX_HEADER_BYTES
        ):
            return None  # a short plain path, no query, headers in bounds: nothing to refuse
        return refuse_url(scope, self.max_url_bytes)

    async def _allowed(self, scope: Scope, send: Send) -> bool:
        """Counts the call against its client's limit; answers 429 itself when over it."""
        client = scope.get("client")
        decision = await self.limiter.hit(
            f"api:{client[0] if client else 'unknown'}", self.per_minute, 60.0
        )
        if decision.allowed:
            return True
        wait = max(1, round(decision.retry_after + 0.5))
        await too_many(scope, send, wait, f"more than {self.per_minute} API calls a minute")
        return False


def cors_headers(config: CORSConfig, origin: str, has_cookie: bool) -> list[tuple[bytes, bytes]]:
    """The headers Litestar's CORS middleware adds to a response for a request from `origin`."""
    headers = dict(config.simple_headers)
    if (config.is_allow_all_origins and has_cookie) or (
        not config.is_allow_all_origins and config.is_origin_allowed(origin=origin)
    ):
        headers["Access-Control-Allow-Origin"] = origin
        headers["Vary"] = "Origin"
    headers["Access-Control-Allow-Headers"] = ", ".join(sorted(set(config.allow_headers)))
    headers["Access-Control-Allow-Methods"] = ", ".join(sorted(set(config.allow_methods)))
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]


async def too_many(scope: Scope, send: Send, wait: int, detail: str) -> None:
    """429 RATE_LIMITED problem+json with Retry-After, as the app's error handlers write it."""
    body = msgspec.json.encode(
        Problem(
            type="https://bulwark.dev/problems/rate-limited",
            title=HTTPStatus.TOO_MANY_REQUESTS.phrase,
            status=429,
            code="RATE_LIMITED",
            detail=detail,
            instance=scope["path"],
            retry_after=float(wait),
        )
    )
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(wait).encode()),
                (b"ratelimit-reset", str(wait).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


def with_headers(send: Send, extra: list[tuple[bytes, bytes]]) -> Send:
    """`send` with `extra` headers added to the answer's start (CORS, the session's cookies)."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", ()), *extra]
        await send(message)

    return send_with_headers
