"""An order over HTTP on a SQL store (SQLite, PostgreSQL): its events go through the outbox
to a real Kafka (Tansu) and carry the request's trace in their headers, so a consumer
continues the request's trace.
Tracing off: the outbox rows hold NULL and the records carry no trace context.

The app runs on the test's own event loop (httpx's ASGI transport, resources started by
hand): the Kafka producer and the test's reads and seeding then share one loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiokafka.structs import ConsumerRecord
from dependency_injector import providers
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from sqlalchemy import select

from adapters.eventcodec import EventCodec
from adapters.kafka.client import KafkaConfig
from adapters.kafka.publisher import decode_event
from adapters.postgres.outbox import RelayingPublisher
from adapters.postgres.tables.outbox import outbox
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.tracing.messages import MessageTracing
from adapters.tracing.propagation import TRACEPARENT
from bootstrap.app import create_app
from bootstrap.containers.application import ApplicationContainer, build_container
from bootstrap.resource_order import shutdown_in_order
from bootstrap.settings import load_settings
from bootstrap.tracing import tracing_with
from tests.http.harness import no_background
from tests.http.tracing_harness import named, one, trace_id, traced_provider
from tests.integration.kafka.bulwark import eventually, headers_of, seed_trader, settings_for
from tests.integration.kafka.records import read_until
from tests.kit.schema import migrated

CODEC = EventCodec()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    return str(request.getfixturevalue("postgres_url"))


@contextlib.asynccontextmanager
async def api_node(
    env: dict[str, str], exporter_provider: object | None = None
) -> AsyncIterator[tuple[ApplicationContainer, httpx.AsyncClient]]:
    """`bulwark serve`'s app and container in this process, tracing into `exporter_provider`."""
    container = build_container(load_settings(env, env_file=None))
    container.core.hasher.override(providers.Object(Argon2Hasher.fast()))
    container.background.override(providers.Resource(no_background))
    if exporter_provider is not None:
        container.core.tracing.override(providers.Object(tracing_with(exporter_provider)))  # type: ignore[arg-type]
    app = create_app(container.settings(), container)
    await container.init_resources()  # type: ignore[misc]
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bulwark") as client:
            yield container, client
    finally:
        publisher = container.core.publisher()
        if isinstance(publisher, RelayingPublisher):
            await publisher.idle()  # the drain in flight ends before the producer stops
        await shutdown_in_order(container)


async def _order(container: ApplicationContainer, client: httpx.AsyncClient, unique: str) -> str:
    trader = await seed_trader(container, unique)
    response = await client.post(
        "/api/v1/orders",
        json={"account_id": trader.account_id, "symbol": "AAPL", "side": "buy", "quantity": "1"},
        headers={"Authorization": f"Bearer {trader.owner_token}"},
    )
    assert response.status_code == 201, response.text
    order_id: str = response.json()["order"]["id"]
    return order_id


async def _records_of(
    config: KafkaConfig, topic: str, order_id: str, count: int = 2
) -> list[ConsumerRecord]:
    def of_order(records: list[ConsumerRecord]) -> list[ConsumerRecord]:
        return [
            r
            for r in records
            if getattr(decode_event(CODEC, r.value)[1], "order_id", None) == order_id
        ]

    return of_order(await read_until(config, topic, lambda found: len(of_order(found)) >= count))


async def _when_relayed(exporter: InMemorySpanExporter, name: str) -> object:
    spans = exporter.get_finished_spans()
    return spans if named(spans, name) else None


async def test_an_http_order_s_events_leave_the_outbox_in_the_request_s_trace(
    kafka_bootstrap: str, kafka_config: KafkaConfig, database_url: str, unique: str
) -> None:
    # Arrange
    url = database_url
    await migrated(url)
    env = settings_for(kafka_bootstrap, url, unique, f"api-{unique}")
    topic = env["BULWARK_KAFKA_TOPIC_EVENTS"]
    provider, exporter = traced_provider()
    async with api_node(env, provider) as (container, client):
        # Act
        order_id = await _order(container, client, unique)
        records = await _records_of(kafka_config, topic, order_id)
        spans = await eventually(lambda: _when_relayed(exporter, f"outbox.relay {topic}"))

    # Assert: the records carry the request's trace on
    request = f"{trace_id(one(spans, 'HTTP POST /api/v1/orders')):032x}"
    assert len(records) >= 2  # accepted, filled: the order's events
    for record in records:
        assert headers_of(record)[TRACEPARENT].split("-")[1] == request
    relayed = [s for s in named(spans, f"outbox.relay {topic}") if f"{trace_id(s):032x}" == request]
    assert relayed and all(s.kind is SpanKind.PRODUCER for s in relayed)
    # a consumer downstream continues the request's trace
    downstream, consumed = traced_provider()
    with MessageTracing(downstream.get_tracer("downstream")).consuming(
        "kafka.consume event", records[0].headers, topic
    ):
        pass
    assert f"{trace_id(one(consumed.get_finished_spans(), 'kafka.consume event')):032x}" == request


async def test_with_tracing_off_the_outbox_holds_null_and_records_carry_no_trace(
    kafka_bootstrap: str, kafka_config: KafkaConfig, tmp_path: Path, unique: str
) -> None:
    # Arrange
    url = f"sqlite+aiosqlite:///{tmp_path / 'bulwark.db'}"
    await migrated(url)
    env = settings_for(kafka_bootstrap, url, unique, f"api-{unique}")
    async with api_node(env) as (container, client):
        # Act
        order_id = await _order(container, client, unique)
        records = await _records_of(kafka_config, env["BULWARK_KAFKA_TOPIC_EVENTS"], order_id)
        async with container.core.engine().connect() as conn:
            stored = (await conn.execute(select(outbox.c.trace_context))).scalars().all()

    # Assert
    assert stored and all(context is None for context in stored)
    assert records
    assert all(TRACEPARENT not in headers_of(record) for record in records)
