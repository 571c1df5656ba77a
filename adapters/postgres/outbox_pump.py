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

import structlog
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.outbox import OutboxBatch, OutboxRelay

log = structlog.get_logger(__name__)


class CommittedEventPump:
    """Publishes committed outbox batches from memory, in order, then marks them sent."""

    def __init__(self, relay: OutboxRelay) -> None:
        self._relay = relay
        self._queue: list[OutboxBatch] = []
        self._running: asyncio.Task[None] | None = None
        self._marks: set[asyncio.Task[None]] = set()
        self.published = 0  # events published from memory (tests, benchmarks)

    def committed(self, batch: OutboxBatch) -> None:
        """A committed unit's events, in commit order (called by the group committer)."""
        self._queue.append(batch)
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
            batch = _joined(queued)
            try:
                sent = await self._relay.publish_committed(batch)
            except Exception as exc:
                log.warning("outbox.publish_deferred", error=type(exc).__name__)
                sent = False
            if sent:
                self.published += len(batch.events)
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


def attach_pump(engine: AsyncEngine, pump: CommittedEventPump) -> None:
    """Units of work on `engine` hand their committed events to `pump` from now on."""
    engine.sync_engine._bulwark_outbox_pump = pump  # type: ignore[attr-defined]


def pump_for(engine: AsyncEngine) -> CommittedEventPump | None:
    """The pump attached to `engine`, or None (the relay alone publishes its outbox)."""
    pump: CommittedEventPump | None = getattr(engine.sync_engine, "_bulwark_outbox_pump", None)
    return pump
