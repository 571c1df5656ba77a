"""`bulwark consume` joins its consumer group while the rest of it loads.

A consumer's first join waits on the broker (Apache Kafka's group.initial.rebalance.delay.ms,
3 s by default; the Tansu test broker answers after half the session timeout), and loading
Bulwark (imports, the container) takes seconds of CPU: one after the other they made a
consumer's start. Here the command consumer is started and subscribed first, with only
aiokafka loaded, and the rest is imported on a thread meanwhile; the runtime adopts the
joined consumer (adapters/kafka/runtime.py, DeferredRebalance). Nothing is polled, so
nothing is handled or committed, before the container and the schema check are done.

This module stays light on purpose: settings, the Kafka client, no container.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import importlib
import logging
from collections.abc import Iterator
from typing import Any

from aiokafka import AIOKafkaConsumer

from adapters.kafka.client import KafkaConfig, OffsetReset, make_consumer
from adapters.kafka.rebalance import DeferredRebalance
from adapters.kafka.topics import Topics, ensure_topics
from bootstrap.logging import configure_logging
from bootstrap.settings import Settings


class StoreRefused(Exception):
    """The store cannot be used (bootstrap/storage.py store_problem): one line says why."""


def kafka_config(settings: Settings) -> KafkaConfig:
    if not settings.kafka.bootstrap:
        raise ValueError("BULWARK_KAFKA_BOOTSTRAP is not set")
    return KafkaConfig(
        settings.kafka.bootstrap,
        client_id=settings.kafka.client_id,
        request_timeout_ms=settings.kafka.request_timeout_ms,
    )


def topics_of(settings: Settings) -> Topics:
    """Topic names from BULWARK_KAFKA_TOPIC_<NAME>, one setting per Topics field."""
    names = {f.name: getattr(settings.kafka, f"topic_{f.name}") for f in dataclasses.fields(Topics)}
    return Topics(**names)


def command_topics(settings: Settings) -> list[str]:
    """What the command group reads: orders, control commands and agents' heartbeats."""
    return [
        settings.kafka.topic_orders,
        settings.kafka.topic_control,
        settings.kafka.topic_heartbeats,
    ]


def member_consumer(
    settings: Settings, group: str | None, offset_reset: OffsetReset = "earliest"
) -> AIOKafkaConsumer:
    """A consumer as every Bulwark group member has it (unstarted, unsubscribed)."""
    return make_consumer(
        kafka_config(settings),
        group,
        auto_offset_reset=offset_reset,
        fetch_max_wait_ms=settings.kafka.fetch_max_wait_ms,
        fetch_min_bytes=settings.kafka.fetch_min_bytes,
        session_timeout_ms=settings.kafka.session_timeout_ms,
        heartbeat_interval_ms=max(100, settings.kafka.session_timeout_ms // 10),
    )


class EarlyMember:
    """The command group's consumer, joining before the container exists."""

    def __init__(
        self, consumer: AIOKafkaConsumer, deferred: DeferredRebalance, *, made_topics: bool
    ) -> None:
        self.consumer = consumer
        self.deferred = deferred
        self.made_topics = made_topics  # the Kafka link need not make them again
        self._taken = False

    @classmethod
    async def join(cls, settings: Settings) -> EarlyMember:
        """Topics made (when Bulwark makes them), the consumer started and subscribed."""
        if settings.kafka.create_topics:
            await ensure_topics(
                kafka_config(settings), topics_of(settings), settings.kafka.partitions
            )
        consumer = member_consumer(settings, settings.kafka.group_id)
        deferred = DeferredRebalance()
        try:
            await consumer.start()
            consumer.subscribe(command_topics(settings), listener=deferred)
        except BaseException:
            with contextlib.suppress(Exception):
                await consumer.stop()
            raise
        return cls(consumer, deferred, made_topics=settings.kafka.create_topics)

    def take(self) -> tuple[AIOKafkaConsumer, DeferredRebalance]:
        """For the runtime that adopts it; it owns the consumer from then on."""
        self._taken = True
        return self.consumer, self.deferred

    async def close(self) -> None:
        """Leaves the group unless a runtime took the consumer over."""
        if not self._taken:
            with contextlib.suppress(Exception):
                await self.consumer.stop()


async def _imported(name: str) -> Any:
    return await asyncio.to_thread(importlib.import_module, name)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Nothing from the `name` logger while this lasts (logging is not configured yet)."""
    logger = logging.getLogger(name)
    silence = logging.NullHandler()
    logger.addHandler(silence)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(silence)
        logger.propagate = True


async def _consume(settings: Settings) -> None:
    # Logging is configured after the store preflight: a refusal is one line, nothing else.
    with _quiet("aiokafka"):
        try:
            member: EarlyMember | None = await EarlyMember.join(settings)
        except Exception:  # Kafka unreachable now: the consumers' own start says so, in full
            member = None
        try:
            storage = await _imported("bootstrap.storage")
            problem = await storage.store_problem(settings)
        except BaseException:
            if member is not None:
                await member.close()
            raise
    try:
        if problem is not None:
            raise StoreRefused(problem)
        configure_logging(settings.core.log_level, settings.core.log_format)
        consume = await _imported("bootstrap.consume")
        container = await asyncio.to_thread(consume.build_container, settings)
        await consume.consume(container, early=member)
    finally:
        if member is not None:
            await member.close()


def run_consume(settings: Settings) -> None:
    """`bulwark consume` until SIGTERM; StoreRefused or SettingsError when it cannot run."""
    asyncio.run(_consume(settings))
