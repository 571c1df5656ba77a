"""The drop copy's Kafka target: each message one record on the desk's topic.

Keyed by the message's order (its `order_key`), so one order's messages stay in one
partition, in order; headers `bulwark-drop-copy-id` (the message id, the same on every
attempt), `bulwark-drop-copy-kind` and `bulwark-drop-copy-v` (the schema's version). The
producer (acks=all, idempotent unless the broker cannot, adapters/kafka/client.py) is its own,
started on the first send and made again after a start that failed, so brokers that are away
hold back the drop copy, never the process's start. A send waits for the acknowledgement at
most `timeout_seconds`; an error or a timeout leaves the message for the next attempt.
"""

from __future__ import annotations

import asyncio
import contextlib

from aiokafka import AIOKafkaProducer
from aiokafka.errors import IllegalStateError, KafkaError, ProducerClosed, ProducerFenced

from adapters.kafka.client import KafkaConfig, make_producer
from adapters.kafka.topics import TopicSetupError, ensure_topics
from domain.drop_copy.messages import VERSION
from ports.drop_copy.drop_copy import CopyNotDelivered, OutgoingCopy

KAFKA = "kafka"
ID_HEADER = "bulwark-drop-copy-id"
KIND_HEADER = "bulwark-drop-copy-kind"
VERSION_HEADER = "bulwark-drop-copy-v"


class KafkaDropCopy:
    """DropCopyTarget "kafka" (ports/drop_copy/drop_copy.py)."""

    name = KAFKA

    def __init__(
        self,
        config: KafkaConfig,
        topic: str,
        *,
        idempotent: bool = True,
        linger_ms: int = 0,
        create_topic: bool = True,
        partitions: int = 6,
        timeout_seconds: float = 10.0,
    ) -> None:
        self._config = config
        self.topic = topic
        self._idempotent = idempotent
        self._linger_ms = linger_ms
        self._create_topic = create_topic
        self._partitions = partitions
        self._timeout = timeout_seconds
        self._producer: AIOKafkaProducer | None = None
        self._starting = asyncio.Lock()
        self._topic_made = False

    async def send(self, copy: OutgoingCopy) -> None:
        headers = [
            (ID_HEADER, copy.id.encode()),
            (KIND_HEADER, copy.kind.encode()),
            (VERSION_HEADER, str(VERSION).encode()),
        ]
        try:
            async with asyncio.timeout(self._timeout):
                producer = await self._started()
                await producer.send_and_wait(
                    self.topic, value=copy.body, key=copy.order_key.encode(), headers=headers
                )
        except (KafkaError, OSError, TimeoutError, TopicSetupError) as exc:
            if isinstance(exc, ProducerClosed | ProducerFenced | IllegalStateError):
                await self.close()  # a producer that cannot send again: made anew next time
            raise CopyNotDelivered(f"kafka: {type(exc).__name__}") from None

    async def _started(self) -> AIOKafkaProducer:
        async with self._starting:
            if self._producer is not None:
                return self._producer
            if self._create_topic and not self._topic_made:
                await ensure_topics(self._config, [self.topic], self._partitions)
                self._topic_made = True
            producer = make_producer(
                self._config, idempotent=self._idempotent, linger_ms=self._linger_ms
            )
            try:
                await producer.start()
            except BaseException:
                with contextlib.suppress(Exception):
                    await producer.stop()
                raise
            self._producer = producer
            return producer

    async def close(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await producer.stop()
