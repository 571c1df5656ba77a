"""Each commit's outbox events published from memory right after its COMMIT, in commit order.

Why: reading back the rows a commit just wrote, to publish them, cost a third of the SQL
order path. The unit of work still writes its events into the outbox in its transaction;
once the group committer has committed it, it hands the same events (`OutboxBatch`) to this
pump, in commit order, before the caller is answered. The pump publishes what queued up in
one go (in the relay's turn, under its lock) and marks those rows sent with one UPDATE,
itself a unit of a later group commit (no transaction of its own under load).

Guarantees, as with the relay alone:
- At least once: a row is marked sent only after its publish returned. A crash between
  COMMIT and publish (or before the mark) leaves the row unsent: the relay publishes it.
- In order: one pump per engine and process takes commits in commit order. Rows left
  behind go first: until a drain of every pending row has succeeded (at start, and after a
  failed publish), the pump publishes nothing from memory and drains instead, which sends
  its commits' rows in id order after the older ones.
- The relay's background drain then takes only rows older than `leftovers_after`: rows of
  a process that crashed, or whose mark was lost; never the rows this pump is publishing.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections import deque
from typing import Protocol

import structlog
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.outbox import OutboxBatch, OutboxRelay

log = structlog.get_logger(__name__)


class CommittedEventPump:
    """Publishes committed outbox batches from memory, in order, then marks them sent."""

    def __init__(self, relay: OutboxRelay, *, delays_kept: int = 4096) -> None:
        self._relay = relay
        self._queue: list[OutboxBatch] = []
        self._committed_at: list[float] = []  # time.perf_counter() of each queued commit
        self._running: asyncio.Task[None] | None = None
        self._marks: set[asyncio.Task[None]] = set()
        self.published = 0  # events published from memory (tests, benchmarks)
        # The latest commits' (seconds from COMMIT to published, event type names), newest
        # last: what `bench_killswitch_events` reports.
        self.delays: deque[tuple[float, tuple[str, ...]]] = deque(maxlen=delays_kept)

    def committed(self, batch: OutboxBatch, at: float | None = None) -> None:
        """A committed unit's events, in commit order (called by the group committer, or
        handed over from another loop with `at`, the perf_counter() of its COMMIT)."""
        self._queue.append(batch)
        self._committed_at.append(time.perf_counter() if at is None else at)
        if self._running is None or self._running.done():
            # Publishes every caller's events: a context of its own, not the first
            # caller's, whose request id and trace would label them all.
            self._running = asyncio.get_running_loop().create_task(
                self._run(), context=contextvars.Context()
            )

    async def idle(self) -> None:
        """Wait until what is queued is published and marked (shutdown, tests)."""
        while True:
            running = self._running
            if running is not None and not running.done():
                await asyncio.shield(running)
            elif self._marks:
                await asyncio.gather(*self._marks, return_exceptions=True)
            else:
                return

    async def _run(self) -> None:
        while self._queue:
            queued, self._queue = self._queue, []
            committed_at, self._committed_at = self._committed_at, []
            batch = _joined(queued)
            try:
                sent = await self._relay.publish_committed(batch)
            except Exception as exc:
                log.warning("outbox.publish_deferred", error=type(exc).__name__)
                sent = False
            if sent:
                self._published(queued, committed_at)
                self._mark(batch.event_ids)
                continue
            # Rows left behind go first: every pending row in id order, these among them.
            if self._marks:  # marks in flight first, or their rows would be sent again
                await asyncio.gather(*self._marks, return_exceptions=True)
            try:
                await self._relay.drain()
            except Exception as exc:  # the relay's background loop retries
                log.warning("outbox.drain_deferred", error=type(exc).__name__)
                self._relay.nudge()
            else:  # these commits' rows were among those the drain published
                self._published(queued, committed_at, counted=False)

    def _published(
        self, batches: list[OutboxBatch], committed_at: list[float], *, counted: bool = True
    ) -> None:
        now = time.perf_counter()
        for batch, at in zip(batches, committed_at, strict=True):
            if counted:
                self.published += len(batch.events)
            self.delays.append((now - at, tuple(event.name for event in batch.events)))

    def _mark(self, event_ids: list[str]) -> None:
        task = asyncio.get_running_loop().create_task(self._relay.mark_sent(event_ids))
        self._marks.add(task)
        task.add_done_callback(self._marked)

    def _marked(self, task: asyncio.Task[None]) -> None:
        self._marks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # Published but not marked: the relay sends them again later (at least once).
            log.warning("outbox.mark_failed", error=type(task.exception()).__name__)


def _joined(batches: list[OutboxBatch]) -> OutboxBatch:
    if len(batches) == 1:
        return batches[0]
    joined = OutboxBatch([], [], [])
    for batch in batches:
        joined.rows.extend(batch.rows)
        joined.events.extend(batch.events)
        joined.carriers.extend(batch.carriers)
    return joined


class CommitsReceiver(Protocol):
    """What a unit of work hands each commit's outbox batch to, in commit order."""

    def committed(self, batch: OutboxBatch, at: float | None = None) -> None:
        """`batch` was committed (at `at`, time.perf_counter(), when not just now)."""


class PumpOnLoop:
    """Hands the commits of an engine bound to another event loop (the kill switch's lane) to
    `pump` on the loop that runs it, in commit order.

    Why: a second engine's outbox rows would otherwise wait for the relay's sweep of
    leftovers (rows older than `leftovers_after`, ten seconds), so a halt committed on the lane
    reached watchers seconds after a resume committed on the API's loop. Handed over here,
    they join the one queue the API's pump publishes in order; `call_soon_threadsafe` keeps
    the order of the calls, and the caller is answered only after its hand-over. A loop that
    has closed (shutdown) refuses it: the rows stay unsent and the relay publishes them later.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, pump: CommitsReceiver) -> None:
        self._loop = loop
        self._pump = pump

    def committed(self, batch: OutboxBatch, at: float | None = None) -> None:
        stamped = time.perf_counter() if at is None else at  # the COMMIT, not the hand-over
        self._loop.call_soon_threadsafe(self._pump.committed, batch, stamped)


def attach_pump(engine: AsyncEngine, pump: CommitsReceiver) -> None:
    """Units of work on `engine` hand their committed events to `pump` from now on."""
    engine.sync_engine._bulwark_outbox_pump = pump  # type: ignore[attr-defined]


def pump_for(engine: AsyncEngine) -> CommitsReceiver | None:
    """The pump attached to `engine`, or None (the relay alone publishes its outbox)."""
    pump: CommitsReceiver | None = getattr(engine.sync_engine, "_bulwark_outbox_pump", None)
    return pump
