"""A partition's chunk decided as one batch, its outcomes taken in record order.

The batch handler answers an outcome per record. They are taken in order: a done record is
counted, a poison one dead-lettered in its place; at the first failure (or record not run)
the walk stops, and what is not finished from there on is run again (after a backoff when
the failure is transient), so the offset committed never passes a record without its effect,
and a record already done is never run twice by this consumer. A failure of another kind is
dead-lettered as HANDLER_ERROR, as a record-at-a-time handler's would be.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import structlog
from aiokafka.structs import ConsumerRecord, TopicPartition

from adapters.kafka.lanes import Decided
from adapters.kafka.outcomes import BatchHandler, Poison, Skipped

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class ChunkHooks:
    """What the walk needs of its consumer runtime."""

    transient: tuple[type[BaseException], ...]
    handled: Callable[[], None]  # a record's effect is done
    # dead-letters a record, retrying; False when the partition was given up meanwhile
    dead_letter: Callable[[TopicPartition, ConsumerRecord, Poison], Awaitable[bool]]
    # sleeps the backoff of attempt n; False when the partition was given up meanwhile
    retry_after: Callable[[TopicPartition, int], Awaitable[bool]]
    abandoned: Callable[[TopicPartition], bool]
    note_error: Callable[..., None]  # (event, exception, **fields): one line per interval
    failed: Callable[[BaseException], None]  # a record's failure, kept as the last error


async def decide_batch(
    handle: BatchHandler, tp: TopicPartition, chunk: list[ConsumerRecord], hooks: ChunkHooks
) -> Decided:
    """The chunk through `handle` until every record is done or dead-lettered, or the
    partition is given up (a stop during a retry, a revocation)."""
    finished: dict[int, Exception | None] = {}  # index -> None (done) or Poison, not yet walked
    walked, attempt, next_offset = 0, 0, None
    while True:
        todo = [i for i in range(walked, len(chunk)) if i not in finished]
        results = await run_batch(handle, [chunk[i] for i in todo], hooks)
        outcomes = dict(zip(todo, results, strict=True))
        finished.update((i, o) for i, o in outcomes.items() if o is None or isinstance(o, Poison))
        failure: BaseException | None = None
        began = walked
        while walked < len(chunk):
            record = chunk[walked]
            outcome = finished.pop(walked) if walked in finished else outcomes[walked]
            if isinstance(outcome, Skipped):
                # not run after an earlier failure: again at once; with none before it (a
                # handler that runs nothing), after a backoff, never in a busy loop
                failure = None if walked > began else outcome
                break
            if isinstance(outcome, hooks.transient):
                failure = outcome
                break
            if outcome is None:
                hooks.handled()
            elif not await hooks.dead_letter(tp, record, poison_of(outcome, hooks)):
                return Decided(next_offset, False)
            walked, next_offset = walked + 1, record.offset + 1
        if walked == len(chunk):
            return Decided(next_offset, True)
        if failure is not None:
            hooks.note_error("transient failure, retrying", failure, attempt=attempt)
            if not await hooks.retry_after(tp, attempt):
                return Decided(next_offset, False)
            attempt += 1
        elif hooks.abandoned(tp):
            return Decided(next_offset, False)


async def run_batch(
    handle: BatchHandler, records: list[ConsumerRecord], hooks: ChunkHooks
) -> list[Exception | None]:
    """`handle`'s outcomes. Should it raise, a transient failure is every record's; any other
    runs the records one by one, so that what broke the batch fails alone."""
    try:
        outcomes = await handle(records)
    except Exception as exc:
        if isinstance(exc, hooks.transient) or len(records) == 1:
            return [exc] * len(records)
        log.exception("batch handler failed, running its records one by one")
        outcomes = []
        for record in records:
            outcomes.extend(await run_batch(handle, [record], hooks))
    if len(outcomes) != len(records):
        raise RuntimeError(f"{len(outcomes)} outcomes for {len(records)} records")
    return outcomes


def poison_of(outcome: Exception, hooks: ChunkHooks) -> Poison:
    """The dead letter's reason: the Poison itself, or HANDLER_ERROR for anything else."""
    if isinstance(outcome, Poison):
        return outcome
    hooks.failed(outcome)
    log.error("handler failed, dead-lettering", exc_info=outcome)
    return Poison("HANDLER_ERROR", type(outcome).__name__)
