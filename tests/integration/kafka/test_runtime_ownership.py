"""ConsumerRuntime and partition ownership: the release hook on every hand-over, and the
group-less reader (the emergency listener's) that owns every partition at once."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.kafka.client import KafkaConfig, make_consumer
from adapters.kafka.runtime import ConsumerRuntime
from tests.integration.kafka.test_runtime import (
    FAST_RETRY,
    PARTITIONS,
    Handler,
    Stream,
    eventually,
    open_stream,
    produce,
)


@pytest.fixture
async def owned(kafka_config: KafkaConfig, unique: str) -> AsyncIterator[Stream]:
    async with open_stream(kafka_config, unique, "o") as opened:
        yield opened


def groupless(stream: Stream, handler: Handler) -> ConsumerRuntime:
    return ConsumerRuntime(
        f"{stream.group}-everyone",
        [stream.topic],
        handler,
        lambda: make_consumer(stream.config, None, auto_offset_reset="latest"),
        stream.producer,
        stream.dlq,
        backoff=FAST_RETRY,
        without_group=True,
    )


async def test_a_member_calls_the_release_hook_when_partitions_move_away_and_at_stop(
    owned: Stream,
) -> None:
    # Arrange
    released: list[str] = []
    handler = Handler()
    first = owned.runtime(handler, on_accounts_released=lambda: released.append("first"))
    second = owned.runtime(handler, on_accounts_released=lambda: released.append("second"))
    await first.start()
    await eventually(lambda: len(first.assignment) == PARTITIONS, "first holds everything")

    # Act: a second member joins (the first gives partitions up), then both stop
    await second.start()
    try:
        await eventually(
            lambda: bool(first.assignment) and bool(second.assignment), "both hold partitions"
        )
        after_join = list(released)
    finally:
        await first.stop()
        await second.stop()

    # Assert
    assert "first" in after_join
    assert released.count("first") >= 2  # the rebalance and the stop
    assert "second" in released


async def test_a_groupless_reader_owns_every_partition_at_once_from_the_end(
    owned: Stream,
) -> None:
    # Arrange: records from before the reader started are not its business
    await produce(owned, ["ok"] * 6)
    handler = Handler()
    reader = groupless(owned, handler)

    # Act
    await reader.start()
    owned_at_start = len(reader.assignment)
    try:
        sent = await produce(owned, ["ok"] * 6, start=6)
        await eventually(lambda: set(handler.effects) == set(sent), "the new records read")
    finally:
        await reader.stop()

    # Assert
    assert owned_at_start == PARTITIONS
    assert set(handler.effects) == set(sent)


async def test_a_restarted_groupless_reader_resumes_where_it_left_off(owned: Stream) -> None:
    # Arrange
    handler = Handler()
    reader = groupless(owned, handler)
    await reader.start()
    first = await produce(owned, ["ok"] * 3)
    await eventually(lambda: set(handler.effects) == set(first), "the first records read")

    # Act: records sent while it restarts are still read (a halt must not slip past)
    await reader.stop()
    during = await produce(owned, ["ok"] * 3, start=3)
    await reader.start()
    try:
        await eventually(lambda: set(handler.effects) == set(first) | set(during), "all read")
    finally:
        await reader.stop()

    # Assert
    assert sum(handler.calls.values()) == 6
