"""Reading topics back in tests (every record from the beginning, a dead-letter topic's
letters) until the test has enough, and waiting until a consumer's work shows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Protocol, TypeVar

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from adapters.kafka.client import KafkaConfig, make_consumer


async def read_until(
    config: KafkaConfig, topic: str, enough: Callable[[list[ConsumerRecord]], bool]
) -> list[ConsumerRecord]:
    """Every record of `topic` from the beginning, read until `enough` says so (30 s at most)."""
    consumer = make_consumer(config, None, topics=[topic])
    await consumer.start()
    found: list[ConsumerRecord] = []
    try:
        async with asyncio.timeout(30):
            while not enough(found):
                for records in (await consumer.getmany(timeout_ms=200)).values():
                    found.extend(records)
    finally:
        await consumer.stop()
    return found


GUARD_S = 60.0  # only a bound on hangs: every wait ends on a condition


class _Client(Protocol):
    async def start(self) -> None: ...

    async def stop(self) -> None: ...


C = TypeVar("C", bound=_Client)


@asynccontextmanager
async def started(client: C) -> AsyncIterator[C]:
    """`client` (a producer or a consumer) started for the block and stopped after it."""
    await client.start()
    try:
        yield client
    finally:
        await client.stop()


async def dead_letters(config: KafkaConfig, dlq: str, count: int) -> list[ConsumerRecord]:
    """The first `count` letters of the dead-letter topic `dlq` (its one partition), read
    from the beginning."""
    reader = AIOKafkaConsumer(bootstrap_servers=config.servers, group_id=None)
    await reader.start()
    try:
        tp = TopicPartition(dlq, 0)
        reader.assign([tp])
        await reader.seek_to_beginning(tp)
        letters: list[ConsumerRecord] = []

        async def read_enough() -> bool:
            letters.extend((await reader.getmany(tp, timeout_ms=200)).get(tp, []))
            return len(letters) >= count

        await eventually(read_enough, f"{count} dead letters")
        return letters
    finally:
        await reader.stop()


async def eventually(condition: Callable[[], bool | Awaitable[bool]], what: str) -> None:
    """Polls `condition` (plain or async) every 50 ms until it holds; the test fails naming
    `what` if it does not within GUARD_S."""

    async def poll() -> None:
        while True:
            outcome = condition()
            if await outcome if not isinstance(outcome, bool) else outcome:
                return
            await asyncio.sleep(0.05)

    try:
        await asyncio.wait_for(poll(), GUARD_S)
    except TimeoutError:
        pytest.fail(f"never happened: {what}")
