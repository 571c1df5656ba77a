"""BatchSender: a key lands where aiokafka's own send would put it; records keep their order
and join the partition's batch while it waits to leave."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any, cast

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.partitioner import DefaultPartitioner

from adapters.kafka.batch_send import BatchSender, OutRecord


class FakeBatch:
    """A batch that takes `room` records (a fresh one takes any), until it is drained."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.closed = False
        self.values: list[bytes] = []

    def append(
        self, *, timestamp: Any, key: bytes | None, value: bytes, headers: Sequence[Any]
    ) -> object | None:
        if self.closed or (self.values and len(self.values) >= self.room):
            return None
        self.values.append(value)
        return object()


class FakeProducer:
    """create_batch / send_batch / partitions_for, as the sender uses them: a batch handed
    over stays open until `drain()`; with `drained` clear, handing one over waits (aiokafka
    waits while the partition's previous batch has not left)."""

    def __init__(self, partitions: int, room: int = 100) -> None:
        self._partitions = set(range(partitions))
        self._room = room
        self.sent: list[tuple[int, FakeBatch]] = []
        self.drained = asyncio.Event()
        self.drained.set()
        self.acks: list[asyncio.Future[None]] = []
        self.ack_at_once = True

    async def partitions_for(self, topic: str) -> set[int]:
        return self._partitions

    def create_batch(self) -> FakeBatch:
        return FakeBatch(self._room)

    async def send_batch(self, batch: FakeBatch, topic: str, *, partition: int) -> Any:
        await self.drained.wait()
        self.sent.append((partition, batch))
        ack: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.ack_at_once:
            ack.set_result(None)
        self.acks.append(ack)
        return ack

    def drain(self) -> None:
        for _, batch in self.sent:
            batch.closed = True

    def batches(self) -> list[tuple[int, list[bytes]]]:
        return [(partition, batch.values) for partition, batch in self.sent]


@pytest.mark.parametrize("partitions", [1, 3, 6, 7])
def test_a_key_gets_the_partition_of_the_default_partitioner(partitions: int) -> None:
    # Arrange
    sender = BatchSender(cast(AIOKafkaProducer, FakeProducer(partitions)))
    keys = [f"acc-{i}".encode() for i in range(200)] + [b"", b"\xff\x00"]
    listed = list(set(range(partitions)))  # what aiokafka's send partitions over

    # Act
    ours = [sender.partition_of(key, listed) for key in keys * 2]  # the second: cached

    # Assert
    theirs = [DefaultPartitioner()(key, listed, listed) for key in keys * 2]
    assert ours == theirs


async def test_each_partitions_records_go_in_order_in_as_few_batches_as_fit() -> None:
    # Arrange
    producer = FakeProducer(3, room=2)
    sender = BatchSender(cast(AIOKafkaProducer, producer))
    records: list[OutRecord] = [(f"k{i % 4}".encode(), f"v{i}".encode(), []) for i in range(12)]

    # Act
    await sender.send("t", records)

    # Assert
    by_partition: dict[int, list[bytes]] = {}
    for partition, values in producer.batches():
        assert 1 <= len(values) <= 2
        by_partition.setdefault(partition, []).extend(values)
    for partition, values in by_partition.items():
        expected = [
            value for key, value, _ in records if sender.partition_of(key, [0, 1, 2]) == partition
        ]
        assert values == expected
    assert sum(len(v) for v in by_partition.values()) == 12


async def test_callers_that_send_while_a_batch_waits_to_leave_join_it_in_order() -> None:
    # Arrange: the partition's batch cannot leave yet
    producer = FakeProducer(1)
    sender = BatchSender(cast(AIOKafkaProducer, producer))
    producer.drained.clear()
    first = asyncio.create_task(sender.send("t", [(b"k", b"a1", [])]))
    await asyncio.sleep(0)

    # Act: two more callers meanwhile, then it leaves; then a caller after it left
    second = asyncio.create_task(sender.send("t", [(b"k", b"b1", []), (b"k", b"b2", [])]))
    third = asyncio.create_task(sender.send("t", [(b"k", b"c1", [])]))
    await asyncio.sleep(0)
    producer.drained.set()
    await asyncio.gather(first, second, third)
    producer.drain()
    await sender.send("t", [(b"k", b"d1", [])])

    # Assert
    assert producer.batches() == [(0, [b"a1", b"b1", b"b2", b"c1"]), (0, [b"d1"])]


async def test_a_failed_acknowledgement_fails_every_caller_of_that_batch() -> None:
    # Arrange
    producer = FakeProducer(1)
    producer.ack_at_once = False
    sender = BatchSender(cast(AIOKafkaProducer, producer))
    calls = [asyncio.create_task(sender.send("t", [(b"k", v, [])])) for v in (b"1", b"2")]
    for _ in range(5):
        await asyncio.sleep(0)

    # Act
    for ack in producer.acks:
        ack.set_exception(ConnectionError("the broker went away"))
    outcomes = await asyncio.gather(*calls, return_exceptions=True)

    # Assert
    assert producer.batches() == [(0, [b"1", b"2"])]
    assert [type(o) for o in outcomes] == [ConnectionError, ConnectionError]
