"""The Tracer port's two sides: the no-op one, and OpenTelemetry's (parents, links, errors)."""

from __future__ import annotations

import asyncio
import json

import pytest
import structlog
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
from opentelemetry.trace import SpanKind, StatusCode

from adapters.tracing.messages import NO_MESSAGE_TRACING, MessageTracing
from adapters.tracing.otel import OtelTracer
from adapters.tracing.propagation import TRACEPARENT, context_from_record, current_headers
from ports.core.tracing import NO_TRACER
from tests.http.log_capture import captured_logs
from tests.http.tracing_harness import one, parent_id, span_id, trace_id, traced_provider


def test_the_no_op_tracer_records_nothing_and_allocates_no_span() -> None:
    # Act
    first = NO_TRACER.span("gate.evaluate", symbol="AAPL")
    with first as span:
        span.set("approved", True)

    # Assert
    assert NO_TRACER.span("other") is first
    assert NO_TRACER.follows("batch", [object()]) is first
    assert NO_TRACER.origin() is None
    assert not NO_TRACER.enabled


def test_spans_nest_and_an_escaping_exception_marks_the_span_failed() -> None:
    # Arrange
    provider, exporter = traced_provider()
    tracer = OtelTracer(provider.get_tracer("test"))

    def fail() -> None:
        with tracer.span("outer"), tracer.span("inner", step="x") as inner:
            inner.set("count", 2)
            raise ValueError("boom")

    # Act
    with pytest.raises(ValueError, match="boom"):
        fail()

    # Assert
    spans = exporter.get_finished_spans()
    outer, inner_span = one(spans, "outer"), one(spans, "inner")
    assert parent_id(inner_span) == span_id(outer)
    assert inner_span.attributes == {"step": "x", "count": 2}
    assert inner_span.status.status_code is StatusCode.ERROR
    assert [e.name for e in inner_span.events] == ["exception"]


def test_a_batch_span_is_parented_by_the_first_caller_and_linked_to_the_others() -> None:
    # Arrange
    provider, exporter = traced_provider()
    tracer = OtelTracer(provider.get_tracer("test"))
    origins = []
    for name in ("request-1", "request-2", "request-3"):
        with tracer.span(name):
            origins.append(tracer.origin())

    # Act: the batch runs later, outside every request (another task's context)
    with tracer.follows("orders.batch", [*origins, None, origins[1]], orders=3):
        pass

    # Assert
    spans = exporter.get_finished_spans()
    batch = one(spans, "orders.batch")
    first, second, third = (one(spans, f"request-{n}") for n in (1, 2, 3))
    assert parent_id(batch) == span_id(first)
    assert trace_id(batch) == trace_id(first)
    assert [link.context.span_id for link in batch.links] == [span_id(second), span_id(third)]


def test_with_no_origin_known_a_batch_span_is_a_child_of_the_current_span() -> None:
    # Arrange
    provider, exporter = traced_provider()
    tracer = OtelTracer(provider.get_tracer("test"))

    # Act
    with tracer.span("consume"), tracer.follows("orders.batch", [None]):
        pass

    # Assert
    spans = exporter.get_finished_spans()
    assert parent_id(one(spans, "orders.batch")) == span_id(one(spans, "consume"))


def test_record_headers_carry_the_current_span_and_nothing_when_off() -> None:
    # Arrange
    provider, _ = traced_provider()
    tracing = MessageTracing(provider.get_tracer("test"))
    base = [("bulwark-instance", b"node-1")]

    # Act
    outside = tracing.headers(base)
    with provider.get_tracer("test").start_as_current_span("send") as span:
        inside = tracing.headers(base)
        off = NO_MESSAGE_TRACING.headers(base)

    # Assert
    assert outside == base
    assert off is base
    assert inside[0] == base[0]
    [(name, value)] = inside[1:]
    assert name == TRACEPARENT
    assert value.decode().split("-")[1:3] == [
        f"{span.get_span_context().trace_id:032x}",
        f"{span.get_span_context().span_id:016x}",
    ]


async def test_a_spawned_batch_runs_under_one_consumer_span_linking_every_record() -> None:
    # Arrange
    provider, exporter = traced_provider()
    tracing = MessageTracing(provider.get_tracer("test"))
    producer = provider.get_tracer("producer")
    records = []
    for name in ("send-1", "send-2"):
        with producer.start_as_current_span(name):
            records.append(current_headers())
    tracer = OtelTracer(provider.get_tracer("test"))

    async def work() -> str:
        with tracer.span("gate.evaluate"):
            await asyncio.sleep(0)
        return "done"

    # Act
    result = await tracing.spawn("kafka.consume order.submit", records, "orders", work())

    # Assert
    assert result == "done"
    spans = exporter.get_finished_spans()
    consumed = one(spans, "kafka.consume order.submit")
    assert consumed.kind is SpanKind.CONSUMER
    assert parent_id(consumed) == span_id(one(spans, "send-1"))
    assert [link.context.span_id for link in consumed.links] == [span_id(one(spans, "send-2"))]
    assert parent_id(one(spans, "gate.evaluate")) == span_id(consumed)
    assert (consumed.attributes or {})["messaging.destination.name"] == "orders"


def test_a_malformed_traceparent_starts_a_new_trace() -> None:
    # Act
    context = context_from_record([(TRACEPARENT, b"00-not-a-trace-01")])

    # Assert
    assert context is not None
    assert not trace.get_current_span(context).get_span_context().is_valid


def test_log_lines_carry_the_trace_and_span_ids_inside_a_span_only() -> None:
    # Arrange
    provider, _ = traced_provider()
    log = structlog.get_logger("bulwark.test")

    # Act
    with captured_logs("info") as stream:
        log.info("outside")
        with provider.get_tracer("test").start_as_current_span("work") as span:
            log.info("inside")

    # Assert
    outside, inside = (json.loads(line) for line in stream.getvalue().splitlines())
    assert "trace_id" not in outside and "span_id" not in outside
    assert inside["trace_id"] == f"{span.get_span_context().trace_id:032x}"
    assert inside["span_id"] == f"{span.get_span_context().span_id:016x}"


def test_beneath_a_sampled_out_span_no_span_is_started() -> None:
    # Arrange
    exporter = InMemorySpanExporter()
    provider = TracerProvider(sampler=ParentBased(TraceIdRatioBased(0.0)))
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = OtelTracer(provider.get_tracer("test"))

    # Act
    with provider.get_tracer("test").start_as_current_span("request") as request:
        step = tracer.span("gate.evaluate")
        batch = tracer.follows("orders.batch", [tracer.origin()])

    # Assert
    assert not request.is_recording()
    assert step is NO_TRACER.span("any") and batch is step
    assert exporter.get_finished_spans() == ()
