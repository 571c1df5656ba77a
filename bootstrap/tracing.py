"""Tracing in the composition root: OpenTelemetry when a collector is named, else off.

The collector: BULWARK_OTLP_ENDPOINT, else the standard OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (as
is) or OTEL_EXPORTER_OTLP_ENDPOINT (/v1/traces added). On: one TracerProvider of this process
(service.name from BULWARK_OTEL_SERVICE_NAME, else OTEL_SERVICE_NAME, else "bulwark"; sampled
ParentBased(TraceIdRatioBased(BULWARK_OTEL_SAMPLE_RATIO)), else as OTEL_TRACES_SAMPLER and
OTEL_TRACES_SAMPLER_ARG say, else every new trace) exporting in batches over OTLP/HTTP from a
background thread; the use cases get its Tracer, the Kafka adapters its MessageTracing, the
HTTP app a server span per request. At shutdown the spans still queued are flushed.
Bulwark's own setting wins over the OTEL_* variable it stands for; OTEL_SDK_DISABLED=true
turns tracing that only OTEL_* variables configure off.
Off: the use cases get NO_TRACER and nothing else is installed. The provider is kept here,
not set as OpenTelemetry's global one, so tests build theirs (an in-memory exporter) freely.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import structlog

from adapters.tracing.messages import NO_MESSAGE_TRACING, MessageTracing
from bootstrap.settings import Settings, SettingsError
from ports.core.tracing import NO_TRACER, Tracer

if TYPE_CHECKING:  # the SDK and the exporter load only when tracing is on
    from litestar import Litestar
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.sampling import Sampler

_log = structlog.get_logger("bulwark.tracing")
TRACES_PATH = "/v1/traces"
DEFAULT_SERVICE_NAME = "bulwark"
_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")
# OTEL_TRACES_SAMPLER's values this process builds (the SDK's own, less the remote ones).
RATIO_SAMPLERS = frozenset({"traceidratio", "parentbased_traceidratio"})
SAMPLERS = RATIO_SAMPLERS | {
    "always_on",
    "always_off",
    "parentbased_always_on",
    "parentbased_always_off",
}


@dataclass(frozen=True)
class TracingChoice:
    """What tracing the settings and the standard OTEL_* variables ask for, once resolved:
    the traces URL, service.name and sampler (OTEL_TRACES_SAMPLER's names, with its ratio)."""

    endpoint: str
    service_name: str = DEFAULT_SERVICE_NAME
    sampler: str = "parentbased_traceidratio"
    ratio: float = 1.0


def choose_tracing(
    settings: Settings, environ: Mapping[str, str] | None = None
) -> TracingChoice | None:
    """The tracing to build (None: off). Each BULWARK_ setting wins over its OTEL_* variable;
    the OTEL_* ones are read from `environ` (the process environment by default) only where
    the setting is unset; a bad one is a SettingsError naming it."""
    env = os.environ if environ is None else environ
    own = settings.observability
    disabled = _true(env.get("OTEL_SDK_DISABLED"))
    if disabled and own.otlp_endpoint is None:
        return None
    endpoint = _endpoint(own.otlp_endpoint, env)
    if endpoint is None:
        return None
    if disabled:
        _log.info("otel_sdk_disabled_ignored", reason="BULWARK_OTLP_ENDPOINT is set and wins")
    service = own.otel_service_name or _text(env, "OTEL_SERVICE_NAME") or DEFAULT_SERVICE_NAME
    if own.otel_sample_ratio is not None:
        return TracingChoice(endpoint, service, "parentbased_traceidratio", own.otel_sample_ratio)
    sampler = (_text(env, "OTEL_TRACES_SAMPLER") or "parentbased_traceidratio").lower()
    if sampler not in SAMPLERS:
        raise SettingsError(
            f"OTEL_TRACES_SAMPLER: expected one of {', '.join(sorted(SAMPLERS))}, "
            f"got {sampler[:40]!r}"
        )
    return TracingChoice(
        endpoint, service, sampler, _ratio(env) if sampler in RATIO_SAMPLERS else 1.0
    )


def _text(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def _endpoint(own: str | None, env: Mapping[str, str]) -> str | None:
    """The traces URL: the setting's, else the traces-only variable's as is, else the
    generic one's with /v1/traces added (as the OTLP exporter specification has it)."""
    if own is not None:
        return traces_url(own)
    for name, as_is in (
        ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", True),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", False),
    ):
        value = _text(env, name)
        if value is None:
            continue
        if not _URL.match(value):
            # The value is not echoed: a URL may carry credentials.
            raise SettingsError(f"{name}: expected an http(s):// URL of an OTLP/HTTP collector")
        return value if as_is else traces_url(value)
    return None


def _ratio(env: Mapping[str, str]) -> float:
    """OTEL_TRACES_SAMPLER_ARG for a ratio sampler: 0 to 1, 1.0 when unset."""
    value = _text(env, "OTEL_TRACES_SAMPLER_ARG")
    if value is None:
        return 1.0
    try:
        ratio = float(value)
    except ValueError:
        ratio = -1.0
    if not 0.0 <= ratio <= 1.0:
        raise SettingsError(
            f"OTEL_TRACES_SAMPLER_ARG: expected a ratio from 0 to 1, got {value[:40]!r}"
        )
    return ratio


def build_sampler(choice: TracingChoice) -> Sampler:
    """The SDK's sampler for a choice (OTEL_TRACES_SAMPLER's meanings)."""
    from opentelemetry.sdk.trace.sampling import (
        ALWAYS_OFF,
        ALWAYS_ON,
        ParentBased,
        TraceIdRatioBased,
    )

    root: Sampler
    kind = choice.sampler.removeprefix("parentbased_")
    if kind == "always_on":
        root = ALWAYS_ON
    elif kind == "always_off":
        root = ALWAYS_OFF
    else:
        root = TraceIdRatioBased(choice.ratio)
    return ParentBased(root) if choice.sampler.startswith("parentbased_") else root


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


def build_tracing(settings: Settings, environ: Mapping[str, str] | None = None) -> Tracing:
    """OTLP/HTTP export in batches when a collector is named (choose_tracing); otherwise off."""
    choice = choose_tracing(settings, environ)
    if choice is None:
        return Tracing()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(
        resource=Resource.create({"service.name": choice.service_name}),
        sampler=build_sampler(choice),
    )
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=choice.endpoint)))
    tracing = tracing_with(provider, owned=True)
    tracing.endpoint = choice.endpoint
    _log.info("tracing_on", endpoint=tracing.endpoint, sampler=provider.sampler.get_description())
    return tracing


async def stop_tracing(tracing: Tracing) -> None:
    """Flush the spans still queued; called after the container's resources have stopped
    (not a resource itself: the consumers' and the app's last spans end while they stop)."""
    await asyncio.to_thread(tracing.shutdown)
