"""A SocialPort over a Kafka topic of mentions, for live feeds (docs/sentiment-indices.md).

Each record's value is one mention as JSON (domain/analytics/sentiment/mentions.py), capped by
the JSON limits before decoding. A record that cannot be a mention (not UTF-8, too large or
deep, not JSON, a field missing or wrong) goes to the dead-letter topic unchanged, with the
project's reason headers (adapters/kafka/dlq.py: code INVALID_MENTION and the detail), and the
feed moves on; a dead letter the broker does not take is retried with backoff, never skipped.

Every serving instance needs every mention (the HypeMeter reads them from memory), so the feed
reads without a consumer group: all partitions assigned, starting at the first record at or
after now - `retention` (the broker's time index; a broker that cannot say gives the topic's
start, and older mentions are dropped here by their `posted_at`), then on from the position
reached after a reconnect. Mentions are kept for `retention` (at most `max_mentions`, the
oldest dropped first) and are visible once the clock reaches their `posted_at`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord, TopicPartition

from adapters.kafka.client import KafkaConfig, make_consumer, make_producer
from adapters.kafka.consuming import assign_resuming
from adapters.kafka.dlq import dead_letter
from adapters.kafka.runtime import Poison
from adapters.wire.json_limits import JsonLimitError, JsonLimits
from domain.analytics.sentiment.mentions import Mention, MentionIndex, mention_from
from ports.core.clock import Clock

INVALID_MENTION = "INVALID_MENTION"
PRUNE_EVERY_S = 30.0
_log = structlog.get_logger("bulwark.social.kafka")


class KafkaSocialFeed:
    """SocialPort "kafka" (module doc). `start()` before use, `stop()` at shutdown."""

    name = "kafka"

    def __init__(
        self,
        config: KafkaConfig,
        topic: str,
        dlq_topic: str,
        clock: Clock,
        *,
        retention: timedelta = timedelta(hours=48),
        max_mentions: int = 200_000,
        limits: JsonLimits | None = None,
        idempotent_producer: bool = True,
        poll_timeout_ms: int = 200,
        backoff: tuple[float, float] = (0.1, 10.0),
        consumer_factory: Callable[[], AIOKafkaConsumer] | None = None,
    ) -> None:
        self.topic = topic
        self.dlq_topic = dlq_topic
        self.retention = retention
        self._config = config
        self._clock = clock
        self._limits = limits or JsonLimits(max_bytes=64 * 1024)
        self._idempotent = idempotent_producer
        self._poll_timeout_ms = poll_timeout_ms
        self._backoff = backoff
        self._make_consumer = consumer_factory or (lambda: make_consumer(config, None))
        self._index = MentionIndex(max_mentions, retention)
        self._positions: dict[TopicPartition, int] = {}
        self._producer: AIOKafkaProducer | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._ready = asyncio.Event()
        self._random = random.Random()
        self._pruned = time.monotonic()
        self.received = 0
        self.dead_lettered = 0
        self.last_error: str | None = None

    # --- SocialPort ------------------------------------------------------------------------

    async def mentions(self, symbol: str, since: datetime, until: datetime) -> list[Mention]:
        return self._index.between(symbol, since, min(until, self._clock.now()))

    async def counts(self, since: datetime, until: datetime) -> dict[str, int]:
        return self._index.counts(since, min(until, self._clock.now()))

    # --- lifecycle -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self, ready_timeout_s: float = 30.0) -> None:
        """Starts the DLQ producer and the reader; returns once it holds its partitions (or
        after `ready_timeout_s`, reading on in the background)."""
        if self.running:
            return
        producer = make_producer(self._config, idempotent=self._idempotent)
        await producer.start()
        self._producer = producer
        self._stopping.clear()
        self._task = asyncio.create_task(self._supervise(), name=f"social:{self.topic}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ready.wait(), ready_timeout_s)

    async def stop(self) -> None:
        self._stopping.set()
        task, self._task = self._task, None
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()

    # --- reading ---------------------------------------------------------------------------

    async def _supervise(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            consumer = self._make_consumer()
            try:
                await consumer.start()
                await self._assign(consumer)
                self._ready.set()
                failures = 0
                await self._read(consumer)
            except Exception as exc:
                self._note("social feed failed, reconnecting", exc)
            finally:
                with contextlib.suppress(Exception):
                    await consumer.stop()
            if not self._stopping.is_set():
                await self._pause(self._delay(failures))
                failures += 1

    async def _assign(self, consumer: AIOKafkaConsumer) -> None:
        await consumer.topics()
        partitions = [
            TopicPartition(self.topic, p)
            for p in sorted(consumer.partitions_for_topic(self.topic) or ())
        ]
        if not partitions:
            raise LookupError(f"the topic {self.topic} has no partitions")

        async def from_retention(fresh: list[TopicPartition]) -> None:
            since_ms = int((self._clock.now() - self.retention).timestamp() * 1000)
            found = await consumer.offsets_for_times(dict.fromkeys(fresh, since_ms))
            for tp in fresh:
                at = found.get(tp)
                if at is None:  # nothing as recent: only what comes next
                    await consumer.seek_to_end(tp)
                else:
                    consumer.seek(tp, at.offset)

        await assign_resuming(consumer, partitions, self._positions, from_retention)

    async def _read(self, consumer: AIOKafkaConsumer) -> None:
        while not self._stopping.is_set():
            batch = await consumer.getmany(timeout_ms=self._poll_timeout_ms, max_records=500)
            for tp, records in batch.items():
                for record in records:
                    if not await self._take(record):
                        return  # stopping with a dead letter not sent: read it again later
                    self._positions[tp] = record.offset + 1
            if time.monotonic() - self._pruned > PRUNE_EVERY_S:
                self._index.prune(self._clock.now())
                self._pruned = time.monotonic()

    async def _take(self, record: ConsumerRecord) -> bool:
        try:
            mention = self.decode(record.value)
        except Poison as poison:
            return await self._dead_letter(record, poison)
        self._index.add(mention, self._clock.now())
        self.received += 1
        return True

    def decode(self, value: bytes | None) -> Mention:
        """One record's value as a Mention; Poison(INVALID_MENTION, why) when it is not one."""
        try:
            self._limits.check(value or b"")
            return mention_from(json.loads(value or b""))
        except JsonLimitError as exc:
            raise Poison(INVALID_MENTION, f"{exc.code}: {exc.detail}") from None
        except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
            raise Poison(INVALID_MENTION, str(exc)[:300] or type(exc).__name__) from None

    async def _dead_letter(self, record: ConsumerRecord, poison: Poison) -> bool:
        letter = dead_letter(
            record.topic, record.partition, record.offset, record.key, record.value,
            poison.code, poison.detail,
        )  # fmt: skip
        attempt = 0
        while not self._stopping.is_set():
            producer = self._producer
            try:
                if producer is None:
                    raise RuntimeError("the dead-letter producer is not running")
                await producer.send_and_wait(
                    self.dlq_topic, value=letter.value, key=letter.key, headers=list(letter.headers)
                )
            except Exception as exc:
                self._note("dead-letter publish failed, retrying", exc)
                await self._pause(self._delay(attempt))
                attempt += 1
                continue
            self.dead_lettered += 1
            _log.warning("mention dead-lettered", code=poison.code, detail=poison.detail)
            return True
        return False

    def _delay(self, attempt: int) -> float:
        base, ceiling = self._backoff
        top = min(ceiling, base * 2.0 ** min(attempt, 32))
        return top / 2 + self._random.uniform(0, top / 2)

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    def _note(self, event: str, exc: BaseException) -> None:
        self.last_error = f"{type(exc).__name__}: {exc}"
        _log.warning(event, topic=self.topic, error=self.last_error)
