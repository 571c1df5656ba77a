"""Each placed order's `order.placed` audit entry, written off the order path in batches.

An order's attribution (domain/trading/attribution.py) is stored on its row in the decision's
own transaction. Its audit entry, the tamper-evident record of who and what sent it and what
the gate said, is not: once the batch that decided it has committed, the journal hands its
orders to `note`, a plain call that appends them to a bounded queue and returns. A task of this
process writes what queued up, in turns (`turn_seconds` apart), each turn's entries appended to
the hash chain at once (`AuditAppender.record_many`: one transaction, one lock, one head read),
in the order the orders were decided.

What a crash costs: entries still queued (at most a turn's worth, a quarter of a second as
served, more while the store is down) are lost; their orders, with their attribution, are in
the orders table, which the attribution export reads (docs/order-attribution.md). A failed
append (the store down) is retried, the turn kept, every `retry_seconds` doubling up to
`MAX_RETRY_S`; while stopping, a failed turn is dropped, counted in `lost` and logged. A full
queue (`capacity`) drops what comes next, counted in `skipped` and logged once per burst.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal
from typing import Any

from domain.risk.reasons import Outcome
from domain.risk.verdicts import Decision
from domain.trading.order_attribution import APPROVED, DENIED, HELD, REDUCED
from domain.trading.orders import Order, OriginKind
from ports.core.audit import AuditAppender
from ports.core.events import AuditEntry

ACTION = "order.placed"
DEFAULT_CAPACITY = 100_000
TURN_SECONDS = 0.25
MOST_PER_APPEND = 2_000  # entries of one append (one transaction)
RETRY_SECONDS = 0.5
MAX_RETRY_S = 30.0
_log = logging.getLogger("bulwark.trading.order_audit")
_PASS = Outcome.PASS


@dataclass(eq=False)
class OrderAuditTrail:
    """Placed orders noted at once on the order path, their entries appended on a task."""

    log: AuditAppender
    _: KW_ONLY
    capacity: int = DEFAULT_CAPACITY
    turn_seconds: float = TURN_SECONDS
    retry_seconds: float = RETRY_SECONDS
    _queue: deque[tuple[Order, Decision]] = field(init=False, default_factory=deque)
    _running: asyncio.Task[None] | None = field(init=False, default=None)
    _hurry: bool = field(init=False, default=False)  # stopping: no wait, no retry
    _woken: asyncio.Event | None = field(init=False, default=None)
    written: int = field(init=False, default=0)  # entries appended
    skipped: int = field(init=False, default=0)  # orders dropped: the queue was full
    lost: int = field(init=False, default=0)  # entries of turns dropped while stopping

    def note(self, placed: Sequence[tuple[Order, Decision]]) -> None:
        """Queue the entries of orders just placed (their batch committed)."""
        if not placed:
            return
        queue = self._queue
        room = self.capacity - len(queue)
        if room < len(placed):
            if self.skipped == 0 or room > 0:
                _log.warning(
                    "order audit entries skipped: %d queued, the queue is full", len(queue)
                )
            self.skipped += len(placed) - max(room, 0)
            placed = placed[: max(room, 0)]
        queue.extend(placed)
        running = self._running
        if running is None or running.done() or running.get_loop().is_closed():
            # Entries of every caller's orders: a context of its own, not the first caller's.
            self._running = asyncio.get_running_loop().create_task(
                self._run(), context=contextvars.Context()
            )

    @property
    def queued(self) -> int:
        return len(self._queue)

    async def idle(self) -> None:
        """Wait until what is queued is written (shutdown, tests): a turn waiting for more
        runs at once, and a failing append is given up (counted in `lost`). The writing task
        may run on another thread's event loop (an app served on a test client's loop): it is
        waited for there."""
        here = asyncio.get_running_loop()
        self._hurry = True
        try:
            while (running := self._running) is not None and not running.done():
                there = running.get_loop()
                if there is here:
                    await self._finished(running)
                elif there.is_running():
                    done = asyncio.run_coroutine_threadsafe(self._finished(running), there)
                    await asyncio.wrap_future(done)
                else:
                    return  # its loop has stopped: nothing will run it
        finally:
            self._hurry = False

    async def _finished(self, running: asyncio.Task[None]) -> None:
        """On the writing task's loop: its wait cut short, then the task waited for."""
        if self._woken is not None:
            self._woken.set()
        await asyncio.shield(running)

    async def _run(self) -> None:
        queue = self._queue
        while queue:
            if self.turn_seconds > 0 and not self._hurry:
                await self._wait(self.turn_seconds)  # what comes meanwhile joins this turn
            # popleft, not a copy and clear: another thread's loop may note meanwhile.
            turn = [queue.popleft() for _ in range(min(len(queue), MOST_PER_APPEND))]
            await self._append([placed_entry(order, decision) for order, decision in turn])

    async def _append(self, entries: list[AuditEntry]) -> None:
        pause = self.retry_seconds
        while True:
            try:
                await self.log.record_many(entries)
            except Exception as exc:
                if self._hurry:
                    self.lost += len(entries)
                    _log.error(
                        "order audit entries lost at stop: %d (%s)",
                        len(entries),
                        type(exc).__name__,
                    )
                    return
                _log.warning(
                    "order audit entries not written, retrying in %.1f s (%s)",
                    pause,
                    type(exc).__name__,
                )
                await self._wait(pause)
                pause = min(pause * 2, MAX_RETRY_S)
                continue
            self.written += len(entries)
            return

    async def _wait(self, seconds: float) -> None:
        """Sleep `seconds`, cut short by a stop (`idle`)."""
        self._woken = asyncio.Event()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._woken.wait()


def placed_entry(order: Order, decision: Decision) -> AuditEntry:
    """The `order.placed` entry of an order the gate has just decided: its subject the account,
    its actor the agent or the person that sent it, its outcome the decision, its details the
    order's symbol, side and quantities, its attribution and the reason codes. Every detail is
    text, a list of text or null (so the entry is stored and hashed as built)."""
    origin = order.origin
    attribution = order.attribution
    agent = origin.id if origin.kind is OriginKind.AGENT else None
    outcome, reasons = _decided(decision)
    if attribution is None:
        algorithm = version = responsible = client = None
    else:
        responsible, client, algorithm, version = attribution
    details: dict[str, Any] = {
        "order_id": order.id,
        "symbol": order.symbol,
        "side": order.side.value,
        "requested_quantity": _text(decision.requested_quantity),
        "quantity": _text(decision.quantity),
        "origin": origin.kind.value,
        "origin_id": origin.id,
        "channel": origin.channel.value,
        "agent_id": agent,
        "algorithm": algorithm,
        "algorithm_version": version,
        "responsible_id": responsible,
        "client_id": client,
        "reasons": reasons,
    }
    at = order.created_at
    if at is None:  # the journal dates every order it makes
        raise ValueError(f"order {order.id} has no time")
    actor = agent or responsible or origin.id
    return AuditEntry(actor, ACTION, f"account:{order.account_id}", outcome, at, details)


def _decided(decision: Decision) -> tuple[str, list[str]]:
    """The decision's word and the codes that made it (none for a plain approval), in one pass
    over the verdicts, most of which pass."""
    deny: list[str] = []
    hold: list[str] = []
    reduce: list[str] = []
    for verdict in decision.verdicts:
        outcome = verdict.outcome
        if outcome is _PASS:
            continue
        if outcome is Outcome.DENY:
            deny.append(verdict.code.value)
        elif outcome is Outcome.HOLD:
            hold.append(verdict.code.value)
        elif outcome is Outcome.REDUCE:
            reduce.append(verdict.code.value)
    if not decision.approved:
        return DENIED, deny
    if hold:  # BLOCK wins over HOLD, HOLD over REDUCE
        return HELD, hold
    if decision.quantity < decision.requested_quantity:
        return REDUCED, reduce
    return APPROVED, []


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")
