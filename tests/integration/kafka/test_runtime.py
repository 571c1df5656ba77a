"""ConsumerRuntime on a real broker: poison to the DLQ, transient retried in order, clean stops."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaConnectionError
from aiokafka.structs import ConsumerRecord

from adapters.kafka.client import KafkaConfig, make_consumer, make_producer
from adapters.kafka.dlq import (
    CODE_HEADER,
    DETAIL_HEADER,
    MESSAGE_ID_HEADER,
    OFFSET_HEADER,
    PARTITION_HEADER,
)
from adapters.kafka.runtime import (
    Batched,
    ConsumerRuntime,
    Poison,
    Skipped,
    Transient,
    install_signal_handlers,
)
from adapters.kafka.topics import ensure_topics
from tests.integration.kafka.records import GUARD_S, dead_letters, eventually

PARTITIONS = 3
FAST_RETRY = (0.005, 0.02)


class StoreDown(Exception):
    """Stands in for domain.errors.StoreUnavailable: transient by configuration, not by type."""


@dataclass
class Stream:
    """One test's topics, group and broker; nothing is shared with another test."""

    config: KafkaConfig
    topic: str
    dlq: str
    group: str
    producer: AIOKafkaProducer

    def consumer(self) -> AIOKafkaConsumer:
        # fast heartbeats so that a rebalance is noticed within a fraction of a second
        return make_consumer(
            self.config, self.group, heartbeat_interval_ms=200, session_timeout_ms=3_000
        )

    def runtime(
        self,
        handler: Callable[[ConsumerRecord], Awaitable[None]] | Batched,
        producer: Any = None,
        **kw: Any,
    ) -> ConsumerRuntime:
        kw.setdefault("backoff", FAST_RETRY)
        dlq_producer = producer or self.producer
        return ConsumerRuntime(
            self.group, [self.topic], handler, self.consumer, dlq_producer, self.dlq, **kw
        )


class FlakyDlq:
    """The DLQ producer during an outage: the first `failures` sends fail, then they go through."""

    def __init__(self, real: AIOKafkaProducer, failures: int, handler: Handler) -> None:
        self._real, self._failures, self._handler = real, failures, handler
        self.attempts = 0
        self.applied_when_sent: dict[int, list[int]] = {}

    async def send_and_wait(self, *args: Any, **kw: Any) -> Any:
        self.attempts += 1
        if self.attempts <= self._failures:
            raise KafkaConnectionError("the DLQ's broker is unreachable")
        self.applied_when_sent = {p: list(o) for p, o in self._handler.applied.items()}
        return await self._real.send_and_wait(*args, **kw)


@dataclass
class Handler:
    """Applies each message id once (idempotent, like the lead's inbox) and counts every call.

    The message's `kind` says how it behaves: ok, poison, boom (ValueError), flaky (Transient
    the first `failures` calls), store-down (StoreDown the first `failures` calls), stuck
    (Transient on every call while `stuck` is true).
    """

    failures: int = 3
    delay_s: float = 0.0
    stuck: bool = True
    calls: Counter[str] = field(default_factory=Counter)
    effects: dict[str, int] = field(default_factory=dict)  # id -> offset
    applied: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    async def __call__(self, record: ConsumerRecord) -> None:
        message = json.loads(record.value)
        mid, kind = message["id"], message["kind"]
        self.calls[mid] += 1
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if kind == "poison":
            raise Poison("BAD_COMMAND", f"{mid} cannot be decoded", message_id=mid)
        if kind == "boom":
            raise ValueError(mid)
        if kind == "flaky" and self.calls[mid] <= self.failures:
            raise Transient("store busy")
        if kind == "store-down" and self.calls[mid] <= self.failures:
            raise StoreDown("connection refused")
        if kind == "stuck" and self.stuck:
            raise Transient("store down")
        if mid not in self.effects:
            self.effects[mid] = record.offset
            self.applied[record.partition].append(record.offset)


def in_batches(handler: Handler, transient: tuple[type[Exception], ...] = ()) -> Batched:
    """`handler` as a batch handler: each record's outcome, in order; after a failure that
    may pass, the rest of the batch is not run (as the command dispatcher does)."""

    async def handle(records: list[ConsumerRecord]) -> list[Exception | None]:
        outcomes: list[Exception | None] = []
        for record in records:
            if any(isinstance(o, (Transient, *transient)) for o in outcomes):
                outcomes.append(Skipped("after a failure"))
                continue
            try:
                await handler(record)
            except Exception as exc:
                outcomes.append(exc)
            else:
                outcomes.append(None)
        return outcomes

    return Batched(handle)


@contextlib.asynccontextmanager
async def open_stream(config: KafkaConfig, unique: str, prefix: str) -> AsyncIterator[Stream]:
    """A fresh command topic (PARTITIONS), its dead-letter topic and a started producer."""
    topic, dlq = f"{prefix}-{unique}.commands", f"{prefix}-{unique}.dlq"
    await ensure_topics(config, [topic, dlq], partitions={topic: PARTITIONS, dlq: 1})
    # Tansu (the session broker when nothing else is given) refuses InitProducerId, so the
    # tests' producer is acks=all without idempotence; the runtime does not depend on it
    producer = make_producer(config, idempotent=False)
    await producer.start()
    try:
        yield Stream(config, topic, dlq, f"g-{unique}", producer)
    finally:
        await producer.stop()


@pytest.fixture
async def stream(kafka_config: KafkaConfig, unique: str) -> AsyncIterator[Stream]:
    async with open_stream(kafka_config, unique, "t") as opened:
        yield opened


async def produce(stream: Stream, kinds: list[str], start: int = 0) -> dict[str, tuple[int, int]]:
    """Sends message i (id m<i>) to partition i % PARTITIONS; returns id -> (partition, offset)."""
    sent: dict[str, tuple[int, int]] = {}
    for i, kind in enumerate(kinds, start):
        mid = f"m{i}"
        value = json.dumps({"id": mid, "kind": kind}).encode()
        meta = await stream.producer.send_and_wait(
            stream.topic, value, key=mid.encode(), partition=i % PARTITIONS
        )
        sent[mid] = (meta.partition, meta.offset)
    return sent


def ends_of(sent: dict[str, tuple[int, int]]) -> dict[int, int]:
    ends: dict[int, int] = {}
    for partition, offset in sent.values():
        ends[partition] = max(ends.get(partition, 0), offset + 1)
    return ends


async def committed(stream: Stream) -> dict[int, int]:
    """The group's committed offsets, per partition that has one."""
    # a member that never subscribes does not join the group; it only reads the offsets
    reader = make_consumer(stream.config, stream.group)
    await reader.start()
    try:
        found = {
            p: await reader.committed(TopicPartition(stream.topic, p)) for p in range(PARTITIONS)
        }
    finally:
        await reader.stop()
    return {partition: offset for partition, offset in found.items() if offset is not None}


async def until_committed(stream: Stream, ends: dict[int, int]) -> None:
    async def reached() -> bool:
        return await committed(stream) == ends

    await eventually(reached, f"committed offsets reach {ends}")


async def run_until_committed(
    runtime: ConsumerRuntime, stream: Stream, sent: dict[str, tuple[int, int]]
) -> None:
    """Run `runtime` until the group has committed past every record `sent`, then stop it."""
    await runtime.start()
    try:
        await until_committed(stream, ends_of(sent))
    finally:
        await runtime.stop()


def header(record: ConsumerRecord, name: str) -> str:
    return str(dict(record.headers)[name].decode())


@pytest.mark.parametrize("batched", [False, True], ids=["one by one", "in batches"])
async def test_poison_goes_to_the_dlq_and_every_good_record_takes_effect(
    stream: Stream, batched: bool
) -> None:
    # Arrange
    kinds = ["poison" if i % 6 == 1 else "ok" for i in range(30)]
    kinds[10] = "boom"
    sent = await produce(stream, kinds)
    handler = Handler()
    seen: list[str] = []
    runtime = stream.runtime(
        in_batches(handler) if batched else handler,
        observe=lambda topic, _ts: seen.append(topic),
    )

    # Act
    await run_until_committed(runtime, stream, sent)
    letters = await dead_letters(stream.config, stream.dlq, 6)

    # Assert
    good = {f"m{i}" for i, kind in enumerate(kinds) if kind == "ok"}
    assert set(handler.effects) == good
    reasons = {
        json.loads(r.value)["id"]: (header(r, CODE_HEADER), header(r, DETAIL_HEADER))
        for r in letters
    }
    poison = [f"m{i}" for i, kind in enumerate(kinds) if kind == "poison"]
    assert reasons == {mid: ("BAD_COMMAND", f"{mid} cannot be decoded") for mid in poison} | {
        "m10": ("HANDLER_ERROR", "ValueError")
    }
    assert len(letters) == 6
    message_ids = {
        json.loads(r.value)["id"]: dict(r.headers).get(MESSAGE_ID_HEADER) for r in letters
    }
    assert message_ids == {mid: mid.encode() for mid in poison} | {"m10": None}
    for letter in letters:
        mid = json.loads(letter.value)["id"]
        source = (int(header(letter, PARTITION_HEADER)), int(header(letter, OFFSET_HEADER)))
        assert source == sent[mid]
    assert (runtime.processed, runtime.dead_lettered) == (len(good), 6)
    assert seen.count(stream.topic) == len(kinds)


async def test_a_failed_dead_letter_publish_is_retried_before_the_partition_moves_on(
    stream: Stream,
) -> None:
    # Arrange: m1 is the first record of partition 1; m4 and m7 follow it there
    kinds = ["ok"] * 9
    kinds[1] = "poison"
    sent = await produce(stream, kinds)
    handler = Handler()
    dlq = FlakyDlq(stream.producer, failures=3, handler=handler)
    runtime = stream.runtime(handler, producer=dlq)

    # Act
    await run_until_committed(runtime, stream, sent)
    letters = await dead_letters(stream.config, stream.dlq, 1)

    # Assert
    assert [json.loads(r.value)["id"] for r in letters] == ["m1"]
    assert dlq.attempts == 4
    assert dlq.applied_when_sent.get(1, []) == []  # m4 waited for m1's letter
    assert handler.applied[1] == [1, 2]
    assert runtime.last_error is not None
    assert "KafkaConnectionError" in runtime.last_error


@pytest.mark.parametrize("batched", [False, True], ids=["one by one", "in batches"])
async def test_transient_failures_are_retried_in_order_and_never_skipped(
    stream: Stream, batched: bool
) -> None:
    # Arrange
    kinds = ["ok"] * 24
    for i in (4, 5, 13):
        kinds[i] = "flaky"
    kinds[8] = "store-down"
    sent = await produce(stream, kinds)
    handler = Handler(failures=3)
    runtime = stream.runtime(
        in_batches(handler, (StoreDown,)) if batched else handler, transient=(StoreDown,)
    )

    # Act
    await run_until_committed(runtime, stream, sent)

    # Assert
    assert set(handler.effects) == set(sent)
    assert {mid: handler.calls[mid] for mid in ("m4", "m5", "m8", "m13")} == dict.fromkeys(
        ("m4", "m5", "m8", "m13"), 4
    )
    for partition, offsets in handler.applied.items():
        assert offsets == list(range(ends_of(sent)[partition]))
    assert runtime.dead_lettered == 0
    assert runtime.last_error is not None


async def test_a_stopped_runtime_commits_what_it_did_and_a_fresh_one_does_the_rest(
    stream: Stream,
) -> None:
    # Arrange
    sent = await produce(stream, ["ok"] * 90)
    handler = Handler(delay_s=0.01)
    first = stream.runtime(handler)
    await first.start()
    await eventually(lambda: len(handler.effects) >= 15, "15 effects")

    # Act: a stop finishes the records in hand and commits them; more arrive while it is down
    await first.stop()
    at_stop = await committed(stream)
    done_at_stop = {p: len(offsets) for p, offsets in handler.applied.items() if offsets}
    sent |= await produce(stream, ["ok"] * 60, start=90)
    second = stream.runtime(handler)
    await second.start()
    try:
        await until_committed(stream, ends_of(sent))
    finally:
        await second.stop()

    # Assert
    assert at_stop == done_at_stop
    assert 15 <= sum(done_at_stop.values()) < len(sent)
    assert set(handler.effects) == set(sent)
    assert set(handler.calls.values()) == {1}  # what the stop committed is not delivered again


async def test_two_runtimes_in_one_group_share_the_partitions_and_every_effect_happens(
    stream: Stream,
) -> None:
    # Arrange
    sent = await produce(stream, ["ok"] * 90)
    handler = Handler(delay_s=0.03)  # one store behind both members; slow enough to be mid-batch
    first, second = stream.runtime(handler), stream.runtime(handler)
    await first.start()
    await eventually(lambda: len(handler.effects) >= 10, "10 effects")

    # Act
    await second.start()
    try:
        await eventually(
            lambda: bool(first.assignment)
            and bool(second.assignment)
            and len(first.assignment | second.assignment) == PARTITIONS,
            "both members hold partitions",
        )
        sent |= await produce(stream, ["ok"] * 60, start=90)
        await until_committed(stream, ends_of(sent))
    finally:
        await asyncio.gather(first.stop(), second.stop())

    # Assert
    assert set(handler.effects) == set(sent)
    assert first.processed > 0
    assert second.processed > 0
    assert first.processed + second.processed == sum(handler.calls.values())
    assert set(handler.calls.values()) == {1}  # the handover committed what the first had done


async def test_stop_interrupts_a_retry_loop_and_leaves_that_record_uncommitted(
    stream: Stream,
) -> None:
    # Arrange: m4 is partition 1's second record; m7 waits behind it
    kinds = ["ok"] * 9
    kinds[4] = "stuck"
    sent = await produce(stream, kinds)
    handler = Handler()
    first = stream.runtime(handler, backoff=(30.0, 60.0))  # the first retry sleeps 15-30 s
    await first.start()
    await eventually(lambda: len(handler.effects) == 7 and handler.calls["m4"] >= 1, "m4 stuck")

    # Act
    await asyncio.wait_for(first.stop(), timeout=10)  # well inside the first backoff
    at_stop = await committed(stream)
    handler.stuck = False
    second = stream.runtime(handler)
    await second.start()
    try:
        await until_committed(stream, ends_of(sent))
    finally:
        await second.stop()

    # Assert
    assert at_stop[1] == sent["m4"][1]
    assert first.dead_lettered == 0
    assert handler.applied[1] == [0, 1, 2]
    assert set(handler.effects) == set(sent)


async def test_restart_resumes_with_a_fresh_consumer(stream: Stream) -> None:
    # Arrange
    handler = Handler()
    runtime = stream.runtime(handler)
    await runtime.start()
    sent = await produce(stream, ["ok"] * 6)
    await until_committed(stream, ends_of(sent))

    # Act
    await runtime.restart()
    try:
        sent |= await produce(stream, ["ok"] * 6, start=6)
        await until_committed(stream, ends_of(sent))
    finally:
        await runtime.stop()

    # Assert
    assert set(handler.effects) == set(sent)
    assert runtime.processed == 12
    assert not runtime.running


async def test_sigterm_stops_every_runtime(stream: Stream) -> None:
    # Arrange
    loop = asyncio.get_running_loop()
    runtimes = [stream.runtime(Handler()), stream.runtime(Handler())]
    install_signal_handlers(loop, runtimes)
    try:
        running = asyncio.gather(*(runtime.run() for runtime in runtimes))
        await eventually(lambda: all(r.running for r in runtimes), "both running")

        # Act
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(running, GUARD_S)
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)

    # Assert
    assert not any(r.running for r in runtimes)
