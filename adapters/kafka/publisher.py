"""Domain events out to Kafka: `bulwark.events` (from the outbox), `bulwark.emergency` (halts).

Events are JSON documents `{"type", "instance", "event"}` keyed by their aggregate id, so
one account's (or scope's) events stay in one partition, in order. An events-topic send
that fails raises, and the outbox relay keeps the rows for its next attempt (at least
once). An emergency halt is sent before any order is cancelled, waits at most
`emergency_timeout` seconds, and never raises: the halt is already durable, and a kill
switch must not wait on, or fail because of, a slow broker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import msgspec
import structlog
from aiokafka import AIOKafkaProducer

from adapters.eventcodec import EventCodec, aggregate_of
from adapters.kafka.batch_send import BatchSender
from adapters.kafka.topics import Topics
from adapters.tracing.messages import NO_MESSAGE_TRACING, MessageTracing
from domain.events import DomainEvent
from domain.killswitch.switch import EmergencyHalt

log = structlog.get_logger(__name__)

INSTANCE_HEADER = "bulwark-instance"


class EventDocument(msgspec.Struct, frozen=True):
    """The wire form of a domain event."""

    type: str
    instance: str
    event: dict[str, Any]


class KafkaEventPublisher:
    """An EventPublisher that writes to Kafka (see the module docstring)."""

    def __init__(
        self,
        producer: AIOKafkaProducer,
        topics: Topics,
        instance: str,
        codec: EventCodec | None = None,
        emergency_timeout: float = 0.25,
        *,
        tracing: MessageTracing = NO_MESSAGE_TRACING,
    ) -> None:
        self._producer = producer
        self._batches = BatchSender(producer)
        self._tracing = tracing  # the publishing span's context rides in each record's headers
        self._topics = topics
        self._instance = instance
        self._codec = codec or EventCodec()
        self._encoder = msgspec.json.Encoder()
        self._emergency_timeout = emergency_timeout
        self.emergencies_sent = 0
        self.emergencies_failed = 0

    def encode(self, event: DomainEvent) -> bytes:
        document = EventDocument(event.name, self._instance, self._codec.encode(event))
        return self._encoder.encode(document)

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        halts = [e for e in events if isinstance(e, EmergencyHalt)]
        if halts:
            await self._emergency(halts)
        others = [e for e in events if not isinstance(e, EmergencyHalt)]
        if not others:
            return
        # Sent in order without waiting in between (one partition keeps its order), then
        # every acknowledgement awaited: a failure leaves the batch to the relay's retry.
        headers = self._tracing.headers([(INSTANCE_HEADER, self._instance.encode())])
        await self._batches.send(
            self._topics.events,
            [(aggregate_of(event).encode(), self.encode(event), headers) for event in others],
        )

    async def _emergency(self, halts: list[EmergencyHalt]) -> None:
        try:
            async with asyncio.timeout(self._emergency_timeout):
                headers = self._tracing.headers([(INSTANCE_HEADER, self._instance.encode())])
                for halt in halts:
                    await self._producer.send_and_wait(
                        self._topics.emergency,
                        value=self.encode(halt),
                        key=halt.scope_key.encode(),
                        headers=headers,
                    )
                    self.emergencies_sent += 1
        except Exception as exc:
            self.emergencies_failed += 1
            log.error("kafka.emergency_not_sent", error=type(exc).__name__, halts=len(halts))


def decode_event(codec: EventCodec, value: bytes) -> tuple[str, DomainEvent]:
    """(sending instance, event) of an events- or emergency-topic record."""
    document = msgspec.json.decode(value, type=EventDocument)
    return document.instance, codec.decode(document.type, document.event)
