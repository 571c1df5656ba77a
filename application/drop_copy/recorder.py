"""The order path's events into the drop copy's outbox, as they are published.

The bus hands every commit's events to `on_events` (a batch handler) after the commit, never
inside the order's transaction. The recorder reads the orders it has not seen yet (one read
for the lot; an order's terms are kept, bounded, so an order's later events read nothing),
builds one message per order event and fill (domain/drop_copy/messages.py), each fill after
its order's fill event, and stores them for every target in one write. With a SQL store the
bus is fed by the outbox relay, which marks an event published only once this returned: a
crash before the write publishes the event again, and its message, whose id is the same, is
stored once.

A store that cannot be read or written keeps the events here, in order, tried again with
backoff on a task of their own (a second store write is never made ahead of older events
still waiting: one order's messages keep their order). Up to `capacity` events wait; past
that they are dropped, counted in `lost` and logged. A crash while events wait loses their
messages (the orders, fills and the bus's own events are not lost: only the copy of them).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field

from domain.drop_copy.messages import (
    COPIED,
    DropCopyMessage,
    OrderFacts,
    copy_of,
    lifecycle_order,
    order_id_of,
)
from domain.events import DomainEvent
from domain.trading.orders import OrderAccepted
from ports.core.clock import Clock
from ports.drop_copy.drop_copy import (
    NO_DROP_COPY_METER,
    DropCopyMeter,
    DropCopyOutbox,
    OrderFactsSource,
)

_log = logging.getLogger("bulwark.drop_copy")
DEFAULT_CAPACITY = 100_000
FACTS_KEPT = 20_000  # orders whose terms are kept for their later events
RETRY_FIRST_S = 0.5
RETRY_CAP_S = 30.0


def _nothing() -> None:
    return None


@dataclass(eq=False)
class DropCopyRecorder:
    """Bus batch handler: each published order event and fill stored as a message, once per
    target."""

    outbox: DropCopyOutbox
    orders: OrderFactsSource
    clock: Clock
    targets: tuple[str, ...]
    _: KW_ONLY
    meter: DropCopyMeter = NO_DROP_COPY_METER
    # Told after each store that added messages (the deliverer of this process wakes up).
    on_recorded: Callable[[], None] = _nothing
    capacity: int = DEFAULT_CAPACITY
    facts_kept: int = FACTS_KEPT
    retry_seconds: float = RETRY_FIRST_S  # the first wait before recording held events again
    _facts: OrderedDict[str, OrderFacts] = field(init=False, default_factory=OrderedDict)
    _waiting: deque[DomainEvent] = field(init=False, default_factory=deque)
    _retrying: asyncio.Task[None] | None = field(init=False, default=None)
    recorded: int = field(init=False, default=0)  # messages stored (new rows / targets)
    lost: int = field(init=False, default=0)  # events dropped: too many waiting

    async def on_events(self, events: Sequence[DomainEvent]) -> None:
        copied = [e for e in events if isinstance(e, COPIED)]
        if not copied:
            return
        if self._waiting:  # older events wait for the store: these go after them
            self._wait(copied)
            return
        try:
            await self._record(copied)
        except Exception as exc:
            _log.warning("drop copy: events kept to record later (%s)", type(exc).__name__)
            self._wait(copied)

    @property
    def waiting(self) -> int:
        """Events held here until the store takes their messages."""
        return len(self._waiting)

    async def idle(self) -> None:
        """Wait until the events held here are recorded (tests, a stop)."""
        while (task := self._retrying) is not None and not task.done():
            await asyncio.shield(task)

    async def close(self) -> None:
        """Stops trying to record the events held here (a stop: they are lost, counted)."""
        task, self._retrying = self._retrying, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._waiting:
            self.lost += len(self._waiting)
            _log.error("drop copy: %d events not recorded at the stop", len(self._waiting))
            self._waiting.clear()

    async def _record(self, events: Sequence[DomainEvent]) -> None:
        facts = await self._facts_of(events)
        now = self.clock.now()
        messages: list[DropCopyMessage] = []
        for event in lifecycle_order(events):
            order_id = order_id_of(event)
            known = facts.get(order_id)
            if isinstance(event, OrderAccepted) and known is not None:
                known = facts[order_id] = known.accepted(event)
                self._remember(order_id, known)
            message = copy_of(event, known, now)
            if message is not None:
                messages.append(message)
        if not messages:
            return
        added = await self.outbox.add(messages, self.targets, now)
        if added:
            self.recorded += added
            self.meter.recorded(added)
            self.on_recorded()

    async def _facts_of(self, events: Sequence[DomainEvent]) -> dict[str, OrderFacts]:
        """Each event's order's facts: kept ones, the others read in one unit of work."""
        found: dict[str, OrderFacts] = {}
        missing: list[str] = []
        for event in events:
            order_id = order_id_of(event)
            if not order_id or order_id in found or order_id in missing:
                continue
            kept = self._facts.get(order_id)
            if kept is not None:
                self._facts.move_to_end(order_id)
                found[order_id] = kept
            else:
                missing.append(order_id)
        if missing:
            for order_id, facts in (await self.orders.facts(missing)).items():
                found[order_id] = facts
                self._remember(order_id, facts)
        return found

    def _remember(self, order_id: str, facts: OrderFacts) -> None:
        self._facts[order_id] = facts
        self._facts.move_to_end(order_id)
        while len(self._facts) > self.facts_kept:
            self._facts.popitem(last=False)

    def _wait(self, events: Sequence[DomainEvent]) -> None:
        room = self.capacity - len(self._waiting)
        if room < len(events):
            if self.lost == 0 or room > 0:
                _log.error(
                    "drop copy: %d events dropped, %d waiting already",
                    len(events) - max(room, 0),
                    len(self._waiting),
                )
            self.lost += len(events) - max(room, 0)
            events = events[: max(room, 0)]
        self._waiting.extend(events)
        self.meter.unrecorded(len(self._waiting))
        if self._waiting and (self._retrying is None or self._retrying.done()):
            # A context of its own: not the first caller's request id and trace.
            self._retrying = asyncio.get_running_loop().create_task(
                self._retry(), context=contextvars.Context()
            )

    async def _retry(self) -> None:
        pause = self.retry_seconds
        while self._waiting:
            await asyncio.sleep(pause)
            batch = list(self._waiting)
            try:
                await self._record(batch)
            except Exception as exc:
                pause = min(max(pause, 0.01) * 2, RETRY_CAP_S)
                _log.warning(
                    "drop copy: %d events still waiting for the store (%s)",
                    len(batch),
                    type(exc).__name__,
                )
                continue
            for _ in batch:  # newer events may have joined meanwhile: they stay, in order
                self._waiting.popleft()
            pause = self.retry_seconds
            self.meter.unrecorded(len(self._waiting))
        _log.info("drop copy: the waiting events are recorded")
