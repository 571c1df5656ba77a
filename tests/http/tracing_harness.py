"""A harness whose container traces into an in-memory exporter (the SDK's), for span tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from dependency_injector import providers
from litestar.testing import AsyncTestClient
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from adapters.memory.clock import FakeClock
from bootstrap.app import create_app
from bootstrap.tracing import tracing_with
from tests.http.harness import Harness, test_container, test_settings


def traced_provider() -> tuple[TracerProvider, InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider, exporter


@asynccontextmanager
async def traced_harness(**overrides: str) -> AsyncIterator[tuple[Harness, InMemorySpanExporter]]:
    """The usual in-memory harness with tracing on, its spans kept in memory."""
    provider, exporter = traced_provider()
    clock = FakeClock()
    settings = test_settings(**overrides)
    container = test_container(settings, clock)
    container.core.tracing.override(providers.Object(tracing_with(provider)))
    app = create_app(settings, container)
    async with AsyncTestClient(app) as client:
        yield Harness(container, clock, app, client), exporter


def named(spans: Sequence[ReadableSpan], name: str) -> list[ReadableSpan]:
    return [s for s in spans if s.name == name]


def one(spans: Sequence[ReadableSpan], name: str) -> ReadableSpan:
    found = named(spans, name)
    assert len(found) == 1, [s.name for s in spans]
    return found[0]


def parent_id(span: ReadableSpan) -> int | None:
    return span.parent.span_id if span.parent is not None else None


def span_id(span: ReadableSpan) -> int:
    assert span.context is not None
    return span.context.span_id


def trace_id(span: ReadableSpan) -> int:
    assert span.context is not None
    return span.context.trace_id
