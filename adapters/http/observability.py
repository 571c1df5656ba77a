"""Request ids and access logs: one id per request, bound to every log line it causes."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from ports.clock import Clock

_log = structlog.get_logger("bulwark.access")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Set by the server's protocol when a request's first bytes are parsed (time.monotonic()).
RECEIVED_AT = "bulwark.received_at"
# When the request arrived, on the app's Clock.monotonic() (what deadlines are measured on).
ARRIVED_AT = "bulwark.arrived_at"


def arrived_at(scope: Scope) -> float | None:
    """A request's arrival on the app's clock (None outside ArrivalMiddleware)."""
    value = scope.get(ARRIVED_AT)
    return value if isinstance(value, float) else None


class ArrivalMiddleware:
    """Stamps each request with its arrival time on the app's clock.

    The server's protocol stamps the moment the event loop first parsed the request
    (bootstrap/serving.py); without it, the moment this outermost wrapper runs. Under load
    the two differ by the time the request waited for the loop, which a deadline must count.
    """

    def __init__(self, app: ASGIApp, clock: Clock) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP:
            now = self.clock.monotonic()
            received = scope.get(RECEIVED_AT)
            waited = max(time.monotonic() - received, 0.0) if isinstance(received, float) else 0.0
            scope[ARRIVED_AT] = now - waited  # type: ignore[literal-required]  # our own key
        await self.app(scope, receive, send)


class RequestIdMiddleware:
    """Takes a sane X-Request-ID or makes one, binds it for structlog, echoes it back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        incoming = dict(scope.get("headers", [])).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, send_with_id)
            finally:
                if scope["type"] == ScopeType.HTTP:
                    _log.info(
                        "request",
                        method=scope.get("method"),
                        path=scope.get("path"),  # the path only: query strings may carry tokens
                        status=status,
                        ms=round((time.perf_counter() - started) * 1000, 2),
                    )
