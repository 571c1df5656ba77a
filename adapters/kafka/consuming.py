"""What the consumers that read without a group share: assigning partitions where they left
off, and a poll that a stop interrupts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord, TopicPartition


async def assign_resuming(
    consumer: AIOKafkaConsumer,
    partitions: list[TopicPartition],
    positions: dict[TopicPartition, int],
    start_fresh: Callable[[list[TopicPartition]], Awaitable[object]],
) -> None:
    """Assign `partitions`, each read from its offset in `positions`, or, for one not read
    before, from where `start_fresh` seeks it; `positions` holds every partition's position
    when this returns."""
    consumer.assign(partitions)
    fresh = [tp for tp in partitions if tp not in positions]
    for tp in partitions:
        if tp in positions:
            consumer.seek(tp, positions[tp])
    if fresh:
        await start_fresh(fresh)
    for tp in partitions:
        positions[tp] = await consumer.position(tp)


async def poll_until_stopped(
    consumer: AIOKafkaConsumer, stop: asyncio.Event, timeout_ms: int, max_records: int
) -> dict[TopicPartition, list[ConsumerRecord]]:
    """One `getmany`, or nothing once `stop` is set (getmany can wait on a rebalance without
    bound; a stop must not wait with it)."""
    fetch = asyncio.ensure_future(consumer.getmany(timeout_ms=timeout_ms, max_records=max_records))
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait({fetch, stopped}, return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if not fetch.done():
        fetch.cancel()
        await asyncio.gather(fetch, return_exceptions=True)
        return {}
    records: dict[TopicPartition, list[ConsumerRecord]] = fetch.result()
    return records
