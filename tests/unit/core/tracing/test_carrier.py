"""The port's carrier (a span's W3C context to store) and `sending` (a PRODUCER span in the
stored trace, later): what the outbox keeps and the relay continues."""

from __future__ import annotations

from opentelemetry.trace import SpanKind

from adapters.tracing.otel import OtelTracer
from adapters.tracing.propagation import TRACEPARENT
from ports.core.tracing import NO_TRACER
from tests.http.tracing_harness import one, parent_id, span_id, trace_id, traced_provider


def test_tracing_off_has_no_carrier_and_sends_without_a_span() -> None:
    # Act
    carrier = NO_TRACER.carrier()
    with NO_TRACER.sending(
        "outbox.relay t", {TRACEPARENT: "00-" + "1" * 32 + "-" + "2" * 16 + "-01"}
    ):
        inside = NO_TRACER.carrier()

    # Assert
    assert (carrier, inside) == ({}, {})


def test_outside_any_span_the_carrier_is_empty() -> None:
    provider, _ = traced_provider()

    assert OtelTracer(provider.get_tracer("t")).carrier() == {}


def test_a_carrier_taken_in_a_span_is_continued_later_by_a_producer_span() -> None:
    # Arrange
    provider, exporter = traced_provider()
    tracer = OtelTracer(provider.get_tracer("t"))
    with tracer.span("request"):
        carrier = tracer.carrier()

    # Act: later, in no span
    with tracer.sending("outbox.relay events", carrier, count=2):
        inside = tracer.carrier()

    # Assert
    spans = exporter.get_finished_spans()
    request, sent = one(spans, "request"), one(spans, "outbox.relay events")
    assert carrier[TRACEPARENT].split("-")[1] == f"{trace_id(request):032x}"
    assert sent.kind is SpanKind.PRODUCER
    assert (trace_id(sent), parent_id(sent)) == (trace_id(request), span_id(request))
    assert inside[TRACEPARENT].split("-")[2] == f"{span_id(sent):016x}"
    assert sent.attributes is not None and sent.attributes["count"] == 2


def test_sending_with_an_empty_carrier_is_a_plain_span() -> None:
    provider, exporter = traced_provider()
    tracer = OtelTracer(provider.get_tracer("t"))

    with tracer.sending("outbox.relay events", {}):
        pass

    sent = one(exporter.get_finished_spans(), "outbox.relay events")
    assert sent.parent is None
    assert sent.kind is SpanKind.INTERNAL
