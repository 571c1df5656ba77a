"""A tiny OTLP/HTTP collector for tests: keeps every span posted to /v1/traces, decoded."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span


@dataclass
class Received:
    """What the collector was sent: each request's path, content type and decoded body."""

    url: str = ""
    requests: list[tuple[str, str, ExportTraceServiceRequest]] = field(default_factory=list)

    def spans(self) -> list[tuple[str, Span]]:
        """(service.name, span) of every span received so far."""
        found: list[tuple[str, Span]] = []
        for _, _, request in list(self.requests):
            for resource_spans in request.resource_spans:
                attributes = resource_spans.resource.attributes
                service = next(
                    (a.value.string_value for a in attributes if a.key == "service.name"), ""
                )
                for scope in resource_spans.scope_spans:
                    found.extend((service, span) for span in scope.spans)
        return found


@contextlib.contextmanager
def otlp_collector() -> Iterator[Received]:
    """A collector on a free local port; `received.url` is its base URL."""
    received = Received()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = ExportTraceServiceRequest.FromString(body)
            received.requests.append((self.path, self.headers["Content-Type"], request))
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    received.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()
