"""Reviews asked for after the gate's decisions, off the order path.

Subscribed to the bus, `on_event` only notes the order's id in a bounded queue (full: the
review is skipped and counted, never waited for) and returns; a task of its own reviews the
noted orders one at a time, as the system principal. The decision was made and published
before any of this runs: a review can only be read beside it
(GET /api/v1/orders/{id}/review), never change it.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum

from application.review.service import ReviewService
from domain.events import DomainEvent
from domain.principals import Principal
from domain.trading.orders import OrderAccepted, OrderDenied

DEFAULT_CAPACITY = 1_000


class AfterDecision(StrEnum):
    OFF = "off"
    DENIED = "denied"  # only the orders the gate denied
    ALL = "all"  # every decided order: denied, or accepted by the broker


@dataclass(eq=False)
class ReviewAfterDecision:
    reviews: ReviewService
    which: AfterDecision
    capacity: int = DEFAULT_CAPACITY
    _queue: deque[str] = field(init=False, default_factory=deque)
    _ready: asyncio.Event = field(init=False, default_factory=asyncio.Event)
    skipped: int = field(init=False, default=0)  # noted orders dropped because the queue was full
    # Reviews that raised (an order gone, the store down).
    failed: int = field(init=False, default=0)
    reviewed: int = field(init=False, default=0)

    @property
    def events(self) -> tuple[type[DomainEvent], ...]:
        """What to subscribe to (nothing when off)."""
        if self.which is AfterDecision.ALL:
            return (OrderDenied, OrderAccepted)
        if self.which is AfterDecision.DENIED:
            return (OrderDenied,)
        return ()

    async def on_event(self, event: DomainEvent) -> None:
        if not isinstance(event, self.events):
            return
        order_id = getattr(event, "order_id", None)
        if not isinstance(order_id, str):
            return
        if len(self._queue) >= self.capacity:
            self.skipped += 1
            return
        self._queue.append(order_id)
        self._ready.set()

    async def drain(self) -> int:
        """Review every noted order now; how many were reviewed."""
        done = 0
        while self._queue:
            order_id = self._queue.popleft()
            try:
                await self.reviews.review_order(Principal.system(), order_id)
            except Exception:
                self.failed += 1
                continue
            done += 1
            self.reviewed += 1
        return done

    async def run_forever(self) -> None:
        while True:
            await self._ready.wait()
            self._ready.clear()
            await self.drain()
