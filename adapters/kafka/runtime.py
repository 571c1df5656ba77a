"""The command-consumer loop: in order per partition, poison to the DLQ, transient retried.

A handler takes one record at a time, or (`Batched`) a partition's whole chunk at once and
answers an outcome per record: done, Poison (dead-lettered in its place), a transient failure
(that record and the ones not finished after it are run again after a backoff), `Skipped`
(not run because an earlier record failed: run again with it).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import (
    CommitFailedError,
    IllegalGenerationError,
    IllegalStateError,
    KafkaError,
    RebalanceInProgressError,
    UnknownMemberIdError,
)
from aiokafka.structs import ConsumerRecord, OffsetAndMetadata, TopicPartition

from adapters.kafka.batches import ChunkHooks, decide_batch
from adapters.kafka.consuming import assign_resuming, poll_until_stopped
from adapters.kafka.dlq import dead_letter
from adapters.kafka.lanes import Decided, PartitionLanes, one_at_a_time
from adapters.kafka.outcomes import Batched, Poison, Skipped, Transient
from adapters.kafka.quiet import OncePerInterval
from adapters.kafka.rebalance import DeferredRebalance, RuntimeRebalance

log = structlog.get_logger(__name__)

Handler = Callable[[ConsumerRecord], Awaitable[None]]
Observer = Callable[[str, int], None]
# Told that this member gave partitions up: what it cached of their accounts is not to be
# trusted any more (another member may change them before the partitions come back).
ReleaseHook = Callable[[], None]

# a commit that lost to a rebalance: the records come back to whoever owns the partition next
_REBALANCED = (
    CommitFailedError,
    IllegalGenerationError,
    IllegalStateError,
    RebalanceInProgressError,
    UnknownMemberIdError,
)


class ConsumerRuntime:
    """Runs one consumer-group member: `start()` launches it, `stop()` drains it, `run()` does both.

    `make_consumer` must build an unstarted, unsubscribed consumer with the group id, raw bytes
    (no deserializers) and `enable_auto_commit=False`; offsets are committed here, per partition,
    only after the handler returned. `producer` is started and owned by the caller (idempotent,
    acks=all). Records of one partition are handled strictly in order; partitions concurrently;
    the next poll runs while a poll's records are handled (adapters/kafka/lanes.py).
    """

    def __init__(
        self,
        group_id: str,
        topics: Sequence[str],
        handler: Handler | Batched,
        make_consumer: Callable[[], AIOKafkaConsumer],
        producer: AIOKafkaProducer,
        dlq_topic: str,
        *,
        transient: tuple[type[BaseException], ...] = (),
        max_records: int = 500,
        poll_timeout_ms: int = 200,
        backoff: tuple[float, float] = (0.05, 5.0),
        observe: Observer | None = None,
        on_accounts_released: ReleaseHook | None = None,
        without_group: bool = False,
        adopt: tuple[AIOKafkaConsumer, DeferredRebalance] | None = None,
    ) -> None:
        self.group_id = group_id
        self.topics = tuple(topics)
        self._handler = handler
        self._make_consumer = make_consumer
        self._producer = producer
        self._dlq_topic = dlq_topic
        self._transient: tuple[type[BaseException], ...] = (Transient, *transient)
        self._max_records = max_records
        self._poll_timeout_ms = poll_timeout_ms
        self._backoff_base, self._backoff_max = backoff
        # Failures told at most once per backoff ceiling (the longest wait between two tries).
        self._told = OncePerInterval(self._backoff_max)
        self._observe = observe
        self._on_accounts_released = on_accounts_released
        # Without a group: every partition assigned directly, from the end on the first
        # start, positions kept here (not committed) for a restart to resume from.
        self._without_group = without_group
        self._positions: dict[TopicPartition, int] = {}
        # A consumer started and subscribed before this runtime (joining meanwhile): the
        # first one this runtime runs; later ones (after a failure) it makes itself.
        self._adopted = adopt
        self._random = random.Random()
        self._lifecycle = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._stop_event = asyncio.Event()
        self._stopped = asyncio.Event()
        self._lanes: PartitionLanes | None = None
        self._revoked: set[TopicPartition] = set()
        self._assignment: frozenset[TopicPartition] = frozenset()
        self._wake: dict[TopicPartition, asyncio.Event] = {}
        self._processed = 0
        self._dead_lettered = 0
        self._last_error: str | None = None
        self._hooks = ChunkHooks(
            self._transient,
            self._handled_one,
            self._send_dead_letter,
            self._retry_after,
            self._abandoned,
            self._note_error,
            self._failed,
        )

    # --- lifecycle --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Started and not stopping (between two consumers of a self-healing loop too)."""
        return self._task is not None and not self._task.done() and not self._stopping

    @property
    def assignment(self) -> frozenset[TopicPartition]:
        """The partitions this member holds now (empty between a revocation and the next)."""
        return self._assignment

    @property
    def processed(self) -> int:
        """Records the handler completed (their effect is done); dead letters not included."""
        return self._processed

    @property
    def dead_lettered(self) -> int:
        return self._dead_lettered

    @property
    def last_error(self) -> str | None:
        """The latest failure seen (transient, dead-letter publish, commit, consumer), if any."""
        return self._last_error

    async def start(self) -> None:
        """Joins the group and launches the loop; raises if the first consumer cannot start."""
        async with self._lifecycle:
            await self._start()

    async def run(self) -> None:
        """Starts, then returns once `stop()` has completed (restarts in between do not end it)."""
        await self.start()
        await self._stopped.wait()

    async def stop(self) -> None:
        """Finishes the record in hand, commits what is done, leaves the group. Idempotent."""
        async with self._lifecycle:
            await self._shutdown()
            self._stopped.set()

    async def restart(self) -> None:
        """Stops, then starts again with a fresh consumer (`restart_consumer(group)`)."""
        async with self._lifecycle:
            await self._shutdown()
            await self._start()

    async def _start(self) -> None:
        if self.running:
            return
        self._stopping = False
        self._stop_event = asyncio.Event()
        self._stopped.clear()
        consumer = await self._open_consumer()
        self._task = asyncio.create_task(self._supervise(consumer), name=f"consume:{self.group_id}")
        log.info("consumer started", group=self.group_id, topics=list(self.topics))

    async def _shutdown(self) -> None:
        task = self._task
        if task is None:
            return
        self._stopping = True
        self._stop_event.set()
        for wake in self._wake.values():
            wake.set()
        # shielded: a cancelled stop() must not cancel the drain half-way
        await asyncio.shield(task)
        self._task = None
        log.info("consumer stopped", group=self.group_id, processed=self._processed)

    async def _open_consumer(self) -> AIOKafkaConsumer:
        if self._adopted is not None:
            (consumer, deferred), self._adopted = self._adopted, None
            deferred.attach(self)
            return consumer
        consumer = self._make_consumer()
        try:
            await consumer.start()
            if self._without_group:
                await self._assign_everything(consumer)
            else:
                consumer.subscribe(list(self.topics), listener=RuntimeRebalance(self))
        except BaseException:
            with contextlib.suppress(Exception):
                await consumer.stop()
            raise
        return consumer

    async def _assign_everything(self, consumer: AIOKafkaConsumer) -> None:
        """No group to join (a join costs seconds): every partition of the topics, read from
        where this runtime left off, else from the end; positions known before it returns."""
        await consumer.topics()  # the cluster's metadata, partitions included
        partitions = [
            TopicPartition(topic, p)
            for topic in self.topics
            for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        if not partitions:
            raise KafkaError(f"no partitions found for {list(self.topics)}")
        await assign_resuming(
            consumer, partitions, self._positions, lambda fresh: consumer.seek_to_end(*fresh)
        )
        self.partitions_assigned(partitions)

    async def _supervise(self, consumer: AIOKafkaConsumer | None) -> None:
        # the loop heals itself: a broken consumer is closed and replaced after a backoff
        failures = 0
        while not self._stopping:
            if consumer is None:
                try:
                    consumer = await self._open_consumer()
                except Exception as exc:
                    self._note_error("consumer start failed", exc)
            if consumer is not None:
                try:
                    await self._poll_loop(consumer)
                    failures = 0
                except Exception as exc:
                    self._note_error("consumer loop failed", exc)
                finally:
                    await self._close(consumer)
                    consumer = None
            if not self._stopping:
                await self._pause(self._stop_event, self._delay(failures))
                failures += 1

    async def _close(self, consumer: AIOKafkaConsumer) -> None:
        if self._assignment:
            self._released()
        self._assignment = frozenset()
        self._revoked.clear()
        self._wake.clear()
        try:
            await consumer.stop()  # leaves the group
        except asyncio.CancelledError as exc:
            # aiokafka's fetcher.close() awaits its own cancelled fetch task and lets that
            # cancellation out (seen when the broker went away): not ours unless we are
            # being cancelled ourselves.
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise
            self._note_error("consumer close failed", exc)
        except Exception as exc:
            self._note_error("consumer close failed", exc)

    # --- polling ----------------------------------------------------------------------------

    async def _poll_loop(self, consumer: AIOKafkaConsumer) -> None:
        decide = (
            self._decide_batch
            if isinstance(self._handler, Batched)
            else one_at_a_time(self._complete, self._revoked.__contains__)
        )
        lanes = PartitionLanes(
            consumer,
            decide,
            lambda offsets: self._commit(consumer, offsets),
            self._revoked.__contains__,
            lambda: self._stopping,
            max_pending=self._max_records,
        )
        self._lanes = lanes
        try:
            while not self._stopping and lanes.failure is None:
                for tp, records in (await self._poll(consumer)).items():
                    lanes.add(tp, records)
        finally:
            # the chunks in hand finish and their offsets are committed; queued ones are not
            lanes.close()
            await lanes.settle()
            self._lanes = None
        if lanes.failure is not None:
            raise lanes.failure

    async def _poll(self, consumer: AIOKafkaConsumer) -> dict[TopicPartition, list[ConsumerRecord]]:
        records = await poll_until_stopped(
            consumer, self._stop_event, self._poll_timeout_ms, self._max_records
        )
        # fetched while stopping: left uncommitted, so delivered again
        return {} if self._stopping else records

    async def _commit(self, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]) -> None:
        if self._without_group:
            self._positions.update(offsets)
            return
        try:
            await consumer.commit({tp: OffsetAndMetadata(o, "") for tp, o in offsets.items()})
        except _REBALANCED as exc:
            log.warning("commit lost to a rebalance", offsets=_offsets(offsets), error=repr(exc))
        except KafkaError as exc:
            self._note_error("commit failed", exc)

    # --- a chunk as one batch ---------------------------------------------------------------

    async def _decide_batch(self, tp: TopicPartition, chunk: list[ConsumerRecord]) -> Decided:
        assert isinstance(self._handler, Batched)
        for record in chunk:
            self._report(record)
        with structlog.contextvars.bound_contextvars(
            topic=tp.topic, partition=tp.partition, offsets=f"{chunk[0].offset}-{chunk[-1].offset}"
        ):
            return await decide_batch(self._handler.handle, tp, chunk, self._hooks)

    def _handled_one(self) -> None:
        self._processed += 1

    def _failed(self, exc: BaseException) -> None:
        self._last_error = f"{type(exc).__name__}: {exc}"

    # --- one record -------------------------------------------------------------------------

    async def _complete(self, tp: TopicPartition, record: ConsumerRecord) -> bool:
        """Handles or dead-letters the record; False when abandoned (stop or revoke) before that."""
        handler = self._handler
        assert not isinstance(handler, Batched)
        with structlog.contextvars.bound_contextvars(
            topic=record.topic, partition=record.partition, offset=record.offset
        ):
            self._report(record)
            attempt = 0
            while True:
                try:
                    await handler(record)
                except Poison as exc:
                    poison = exc
                except self._transient as exc:
                    self._note_error("transient failure, retrying", exc, attempt=attempt)
                    if not await self._retry_after(tp, attempt):
                        return False
                    attempt += 1
                    continue
                except Exception as exc:
                    self._last_error = f"{type(exc).__name__}: {exc}"
                    log.exception("handler failed, dead-lettering")
                    poison = Poison("HANDLER_ERROR", type(exc).__name__)
                else:
                    self._processed += 1
                    return True
                return await self._send_dead_letter(tp, record, poison)

    async def _send_dead_letter(
        self, tp: TopicPartition, record: ConsumerRecord, poison: Poison
    ) -> bool:
        letter = dead_letter(
            record.topic,
            record.partition,
            record.offset,
            record.key,
            record.value,
            poison.code,
            poison.detail,
            poison.message_id,
        )
        attempt = 0
        while True:
            try:
                await self._producer.send_and_wait(
                    self._dlq_topic,
                    value=letter.value,
                    key=letter.key,
                    headers=list(letter.headers),
                )
            except Exception as exc:
                # never commit past a poison message the DLQ has not taken
                self._note_error("dead-letter publish failed, retrying", exc, attempt=attempt)
                if not await self._retry_after(tp, attempt):
                    return False
                attempt += 1
                continue
            self._dead_lettered += 1
            log.warning("dead-lettered", code=poison.code, detail=poison.detail)
            return True

    def _report(self, record: ConsumerRecord) -> None:
        if self._observe is None:
            return
        try:
            self._observe(record.topic, record.timestamp)
        except Exception:
            log.exception("stream observer failed")

    # --- backoff and interruption -----------------------------------------------------------

    def _abandoned(self, tp: TopicPartition) -> bool:
        return self._stopping or tp in self._revoked

    async def _retry_after(self, tp: TopicPartition, attempt: int) -> bool:
        """Sleeps the backoff; False when the partition is given up meanwhile (stop or revoke)."""
        if self._abandoned(tp):
            return False
        wake = self._wake.setdefault(tp, asyncio.Event())
        await self._pause(wake, self._delay(attempt))
        return not self._abandoned(tp)

    def _delay(self, attempt: int) -> float:
        # equal jitter: half the capped exponential, plus up to the other half at random
        ceiling = min(self._backoff_max, self._backoff_base * 2.0 ** min(attempt, 32))
        return ceiling / 2 + self._random.uniform(0, ceiling / 2)

    @staticmethod
    async def _pause(wake: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=seconds)

    def _note_error(self, event: str, exc: BaseException, **fields: Any) -> None:
        """One warning line, never a traceback, at most once per backoff ceiling: a broker
        that stays unreachable is one line per retry interval (`left_out`: the failures
        since the last line)."""
        self._last_error = f"{type(exc).__name__}: {exc}"
        held = self._told.let_through()
        if held is None:
            return
        if held:
            fields["left_out"] = held
        log.warning(event, group=self.group_id, error=self._last_error, **fields)

    # --- rebalance --------------------------------------------------------------------------

    async def partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        """The rebalance listener's revocation: finish the batch in hand, then hand over."""
        revoked = set(revoked)
        self._assignment = frozenset()
        self._revoked |= revoked
        for tp in revoked:
            self._wake.setdefault(tp, asyncio.Event()).set()
        # each revoked lane ends at its next record and commits what it did before the handover
        lanes = self._lanes
        if lanes is not None:
            await lanes.settle(revoked)
        if revoked:
            self._released()
            log.info("partitions revoked", group=self.group_id, partitions=_names(revoked))

    def _released(self) -> None:
        if self._on_accounts_released is None:
            return
        try:
            self._on_accounts_released()
        except Exception:
            log.exception("on_accounts_released failed", group=self.group_id)

    def partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        """The rebalance listener's assignment (or the group-less reader's own)."""
        # a new generation: positions restart from the committed offsets
        self._assignment = frozenset(assigned)
        self._revoked.clear()
        self._wake.clear()
        log.info("partitions assigned", group=self.group_id, partitions=_names(assigned))


__all__ = [
    "Batched",
    "ConsumerRuntime",
    "Handler",
    "Poison",
    "Skipped",
    "Transient",
    "install_signal_handlers",
]


def _offsets(offsets: dict[TopicPartition, int]) -> dict[str, int]:
    return {f"{tp.topic}[{tp.partition}]": o for tp, o in offsets.items()}


def _names(tps: Iterable[TopicPartition]) -> list[str]:
    return sorted(f"{tp.topic}[{tp.partition}]" for tp in tps)


def install_signal_handlers(
    loop: asyncio.AbstractEventLoop, runtimes: Iterable[ConsumerRuntime]
) -> None:
    """SIGTERM and SIGINT stop every runtime (drain, commit, leave the group)."""
    runtimes = tuple(runtimes)
    stopping: set[asyncio.Task[None]] = set()

    def on_signal(name: str) -> None:
        log.info("signal received, stopping consumers", signal=name)
        for runtime in runtimes:
            task = loop.create_task(runtime.stop())
            stopping.add(task)
            task.add_done_callback(stopping.discard)

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, on_signal, sig.name)
