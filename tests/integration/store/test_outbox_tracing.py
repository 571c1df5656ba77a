"""Outbox rows keep the trace of the request that recorded their events; the relay sends
them in it (PRODUCER span `outbox.relay <destination>`, child of the request's span), on
SQLite and PostgreSQL. Tracing off: NULL in the row, one publish with no trace."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF
from opentelemetry.trace import SpanKind
from sqlalchemy import select

from adapters.postgres.outbox import OutboxRelay, OutboxWriter
from adapters.postgres.tables.outbox import outbox
from adapters.postgres.uow import unit_of_work_factory
from adapters.tracing.otel import OtelTracer
from adapters.tracing.propagation import TRACEPARENT, current_carrier
from domain.events import DomainEvent
from tests.http.tracing_harness import named, parent_id, span_id, trace_id, traced_provider
from tests.integration.store.conftest import StoreUnderTest
from tests.integration.store.outbox_orders import deny

pytestmark = pytest.mark.usefixtures("sql_only")
TOPIC = "bulwark.events"


class CarrierRecordingPublisher:
    """Each publish call's events and the trace context current during it (what the Kafka
    publisher would put in the records' headers)."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[DomainEvent], dict[str, str]]] = []

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        self.calls.append((list(events), current_carrier()))


def _trace_of(carrier: dict[str, str] | None) -> str | None:
    return carrier[TRACEPARENT].split("-")[1] if carrier else None


async def _stored_contexts(store: StoreUnderTest) -> list[dict[str, str] | None]:
    async with store.engine.connect() as conn:
        query = select(outbox.c.trace_context).order_by(outbox.c.id)
        return list((await conn.execute(query)).scalars().all())


async def test_each_request_s_events_are_relayed_in_that_request_s_trace(
    store: StoreUnderTest,
) -> None:
    # Arrange: two requests, each in a trace of its own, committing at the same time (a
    # group commit may write both units' rows in one statement, in no request's context)
    provider, exporter = traced_provider()
    tracer = OtelTracer(provider.get_tracer("bulwark"))
    uow_factory = unit_of_work_factory(store.engine, OutboxWriter(tracer=tracer))
    requests = provider.get_tracer("http")

    async def request(n: int) -> int:
        with requests.start_as_current_span(f"request {n}") as span:
            await deny(uow_factory, n, account=f"acc-{n}")
            return span.get_span_context().trace_id

    traces = await asyncio.gather(request(1), request(2))
    publisher = CarrierRecordingPublisher()
    relay = OutboxRelay(store.engine, publisher, tracer=tracer, destination=TOPIC)

    # Act: the relay runs outside any request
    published = await relay.drain()

    # Assert: the rows keep their request's trace
    stored = await _stored_contexts(store)
    assert {_trace_of(c) for c in stored} == {f"{t:032x}" for t in traces}
    # one publish per request, each in its request's trace
    assert published == 2
    seen = {call[0][0].order_id: _trace_of(call[1]) for call in publisher.calls}  # type: ignore[attr-defined]
    assert seen == {"ord-1": f"{traces[0]:032x}", "ord-2": f"{traces[1]:032x}"}
    # under a PRODUCER span, child of the request's span
    spans = exporter.get_finished_spans()
    relayed = named(spans, f"outbox.relay {TOPIC}")
    assert len(relayed) == 2
    request_spans = {trace_id(s): span_id(s) for s in spans if s.name.startswith("request")}
    for span in relayed:
        assert span.kind is SpanKind.PRODUCER
        assert parent_id(span) == request_spans[trace_id(span)]
        assert span.attributes is not None
        assert span.attributes["messaging.destination.name"] == TOPIC
        assert span.attributes["messaging.batch.message_count"] == 1


async def test_with_tracing_off_rows_hold_null_and_the_batch_is_published_once(
    store: StoreUnderTest,
) -> None:
    # Arrange: the writer without a tracer (off), though a span is current
    provider, exporter = traced_provider()
    with provider.get_tracer("http").start_as_current_span("request"):
        await deny(store.uow, 1, account="acc-1")
        await deny(store.uow, 2, account="acc-2")
    exporter.clear()
    publisher = CarrierRecordingPublisher()
    relay = OutboxRelay(store.engine, publisher, tracer=OtelTracer(provider.get_tracer("b")))

    # Act
    await relay.drain()

    # Assert
    assert await _stored_contexts(store) == [None, None]
    assert [(len(events), carrier) for events, carrier in publisher.calls] == [(2, {})]
    assert exporter.get_finished_spans() == ()


async def test_a_trace_sampled_out_is_passed_on_unsampled(
    store: StoreUnderTest,
) -> None:
    # Arrange: a provider that keeps no trace
    provider = TracerProvider(sampler=ALWAYS_OFF)
    tracer = OtelTracer(provider.get_tracer("bulwark"))
    uow_factory = unit_of_work_factory(store.engine, OutboxWriter(tracer=tracer))
    with provider.get_tracer("http").start_as_current_span("request") as span:
        trace = f"{span.get_span_context().trace_id:032x}"
        await deny(uow_factory, 1, account="acc-1")
    publisher = CarrierRecordingPublisher()

    # Act
    await OutboxRelay(store.engine, publisher, tracer=tracer).drain()

    # Assert: downstream keeps the caller's decision (sampled flag off), in the same trace
    [(_, carrier)] = publisher.calls
    assert _trace_of(carrier) == trace
    flags = int(carrier[TRACEPARENT].split("-")[3], 16)
    assert flags & 0x01 == 0
