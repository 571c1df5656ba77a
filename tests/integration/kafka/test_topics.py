"""Topic names and ensure_topics against the real broker: created once, listed, idempotent."""

from __future__ import annotations

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from adapters.kafka.client import KafkaConfig, make_admin
from adapters.kafka.topics import Topics, TopicSetupError, check_created, ensure_topics


async def _partition_counts(config: KafkaConfig, names: list[str]) -> dict[str, int]:
    admin: AIOKafkaAdminClient = make_admin(config)
    await admin.start()
    try:
        described = await admin.describe_topics(names)
    finally:
        await admin.close()
    return {t["topic"]: len(t["partitions"]) for t in described if t["error_code"] == 0}


def test_the_default_names_are_the_documented_ones() -> None:
    # Act
    names = Topics().all()

    # Assert
    assert names == (
        "bulwark.commands.orders",
        "bulwark.commands.control",
        "bulwark.heartbeats",
        "bulwark.order-decisions",
        "bulwark.events",
        "bulwark.emergency",
        "bulwark.dlq",
    )


def test_a_prefix_applies_to_every_topic() -> None:
    # Act
    topics = Topics(dlq="custom.dlq").with_prefix("t1.")

    # Assert
    assert topics.orders == "t1.bulwark.commands.orders"
    assert topics.dlq == "t1.custom.dlq"
    assert all(name.startswith("t1.") for name in topics.all())


async def test_ensure_topics_creates_every_topic_with_its_partitions(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange
    topics = Topics().with_prefix(f"t-{unique}.")

    # Act
    await ensure_topics(kafka_config, topics, partitions=4)

    # Assert
    counts = await _partition_counts(kafka_config, list(topics.all()))
    assert counts == dict.fromkeys(topics.all(), 4)


async def test_ensure_topics_twice_is_harmless_and_keeps_the_first_partition_count(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange
    names = [f"t-{unique}.a", f"t-{unique}.b"]
    await ensure_topics(kafka_config, names[:1], partitions=2)

    # Act
    await ensure_topics(kafka_config, names, partitions=5)

    # Assert
    assert await _partition_counts(kafka_config, names) == {names[0]: 2, names[1]: 5}


async def test_partition_counts_can_differ_per_topic(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange
    topics = Topics().with_prefix(f"t-{unique}.")

    # Act
    await ensure_topics(kafka_config, topics, partitions={topics.emergency: 1, topics.orders: 6})

    # Assert
    counts = await _partition_counts(kafka_config, list(topics.all()))
    assert counts[topics.emergency] == 1
    assert counts[topics.orders] == 6
    assert counts[topics.dlq] == 3  # the default


@pytest.mark.parametrize(("partitions", "replication"), [(0, 1), ({"x": 0}, 1), (1, 0)])
async def test_a_topic_without_partitions_or_replicas_is_refused_before_the_broker_is_asked(
    partitions: int | dict[str, int], replication: int
) -> None:
    # Arrange: nothing listens at this address, so asking the broker would fail differently
    unreachable = KafkaConfig("127.0.0.1:1")

    # Act / Assert
    with pytest.raises(ValueError, match="at least"):
        await ensure_topics(unreachable, ["x"], partitions=partitions, replication=replication)


def test_a_refusal_in_the_create_response_names_the_topic_and_error() -> None:
    # Arrange: what a broker answers for a bad name (17), an existing topic (36) and a good one
    errors = [("bad name!", 17, "Invalid topic"), ("kept", 36, "exists"), ("new", 0, None)]

    # Act / Assert
    with pytest.raises(TopicSetupError, match="bad name!: InvalidTopicError") as caught:
        check_created(errors)
    assert "kept" not in str(caught.value)


def test_a_create_response_with_existing_topics_only_is_fine() -> None:
    # Act / Assert: no error raised
    check_created([("kept", 36), ("new", 0)])
