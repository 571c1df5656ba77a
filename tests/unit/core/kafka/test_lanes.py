"""PartitionLanes: the next poll is taken while a partition's records are decided, in order."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord, TopicPartition

from adapters.kafka.lanes import Decided, PartitionLanes, one_at_a_time

P0, P1 = TopicPartition("orders", 0), TopicPartition("orders", 1)


def record(tp: TopicPartition, offset: int) -> ConsumerRecord:
    return ConsumerRecord(tp.topic, tp.partition, offset, 0, 0, None, b"v", None, 1, 1, [])


class FakeConsumer:
    """Pause and resume, as the lanes use them."""

    def __init__(self) -> None:
        self.paused: set[TopicPartition] = set()
        self.pauses = 0

    def pause(self, tp: TopicPartition) -> None:
        self.paused.add(tp)
        self.pauses += 1

    def resume(self, tp: TopicPartition) -> None:
        self.paused.discard(tp)


class World:
    """A handler that waits for a go per record, and the offsets committed."""

    def __init__(self, *, max_pending: int = 500) -> None:
        self.consumer = FakeConsumer()
        self.handled: list[tuple[int, int]] = []
        self.chunks: list[list[int]] = []
        self.committed: list[dict[TopicPartition, int]] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.revoked: set[TopicPartition] = set()
        self.stopping = False
        self._one_at_a_time = one_at_a_time(self.complete, self.revoked.__contains__)
        self.lanes = PartitionLanes(
            cast(AIOKafkaConsumer, self.consumer),
            self.decide,
            self.commit,
            self.revoked.__contains__,
            lambda: self.stopping,
            max_pending=max_pending,
        )

    async def decide(self, tp: TopicPartition, chunk: list[Any]) -> Decided:
        self.chunks.append([r.offset for r in chunk])
        return await self._one_at_a_time(tp, chunk)

    async def complete(self, tp: TopicPartition, rec: Any) -> bool:
        await self.gate.wait()
        if tp in self.revoked:
            return False
        self.handled.append((tp.partition, rec.offset))
        return True

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        self.committed.append(dict(offsets))


async def settle_a_while() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_poll_taken_while_a_chunk_is_decided_follows_it_in_order() -> None:
    # Arrange
    world = World()
    world.gate.clear()
    world.lanes.add(P0, [record(P0, 0), record(P0, 1)])
    await settle_a_while()

    # Act: the next poll arrives while the first chunk is still in hand
    world.lanes.add(P0, [record(P0, 2), record(P0, 3)])
    world.lanes.add(P1, [record(P1, 7)])
    world.gate.set()
    await world.lanes.settle()

    # Assert
    assert [o for p, o in world.handled if p == 0] == [0, 1, 2, 3]
    assert [o for p, o in world.handled if p == 1] == [7]
    assert world.chunks[:1] == [[0, 1]]  # the second poll is decided as a chunk of its own
    assert [2, 3] in world.chunks
    latest = {tp: o for offsets in world.committed for tp, o in offsets.items()}
    assert latest == {P0: 4, P1: 8}


async def test_nothing_is_committed_past_a_record_still_in_hand() -> None:
    # Arrange
    world = World()
    world.lanes.add(P0, [record(P0, 0)])
    await settle_a_while()
    world.gate.clear()

    # Act
    world.lanes.add(P0, [record(P0, 1), record(P0, 2)])
    await settle_a_while()
    in_hand = [dict(c) for c in world.committed]
    world.gate.set()
    await world.lanes.settle()

    # Assert
    assert in_hand == [{P0: 1}]
    assert world.committed[-1] == {P0: 3}


async def test_a_full_lane_pauses_its_partition_until_it_takes_the_records() -> None:
    # Arrange
    world = World(max_pending=2)
    world.gate.clear()
    world.lanes.add(P0, [record(P0, 0)])
    await settle_a_while()

    # Act
    world.lanes.add(P0, [record(P0, 1), record(P0, 2)])
    paused_while_full = set(world.consumer.paused)
    world.gate.set()
    await world.lanes.settle()

    # Assert
    assert paused_while_full == {P0}
    assert world.consumer.paused == set()
    assert [o for _, o in world.handled] == [0, 1, 2]


async def test_a_revoked_partition_stops_at_its_next_record_and_commits_what_it_did() -> None:
    # Arrange
    world = World()
    world.lanes.add(P0, [record(P0, 0)])
    await settle_a_while()
    world.gate.clear()
    world.lanes.add(P0, [record(P0, 1), record(P0, 2)])
    await settle_a_while()

    # Act
    world.revoked.add(P0)
    world.gate.set()
    await world.lanes.settle([P0])
    world.lanes.add(P0, [record(P0, 3)])  # fetched before the revocation, read after it
    await settle_a_while()

    # Assert
    assert world.handled == [(0, 0)]
    assert world.committed == [{P0: 1}]


async def test_a_stop_finishes_the_chunk_in_hand_but_takes_no_other() -> None:
    # Arrange
    world = World()
    world.gate.clear()
    world.lanes.add(P0, [record(P0, 0), record(P0, 1)])
    await settle_a_while()
    world.lanes.add(P0, [record(P0, 2)])

    # Act
    world.stopping = True
    world.gate.set()
    await world.lanes.settle()

    # Assert
    assert world.handled == [(0, 0), (0, 1)]
    assert world.committed[-1] == {P0: 2}
