"""Records in flight per partition: each partition's in order, the next poll meanwhile.

A consumer's poll hands each partition's records to that partition's lane; the lane decides
them in order, one chunk (what has arrived since its last chunk) at a time, while the
consumer already fetches more. A chunk is decided as a whole (`Decide`: the runtime's batch
of it) or record by record (`one_at_a_time`). Offsets go to one committer, which commits the
latest fully handled offset of every partition in one request, never past a record not yet
handled. A lane holding `max_pending` records pauses its partition's fetching until it
catches up.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer
from aiokafka.structs import ConsumerRecord, TopicPartition


@dataclass(frozen=True, slots=True)
class Decided:
    """How far a chunk got: the offset after its last record handled (None: none was), and
    whether every record was (False: the rest was abandoned to the partition's next owner)."""

    next_offset: int | None
    finished: bool


# Handles or dead-letters a chunk's records in order, as far as it can.
Decide = Callable[[TopicPartition, list[ConsumerRecord]], Awaitable[Decided]]
# Handles or dead-letters a record; False when it was abandoned (a stop or a revocation).
Complete = Callable[[TopicPartition, ConsumerRecord], Awaitable[bool]]
Commit = Callable[[dict[TopicPartition, int]], Awaitable[None]]
# Whether this member gave the partition up (its lane stops at its next record).
Revoked = Callable[[TopicPartition], bool]
# Whether the consumer is stopping (each lane finishes the chunk in hand, takes no other).
Stopping = Callable[[], bool]


class _Lane:
    """One partition's records not yet handled, and the task handling them."""

    __slots__ = ("queue", "task")

    def __init__(self) -> None:
        self.queue: list[ConsumerRecord] = []
        self.task: asyncio.Task[None] | None = None


class PartitionLanes:
    """The records one consumer fetched and has not handled yet, by partition."""

    def __init__(
        self,
        consumer: AIOKafkaConsumer,
        decide: Decide,
        commit: Commit,
        revoked: Revoked,
        stopping: Stopping,
        *,
        max_pending: int = 500,
    ) -> None:
        self._consumer = consumer
        self._decide_chunk = decide
        self._commit = commit
        self._revoked = revoked
        self._stopping = stopping
        self._closed = False
        self._max_pending = max_pending
        self._lanes: dict[TopicPartition, _Lane] = {}
        self._paused: set[TopicPartition] = set()
        self._failure: BaseException | None = None
        self._handled: dict[TopicPartition, int] = {}  # offsets to commit, latest per partition
        self._committing: asyncio.Task[None] | None = None

    @property
    def failure(self) -> BaseException | None:
        """What broke a lane (raised by the poll loop; the consumer is replaced)."""
        return self._failure

    def _closing(self, tp: TopicPartition) -> bool:
        return self._closed or self._stopping() or self._revoked(tp)

    def close(self) -> None:
        """No lane takes another chunk (the consumer is going away)."""
        self._closed = True

    def add(self, tp: TopicPartition, records: list[ConsumerRecord]) -> None:
        """Queues a poll's records of `tp` behind the ones already there."""
        if not records or self._closing(tp):
            return
        lane = self._lanes.setdefault(tp, _Lane())
        lane.queue.extend(records)
        if len(lane.queue) >= self._max_pending and tp not in self._paused:
            self._consumer.pause(tp)  # fetched again from its position once resumed
            self._paused.add(tp)
        if lane.task is None or lane.task.done():
            lane.task = asyncio.create_task(self._run(tp, lane), name=f"lane:{tp.partition}")

    async def _run(self, tp: TopicPartition, lane: _Lane) -> None:
        try:
            while lane.queue and not self._closing(tp):
                chunk, lane.queue = lane.queue, []
                self._resume(tp)
                if not await self._decide(tp, chunk):
                    lane.queue.clear()  # abandoned: whoever owns the partition next reads them
        except BaseException as exc:
            lane.queue.clear()
            if self._failure is None:
                self._failure = exc
            if isinstance(exc, asyncio.CancelledError):
                raise
        finally:
            lane.queue.clear()
            self._resume(tp)

    async def _decide(self, tp: TopicPartition, chunk: list[ConsumerRecord]) -> bool:
        """The chunk in order; the offset after the last handled record goes to the committer."""
        decided = await self._decide_chunk(tp, chunk)
        if decided.next_offset is not None:
            self._handled[tp] = decided.next_offset
            self._ensure_committer()
        return decided.finished

    def _resume(self, tp: TopicPartition) -> None:
        if tp in self._paused:
            self._paused.discard(tp)
            with contextlib.suppress(Exception):  # unassigned meanwhile: nothing to resume
                self._consumer.resume(tp)

    # --- commits ----------------------------------------------------------------------------

    def _ensure_committer(self) -> None:
        if self._committing is None or self._committing.done():
            self._committing = asyncio.create_task(self._commit_loop(), name="lanes:commit")

    async def _commit_loop(self) -> None:
        while self._handled:
            offsets, self._handled = self._handled, {}
            await self._commit(offsets)

    async def flush(self) -> None:
        """Until every handled offset has been committed (or its commit has failed)."""
        while self._handled or (self._committing is not None and not self._committing.done()):
            self._ensure_committer()
            task = self._committing
            if task is not None:
                await asyncio.shield(task)

    # --- ending -----------------------------------------------------------------------------

    async def settle(self, partitions: Iterable[TopicPartition] | None = None) -> None:
        """Waits for the lanes of `partitions` (all: None) to end, then commits what they did.

        Lanes stop taking records once `closing` says so; the caller has made it say so.
        """
        wanted = set(self._lanes) if partitions is None else set(partitions)
        tasks = [
            lane.task
            for tp, lane in self._lanes.items()
            if tp in wanted and lane.task is not None and not lane.task.done()
        ]
        if tasks:
            await asyncio.gather(*(asyncio.shield(t) for t in tasks), return_exceptions=True)
        for tp in wanted:
            lane = self._lanes.pop(tp, None)
            if lane is not None:
                lane.queue.clear()
            self._paused.discard(tp)
        await self.flush()


def one_at_a_time(complete: Complete, revoked: Revoked) -> Decide:
    """A chunk decided record by record, each completed before the next starts."""

    async def decide(tp: TopicPartition, chunk: list[ConsumerRecord]) -> Decided:
        next_offset: int | None = None
        for record in chunk:
            # A stop finishes the chunk in hand (its effects may be under way); a revoked
            # partition is left to its next owner at its next record.
            if revoked(tp) or not await complete(tp, record):
                return Decided(next_offset, False)
            next_offset = record.offset + 1
        return Decided(next_offset, True)

    return decide
