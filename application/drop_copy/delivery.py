"""The drop copy's deliverer: sends the outbox's due messages to each target, in order per order.

Each target has a loop of its own (a slow or unreachable one never holds back another). A pass
takes the target's due messages (ports/drop_copy/drop_copy.py `due`: in the order
they were recorded, an order held back behind its own message waiting for a retry), sends
each order's messages one after the other (orders side by side, `concurrency` at a time),
marks the acknowledged ones delivered in one write and the failed ones in another. A failed
message is tried again after a backoff with equal jitter, `c/2 + uniform(0, c/2)` where
c = min(cap, base * 2**(attempt - 1)), or after the receiver's Retry-After when longer; a
message is never given up (a desk that refuses keeps it waiting, and the orders after it,
until it takes it). Delivery is at least once: a crash between a send and its mark sends the
same message, with the same id, again.

It runs in one process of the deployment at a time (bootstrap/drop_copy.py: a job lease), so
one order's messages are never sent by two processes at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from domain.drop_copy.messages import with_sent_at
from ports.core.clock import Clock
from ports.drop_copy.drop_copy import (
    NO_DROP_COPY_METER,
    CopyFailure,
    CopyNotDelivered,
    DropCopyMeter,
    DropCopyOutbox,
    DropCopyTarget,
    OutgoingCopy,
    PendingCopy,
)

_log = logging.getLogger("bulwark.drop_copy")
MAX_HINT_S = 3600.0  # the longest Retry-After taken
PURGE_EVERY = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Backoff:
    """How long a failed message waits before its next attempt (see the module docstring)."""

    base_seconds: float = 0.5
    cap_seconds: float = 60.0

    def delay(self, attempt: int, draw: Callable[[], float], hint: float | None = None) -> float:
        """Seconds before the next attempt after the `attempt`-th failure (1 for the first)."""
        doubled: float = self.base_seconds * float(2 ** min(max(attempt - 1, 0), 30))
        ceiling = min(self.cap_seconds, doubled)
        wait = ceiling / 2 + draw() * ceiling / 2
        if hint is not None:
            wait = max(wait, min(hint, MAX_HINT_S))
        return wait


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    """A pass's size, how many orders are sent side by side, how long delivered messages are
    kept, and how often the deliverer looks for work nobody woke it for."""

    batch: int = 500
    concurrency: int = 8
    keep: timedelta = timedelta(days=7)
    poll_seconds: float = 0.25


class DropCopyDelivery:
    """Sends due messages to their targets (see the module docstring)."""

    def __init__(
        self,
        outbox: DropCopyOutbox,
        targets: Sequence[DropCopyTarget],
        clock: Clock,
        *,
        backoff: Backoff | None = None,
        config: DeliveryConfig | None = None,
        meter: DropCopyMeter = NO_DROP_COPY_METER,
        draw: Callable[[], float] = random.random,
    ) -> None:
        self._outbox = outbox
        self._targets = tuple(targets)
        self._clock = clock
        self._backoff = backoff or Backoff()
        self._config = config or DeliveryConfig()
        self._meter = meter
        self._draw = draw
        self._wakes: dict[str, asyncio.Event] = {}
        self._failing: set[str] = set()  # targets whose last attempt failed (logged once)
        self._stuck: set[str] = set()  # targets whose passes fail (the store: logged once)
        self.delivered = 0  # messages acknowledged (all targets), for tests and benchmarks

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(t.name for t in self._targets)

    async def close(self) -> None:
        """Closes the targets' connections (at a stop)."""
        for target in self._targets:
            with contextlib.suppress(Exception):
                await target.close()

    def wake(self) -> None:
        """New messages were recorded in this process: the next pass starts now."""
        for wake in self._wakes.values():
            wake.set()

    async def run_once(self) -> int:
        """One pass over every target; how many messages were tried."""
        tried = await asyncio.gather(*(self._pass(target) for target in self._targets))
        return sum(tried)

    async def run_forever(self) -> None:
        """Until cancelled, each target on a loop of its own (a slow one never holds back
        another): a pass at once when woken, else every `poll_seconds` (messages another
        process recorded, retries coming due); delivered messages purged now and then."""
        loops = [self._run_target(target) for target in self._targets]
        await asyncio.gather(*loops, self._purging())

    async def _run_target(self, target: DropCopyTarget) -> None:
        wake = self._wakes[target.name] = asyncio.Event()
        while True:
            wake.clear()
            try:
                while await self._pass(target) >= self._config.batch:
                    pass  # a full pass: more are waiting
            except Exception as exc:  # the loop must not die: a store outage passes
                if target.name not in self._stuck:  # once until a pass goes through again
                    self._stuck.add(target.name)
                    _log.warning(
                        "drop copy to %s: delivery passes failing (%s)",
                        target.name,
                        type(exc).__name__,
                    )
            else:
                if target.name in self._stuck:
                    self._stuck.discard(target.name)
                    _log.info("drop copy to %s: delivery passes going through again", target.name)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._config.poll_seconds):
                    await wake.wait()

    async def _purging(self) -> None:
        while True:
            try:
                await self._outbox.purge(self._clock.now() - self._config.keep)
            except Exception as exc:
                _log.warning("drop copy: purge failed (%s)", type(exc).__name__)
            await asyncio.sleep(PURGE_EVERY.total_seconds())

    async def _pass(self, target: DropCopyTarget) -> int:
        due = await self._outbox.due(target.name, self._clock.now(), self._config.batch)
        if not due:
            return 0
        chains: dict[str, list[PendingCopy]] = {}
        for message in due:
            chains.setdefault(message.order_key, []).append(message)
        room = asyncio.Semaphore(self._config.concurrency)
        outcomes = await asyncio.gather(
            *(self._chain(target, chain, room) for chain in chains.values())
        )
        sent = [ident for done, _ in outcomes for ident in done]
        failures = [failure for _, failure in outcomes if failure is not None]
        if sent:
            await self._outbox.delivered(target.name, sent, self._clock.now())
            self.delivered += len(sent)
        if failures:
            await self._outbox.failed(target.name, failures)
        self._tell(target.name, failures)
        return len(due)

    async def _chain(
        self, target: DropCopyTarget, chain: list[PendingCopy], room: asyncio.Semaphore
    ) -> tuple[list[str], CopyFailure | None]:
        """One order's due messages, one after the other; the first failure stops the rest."""
        done: list[str] = []
        async with room:
            for message in chain:
                body = with_sent_at(message.body, self._clock.now())
                copy = OutgoingCopy(message.id, message.kind, message.order_key, body)
                try:
                    await target.send(copy)
                except CopyNotDelivered as refused:
                    return done, self._failure(target, message, refused.reason, refused.retry_after)
                except Exception as exc:  # unexpected: retried, its type kept (not its text)
                    return done, self._failure(target, message, f"unexpected {type(exc).__name__}")
                done.append(message.id)
                delay = (self._clock.now() - message.event_at).total_seconds()
                self._meter.delivered(target.name, max(delay, 0.0))
        return done, None

    def _failure(
        self, target: DropCopyTarget, message: PendingCopy, reason: str, hint: float | None = None
    ) -> CopyFailure:
        self._meter.failed(target.name)
        wait = self._backoff.delay(message.attempts + 1, self._draw, hint)
        return CopyFailure(message.id, reason, self._clock.now() + timedelta(seconds=wait))

    def _tell(self, target: str, failures: Sequence[CopyFailure]) -> None:
        """One line when a target starts failing, one when it takes messages again."""
        if failures and target not in self._failing:
            self._failing.add(target)
            _log.warning("drop copy to %s failing: %s", target, failures[0].reason)
        elif not failures and target in self._failing:
            self._failing.discard(target)
            _log.info("drop copy to %s delivering again", target)
