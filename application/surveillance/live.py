"""Surveillance in the serving process: the order path's events, as the bus publishes them.

The bus calls `on_event` inside the publisher's call (after the order path's commit, while
it may still hold the account's lock), so this only queues the event; a task of its own
(`run`) feeds the engine, stores alerts and acts on them (a pause takes the kill switch,
which takes the account's lock: done inline it would wait on itself). The queue is bounded:
past `capacity` an event is dropped and counted (`dropped`), never waited for. It is a deque
and one wake-up flag rather than an asyncio.Queue: the publisher's side is an append (the
order path pays it for every event), and the task takes everything queued at each wake-up.

State: checkpointed like the consumer's (name `inprocess`, no offsets) every few seconds and
with every alert, and restored at start; events published while the process was down are
not seen. With several processes, run `bulwark surveil` instead (docs/surveillance.md).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from contextlib import suppress
from dataclasses import dataclass, field

from application.surveillance.alerts import SurveillanceRun
from application.surveillance.feed import SURVEILLED
from domain.events import DomainEvent
from domain.surveillance.detections import to_us
from ports.core.clock import Clock

_log = logging.getLogger("bulwark.surveillance")
DEFAULT_CAPACITY = 100_000
RETRY_S = 5.0


@dataclass(eq=False)
class LiveSurveillance:
    """Queues the bus's events and runs them through a SurveillanceRun (see the docstring)."""

    run: SurveillanceRun
    clock: Clock
    capacity: int = DEFAULT_CAPACITY
    _queue: deque[DomainEvent] = field(init=False, default_factory=deque)
    _ready: asyncio.Event = field(init=False, default_factory=asyncio.Event)
    dropped: int = field(init=False, default=0)
    processed: int = field(init=False, default=0)

    async def on_event(self, event: DomainEvent) -> None:
        if not isinstance(event, SURVEILLED):
            return
        queue = self._queue
        if len(queue) >= self.capacity:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 10_000 == 0:
                _log.warning("surveillance queue full: %d events dropped", self.dropped)
            return
        queue.append(event)
        if not self._ready.is_set():
            self._ready.set()

    async def run_forever(self) -> None:
        """Resume from the checkpoint, then process events until cancelled (a final
        checkpoint is written on the way out)."""
        while True:
            try:
                await self.run.start()
                break
            except Exception:  # the store is down at start: try again (events queue meanwhile)
                _log.exception("surveillance could not start; retrying in %s s", RETRY_S)
                await asyncio.sleep(RETRY_S)
        try:
            while True:
                if not self._queue:
                    try:
                        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a
                        # cancellation that lands as the flag is set, and the stop that
                        # cancelled this loop would then wait on it for ever.
                        async with asyncio.timeout(1.0):
                            await self._ready.wait()
                    except TimeoutError:
                        await self._commit()
                        continue
                self._ready.clear()
                self._feed_queued()
                await self._commit()
        finally:
            with suppress(Exception):
                await asyncio.shield(self.run.commit(force=True))

    async def drain(self) -> None:
        """Processes what is queued now (tests, and a graceful stop)."""
        self._feed_queued()
        await self.run.commit(force=True)

    def _feed_queued(self) -> None:
        """Everything queued, in order, with one fallback time (the clock's, now)."""
        queue, feed = self._queue, self.run.feed
        if not queue:
            return
        now_us = to_us(self.clock.now())
        while queue:
            feed(queue.popleft(), now_us, None)
            self.processed += 1

    async def _commit(self) -> None:
        try:
            await self.run.commit()
        except Exception:  # the store is down: alerts stay in memory until the next commit
            _log.exception("surveillance commit failed")
