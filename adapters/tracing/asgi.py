"""The HTTP server span: one pure ASGI layer around the whole app, put there only when
tracing is on (tracing off costs the request nothing).

The span starts as `HTTP <method>` and is renamed `HTTP <method> <route template>` once the
router has matched (Litestar writes the template into the scope), so one name covers every
order id; an unmatched path keeps the short name. A caller's `traceparent` is continued.
Probes and scrapes (`untraced` paths: /health, /ready, /metrics) get no span: polled every
few seconds, they would bury the traces anyone looks for.
"""

from __future__ import annotations

from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from adapters.tracing.propagation import context_from_http

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Any
Send = Any
ASGIApp = Any


UNTRACED = frozenset({"/health", "/ready", "/metrics"})


class ServerSpans:
    """Wraps an ASGI app: a SERVER span per HTTP request, current while the app runs."""

    def __init__(
        self, app: ASGIApp, tracer: trace.Tracer, untraced: frozenset[str] = UNTRACED
    ) -> None:
        self.app = app
        self._tracer = tracer
        self._untraced = untraced

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self._untraced:
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        span = self._tracer.start_span(
            f"HTTP {method}",
            context=context_from_http(scope["headers"]),
            kind=SpanKind.SERVER,
            attributes={"http.request.method": method, "url.path": scope["path"]},
        )
        token = otel_context.attach(trace.set_span_in_context(span))
        status = 0

        async def send_traced(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_traced)
        except BaseException as exc:
            span.record_exception(exc)
            span.set_status(Status(StatusCode.ERROR, type(exc).__name__))
            raise
        finally:
            route = scope.get("path_template")
            if isinstance(route, str) and route:
                span.update_name(f"HTTP {method} {route}")
                span.set_attribute("http.route", route)
            if status:
                span.set_attribute("http.response.status_code", status)
                if status >= 500:
                    span.set_status(Status(StatusCode.ERROR, str(status)))
            otel_context.detach(token)
            span.end()
