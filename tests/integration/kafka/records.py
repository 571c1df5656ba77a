"""Reading a topic back in tests: every record from the beginning, until the test has enough."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

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
