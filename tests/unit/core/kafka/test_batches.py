"""decide_batch: a chunk's outcomes taken in order; poison dead-lettered in its place, failures
run again without what is finished, nothing committed past a record without its effect."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiokafka.structs import ConsumerRecord, TopicPartition

from adapters.kafka.batches import ChunkHooks, decide_batch
from adapters.kafka.lanes import Decided
from adapters.kafka.outcomes import Poison, Skipped, Transient

TP = TopicPartition("orders", 0)
Plan = Callable[[int, int], Exception | None]  # (offset, attempt) -> outcome


def chunk(*offsets: int) -> list[ConsumerRecord]:
    return [
        ConsumerRecord(TP.topic, TP.partition, o, 0, 0, None, b"v", None, 1, 1, []) for o in offsets
    ]


@dataclass
class Host:
    """The runtime's side: what was done, dead-lettered and retried."""

    give_up_after: int = 100  # retries before the partition is given up (a stop, a revoke)
    done: int = 0
    letters: list[tuple[int, str]] = field(default_factory=list)
    retries: int = 0
    errors: list[str] = field(default_factory=list)

    def hooks(self) -> ChunkHooks:
        return ChunkHooks(
            (Transient,),
            self.handled,
            self.dead_letter,
            self.retry_after,
            lambda tp: False,
            lambda event, exc, **fields: self.errors.append(event),
            lambda exc: self.errors.append(type(exc).__name__),
        )

    def handled(self) -> None:
        self.done += 1

    async def dead_letter(self, tp: TopicPartition, record: ConsumerRecord, poison: Poison) -> bool:
        self.letters.append((record.offset, poison.code))
        return True

    async def retry_after(self, tp: TopicPartition, attempt: int) -> bool:
        self.retries += 1
        return self.retries <= self.give_up_after


@dataclass
class Handler:
    """Answers each record by a plan; remembers the offsets of every call."""

    plan: Plan
    calls: list[list[int]] = field(default_factory=list)

    async def __call__(self, records: list[ConsumerRecord]) -> list[Exception | None]:
        self.calls.append([r.offset for r in records])
        attempt = len(self.calls) - 1
        return [self.plan(r.offset, attempt) for r in records]


async def test_poison_is_dead_lettered_in_its_place_and_the_rest_takes_effect() -> None:
    # Arrange
    host = Host()
    handler = Handler(lambda offset, _: Poison("BAD", "x") if offset == 11 else None)

    # Act
    decided = await decide_batch(handler, TP, chunk(10, 11, 12), host.hooks())

    # Assert
    assert decided == Decided(13, True)
    assert handler.calls == [[10, 11, 12]]
    assert host.letters == [(11, "BAD")]
    assert host.done == 2


async def test_a_failed_record_is_run_again_without_the_records_already_done() -> None:
    # Arrange: 11 fails once (its account's store), 12 is another account's and done, 13 was
    # not run because of the failure
    def plan(offset: int, attempt: int) -> Exception | None:
        if attempt == 0 and offset == 11:
            return Transient("store down")
        if attempt == 0 and offset == 13:
            return Skipped("after a failure")
        return None

    host = Host()
    handler = Handler(plan)

    # Act
    decided = await decide_batch(handler, TP, chunk(10, 11, 12, 13), host.hooks())

    # Assert
    assert decided == Decided(14, True)
    assert handler.calls == [[10, 11, 12, 13], [11, 13]]
    assert host.done == 4
    assert host.retries == 1


async def test_nothing_is_committed_past_a_failure_when_the_partition_is_given_up() -> None:
    # Arrange: 11 never succeeds; the partition is revoked during the first backoff
    def plan(offset: int, attempt: int) -> Exception | None:
        return Transient("store down") if offset == 11 else None

    host = Host(give_up_after=0)
    handler = Handler(plan)

    # Act
    decided = await decide_batch(handler, TP, chunk(10, 11, 12), host.hooks())

    # Assert: 12 took effect, but its offset is not committed (its replay is idempotent)
    assert decided == Decided(11, False)
    assert host.letters == []


async def test_a_failure_of_another_kind_is_dead_lettered_as_a_handler_error() -> None:
    # Arrange
    host = Host()
    handler = Handler(lambda offset, _: ValueError("bug") if offset == 10 else None)

    # Act
    decided = await decide_batch(handler, TP, chunk(10, 11), host.hooks())

    # Assert
    assert decided == Decided(12, True)
    assert host.letters == [(10, "HANDLER_ERROR")]
    assert host.done == 1


async def test_a_batch_that_breaks_as_a_whole_is_run_record_by_record() -> None:
    # Arrange: the handler raises for any batch holding offset 11
    calls: list[list[int]] = []

    async def breaks(records: list[ConsumerRecord]) -> list[Exception | None]:
        calls.append([r.offset for r in records])
        if any(r.offset == 11 for r in records):
            raise RuntimeError("a bug")
        return [None] * len(records)

    host = Host()

    # Act
    decided = await decide_batch(breaks, TP, chunk(10, 11, 12), host.hooks())

    # Assert: only the record that breaks it goes to the DLQ
    assert decided == Decided(13, True)
    assert calls == [[10, 11, 12], [10], [11], [12]]
    assert host.letters == [(11, "HANDLER_ERROR")]
    assert host.done == 2


async def test_a_transient_failure_of_the_whole_batch_runs_it_all_again() -> None:
    # Arrange
    calls: list[Any] = []

    async def once_down(records: list[ConsumerRecord]) -> list[Exception | None]:
        calls.append([r.offset for r in records])
        if len(calls) == 1:
            raise Transient("the store went away")
        return [None] * len(records)

    host = Host()

    # Act
    decided = await decide_batch(once_down, TP, chunk(10, 11), host.hooks())

    # Assert
    assert decided == Decided(12, True)
    assert calls == [[10, 11], [10, 11]]
    assert host.errors == ["transient failure, retrying"]


async def test_a_handler_that_runs_nothing_is_retried_after_a_backoff_not_in_a_busy_loop() -> None:
    # Arrange: the first record is answered "not run" twice
    def plan(offset: int, attempt: int) -> Exception | None:
        return Skipped("nothing ran") if attempt < 2 else None

    host = Host()
    handler = Handler(plan)

    # Act
    decided = await decide_batch(handler, TP, chunk(10, 11), host.hooks())

    # Assert
    assert decided == Decided(12, True)
    assert host.retries == 2
