"""Outbox writer (inside the unit of work's transaction) and relay (to the EventPublisher).

The relay publishes unsent rows in id order, which is commit order per aggregate,
then marks them sent in the same transaction that locked them (FOR UPDATE on
PostgreSQL, so a second relay waits rather than overtakes). A crash after publish and
before the mark publishes again: at least once. A row that cannot be decoded is
marked failed with the reason and skipped; a publisher error leaves the batch unsent
for the next attempt.

Traces: with tracing on, each row keeps the W3C trace context of the request that recorded
its event (`trace_context`, NULL when off), taken when the unit of work plans its commit
(in the request's context; a group commit writes the rows later, in no request's). The
relay publishes a request's events under a PRODUCER span `outbox.relay <destination>`,
child of that request's span, so the records' headers carry the request's trace on to
their consumers.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import msgspec
import structlog
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.eventcodec import EventCodec, aggregate_of
from adapters.postgres.engine import guarded
from adapters.postgres.group_commit import Bulk, write_alone
from adapters.postgres.prepared import prepared
from adapters.postgres.tables.outbox import outbox
from domain.events import DomainEvent
from ports.core.events import EventPublisher
from ports.core.tracing import NO_TRACER, AttributeValue, Tracer

if TYPE_CHECKING:
    from adapters.postgres.outbox_pump import CommittedEventPump

log = structlog.get_logger(__name__)
Now = Callable[[], datetime]
# Published from memory, a row is marked sent within milliseconds; one still unsent after
# this was left by a crash (or its mark was lost): the relay's background drain sends it.
LEFTOVERS_AFTER = timedelta(seconds=10)
MARK_CHUNK = 500  # event ids per UPDATE marking rows sent (well inside any driver's limits)
# The statements of every commit, built once (their cache keys and compiled forms reused).
_INSERT = prepared(insert(outbox))
_MARK_SENT = (
    update(outbox)
    .where(outbox.c.event_id.in_(bindparam("event_ids", expanding=True)))
    .values(sent_at=bindparam("sent_at", type_=outbox.c.sent_at.type))
)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class PublishFailed(Exception):
    """The publisher refused a batch; its rows stay pending for the next drain."""


@dataclass(frozen=True, slots=True)
class TracedEvent:
    """An event and the trace context of the request that recorded it (see `stamp`)."""

    event: DomainEvent
    carrier: dict[str, str]


@dataclass(slots=True)
class OutboxBatch:
    """One commit's outbox rows, and the events and trace contexts they hold, in order."""

    rows: list[dict[str, Any]]
    events: list[DomainEvent]
    carriers: list[dict[str, str] | None]

    @property
    def event_ids(self) -> list[str]:
        return [row["event_id"] for row in self.rows]


class _EventIds:
    """Random version-4 UUIDs, their bytes taken from the OS 4 KiB at a time (256 ids a
    system call) rather than one `uuid.uuid4()` (one system call) per outbox row: on a busy
    machine each system call hands the interpreter lock to another thread. A lock keeps two
    threads from taking the same slice."""

    _BLOCK = 4096

    def __init__(self) -> None:
        self._pool = b""
        self._at = 0
        self._lock = threading.Lock()

    def new(self) -> str:
        with self._lock:
            at = self._at
            if at >= len(self._pool):
                self._pool, at = os.urandom(self._BLOCK), 0
            self._at = at + 16
            raw = self._pool[at : at + 16]
        return uuid4_text(raw)


# The variant's nibble: its two high bits set to 10 (RFC 9562), the two low ones kept.
_VARIANT = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}


def uuid4_text(raw: bytes) -> str:
    """`str(uuid.UUID(bytes=raw, version=4))`, formatted from the hex digits directly (a
    quarter of the time: an outbox row's id is taken on the order path)."""
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


_event_ids = _EventIds()


class OutboxWriter:
    """Appends events to the outbox on the caller's connection (its transaction)."""

    def __init__(
        self, codec: EventCodec | None = None, now: Now = _utcnow, *, tracer: Tracer = NO_TRACER
    ) -> None:
        self.codec = codec or EventCodec()
        self._now = now
        self._tracer = tracer

    def stamp(self, events: Sequence[DomainEvent]) -> Sequence[DomainEvent | TracedEvent]:
        """`events` with the caller's trace context, for `write`: called where they are
        recorded (the request's context). Tracing off or outside a trace: `events` as they
        are, so their rows get NULL and the write costs nothing more."""
        if not self._tracer.enabled:
            return events
        carrier = self._tracer.carrier()
        if not carrier:
            return events
        return [TracedEvent(event, carrier) for event in events]

    def rows(self, events: Sequence[DomainEvent | TracedEvent]) -> OutboxBatch:
        """The outbox rows of `events` (stamped or not), built now, beside the events."""
        at = self._now()
        batch = OutboxBatch([], [], [])
        traced = self._tracer.enabled  # else nothing stamped: the rows as before (NULL)
        for item in events:
            if isinstance(item, TracedEvent):
                event, carrier = item.event, item.carrier
            else:
                event, carrier = item, None
            row = self._row(event, at)
            if traced:
                row["trace_context"] = carrier
            batch.rows.append(row)
            batch.events.append(event)
            batch.carriers.append(carrier)
        return batch

    async def insert(self, conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
        """Insert rows built by `rows` (any units' together: one statement)."""
        await conn.execute(_INSERT, rows)

    async def write(
        self, conn: AsyncConnection, events: Sequence[DomainEvent | TracedEvent]
    ) -> OutboxBatch:
        batch = self.rows(events)
        await self.insert(conn, batch.rows)
        return batch

    def _row(self, event: DomainEvent, at: datetime) -> dict[str, Any]:
        return {
            "event_id": _event_ids.new(),
            "aggregate_id": aggregate_of(event),
            "event_type": event.name,
            "payload": self.codec.encode(event),
            "created_at": at,
            "attempts": 0,
        }


class OutboxRelay:
    """Publishes committed outbox rows to an EventPublisher, in order, at least once."""

    def __init__(
        self,
        engine: AsyncEngine,
        publisher: EventPublisher,
        codec: EventCodec | None = None,
        *,
        batch_size: int = 200,
        now: Now = _utcnow,
        tracer: Tracer = NO_TRACER,
        destination: str = "in-process",
    ) -> None:
        self._engine = engine
        self._tracer = tracer
        self._destination = destination  # names the relay's span: the events topic
        self._publisher = publisher
        self._codec = codec or EventCodec()
        self._batch = batch_size
        self._now = now
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        # Set while a process publishes its commits' events from memory (outbox_pump.py):
        # a drain then takes only rows older than this (what a crash or a failure left).
        self.leftovers_after: timedelta | None = None
        # False until a drain of every pending row succeeded, and after a failed publish
        # from memory: drains take every row then, so nothing overtakes what was left.
        self.caught_up = False

    @property
    def engine(self) -> AsyncEngine:
        return self._engine

    async def drain(self) -> int:
        """Publish every pending row (with events published from memory and nothing left
        behind: only rows older than `leftovers_after`); returns how many were published."""
        total = 0
        async with self._lock:
            settle = self.leftovers_after
            everything = settle is None or not self.caught_up
            cutoff = None if settle is None or everything else self._now() - settle
            while True:
                published = await guarded(lambda: self._drain_batch(cutoff))
                total += published
                if published < self._batch:
                    if everything:
                        self.caught_up = True
                    return total

    async def publish_committed(self, batch: OutboxBatch) -> bool:
        """Publish a commit's events from memory, in turn with drains; False (nothing sent)
        while rows left behind must go first: the caller drains then, which sends these."""
        async with self._lock:
            if not self.caught_up:
                return False
            try:
                await self._publish(batch.events, batch.carriers)
            except Exception:
                self.caught_up = False  # the next drain takes every pending row, in order
                raise
            return True

    async def mark_sent(self, event_ids: list[str]) -> None:
        """Mark rows published from memory as sent, one statement per chunk of ids."""
        if event_ids:
            await write_alone(self._engine, Bulk(("outbox_sent",), event_ids, self._mark_sent))

    async def _mark_sent(self, conn: AsyncConnection, event_ids: list[str]) -> None:
        at = self._now()
        for start in range(0, len(event_ids), MARK_CHUNK):
            chunk = event_ids[start : start + MARK_CHUNK]
            await conn.execute(_MARK_SENT, {"event_ids": chunk, "sent_at": at})

    def nudge(self) -> None:
        """Wake the background loop (after a commit that wrote events)."""
        self._wake.set()

    async def run(self, interval: float = 0.5) -> None:
        """Drain now and then, or when nudged, until cancelled; errors are logged and retried."""
        backoff = interval
        while True:
            try:
                await self.drain()
                backoff = interval
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox.relay_failed", error=type(exc).__name__)
                backoff = min(backoff * 2, 10.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), backoff)
            self._wake.clear()

    async def _drain_batch(self, cutoff: datetime | None = None) -> int:
        sqlite = self._engine.dialect.name == "sqlite"
        query = select(
            outbox.c.id,
            outbox.c.event_type,
            outbox.c.payload,
            outbox.c.trace_context,
        ).where(outbox.c.sent_at.is_(None), outbox.c.failed_at.is_(None))
        if cutoff is not None:
            query = query.where(outbox.c.created_at < cutoff)
        async with self._engine.connect() as conn:
            rows = (
                await conn.execute(query.order_by(outbox.c.id).limit(self._batch).with_for_update())
            ).all()
            if not rows:
                await conn.rollback()
                return 0
            events: list[DomainEvent] = []
            carriers: list[dict[str, str] | None] = []
            sent: list[int] = []
            marks: list[Any] = []
            for row in rows:
                try:
                    events.append(self._codec.decode(row.event_type, row.payload))
                    carriers.append(row.trace_context)
                    sent.append(row.id)
                except (ValueError, TypeError, msgspec.ValidationError) as exc:
                    log.error("outbox.undecodable", outbox_id=row.id, event_type=row.event_type)
                    marks.append(
                        update(outbox)
                        .where(outbox.c.id == row.id)
                        .values(failed_at=self._now(), last_error=str(exc)[:500])
                    )
            if sqlite:
                # No row locks to keep on SQLite: the read ends here, and the marks go
                # through the single writer in one call on its thread, so no write lock is
                # held across the publish or across event-loop turns (group_commit.write_alone).
                await conn.rollback()
            else:  # PostgreSQL: in the transaction that locked the rows
                for mark in marks:
                    await conn.execute(mark)
                marks = []
            try:
                await self._publish(events, carriers)
            except Exception as exc:
                await conn.rollback()
                await self._write(marks)
                await self._count_attempt(sent, exc)
                raise PublishFailed(f"publisher failed: {type(exc).__name__}") from exc
            if sent:
                marks.append(
                    update(outbox).where(outbox.c.id.in_(sent)).values(sent_at=self._now())
                )
            if sqlite:
                await self._write(marks)
            else:
                for mark in marks:
                    await conn.execute(mark)
                await conn.commit()
            return len(rows)

    async def _publish(
        self, events: list[DomainEvent], carriers: list[dict[str, str] | None]
    ) -> None:
        """All at once when no row has a trace (tracing off: as before); else each request's
        events under its own PRODUCER span, in order (one publish round per trace)."""
        if not self._tracer.enabled or not any(carriers):
            await self._publisher.publish(events)
            return
        for carrier, run in _runs(events, carriers):
            if not carrier:
                await self._publisher.publish(run)
                continue
            attributes: dict[str, AttributeValue] = {
                "messaging.operation.type": "send",
                "messaging.destination.name": self._destination,
                "messaging.batch.message_count": len(run),
            }
            with self._tracer.sending(f"outbox.relay {self._destination}", carrier, **attributes):
                await self._publisher.publish(run)

    async def _write(self, statements: list[Any]) -> None:
        if not statements:
            return

        async def run(conn: AsyncConnection) -> None:
            for statement in statements:
                await conn.execute(statement)

        await write_alone(self._engine, run)

    async def _count_attempt(self, ids: list[int], exc: Exception) -> None:
        await self._write(
            [
                update(outbox)
                .where(outbox.c.id.in_(ids))
                .values(attempts=outbox.c.attempts + 1, last_error=type(exc).__name__)
            ]
        )


def _runs(
    events: list[DomainEvent], carriers: list[dict[str, str] | None]
) -> Iterator[tuple[Mapping[str, str] | None, list[DomainEvent]]]:
    """Consecutive events of the same trace context together (one request's events are
    consecutive: a unit of work writes them in one statement)."""
    start = 0
    for index in range(1, len(events) + 1):
        if index == len(events) or carriers[index] != carriers[start]:
            yield carriers[start], events[start:index]
            start = index


class RelayingPublisher:
    """The publisher use cases get in SQL mode: direct events now; committed events from
    memory after their COMMIT (`from_memory`), or else by draining the outbox.

    Events built outside aggregates (an emergency halt broadcast) go straight to the
    publisher; aggregate events are already in the outbox. With `from_memory` (as `serve`
    wires it) the group committer hands each commit's events to a pump that publishes them
    at once and marks their rows sent (adapters/postgres/outbox_pump.py); the relay then
    only sends what a crash or a failed publish left. Without it, a publish starts a drain
    of the outbox. Either way callers do not wait: a slow or unreachable downstream (Kafka)
    must not hold an order or a kill switch, and an order batch should not wait for its
    events to reach WebSocket clients. Each event is published once in the normal path and
    at least once after a crash. Concurrent callers share one drain, which runs again while
    commits keep arriving.
    """

    def __init__(
        self,
        publisher: EventPublisher,
        relay: OutboxRelay,
        *,
        from_memory: bool = False,
        leftovers_after: timedelta = LEFTOVERS_AFTER,
    ) -> None:
        self._publisher = publisher
        self._relay = relay
        self._draining: asyncio.Task[None] | None = None
        self._again = False
        self.pump: CommittedEventPump | None = None
        if from_memory:
            from adapters.postgres.outbox_pump import CommittedEventPump, attach_pump

            relay.leftovers_after = leftovers_after
            self.pump = CommittedEventPump(relay)
            attach_pump(relay.engine, self.pump)

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        if events:
            await self._publisher.publish(events)
        if self.pump is not None:
            return  # committed events are on their way already
        task = self._draining
        if task is None or task.done():
            # A drain sends every caller's committed events: it runs in a context of its
            # own, not the first caller's, whose request id and trace would label them all.
            self._draining = asyncio.get_running_loop().create_task(
                self._drain(), context=contextvars.Context()
            )
        else:
            self._again = True  # rows committed after that drain's read: one more round

    async def idle(self) -> None:
        """Wait for the drain or the publishing in flight, if any (shutdown, tests)."""
        task = self._draining
        if task is not None:
            await asyncio.shield(task)
        if self.pump is not None:
            await self.pump.idle()

    async def _drain(self) -> None:
        while True:
            self._again = False
            try:
                await self._relay.drain()
            except Exception as exc:
                # Committed events stay in the outbox; the background relay retries them.
                log.warning("outbox.drain_deferred", error=type(exc).__name__)
                self._relay.nudge()
                return
            if not self._again:
                return
