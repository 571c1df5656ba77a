"""Each placed order's `order.placed` audit entry: journaled with its decision, chained off the
order path in turns.

An order's attribution (domain/trading/attribution.py) is stored on its row, and its audit
entry (the tamper-evident record of who and what sent it and what the gate said) in the order
journal, both in the decision's own transaction (application/trading/order_journal.py): the
entry is kept if and only if the decision is. Appending to the hash chain takes the chain's
one writer lock and reads its head, so it is not done on the order path: `OrderAuditTrail`
moves the journal's entries into the chain in turns (`turn_seconds` apart, each turn's
entries in one transaction: ports/core/audit.py, OrderJournalProjection), started by the
commits that journaled them.

What a crash costs: nothing. Entries not yet chained stay in the journal, and the next
projection chains them: at this process's next start, or the next turn of any process that
shares the store. A failed turn (the store down) is retried every `retry_seconds`, doubling
up to `MAX_RETRY_S`; while stopping, a failing turn is left for the next start (counted in
`left`, logged). How long entries waited between their commit and the chain is kept in
`longest_wait_s` (the bound: a turn, plus the append itself, while the store answers).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal
from typing import Any

from domain.risk.reasons import Outcome
from domain.risk.verdicts import Decision
from domain.trading.order_attribution import APPROVED, DENIED, HELD, REDUCED
from domain.trading.orders import Order, OriginKind
from ports.core.audit import OrderJournalProjection
from ports.core.events import AuditEntry

ACTION = "order.placed"
TURN_SECONDS = 0.25
MOST_PER_APPEND = 2_000  # entries of one append (one transaction)
RETRY_SECONDS = 0.5
MAX_RETRY_S = 30.0
_log = logging.getLogger("bulwark.trading.order_audit")
_PASS = Outcome.PASS


@dataclass(eq=False)
class OrderAuditTrail:
    """The order journal's entries moved into the audit chain by a task of this process."""

    journal: OrderJournalProjection
    _: KW_ONLY
    turn_seconds: float = TURN_SECONDS
    retry_seconds: float = RETRY_SECONDS
    _running: asyncio.Task[None] | None = field(init=False, default=None)
    _due: bool = field(init=False, default=False)  # journaled since the running turn began
    _since: float | None = field(init=False, default=None)  # the first such commit (loop time)
    _hurry: bool = field(init=False, default=False)  # stopping: no wait, no retry
    _woken: asyncio.Event | None = field(init=False, default=None)
    written: int = field(init=False, default=0)  # entries chained by this process
    left: int = field(init=False, default=0)  # stops that left entries in the journal
    longest_wait_s: float = field(init=False, default=0.0)

    def journaled(self) -> None:
        """A commit journaled entries: a turn will chain them (a plain call, nothing awaited
        on the order path)."""
        loop = asyncio.get_running_loop()
        if self._since is None:
            self._since = loop.time()
        self._due = True
        running = self._running
        if running is None or running.done() or running.get_loop().is_closed():
            # Every caller's entries: a context of its own, not the first caller's.
            self._running = loop.create_task(self._run(), context=contextvars.Context())

    async def idle(self) -> None:
        """Chain what the journal holds now (a stop, an erasure, tests): a turn waiting for
        more runs at once, and at a stop a failing one is left in the journal. The writing
        task may run on another thread's event loop (an app served on a test client's loop):
        it is waited for there. Entries other processes journaled are chained too."""
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
                    break  # its loop has stopped: nothing will run it
            await self._turn()
        finally:
            self._hurry = False

    async def _finished(self, running: asyncio.Task[None]) -> None:
        """On the writing task's loop: its wait cut short, then the task waited for."""
        if self._woken is not None:
            self._woken.set()
        await asyncio.shield(running)

    async def _run(self) -> None:
        while self._due:
            if self.turn_seconds > 0 and not self._hurry:
                await self._wait(self.turn_seconds)  # what comes meanwhile joins this turn
            self._due = False
            since, self._since = self._since, None
            if not await self._turn():
                return
            if since is not None:
                waited = asyncio.get_running_loop().time() - since
                self.longest_wait_s = max(self.longest_wait_s, waited)

    async def _turn(self) -> bool:
        """Chain the journal's entries, oldest first, until none waits; False when a stop
        gave a failing turn up (its entries stay in the journal for the next start)."""
        pause = self.retry_seconds
        while True:
            try:
                moved = await self.journal.project(MOST_PER_APPEND)
            except Exception as exc:
                if self._hurry:
                    self.left += 1
                    _log.error(
                        "order audit entries left in the journal at stop (%s): chained at "
                        "the next start",
                        type(exc).__name__,
                    )
                    return False
                _log.warning(
                    "order audit entries not chained, retrying in %.1f s (%s)",
                    pause,
                    type(exc).__name__,
                )
                await self._wait(pause)
                pause = min(pause * 2, MAX_RETRY_S)
                continue
            self.written += moved
            if moved < MOST_PER_APPEND:
                return True
            pause = self.retry_seconds

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
