"""The drop copy's outbox, its targets and what it measures (docs/drop-copy.md).

Outbox contract (the same suite runs on memory, SQLite and PostgreSQL):
- `add(messages, targets, at)` stores each message once per target, pending, due at `at`, in
  one write: a (message id, target) already stored is skipped (an event copied again adds
  nothing), and the new rows take increasing sequence numbers in the order given. It returns
  how many rows it added. Either every row is stored or none (StoreUnavailable then).
- `due(target, now, limit)` lists, in sequence order, at most `limit` of the target's pending
  messages that are due (`next_attempt_at <= now`) and whose order has no earlier pending
  message waiting for a later attempt: one order's messages leave in the order they were
  recorded, a message failing holds back the ones after it, never another order's.
- `delivered(target, ids, at)` marks them delivered (they are never due again);
  `failed(target, failures)` counts an attempt on each and makes it due again at its
  `retry_at`, keeping the reason; `pending(target)` counts what is not delivered yet;
  `purge(before)` deletes messages delivered before `before` and returns how many.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.drop_copy.messages import DropCopyMessage, OrderFacts


@dataclass(frozen=True, slots=True)
class PendingCopy:
    """A message waiting for a target: its id, kind, order, document (without `sent_at`),
    when its event happened and the attempts made so far."""

    id: str
    target: str
    kind: str
    order_key: str
    body: str
    event_at: datetime
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class CopyFailure:
    """An attempt that failed: tried again at `retry_at`; `reason` names a status or an error
    type, never a URL or a secret."""

    id: str
    reason: str
    retry_at: datetime


class DropCopyOutbox(Protocol):
    """The messages to deliver, per target (see the module docstring)."""

    async def add(
        self, messages: Sequence[DropCopyMessage], targets: Sequence[str], at: datetime
    ) -> int: ...

    async def due(self, target: str, now: datetime, limit: int) -> list[PendingCopy]: ...

    async def delivered(self, target: str, ids: Sequence[str], at: datetime) -> None: ...

    async def failed(self, target: str, failures: Sequence[CopyFailure]) -> None: ...

    async def pending(self, target: str) -> int: ...

    async def purge(self, before: datetime) -> int: ...


class OrderFactsSource(Protocol):
    """What the drop copy tells of orders beside their events, read in one go per batch of
    events: each order found by its id (one not found is left out of the answer)."""

    async def facts(self, order_ids: Sequence[str]) -> dict[str, OrderFacts]: ...


@dataclass(frozen=True, slots=True)
class OutgoingCopy:
    """One delivery attempt of a message: `body` is the document with this attempt's
    `sent_at`, exactly the bytes sent (and signed)."""

    id: str
    kind: str
    order_key: str
    body: bytes


class CopyNotDelivered(Exception):
    """A target did not take a message: it is tried again later. `retry_after`: the
    receiver's hint (seconds), when it gave one."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class DropCopyTarget(Protocol):
    """Where messages go (a webhook, a Kafka topic). `send` returns once the target has
    acknowledged the message, else raises CopyNotDelivered; it never logs the body."""

    @property
    def name(self) -> str: ...

    async def send(self, copy: OutgoingCopy) -> None: ...

    async def close(self) -> None: ...


class DropCopyMeter(Protocol):
    """What the drop copy measures for operators; cheap, and never raises."""

    def recorded(self, messages: int) -> None:
        """`messages` new messages stored in the outbox."""
        ...

    def delivered(self, target: str, delay_seconds: float) -> None:
        """A message acknowledged by `target`, `delay_seconds` after its event happened."""
        ...

    def failed(self, target: str) -> None:
        """An attempt that `target` did not acknowledge."""
        ...

    def unrecorded(self, waiting: int) -> None:
        """Messages held in memory because the outbox could not store them (0: none)."""
        ...


class NoDropCopyMeter:
    """Measures nothing (tests, tools)."""

    def recorded(self, messages: int) -> None:
        return None

    def delivered(self, target: str, delay_seconds: float) -> None:
        return None

    def failed(self, target: str) -> None:
        return None

    def unrecorded(self, waiting: int) -> None:
        return None


NO_DROP_COPY_METER: DropCopyMeter = NoDropCopyMeter()
