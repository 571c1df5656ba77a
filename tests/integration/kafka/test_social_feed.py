"""The Kafka social feed (adapters/kafka/social.py) on the real broker: a valid record becomes a
mention of the HypeMeter's port, a bad one goes to the dead-letter topic with its reason."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from aiokafka import AIOKafkaProducer

from adapters.kafka.client import KafkaConfig, make_producer
from adapters.kafka.dlq import OFFSET_HEADER, TOPIC_HEADER, reason_of
from adapters.kafka.social import INVALID_MENTION, KafkaSocialFeed
from adapters.kafka.topics import ensure_topics
from adapters.memory.clock import SystemClock
from tests.integration.kafka.records import GUARD_S, dead_letters, eventually


def mention(ident: str, symbols: list[str], minutes_ago: float, **counts: int) -> bytes:
    posted = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    body = {
        "id": ident,
        "symbols": symbols,
        "text": f"{' '.join(symbols)} to the moon",
        "platform": "x",
        "author": "@tester",
        "posted_at": posted.isoformat().replace("+00:00", "Z"),
        **counts,
    }
    return json.dumps(body).encode()


@pytest.fixture
async def topics(kafka_config: KafkaConfig, unique: str) -> tuple[str, str]:
    topic, dlq = f"social-{unique}.mentions", f"social-{unique}.dlq"
    await ensure_topics(kafka_config, [topic, dlq], partitions={topic: 2, dlq: 1})
    return topic, dlq


@pytest.fixture
async def producer(kafka_config: KafkaConfig) -> AsyncIterator[AIOKafkaProducer]:
    # Tansu (the session broker) refuses InitProducerId: acks=all without idempotence
    started = make_producer(kafka_config, idempotent=False)
    await started.start()
    try:
        yield started
    finally:
        await started.stop()


def feed_for(config: KafkaConfig, topics: tuple[str, str]) -> KafkaSocialFeed:
    return KafkaSocialFeed(
        config,
        topics[0],
        topics[1],
        SystemClock(),
        retention=timedelta(hours=2),
        idempotent_producer=False,
        poll_timeout_ms=100,
        backoff=(0.05, 0.5),
    )


async def test_valid_records_become_mentions_and_bad_ones_go_to_the_dlq_with_a_reason(
    kafka_config: KafkaConfig, topics: tuple[str, str], producer: AIOKafkaProducer
) -> None:
    # Arrange: records already on the topic before the feed starts (read back from the time
    # index), good and bad, on both partitions
    topic, dlq = topics
    before = {
        b"m-1": mention("m-1", ["acme"], 30, likes=10, shares=2),
        b"m-2": mention("m-2", ["ACME", "BOLT"], 20, comments=4),
        b"bad-json": b"{not json",
        b"bad-symbols": json.dumps(
            {"id": "x", "text": "t", "posted_at": "2026-03-02T14:30:00Z"}
        ).encode(),
    }
    sent: dict[bytes, tuple[int, int]] = {}
    for i, (key, value) in enumerate(before.items()):
        meta = await producer.send_and_wait(topic, value, key=key, partition=i % 2)
        sent[key] = (meta.partition, meta.offset)
    feed = feed_for(kafka_config, topics)

    # Act: start, then a live record after the start
    await feed.start(ready_timeout_s=GUARD_S)
    try:
        await producer.send_and_wait(topic, mention("m-3", ["ACME"], 1, views=500), key=b"m-3")
        await eventually(
            lambda: feed.received == 3 and feed.dead_lettered == 2, "3 mentions, 2 dead letters"
        )
        now = datetime.now(UTC)
        acme = await feed.mentions("ACME", now - timedelta(hours=1), now)
        bolt = await feed.mentions("bolt", now - timedelta(hours=1), now)
        counts = await feed.counts(now - timedelta(hours=1), now)
    finally:
        await feed.stop()
    letters = await dead_letters(kafka_config, dlq, 2)

    # Assert: the mentions, oldest first, symbols upper case, counts kept
    assert [m.id for m in acme] == ["m-1", "m-2", "m-3"]
    assert (acme[0].symbols, acme[0].likes, acme[0].shares) == (("ACME",), 10, 2)
    assert acme[2].views == 500
    assert [m.id for m in bolt] == ["m-2"]
    assert counts == {"ACME": 3, "BOLT": 1}
    # Assert: each bad record unchanged in the DLQ, with its code, why, and where it was
    by_key = {letter.key: letter for letter in letters}
    assert set(by_key) == {b"bad-json", b"bad-symbols"}
    for key, letter in by_key.items():
        assert letter.value == before[key]
        headers = dict(letter.headers)
        assert headers[TOPIC_HEADER].decode() == topic
        assert int(headers[OFFSET_HEADER].decode()) == sent[key][1]
    json_code, json_detail = reason_of(by_key[b"bad-json"].headers)
    symbols_code, symbols_detail = reason_of(by_key[b"bad-symbols"].headers)
    assert json_code == symbols_code == INVALID_MENTION
    assert json_detail  # the decoder's message
    assert symbols_detail.startswith("symbols:")


async def test_a_mention_older_than_the_retention_is_not_kept(
    kafka_config: KafkaConfig, topics: tuple[str, str], producer: AIOKafkaProducer
) -> None:
    # Arrange: one mention posted three hours ago (retention two), one a minute ago
    topic, _ = topics
    await producer.send_and_wait(topic, mention("old", ["ACME"], 180), key=b"old", partition=0)
    await producer.send_and_wait(topic, mention("new", ["ACME"], 1), key=b"new", partition=0)
    feed = feed_for(kafka_config, topics)

    # Act
    await feed.start(ready_timeout_s=GUARD_S)
    try:
        await eventually(lambda: feed.received == 2, "both records read")
        now = datetime.now(UTC)
        found = await feed.mentions("ACME", now - timedelta(hours=6), now)
    finally:
        await feed.stop()

    # Assert: read (not dead-lettered) but dropped by its posted_at
    assert [m.id for m in found] == ["new"]
    assert feed.dead_lettered == 0
