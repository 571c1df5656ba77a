"""Traces across Kafka: a command's producer trace goes on in the consumer, and out again.

The producer (an agent, here the test) sends an order command with `traceparent` in the
record's headers from inside a span of its own; the node, tracing into an in-memory
exporter, decides it under a CONSUMER span whose parent is that span, and the decision and
the events it publishes carry the same trace on.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from dependency_injector import providers
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from adapters.kafka.envelope import AccountScopeSpec, ActivateKillSwitchCommand, EnvelopeCodec
from adapters.kafka.publisher import INSTANCE_HEADER
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.tracing.propagation import TRACEPARENT, current_headers
from bootstrap.consume import start_consumers
from bootstrap.containers.application import build_container
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from bootstrap.tracing import tracing_with
from tests.http.harness import no_background
from tests.http.tracing_harness import one, parent_id, span_id, trace_id, traced_provider
from tests.integration.kafka.bulwark import (
    PASSCODE,
    Node,
    command_client,
    envelope,
    eventually,
    headers_of,
    seed_trader,
    settings_for,
)


@contextlib.asynccontextmanager
async def traced_node(env: dict[str, str]) -> AsyncIterator[tuple[Node, InMemorySpanExporter]]:
    """`bulwark consume` in this process, its spans kept in memory."""
    provider, exporter = traced_provider()
    container = build_container(load_settings(env, env_file=None))
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    container.background.override(providers.Resource(no_background))
    container.core.tracing.override(providers.Object(tracing_with(provider)))
    link, dispatcher = await start_consumers(container)
    try:
        yield Node(container, link, dispatcher, None), exporter
    finally:
        await shutdown_in_order(container)


def traceparent_trace(headers: dict[str, str]) -> str:
    return headers[TRACEPARENT].split("-")[1]


async def test_a_kafka_command_continues_its_producers_trace_and_passes_it_on(
    kafka_bootstrap: str, unique: str
) -> None:
    # Arrange
    env = settings_for(kafka_bootstrap, "memory://", unique, f"node-{unique}")
    agent_provider, agent_spans = traced_provider()
    agent = agent_provider.get_tracer("agent")
    async with traced_node(env) as (node, exporter), command_client(kafka_bootstrap) as client:
        trader = await seed_trader(node.container, unique)
        exporter.clear()
        command = trader.buys("1")

        # Act
        with agent.start_as_current_span("agent.send", kind=SpanKind.PRODUCER):
            await client.producer.send_and_wait(
                node.topics.orders,
                value=EnvelopeCodec().encode(command),
                key=trader.account_id.encode(),
                headers=[("authorization", trader.agent_key.encode()), *current_headers()],
            )
        [decision] = await client.read(node.topics.decisions, 1)
        events = await client.read(node.topics.events, 2)
        spans: tuple[ReadableSpan, ...] = await eventually(lambda: _when(exporter, "broker.submit"))

    # Assert
    [sent] = agent_spans.get_finished_spans()
    consumed = one(spans, "kafka.consume order.submit")
    assert consumed.kind is SpanKind.CONSUMER
    assert trace_id(consumed) == trace_id(sent)
    assert parent_id(consumed) == span_id(sent)
    assert parent_id(one(spans, "orders.batch")) == span_id(consumed)
    for name in ("gate.evaluate", "broker.submit"):
        assert trace_id(one(spans, name)) == trace_id(sent), name
    expected = f"{trace_id(sent):032x}"
    assert traceparent_trace(headers_of(decision)) == expected
    assert events, "the order's events reached the events topic"
    for record in events:
        headers = headers_of(record)
        assert INSTANCE_HEADER in headers
        assert traceparent_trace(headers) == expected


async def test_a_command_without_trace_context_starts_a_trace_of_its_own(
    kafka_bootstrap: str, unique: str
) -> None:
    # Arrange
    env = settings_for(kafka_bootstrap, "memory://", unique, f"node-{unique}")
    async with traced_node(env) as (node, exporter), command_client(kafka_bootstrap) as client:
        trader = await seed_trader(node.container, unique)
        exporter.clear()

        # Act
        await client.send(
            node.topics.orders,
            trader.buys("1"),
            trader.agent_key,
        )
        [decision] = await client.read(node.topics.decisions, 1)
        spans = await eventually(lambda: _when(exporter, "broker.submit"))

    # Assert
    consumed = one(spans, "kafka.consume order.submit")
    assert consumed.parent is None
    assert traceparent_trace(headers_of(decision)) == f"{trace_id(consumed):032x}"


async def test_a_kill_switch_command_is_traced_through_its_phases_and_its_broadcast(
    kafka_bootstrap: str, unique: str
) -> None:
    # Arrange
    env = settings_for(kafka_bootstrap, "memory://", unique, f"node-{unique}")
    agent_provider, agent_spans = traced_provider()
    agent = agent_provider.get_tracer("risk-desk")
    async with traced_node(env) as (node, exporter), command_client(kafka_bootstrap) as client:
        trader = await seed_trader(node.container, unique)
        halt = ActivateKillSwitchCommand(PASSCODE, AccountScopeSpec(trader.account_id))
        command = envelope(trader.owner.id, trader.account_id, halt)
        exporter.clear()

        # Act
        with agent.start_as_current_span("desk.halt", kind=SpanKind.PRODUCER):
            await client.producer.send_and_wait(
                node.topics.control,
                value=EnvelopeCodec().encode(command),
                key=trader.account_id.encode(),
                headers=[("authorization", trader.owner_token.encode()), *current_headers()],
            )
        [broadcast] = await client.read(node.topics.emergency, 1)
        spans = await eventually(lambda: _when(exporter, "killswitch.engage", CONSUMED_HALT))

    # Assert
    [sent] = agent_spans.get_finished_spans()
    consumed = one(spans, CONSUMED_HALT)
    engage = one(spans, "killswitch.engage")
    assert parent_id(consumed) == span_id(sent)
    assert parent_id(engage) == span_id(consumed)
    assert parent_id(one(spans, "killswitch.cancel")) == span_id(engage)
    assert traceparent_trace(headers_of(broadcast)) == f"{trace_id(sent):032x}"


CONSUMED_HALT = "kafka.consume killswitch.activate"


async def _when(
    exporter: InMemorySpanExporter, name: str, consumed: str = "kafka.consume order.submit"
) -> tuple[ReadableSpan, ...] | None:
    spans = exporter.get_finished_spans()
    # The consumer's span ends after the work beneath it: wait for both.
    names = {s.name for s in spans}
    return spans if name in names and consumed in names else None
