"""Many records sent as one batch per partition: a few awaits per call, not several per record.

aiokafka's `send` is a coroutine per record (metadata wait, partitioner, accumulator, a
future each); a consumer that answers a whole fetch at once builds each partition's batch
itself (`create_batch`, `send_batch`) and awaits one acknowledgement per batch. Records
land on the partition `send` would choose for their key (the default partitioner: murmur2
of the key), and in the given order within a partition. The producer's state (idempotence,
sequence numbers) is set on each batch when it is drained, as for `send`.

As with `send`, records given while a partition's batch waits to leave for the broker join
that batch (a batch stays open until the producer drains it), so concurrent callers (the
lanes of other partitions, concurrent order batches) share a request instead of queueing
one batch behind the other.
"""

from __future__ import annotations

import asyncio
import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import murmur2

Headers = Sequence[tuple[str, bytes]]
# key (None: any partition), value, headers
OutRecord = tuple[bytes | None, bytes, Headers]

_CACHED_KEYS = 4096


@dataclass(frozen=True, slots=True)
class _Open:
    """A partition's latest batch, open to more records until the producer drains it."""

    batch: Any  # aiokafka's BatchBuilder
    acked: asyncio.Future[None]


class BatchSender:
    """Sends lists of records through one started producer; see the module docstring."""

    def __init__(self, producer: AIOKafkaProducer) -> None:
        self._producer = producer
        self._hashes: dict[bytes, int] = {}  # murmur2 is pure Python: repeated keys hashed once
        self._open: dict[tuple[str, int], _Open] = {}

    def partition_of(self, key: bytes | None, partitions: Sequence[int]) -> int:
        """The partition aiokafka's default partitioner gives `key` among `partitions`."""
        if key is None:
            return random.choice(partitions)
        hashed = self._hashes.get(key)
        if hashed is None:
            if len(self._hashes) >= _CACHED_KEYS:
                self._hashes.clear()
            hashed = self._hashes[key] = murmur2(key) & 0x7FFFFFFF
        return partitions[hashed % len(partitions)]

    async def send(self, topic: str, records: Sequence[OutRecord]) -> None:
        """Every record sent and acknowledged (acks as the producer is configured); raises the
        first failure. A partition's records keep their order, after those of earlier calls."""
        if not records:
            return
        # what `send` partitions over: the topic's partitions as the metadata lists them
        partitions = list(await self._producer.partitions_for(topic))
        by_partition: dict[int, list[OutRecord]] = {}
        for record in records:
            by_partition.setdefault(self.partition_of(record[0], partitions), []).append(record)
        waits: list[asyncio.Future[None]] = []
        for partition, mine in by_partition.items():
            waits.extend(await self._add(topic, partition, mine))
        outcomes = await asyncio.gather(*waits, return_exceptions=True)
        failures = [o for o in outcomes if o is not None]
        if failures:
            raise failures[0]

    async def _add(
        self, topic: str, partition: int, records: list[OutRecord]
    ) -> list[asyncio.Future[None]]:
        """The records appended to the partition's open batch, then to new ones as needed;
        the acknowledgements to wait for."""
        waits: list[asyncio.Future[None]] = []
        pending = iter(records)
        record = next(pending, None)
        while record is not None:
            current = self._open.get((topic, partition))
            if current is None or not _append(current.batch, record):
                # drained (closed) or full: a new batch, which takes at least this record
                current = _Open(
                    self._producer.create_batch(), asyncio.get_running_loop().create_future()
                )
                self._open[(topic, partition)] = current
                _append(current.batch, record)
                await self._submit(topic, partition, current)
            record = next(pending, None)
            while record is not None and _append(current.batch, record):
                record = next(pending, None)
            if not waits or waits[-1] is not current.acked:
                waits.append(current.acked)
        return waits

    async def _submit(self, topic: str, partition: int, opened: _Open) -> None:
        """Hands a new batch to the producer (which waits while the partition's previous
        batch has not left); others may append to it meanwhile."""
        try:
            ack = await self._producer.send_batch(opened.batch, topic, partition=partition)
        except Exception as exc:
            if self._open.get((topic, partition)) is opened:
                del self._open[(topic, partition)]
            _settle(opened.acked, exc)
            return
        ack.add_done_callback(functools.partial(_acknowledged, opened.acked))


def _append(batch: Any, record: OutRecord) -> bool:
    """False when the batch is full or already drained (closed)."""
    key, value, headers = record
    return batch.append(timestamp=None, key=key, value=value, headers=list(headers)) is not None


def _acknowledged(acked: asyncio.Future[None], ack: asyncio.Future[Any]) -> None:
    if ack.cancelled():
        _settle(acked, asyncio.CancelledError())
    else:
        _settle(acked, ack.exception())


def _settle(acked: asyncio.Future[None], failure: BaseException | None) -> None:
    if acked.done():
        return
    if failure is None:
        acked.set_result(None)
    else:
        acked.set_exception(failure)
