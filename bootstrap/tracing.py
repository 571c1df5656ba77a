"""Tracing in the composition root: OpenTelemetry when BULWARK_OTLP_ENDPOINT is set, else off.

On: one TracerProvider of this process (service.name from BULWARK_OTEL_SERVICE_NAME, sampled
ParentBased(TraceIdRatioBased(BULWARK_OTEL_SAMPLE_RATIO))) exporting in batches over OTLP/HTTP
from a background thread; the use cases get its Tracer, the Kafka adapters its MessageTracing,
the HTTP app a server span per request. At shutdown the spans still queued are flushed.
Off: the use cases get NO_TRACER and nothing else is installed. The provider is kept here,
not set as OpenTelemetry's global one, so tests build theirs (an in-memory exporter) freely.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import structlog

from adapters.tracing.messages import NO_MESSAGE_TRACING, MessageTracing
from bootstrap.settings import Settings
from ports.tracing import NO_TRACER, Tracer

if TYPE_CHECKING:  # the SDK and the exporter load only when tracing is on
    from litestar import Litestar
    from opentelemetry.sdk.trace import TracerProvider

_log = structlog.get_logger("bulwark.tracing")
TRACES_PATH = "/v1/traces"


@dataclass
class Tracing:
    """What the container hands out: the use cases' tracer, the Kafka side's, the provider."""

    tracer: Tracer = NO_TRACER
    messages: MessageTracing = NO_MESSAGE_TRACING
    provider: TracerProvider | None = None
    # Shut down (flushing its exporter) with the process: the one built from the settings.
    owned: bool = field(default=False)
    endpoint: str | None = None

    @property
    def enabled(self) -> bool:
        return self.provider is not None

    def trace_requests(self, app: Litestar) -> Litestar:
        """A SERVER span around each HTTP request of `app` (outermost); nothing when off."""
        if self.provider is not None:
            from litestar.types import ASGIApp

            from adapters.tracing.asgi import ServerSpans

            spans = ServerSpans(app.asgi_handler, self.provider.get_tracer("bulwark.http"))
            app.asgi_handler = cast("ASGIApp", spans)
        return app

    def shutdown(self) -> None:
        """Export what is still queued, then stop the exporter (blocking: run off the loop)."""
        if self.provider is not None and self.owned:
            self.provider.shutdown()


def traces_url(endpoint: str) -> str:
    """The OTLP/HTTP traces URL: a base URL gets /v1/traces, a full one is kept."""
    trimmed = endpoint.rstrip("/")
    return trimmed if trimmed.endswith(TRACES_PATH) else trimmed + TRACES_PATH


def tracing_with(provider: TracerProvider, *, owned: bool = False) -> Tracing:
    """Tracing on, through `provider` (tests pass one with an in-memory exporter)."""
    from adapters.tracing.otel import OtelTracer

    return Tracing(
        tracer=OtelTracer(provider.get_tracer("bulwark")),
        messages=MessageTracing(provider.get_tracer("bulwark.kafka")),
        provider=provider,
        owned=owned,
    )


def build_tracing(settings: Settings) -> Tracing:
    """OTLP/HTTP export in batches when BULWARK_OTLP_ENDPOINT is set; otherwise off."""
    if settings.observability.otlp_endpoint is None:
        return Tracing()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor
    from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

    provider = TracerProvider(
        resource=Resource.create({"service.name": settings.observability.otel_service_name}),
        sampler=ParentBased(TraceIdRatioBased(settings.observability.otel_sample_ratio)),
    )
    provider.add_span_processor(
        BatchSpanProcessor(
            OTLPSpanExporter(endpoint=traces_url(settings.observability.otlp_endpoint))
        )
    )
    tracing = tracing_with(provider, owned=True)
    tracing.endpoint = traces_url(settings.observability.otlp_endpoint)
    _log.info("tracing_on", endpoint=tracing.endpoint, sampler=provider.sampler.get_description())
    return tracing


async def stop_tracing(tracing: Tracing) -> None:
    """Flush the spans still queued; called after the container's resources have stopped
    (not a resource itself: the consumers' and the app's last spans end while they stop)."""
    await asyncio.to_thread(tracing.shutdown)
