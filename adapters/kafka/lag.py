"""Consumer-group lag from the broker: end offsets minus the group's committed offsets."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from adapters.kafka.client import KafkaConfig, make_admin, make_consumer
from domain.monitoring.streams import GroupLag


class KafkaLagSource:
    """ConsumerLagSource over aiokafka: an admin client for commits, a group-less consumer for ends.

    A group named in `topics` is measured on every partition of those topics; any other group
    on the topics where it has committed an offset (found among all the cluster's topics).
    A partition without a commit, or whose commit fell below the log start (retention), counts
    from the first offset still in the log. Clients start on first use and are reused; `close()`.
    """

    def __init__(self, config: KafkaConfig, topics: Mapping[str, Sequence[str]] | None = None):
        self._config = config
        self._topics = {group: tuple(names) for group, names in (topics or {}).items()}
        self._admin: AIOKafkaAdminClient | None = None
        self._consumer: AIOKafkaConsumer | None = None
        self._starting = asyncio.Lock()

    async def lag(self, group: str) -> GroupLag:
        admin, consumer = await self._clients()
        named = self._topics.get(group)
        partitions = await _partitions(admin, named)
        if not partitions:
            return GroupLag.of(group, {})
        # Partitions named explicitly: some brokers (Tansu) cannot answer "all of the group's".
        fetched = await admin.list_consumer_group_offsets(group, partitions=partitions)
        committed = {tp: meta.offset for tp, meta in fetched.items() if meta.offset >= 0}
        if named is None:
            ours = {tp.topic for tp in committed}
            partitions = [tp for tp in partitions if tp.topic in ours]
            if not partitions:
                return GroupLag.of(group, {})
        starts = await consumer.beginning_offsets(partitions)
        ends = await consumer.end_offsets(partitions)
        lags: dict[tuple[str, int], int] = {}
        for tp in partitions:
            start = starts[tp]
            position = max(committed.get(tp, start), start)
            lags[(tp.topic, tp.partition)] = max(0, ends[tp] - position)
        return GroupLag.of(group, lags)

    async def close(self) -> None:
        admin, consumer = self._admin, self._consumer
        self._admin = self._consumer = None
        if consumer is not None:
            await consumer.stop()
        if admin is not None:
            await admin.close()

    async def _clients(self) -> tuple[AIOKafkaAdminClient, AIOKafkaConsumer]:
        async with self._starting:
            if self._admin is None or self._consumer is None:
                admin = make_admin(self._config)
                consumer = make_consumer(self._config, None)
                try:
                    await admin.start()
                    await consumer.start()
                except BaseException:
                    # A half-started pair is not kept: the next call starts afresh.
                    await consumer.stop()
                    await admin.close()
                    raise
                self._admin, self._consumer = admin, consumer
            return self._admin, self._consumer


async def _partitions(
    admin: AIOKafkaAdminClient, topics: Sequence[str] | None
) -> list[TopicPartition]:
    """Every partition of these topics (None: of every topic but the broker's internal ones).

    A topic the broker does not know is skipped.
    """
    if topics is not None and not topics:
        return []
    described = await admin.describe_topics(None if topics is None else list(topics))
    return sorted(
        TopicPartition(t["topic"], p["partition"])
        for t in described
        if t["error_code"] == 0 and not t.get("is_internal") and not t["topic"].startswith("__")
        for p in t["partitions"]
    )
