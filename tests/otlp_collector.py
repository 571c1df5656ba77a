"""A tiny OTLP/HTTP collector for tests (a threaded fake of tests/kit/fake_server.py): keeps
every span posted to /v1/traces, decoded."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from tests.kit.fake_server import HttpRequest, threaded_http


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

    def answer(request: HttpRequest) -> tuple[int, bytes, dict[str, str]]:
        exported = ExportTraceServiceRequest.FromString(request.body)
        received.requests.append((request.path, request.header("Content-Type") or "", exported))
        return 200, b"", {}

    with threaded_http(answer, methods=("POST",), content_type="application/x-protobuf") as url:
        received.url = url
        yield received
