"""How a consumer's handler says what became of a record: poison, transient, not run."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiokafka.structs import ConsumerRecord


class Poison(Exception):
    """A record that can never succeed: it goes to the DLQ topic and the consumer moves on."""

    def __init__(self, code: str, detail: str = "", message_id: str | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.message_id = message_id  # when the envelope was readable: a header of the letter


class Transient(Exception):
    """A failure that may pass (a store gone away): the same record is retried, never skipped."""


class Skipped(Exception):
    """A batch's record not run, because an earlier one of the batch failed: run it again."""


# A chunk's outcomes, one per record in order: None (done) or the exception it ended with.
BatchHandler = Callable[[list[ConsumerRecord]], Awaitable[list[Exception | None]]]


@dataclass(frozen=True, slots=True)
class Batched:
    """A handler of a partition's whole chunk at once (adapters/kafka/batches.py); it answers
    an outcome per record and raises only for a failure of the batch as a whole."""

    handle: BatchHandler
