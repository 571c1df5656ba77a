"""What Bulwark relies on from the Kafka-protocol broker, proven with aiokafka against it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaConnectionError, UnknownError

from adapters.kafka.client import KafkaConfig, make_admin, make_consumer, make_producer
from adapters.kafka.topics import ensure_topics
from tests.integration.kafka.records import started
from tests.integration.servers import Server

WAIT_S = 30.0  # a generous bound on broker round trips; never reached when things work
# The least session timeout Apache Kafka accepts by default; Tansu answers a first JoinGroup
# only after half of it, and a member that left from generation 0 only after all of it.
SESSION_TIMEOUT_MS = 6_000


def _member(config: KafkaConfig, group: str, topic: str) -> AIOKafkaConsumer:
    return make_consumer(
        config,
        group,
        topics=[topic],
        session_timeout_ms=SESSION_TIMEOUT_MS,
        heartbeat_interval_ms=300,
    )


async def _topic(config: KafkaConfig, name: str, partitions: int) -> str:
    await ensure_topics(config, [name], partitions=partitions)
    return name


async def _read(consumer: AIOKafkaConsumer, count: int) -> list[Any]:
    """Exactly `count` records (fails the test when fewer arrive within WAIT_S)."""
    records: list[Any] = []
    deadline = time.monotonic() + WAIT_S
    while len(records) < count:
        if time.monotonic() > deadline:
            pytest.fail(f"only {len(records)} of {count} records arrived")
        for batch in (await consumer.getmany(timeout_ms=100)).values():
            records.extend(batch)
    return records


async def _until(
    consumers: list[AIOKafkaConsumer], done: Callable[[list[Any]], bool], what: str
) -> list[Any]:
    """Keep the consumers polling (as live members do) until `done(records so far)`."""
    records: list[Any] = []
    deadline = time.monotonic() + WAIT_S
    while not done(records):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting until {what}")
        polls = await asyncio.gather(*(c.getmany(timeout_ms=50) for c in consumers))
        for poll in polls:
            for batch in poll.values():
                records.extend(batch)
    return records


@pytest.fixture
async def on_tansu(kafka_broker: Server, kafka_config: KafkaConfig) -> bool:
    """Whether the session's broker is Tansu: started as one, or reporting Tansu's cluster id."""
    if kafka_broker.source.startswith("tansu"):
        return True
    admin = make_admin(kafka_config)
    await admin.start()
    try:
        cluster = await admin.describe_cluster()
    finally:
        await admin.close()
    return str(cluster.get("cluster_id") or "").startswith("tansu")


def _xfail_on_tansu(
    request: pytest.FixtureRequest, on_tansu: bool, reason: str, raises: type[Exception]
) -> None:
    request.applymarker(pytest.mark.xfail(on_tansu, reason=reason, raises=raises, strict=True))


# --- records ----------------------------------------------------------------------------------


async def test_a_record_keeps_its_key_headers_and_timestamp(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=1)
    headers = [("bulwark-type", b"SubmitOrder"), ("bulwark-version", b"1")]

    async with started(make_producer(kafka_config, idempotent=False)) as producer:
        # Act
        await producer.send_and_wait(
            topic, b'{"n": 1}', key=b"acct-1", headers=headers, timestamp_ms=1_700_000_000_123
        )
    async with started(make_consumer(kafka_config, None, topics=[topic])) as consumer:
        (record,) = await _read(consumer, 1)

    # Assert
    assert record.key == b"acct-1"
    assert record.value == b'{"n": 1}'
    assert list(record.headers) == headers
    assert record.timestamp == 1_700_000_000_123


async def test_records_of_one_key_share_a_partition_and_keep_their_order(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=3)
    keys = [f"acct-{k}".encode() for k in range(6)]

    async with started(make_producer(kafka_config, idempotent=False)) as producer:
        # Act
        for i in range(60):
            await producer.send(topic, str(i).encode(), key=keys[i % len(keys)])
        await producer.flush()
    async with started(make_consumer(kafka_config, None, topics=[topic])) as consumer:
        records = await _read(consumer, 60)

    # Assert
    for key in keys:
        mine = [r for r in records if r.key == key]
        assert len({r.partition for r in mine}) == 1
        assert [int(r.value) for r in mine] == sorted(int(r.value) for r in mine)
    assert len({r.partition for r in records}) > 1  # the keys did spread


async def test_an_idempotent_producer_with_acks_all_writes_each_record_once(
    request: pytest.FixtureRequest, on_tansu: bool, kafka_config: KafkaConfig, unique: str
) -> None:
    # Tansu answers InitProducerId only from v3 on; aiokafka 0.13 sends v0 (no producer id/epoch)
    _xfail_on_tansu(
        request,
        on_tansu,
        "Tansu fails InitProducerId v0 with UNKNOWN_SERVER_ERROR (-1); aiokafka sends only v0",
        UnknownError,
    )
    # Arrange
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=2)

    async with started(make_producer(kafka_config)) as producer:
        # Act
        for i in range(20):
            await producer.send(topic, str(i).encode(), key=str(i % 4).encode())
        await producer.flush()
    async with started(make_consumer(kafka_config, None, topics=[topic])) as consumer:
        records = await _read(consumer, 20)
        extra = await consumer.getmany(timeout_ms=200)  # a duplicate would be here

    # Assert
    assert sorted(int(r.value) for r in records) == list(range(20))
    assert not any(extra.values())


# --- consumer groups --------------------------------------------------------------------------


async def test_a_restarted_member_resumes_right_after_the_committed_offset(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=1)
    group = f"group-{unique}"
    async with started(make_producer(kafka_config, idempotent=False)) as producer:
        for i in range(10):
            await producer.send(topic, str(i).encode())
        await producer.flush()
    async with started(_member(kafka_config, group, topic)) as first:
        seen = await _read(first, 10)
        done = next(r for r in seen if r.value == b"5")
        await first.commit({TopicPartition(topic, 0): done.offset + 1})  # 0..5 are done

    # Act
    async with started(_member(kafka_config, group, topic)) as second:
        resumed = await _read(second, 4)

    # Assert
    assert [r.value for r in resumed] == [b"6", b"7", b"8", b"9"]


async def test_two_members_split_the_partitions_and_a_leaver_hands_its_share_over(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange: one member owns all four partitions, a second joins and takes a share
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=4)
    group = f"group-{unique}"
    everything = {TopicPartition(topic, p) for p in range(4)}
    stay = _member(kafka_config, group, topic)
    leave = _member(kafka_config, group, topic)

    def split(_: list[Any]) -> bool:
        mine, theirs = stay.assignment(), leave.assignment()
        return bool(mine) and bool(theirs) and mine | theirs == everything and not mine & theirs

    async with started(stay), started(make_producer(kafka_config, idempotent=False)) as producer:
        await _until([stay], lambda _: stay.assignment() == everything, "one member owns all")
        async with started(leave):
            await _until([stay, leave], split, "the two members split the partitions")
            kept, given = set(stay.assignment()), set(leave.assignment())
            for tp in sorted(everything):
                await producer.send_and_wait(topic, b"before", partition=tp.partition)
            read_by_stay = await _read(stay, len(kept))
            read_by_leave = await _read(leave, len(given))
            await stay.commit()
            await leave.commit()  # what the leaving member did stays done

        # Act: the second member leaves; once the first owns all again, every partition gets one
        await _until([stay], lambda _: stay.assignment() == everything, "the handover")
        for tp in sorted(everything):
            await producer.send_and_wait(topic, b"after", partition=tp.partition)
        after = await _read(stay, len(everything))

    # Assert
    assert {r.partition for r in read_by_stay} == {tp.partition for tp in kept}
    assert {r.partition for r in read_by_leave} == {tp.partition for tp in given}
    assert sorted((r.partition, r.value) for r in after) == [(p, b"after") for p in range(4)]


async def test_a_stopped_member_leaves_so_its_successor_owns_the_partitions_before_its_session_ends(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange: a member of a fresh group (Tansu's first generation is 0)
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=2)
    group = f"group-{unique}"
    first = _member(kafka_config, group, topic)
    async with started(first):
        await _until([first], lambda _: len(first.assignment()) == 2, "the first owns both")

    # Act: it stops (LeaveGroup), a new member joins in its place
    successor = _member(kafka_config, group, topic)
    began = time.monotonic()
    async with started(successor):
        await _until([successor], lambda _: len(successor.assignment()) == 2, "the handover")
        took = time.monotonic() - began

    # Assert: not held until the first member's session ran out
    assert took < SESSION_TIMEOUT_MS / 1000


# --- what lag monitoring reads ----------------------------------------------------------------


async def _committed_group(
    config: KafkaConfig, topic: str, group: str, offsets: dict[int, int]
) -> None:
    async with started(_member(config, group, topic)) as member:
        await _until([member], lambda _: bool(member.assignment()), "the member is assigned")
        await member.commit({TopicPartition(topic, p): o for p, o in offsets.items()})


async def test_group_offsets_and_end_offsets_give_the_lag_per_partition(
    kafka_config: KafkaConfig, unique: str
) -> None:
    # Arrange: 5 records on partition 0 and 3 on partition 1; the group did 4 and 1 of them
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=2)
    group = f"group-{unique}"
    partitions = [TopicPartition(topic, 0), TopicPartition(topic, 1)]
    async with started(make_producer(kafka_config, idempotent=False)) as producer:
        for partition, count in ((0, 5), (1, 3)):
            for _ in range(count):  # one record per batch: see the batched test below
                await producer.send_and_wait(topic, b"x", partition=partition)
    await _committed_group(kafka_config, topic, group, {0: 4, 1: 1})
    admin = make_admin(kafka_config)
    await admin.start()

    # Act: an outside observer, in no group, reads both sides
    try:
        committed = await admin.list_consumer_group_offsets(group, partitions=partitions)
    finally:
        await admin.close()
    async with started(make_consumer(kafka_config, None)) as observer:
        ends = await observer.end_offsets(partitions)

    # Assert
    lag = {tp.partition: ends[tp] - committed[tp].offset for tp in partitions}
    assert lag == {0: 1, 1: 2}


async def test_the_end_offset_counts_every_record_of_a_batch(
    request: pytest.FixtureRequest, on_tansu: bool, kafka_config: KafkaConfig, unique: str
) -> None:
    # Tansu answers ListOffsets(latest) with the last batch's base offset + 1, not its last + 1
    _xfail_on_tansu(
        request,
        on_tansu,
        "Tansu's ListOffsets(latest) after one 5-record batch is 1, not 5 (fetch highwater is 5)",
        AssertionError,
    )
    # Arrange: five records sent together go out as one batch
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=1)
    partition = TopicPartition(topic, 0)
    async with started(make_producer(kafka_config, idempotent=False)) as producer:
        sent = [await producer.send(topic, b"x", partition=0) for _ in range(5)]
        await producer.flush()
        offsets = [(await future).offset for future in sent]

    # Act
    async with started(make_consumer(kafka_config, None)) as observer:
        ends = await observer.end_offsets([partition])

    # Assert
    assert offsets == [0, 1, 2, 3, 4]
    assert ends[partition] == 5


async def test_group_offsets_of_every_partition_at_once(
    request: pytest.FixtureRequest, on_tansu: bool, kafka_config: KafkaConfig, unique: str
) -> None:
    # Tansu leaves the topics array out of its OffsetFetch reply when asked for all partitions
    _xfail_on_tansu(
        request,
        on_tansu,
        "Tansu's OffsetFetch reply to a null topic list cannot be parsed (the connection drops)",
        KafkaConnectionError,
    )
    # Arrange
    topic = await _topic(kafka_config, f"broker-{unique}", partitions=2)
    group = f"group-{unique}"
    await _committed_group(kafka_config, topic, group, {0: 0, 1: 0})
    admin = make_admin(kafka_config)
    await admin.start()

    # Act
    try:
        committed = await admin.list_consumer_group_offsets(group)
    finally:
        await admin.close()

    # Assert
    assert set(committed) == {TopicPartition(topic, 0), TopicPartition(topic, 1)}
