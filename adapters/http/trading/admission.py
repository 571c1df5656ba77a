"""The order path's admission control on the HTTP side: POST /api/v1/orders refused with 503
OVERLOADED and Retry-After when this worker's wait for the order path would pass its bound.

Two places ask, in turn, the worker's one `OrderAdmission` (application/core/admission.py):

- the server, as it parses a request and before it makes a task for it (`EarlyRefusal`,
  called by bootstrap/serving.py's protocol): a refusal there is a few bytes written back in
  the same step, no task, no application code. Under a flood (1,000 connections sending again
  the moment they are refused) this is what keeps a refusal within a few loop turns: through
  the ASGI stack each one cost ~3x as much, and the loop's turn grew with the flood;
- this ASGI layer around the app (inside the edge), for every order the server let through:
  it takes the order in (or refuses it, when the server did not ask) and counts it out once
  answered. Any server (tests, `uvicorn` without httptools) gets the same answers from it.

Either way the refusal comes before Litestar routes, authenticates or reads the body: nothing
of the order was decoded, claimed (Idempotency-Key) or stored, so it may be sent again. Only
order submissions are governed: reads, cancels, the kill switch's routes (on either port) and
the health checks pass straight through.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from http import HTTPStatus

import msgspec
import structlog
from litestar import Litestar
from litestar.enums import ScopeType
from litestar.types import ASGIApp, HTTPScope, Receive, Scope, Send

from adapters.http.edge import API_CSP, EdgeMiddleware, cors_headers
from adapters.http.observability import RECEIVED_AT
from adapters.http.problems import PROBLEM_JSON, Problem, title_for
from application.core.admission import OrderAdmission, Refusal, Ticket

CODE = "OVERLOADED"
# The route admission governs (Litestar's template of it, for the RED figures), and the paths
# that reach it.
ORDER_ROUTE = "/api/v1/orders"
ORDER_PATHS = frozenset({ORDER_ROUTE, ORDER_ROUTE + "/"})
# Refusals the server wrote itself are told in one log line per this many seconds (one access
# line each would be thousands a second in a flood).
LOG_EVERY_S = 1.0
_PROBLEM_TYPE = "https://bulwark.dev/problems/overloaded"
_CONTENT_TYPE = (b"content-type", PROBLEM_JSON.encode())
_STATUS_LINE = f"HTTP/1.1 503 {HTTPStatus.SERVICE_UNAVAILABLE.phrase}\r\n".encode()
_VALID_ID = re.compile(rb"^[A-Za-z0-9._-]{1,64}$")  # the request ids the edge keeps
_log = structlog.get_logger("bulwark.admission")
# Set by the server on an order it asked about as it parsed it and let through.
SCREENED = "bulwark.admission_screened"

Headers = list[tuple[bytes, bytes]]


class OrderAdmissionLayer:
    """Takes each order submission in (`admission.admit`) and counts it out once answered
    (`done`); answers 503 OVERLOADED itself when refused.

    `clock` is the clock the server's arrival stamp is on (time.monotonic)."""

    def __init__(
        self,
        app: ASGIApp,
        admission: OrderAdmission,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.admission = admission
        self.clock = clock
        self._early: EarlyRefusal | None = None

    def early(self, edge: EdgeMiddleware) -> EarlyRefusal:
        """The server's early refusal for this app, one for all its connections."""
        if self._early is None or self._early.edge is not edge:
            self._early = EarlyRefusal(self.admission, edge)
        return self._early

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_order(scope):
            await self.app(scope, receive, send)
            return
        received = scope.get(RECEIVED_AT)
        began = self.clock()
        if isinstance(received, float):
            self.admission.turned(began - received)
        verdict: Ticket | Refusal
        if scope.get(SCREENED):  # the server asked as it parsed it, and let it through
            verdict = self.admission.take(began)
        else:
            verdict = self.admission.admit(began, received if isinstance(received, float) else None)
        if isinstance(verdict, Refusal):
            await overloaded(scope, send, verdict, self.admission.max_wait)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.admission.done(verdict, self.clock())


def _is_order(scope: Scope) -> bool:
    return (
        scope["type"] == ScopeType.HTTP
        and scope["method"] == "POST"
        and scope["path"] in ORDER_PATHS
    )


def problem_body(refusal: Refusal, max_wait: float, path: str) -> bytes:
    """The 503 OVERLOADED problem document."""
    return msgspec.json.encode(
        Problem(
            type=_PROBLEM_TYPE,
            title=title_for(CODE),
            status=503,
            code=CODE,
            detail=(
                f"this worker's order path is full: the order would wait about "
                f"{refusal.expected_wait:.2f} s (the bound is {max_wait:g} s). It was not "
                "read or recorded: send it again after Retry-After, with the same "
                "Idempotency-Key"
            ),
            instance=path,
            retry_after=float(refusal.retry_after),
        )
    )


def _problem_headers(body: bytes, refusal: Refusal) -> Headers:
    return [
        _CONTENT_TYPE,
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(refusal.retry_after).encode()),
    ]


async def overloaded(scope: Scope, send: Send, refusal: Refusal, max_wait: float) -> None:
    """503 OVERLOADED problem+json with Retry-After (whole seconds), as Litestar's errors read;
    with the CORS headers Litestar's CORS layer (inside this one) would have added."""
    # The order route's figures on /metrics count the refusal (Litestar has not routed it).
    scope["path_template"] = ORDER_ROUTE
    body = problem_body(refusal, max_wait, scope["path"])
    headers = _problem_headers(body, refusal)
    config = getattr(scope.get("app"), "cors_config", None)
    origin = _header(scope, b"origin")
    if config is not None and origin is not None:
        headers.extend(cors_headers(config, origin.decode("latin-1"), _cookie(scope)))
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


class EarlyRefusal:
    """The server's own refusal of an order, before any task or application code runs.

    Called with the scope the server parsed: when the worker refuses the order, writes the
    whole HTTP/1.1 answer with `write` (503 OVERLOADED, the edge's headers and request id, the
    server's default headers) and returns the Refusal; None when it is no order or the worker
    would take it (the ASGI layer then takes it in, without asking again). Each refusal is
    counted in the edge's RED figures; the log gets one `orders_refused` line a second, not one
    access line each."""

    def __init__(self, admission: OrderAdmission, edge: EdgeMiddleware) -> None:
        self.admission = admission
        self.edge = edge
        self._logged_at = 0.0
        self._unlogged = 0

    def __call__(
        self,
        scope: HTTPScope,
        keep_alive: bool,
        server_headers: Headers,
        write: Callable[[bytes], object],
    ) -> Refusal | None:
        if scope["method"] != "POST" or scope["path"] not in ORDER_PATHS:
            return None
        now = time.monotonic()
        received = scope.get(RECEIVED_AT)
        began = received if isinstance(received, float) and received <= now else now
        refusal = self.admission.screen(now, began)
        if refusal is None:
            scope[SCREENED] = True  # type: ignore[literal-required]  # our own key
            return None
        write(self._answer(scope, refusal, keep_alive, server_headers))
        if self.edge.red is not None:
            self.edge.red.record("POST", ORDER_ROUTE, 503, time.monotonic() - began)
        self._unlogged += 1
        if now - self._logged_at >= LOG_EVERY_S:
            _log.warning(
                "orders_refused",
                refused=self._unlogged,
                in_flight=self.admission.in_flight,
                expected_wait_s=round(refusal.expected_wait, 3),
                max_wait_s=self.admission.max_wait,
            )
            self._logged_at, self._unlogged = now, 0
        return refusal

    def _answer(
        self,
        scope: HTTPScope,
        refusal: Refusal,
        keep_alive: bool,
        server_headers: Headers,
    ) -> bytes:
        body = problem_body(refusal, self.admission.max_wait, scope["path"])
        headers = [*server_headers, *_problem_headers(body, refusal)]
        headers += self.edge.static
        headers.append((b"content-security-policy", API_CSP))
        given = _header(scope, b"x-request-id")
        request_id = given if given is not None and _VALID_ID.match(given) else None
        headers.append((b"x-request-id", request_id or self.edge.ids.new().encode()))
        origin = _header(scope, b"origin")
        if self.edge.cors is not None and origin is not None:
            headers += cors_headers(self.edge.cors, origin.decode("latin-1"), _cookie(scope))
        if not keep_alive:
            headers.append((b"connection", b"close"))
        lines = [_STATUS_LINE]
        lines += [b"%s: %s\r\n" % (name, value) for name, value in headers]
        lines += [b"\r\n", body]
        return b"".join(lines)


def early_refusal(app: object) -> EarlyRefusal | None:
    """The early refusal of the app a server runs (through the server's own wrappers), None
    when the app has no admission control (off, or the kill switch's listener)."""
    edge: EdgeMiddleware | None = None
    for _ in range(32):  # a chain of wrappers, each holding the next as `app`
        if isinstance(app, OrderAdmissionLayer):
            return None if edge is None else app.early(edge)
        if isinstance(app, EdgeMiddleware):
            edge = app
        app = app.asgi_handler if isinstance(app, Litestar) else getattr(app, "app", None)
        if app is None:
            return None
    return None


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((v for n, v in scope["headers"] if n == name), None)


def _cookie(scope: Scope) -> bool:
    return any(n == b"cookie" for n, _ in scope["headers"])
