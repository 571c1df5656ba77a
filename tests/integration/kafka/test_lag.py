"""Consumer-group lag read from the real broker: end offsets minus the group's commits."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiokafka import TopicPartition

from adapters.kafka.client import KafkaConfig, make_consumer, make_producer
from adapters.kafka.lag import KafkaLagSource
from adapters.kafka.topics import ensure_topics

PRODUCED = {0: 10, 1: 6}  # records per partition


@pytest.fixture
async def topic(kafka_config: KafkaConfig, unique: str) -> str:
    """A two-partition topic holding PRODUCED records."""
    name = f"lag-{unique}"
    await ensure_topics(kafka_config, [name], partitions=2)
    producer = make_producer(kafka_config, idempotent=False)  # Tansu has no InitProducerId
    await producer.start()
    try:
        for partition, count in PRODUCED.items():
            for i in range(count):
                await producer.send_and_wait(name, f"m{i}".encode(), partition=partition)
    finally:
        await producer.stop()
    return name


@pytest.fixture
async def source(kafka_config: KafkaConfig) -> AsyncIterator[KafkaLagSource]:
    lag_source = KafkaLagSource(kafka_config)
    yield lag_source
    await lag_source.close()


async def consume_and_commit(
    config: KafkaConfig, group: str, topic: str, commits: dict[int, int]
) -> None:
    """Read the partitions in `group` and commit the first `commits[p]` records of each."""
    consumer = make_consumer(config, group)
    partitions = [TopicPartition(topic, p) for p in commits]
    consumer.assign(partitions)
    await consumer.start()
    try:
        await consumer.seek_to_beginning(*partitions)
        read = 0
        while read < sum(commits.values()):
            batches = await consumer.getmany(timeout_ms=1000)
            read += sum(len(records) for records in batches.values())
        await consumer.commit({TopicPartition(topic, p): n for p, n in commits.items()})
    finally:
        await consumer.stop()


async def test_lag_is_what_was_produced_past_the_commits(
    kafka_config: KafkaConfig, source: KafkaLagSource, topic: str, unique: str
) -> None:
    # Arrange
    group = f"g-{unique}"
    await consume_and_commit(kafka_config, group, topic, {0: 4, 1: 2})

    # Act
    lag = await source.lag(group)

    # Assert
    assert lag.group == group
    assert lag.partitions == {(topic, 0): 10 - 4, (topic, 1): 6 - 2}
    assert lag.total == (10 + 6) - (4 + 2)


async def test_a_partition_without_a_commit_counts_from_the_beginning(
    kafka_config: KafkaConfig, source: KafkaLagSource, topic: str, unique: str
) -> None:
    # Arrange
    group = f"g-{unique}"
    await consume_and_commit(kafka_config, group, topic, {0: 10})

    # Act
    lag = await source.lag(group)

    # Assert
    assert lag.partitions == {(topic, 0): 0, (topic, 1): 6}
    assert lag.total == 6


async def test_a_group_that_never_committed_lags_by_its_named_topics(
    kafka_config: KafkaConfig, topic: str, unique: str
) -> None:
    # Arrange
    group = f"g-{unique}"
    lag_source = KafkaLagSource(kafka_config, topics={group: [topic]})

    # Act
    try:
        lag = await lag_source.lag(group)
        again = await lag_source.lag(group)  # the clients are reused
    finally:
        await lag_source.close()

    # Assert
    assert lag.partitions == {(topic, 0): 10, (topic, 1): 6}
    assert again == lag


async def test_an_unknown_group_has_no_lag(source: KafkaLagSource, unique: str) -> None:
    # Act
    lag = await source.lag(f"nobody-{unique}")

    # Assert
    assert (lag.partitions, lag.total) == ({}, 0)
