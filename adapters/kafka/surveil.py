"""`bulwark surveil`: the surveillance detectors over the events topic, resumable exactly.

One reader of every partition of the events topic, without a consumer group: detectors look
across one owner's accounts, whose events the account key spreads over partitions, so one
process must see them all. Records are merged by event time (application/
surveillance_merge.py) and fed to a SurveillanceRun; where it had read to is stored with its
state and alerts in the store's transaction, not committed to Kafka. At start it restores
that checkpoint and seeks each partition to it; a partition the checkpoint does not name
starts at `start` ("earliest": the topic's beginning; "latest": its end).

A record that does not decode (not an event document, an unknown type) has no effect but
moves the offset past it, the same on every run; it is counted in `undecodable`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping
from typing import Literal

import structlog
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord, TopicPartition

from adapters.eventcodec import EventCodec
from adapters.kafka.consuming import poll_until_stopped
from adapters.kafka.publisher import decode_event
from application.surveillance.alerts import SurveillanceRun
from application.surveillance.feed import SURVEILLED, event_time_us
from application.surveillance.merge import PartitionMerge

log = structlog.get_logger("bulwark.surveil")
Start = Literal["earliest", "latest"]


class SurveillanceConsumer:
    """Reads the events topic into a SurveillanceRun until `stop` is set (see the docstring)."""

    def __init__(
        self,
        topic: str,
        run: SurveillanceRun,
        make_consumer: Callable[[], AIOKafkaConsumer],
        *,
        codec: EventCodec | None = None,
        start: Start = "earliest",
        poll_timeout_ms: int = 200,
        max_records: int = 5_000,
    ) -> None:
        self.topic = topic
        self.run = run
        self._make_consumer = make_consumer
        self._codec = codec or EventCodec()
        self._start = start
        self._poll_timeout_ms = poll_timeout_ms
        self._max_records = max_records
        self._merge = PartitionMerge()
        self.records = 0
        self.undecodable = 0
        self.caught_up = asyncio.Event()  # set once every partition was read to its end

    async def consume(self, stop: asyncio.Event) -> None:
        offsets = await self.run.start()
        consumer = self._make_consumer()
        await consumer.start()
        try:
            partitions = await self._assign(consumer, offsets)
            while not stop.is_set():
                batch = await poll_until_stopped(
                    consumer, stop, self._poll_timeout_ms, self._max_records
                )
                for tp, records in batch.items():
                    for record in records:
                        self._add(tp, record)
                ends = await _positions(consumer, partitions)
                await self._release(ends)
                await self.run.commit()
            await self.run.commit(force=True)
        finally:
            with contextlib.suppress(Exception):
                await consumer.stop()
        log.info("surveil_stopped", records=self.records, checkpoints=self.run.checkpoints)

    async def _assign(
        self, consumer: AIOKafkaConsumer, saved: Mapping[str, int]
    ) -> dict[str, TopicPartition]:
        await consumer.topics()
        numbers = sorted(consumer.partitions_for_topic(self.topic) or ())
        if not numbers:
            raise RuntimeError(f"the events topic {self.topic!r} has no partitions")
        partitions = {f"{self.topic}:{n}": TopicPartition(self.topic, n) for n in numbers}
        consumer.assign(list(partitions.values()))
        fresh = []
        for name, tp in partitions.items():
            if name in saved:
                consumer.seek(tp, saved[name])
            else:
                fresh.append(tp)
        if fresh and self._start == "earliest":
            await consumer.seek_to_beginning(*fresh)
        elif fresh:
            await consumer.seek_to_end(*fresh)
        for name, tp in partitions.items():  # every partition named by the next checkpoint
            self.run.offsets[name] = await consumer.position(tp)
        log.info("surveil_assigned", partitions=sorted(partitions), resumed=sorted(saved))
        return partitions

    def _add(self, tp: TopicPartition, record: ConsumerRecord) -> None:
        self.records += 1
        fallback = record.timestamp * 1000  # the record's ms -> µs
        try:
            _, event = decode_event(self._codec, record.value)
        except Exception:
            self.undecodable += 1
            event = None
        if event is not None and not isinstance(event, SURVEILLED):
            event = None
        at_us = (event_time_us(event) if event is not None else None) or fallback
        self._merge.add(f"{tp.topic}:{tp.partition}", record.offset, at_us, (event, fallback))

    async def _release(self, ends: dict[str, bool]) -> None:
        run = self.run
        for name, offset, _, (event, fallback) in self._merge.release(ends, ends.__getitem__):
            if event is None:
                run.offsets[name] = offset + 1
            elif run.feed(event, fallback, (name, offset)):
                await run.commit()  # alerts are stored with the offsets that raised them
        if all(ends.values()) and not self._merge.waiting():
            self.caught_up.set()


async def _positions(
    consumer: AIOKafkaConsumer, partitions: dict[str, TopicPartition]
) -> dict[str, bool]:
    """Partition name -> read to its end (its high watermark, as of the last fetch)."""
    ends = {}
    for name, tp in partitions.items():
        highwater = consumer.highwater(tp)
        ends[name] = highwater is not None and await consumer.position(tp) >= highwater
    return ends
