"""`bulwark consume` joins its consumer group while the rest of it loads.

A consumer's first join waits on the broker (Apache Kafka's group.initial.rebalance.delay.ms,
3 s by default; the Tansu test broker answers after half the session timeout), and loading
Bulwark (imports, the container) takes seconds of CPU: one after the other they made a
consumer's start. Here the command consumer is started first, with only aiokafka loaded,
while the store is checked: that start is the check that a broker answers (no second
preflight), and either refusal is one line (StoreRefused, KafkaRefused). Once both passed
it subscribes, and the rest is imported on a thread while it joins; the runtime adopts the
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
from bootstrap.cli_preflight import KAFKA_CHECK_S, kafka_refusal
from bootstrap.logging import configure_logging
from bootstrap.settings import Settings, SettingsError


class StoreRefused(Exception):
    """The store cannot be used (bootstrap/storage.py store_problem): one line says why."""


class KafkaRefused(Exception):
    """No broker of BULWARK_KAFKA_BOOTSTRAP answers: one line says so, and what to do."""


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
        self.topics: list[str] = []
        self._taken = False

    @classmethod
    async def connect(cls, settings: Settings) -> EarlyMember:
        """Topics made (when Bulwark makes them) and the consumer started: the brokers
        answered. It joins the group only once `join()` subscribes it."""
        if settings.kafka.create_topics:
            await ensure_topics(
                kafka_config(settings), topics_of(settings), settings.kafka.partitions
            )
        consumer = member_consumer(settings, settings.kafka.group_id)
        try:
            await consumer.start()
        except BaseException:
            with contextlib.suppress(Exception):
                await consumer.stop()
            raise
        member = cls(consumer, DeferredRebalance(), made_topics=settings.kafka.create_topics)
        member.topics = command_topics(settings)
        return member

    def join(self) -> None:
        """Subscribes: the group join runs from here on, while the rest of Bulwark loads."""
        self.consumer.subscribe(self.topics, listener=self.deferred)

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
    # Each check runs once, Kafka's while the store's does: the brokers answer (the member
    # connects) and the store can be used, or one line says which cannot. Logging is
    # configured after them, so a refusal is that line and nothing else. The member joins
    # its group only once both passed (a refused process never makes the group rebalance).
    member = await _checked(settings)
    try:
        configure_logging(
            settings.core.log_level,
            settings.core.log_format,
            kafka_retry_s=settings.kafka.retry_seconds,
        )
        member.join()
        consume = await _imported("bootstrap.consume")
        container = await asyncio.to_thread(consume.build_container, settings)
        await consume.consume(container, early=member)
    finally:
        await member.close()


async def _checked(settings: Settings) -> EarlyMember:
    """The member, connected, once the store passed its check too; StoreRefused (first) or
    KafkaRefused when either cannot be used; SettingsError without brokers to check."""
    bootstrap = settings.kafka.bootstrap
    if not bootstrap:
        raise SettingsError("`bulwark consume` needs BULWARK_KAFKA_BOOTSTRAP")
    within_s = max(KAFKA_CHECK_S, settings.kafka.request_timeout_ms / 1000)
    with _quiet("aiokafka"):
        connecting = asyncio.create_task(_connected(settings, within_s))
        try:
            storage = await _imported("bootstrap.storage")
            problem = await storage.store_problem(settings)
        except BaseException:
            await _abandon(connecting)
            raise
        if problem is not None:
            await _abandon(connecting)
            raise StoreRefused(problem)
        try:
            return await connecting
        except Exception as exc:
            raise KafkaRefused(kafka_refusal(bootstrap, exc, within_s)) from None


async def _connected(settings: Settings, within_s: float) -> EarlyMember:
    async with asyncio.timeout(within_s):
        return await EarlyMember.connect(settings)


async def _abandon(connecting: asyncio.Task[EarlyMember]) -> None:
    """The member given up (a refused store): stopped if it connected, cancelled if not."""
    connecting.cancel()
    done = await asyncio.gather(connecting, return_exceptions=True)
    if isinstance(done[0], EarlyMember):
        await done[0].close()


def run_consume(settings: Settings) -> None:
    """`bulwark consume` until SIGTERM; StoreRefused, KafkaRefused or SettingsError when it
    cannot run."""
    asyncio.run(_consume(settings))
