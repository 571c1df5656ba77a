"""Wiring the drop copy (docs/drop-copy.md): its targets by settings, its outbox by store kind,
its measurements on /metrics, the recorder on the bus in every process and the deliverer in
the one process that holds its job lease.

Off (neither BULWARK_DROP_COPY_WEBHOOK_URL nor BULWARK_DROP_COPY_KAFKA_TOPIC set), nothing of
it is built: no bus subscription, no store, no task; the order path is as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

import structlog

from application.drop_copy.delivery import Backoff, DeliveryConfig, DropCopyDelivery
from application.drop_copy.recorder import DropCopyRecorder
from bootstrap.periodic import leased_task
from bootstrap.settings import Settings
from domain.events import DomainEvent
from ports.core.clock import Clock
from ports.core.metrics import Meter
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.drop_copy.drop_copy import (
    DropCopyMeter,
    DropCopyOutbox,
    DropCopyTarget,
    OrderFactsSource,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.bus import InProcessEventBus
    from adapters.memory.drop_copy import InMemoryDropCopyOutbox
    from adapters.postgres.drop_copy import SqlDropCopyOutbox
    from bootstrap.job_leases import JobLeases

_log = structlog.get_logger("bulwark.drop_copy")
JOB = "drop_copy"  # the deliverer's job lease
IDLE_AT_STOP_S = 2.0  # events still waiting for the store at a stop may be recorded within this


def enabled(settings: Settings) -> bool:
    return settings.drop_copy.enabled


def memory_outbox() -> InMemoryDropCopyOutbox:
    from adapters.memory.drop_copy import InMemoryDropCopyOutbox

    return InMemoryDropCopyOutbox()


def sql_outbox(engine: AsyncEngine) -> SqlDropCopyOutbox:
    from adapters.postgres.drop_copy import SqlDropCopyOutbox

    return SqlDropCopyOutbox(engine)


def memory_order_facts(uow_factory: UnitOfWorkFactory) -> OrderFactsSource:
    from application.drop_copy.order_facts import OrderFactsFromStore

    return OrderFactsFromStore(uow_factory)


def sql_order_facts(engine: AsyncEngine) -> OrderFactsSource:
    from adapters.postgres.drop_copy import SqlOrderFacts

    return SqlOrderFacts(engine)


def order_facts(
    kind: str, uow_factory: UnitOfWorkFactory, engine: Callable[[], AsyncEngine]
) -> OrderFactsSource:
    """The orders' facts: one SELECT a batch on a SQL store, the unit of work in memory."""
    return sql_order_facts(engine()) if kind == "sql" else memory_order_facts(uow_factory)


def targets(settings: Settings) -> list[DropCopyTarget]:
    """The webhook and the Kafka topic the settings name (none: off)."""
    s = settings.drop_copy
    made: list[DropCopyTarget] = []
    if s.webhook_url and s.webhook_secret is not None:
        from adapters.notifications.drop_copy import WebhookDropCopy, webhook_client

        client = webhook_client(s.webhook_timeout_seconds, s.concurrency)
        made.append(WebhookDropCopy(client, s.webhook_url, s.webhook_secret.reveal()))
    if s.kafka_topic:
        from adapters.kafka.drop_copy import KafkaDropCopy
        from bootstrap.early_join import kafka_config

        made.append(
            KafkaDropCopy(
                kafka_config(settings),
                s.kafka_topic,
                idempotent=settings.kafka.idempotent_producer,
                linger_ms=settings.kafka.linger_ms,
                create_topic=settings.kafka.create_topics,
                partitions=settings.kafka.partitions,
                timeout_seconds=settings.kafka.request_timeout_ms / 1000,
            )
        )
    return made


def meter(core_meter: Meter) -> DropCopyMeter:
    """The drop copy's figures, in the core meter's registry (so in /metrics) when the core
    measures for Prometheus; else nothing measured."""
    from adapters.metrics.drop_copy import PrometheusDropCopyMeter
    from adapters.metrics.meter import PrometheusMeter
    from ports.drop_copy.drop_copy import NO_DROP_COPY_METER

    if not isinstance(core_meter, PrometheusMeter):
        return NO_DROP_COPY_METER
    made = PrometheusDropCopyMeter()
    core_meter.registry.register(made)
    return made


def delivery(
    settings: Settings,
    outbox: DropCopyOutbox,
    made_targets: list[DropCopyTarget],
    clock: Clock,
    measured: DropCopyMeter,
) -> DropCopyDelivery:
    s = settings.drop_copy
    return DropCopyDelivery(
        outbox,
        made_targets,
        clock,
        backoff=Backoff(s.retry_base_seconds, s.retry_cap_seconds),
        config=DeliveryConfig(
            batch=s.batch,
            concurrency=s.concurrency,
            keep=timedelta(days=s.keep_days),
            poll_seconds=s.poll_seconds,
        ),
        meter=measured,
    )


def recorder(
    outbox: DropCopyOutbox,
    orders: OrderFactsSource,
    clock: Clock,
    measured: DropCopyMeter,
    deliverer: DropCopyDelivery,
) -> DropCopyRecorder:
    return DropCopyRecorder(
        outbox,
        orders,
        clock,
        deliverer.targets,
        meter=measured,
        on_recorded=deliverer.wake,
    )


@dataclass(frozen=True)
class DropCopyRuntime:
    """The drop copy of a running process: its recorder and its deliverer (tests, benchmarks)."""

    recorder: DropCopyRecorder
    delivery: DropCopyDelivery


async def lifetime(
    settings: Settings,
    bus: InProcessEventBus,
    make_recorder: Callable[[], DropCopyRecorder],
    make_delivery: Callable[[], DropCopyDelivery],
    leases: JobLeases | None,
) -> AsyncIterator[DropCopyRuntime | None]:
    """On: the recorder subscribed to every commit's events, the deliverer running while this
    process holds the job lease `drop_copy`. At a stop, messages not delivered stay in the
    outbox for the next start (a memory store's are lost with it)."""
    if not enabled(settings):
        yield None
        return
    deliverer = make_delivery()
    made = make_recorder()
    # One batch per publish, every event in it (the handler keeps what it copies, in order).
    bus.subscribe_batch(DomainEvent, made.on_events)
    _log.info("drop_copy_on", targets=list(deliverer.targets))
    try:
        async with leased_task(JOB, deliverer.run_forever, asyncio.Event(), leases):
            yield DropCopyRuntime(made, deliverer)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(IDLE_AT_STOP_S):
                    await made.idle()
    finally:
        await made.close()
        await deliverer.close()
