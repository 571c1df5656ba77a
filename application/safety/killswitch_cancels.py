"""The kill switch's work at the brokers: cancel an account's orders until its broker shows
none open, or the deadline passes, and the record of what was confirmed.

Per account: wait for a send in flight (the latch), cancel all (or only an agent's orders),
optionally close the positions, then ask the broker for its open orders again, re-cancelling
with backoff until none is left or the deadline comes. Confirmed means the broker's own
open-order list came back empty; an acknowledged cancel is not proof.

With flatten, the closing orders are followed, never cancelled by the halt that sent them,
and the account is confirmed only when the venue, asked again, shows no working order (the
closes included) and no position; what is still held is named on the verdict.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from application.safety.killswitch_closes import CollaredCloses
from application.trading.halts import HaltLatch
from application.trading.orders import BrokerRouter
from domain.killswitch.state import Scope
from domain.killswitch.switch import (
    BrokerOutcome,
    EmergencyHalt,
    KillSwitchCompleted,
    KillSwitchEvent,
    TriggerType,
    UnconfirmedOrder,
)
from ports.core.clock import Clock, IdGenerator
from ports.core.tracing import NO_TRACER, Tracer
from ports.trading.broker import (
    BrokerError,
    BrokerOrder,
    BrokerPort,
    CancelResult,
    DeadlineBroker,
)

T = TypeVar("T")

# (broker, account, only these client order ids or None for all of the account's orders)
Target = tuple[str, str, frozenset[str] | None]


@dataclass(frozen=True, slots=True)
class CancelPolicy:
    """How hard to push a broker (seconds): the first retry, its growth, the wait for a send."""

    first_retry: float = 0.05
    backoff: float = 2.0
    lock_wait: float = 0.25


@dataclass(slots=True)
class AccountRun:
    """One account's cancels: what was asked, acknowledged and still open at the last look."""

    broker: str
    account_id: str
    requested: int = 0
    acknowledged: int = 0
    remaining: int = -1
    acked_ids: set[str] = field(default_factory=set)
    open_ids: set[str] = field(default_factory=set)
    attempts: int = 0
    closing: int = 0
    # With flatten: the closing orders still working, the symbols still held at the last
    # look, whether the venue showed the account flat, and whether the closes were sent.
    closing_open: int = 0
    held: list[str] = field(default_factory=list)
    flat: bool | None = None
    closes_sent: bool = False
    confirmed: bool = False
    confirmed_at: float | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def cancelled(self) -> int:
        """Distinct orders acknowledged and no longer open at the last look."""
        return len(self.acked_ids - self.open_ids)


@dataclass(eq=False)
class BrokerCancels:
    """Cancels accounts' orders at their brokers until each broker confirms none is open."""

    brokers: BrokerRouter
    latch: HaltLatch
    clock: Clock
    policy: CancelPolicy
    tracer: Tracer = NO_TRACER
    # With flatten: each position closed inside a price collar (application/safety/
    # killswitch_closes.py); without, the broker's own close-all (market orders).
    closes: CollaredCloses | None = None

    async def stop_all(
        self, targets: Iterable[Target], flatten: bool, deadline: float
    ) -> list[AccountRun]:
        """Every target at once; each ends when confirmed or at the deadline."""
        return list(
            await asyncio.gather(
                *(
                    self.stop(broker, account, only, flatten, deadline)
                    for broker, account, only in targets
                )
            )
        )

    async def stop(
        self,
        broker_name: str,
        account_id: str,
        only: frozenset[str] | None,
        flatten: bool,
        deadline: float,
    ) -> AccountRun:
        """One account's cancels until the broker confirms, as a `killswitch.cancel` span."""
        with self.tracer.span("killswitch.cancel", broker=broker_name) as span:
            run = await self._stop_account(broker_name, account_id, only, flatten, deadline)
            span.set("confirmed", run.confirmed)
            span.set("cancelled", run.cancelled)
            return run

    async def _stop_account(
        self,
        broker_name: str,
        account_id: str,
        only: frozenset[str] | None,
        flatten: bool,
        deadline: float,
    ) -> AccountRun:
        run = AccountRun(broker_name, account_id)
        broker = self.brokers.find(broker_name)
        if broker is None:
            run.errors.append(f"broker {broker_name!r} is not configured")
            return run
        if isinstance(broker, DeadlineBroker):
            broker = broker.within(deadline)
        # Let a send already in flight finish, so nothing lands after the cancel unseen.
        await self.latch.drained(account_id, self.policy.lock_wait)
        closing: set[str] = set()
        backoff = self.policy.first_retry
        flattening = flatten and only is None
        while True:
            run.attempts += 1
            # Once closing orders are out, only the others are cancelled: a close is followed
            # to its fill, never cancelled by the halt that sent it.
            keep = frozenset(closing) if closing else None
            await self._cancel(broker, account_id, only, run, deadline, keep=keep)
            if flattening and not run.closes_sent:
                run.closes_sent = True
                closing = await self._flatten(broker, account_id, run, deadline)
            remaining = await self._bounded(broker.open_orders(account_id), deadline, run)
            if remaining is not None:
                left = [
                    o
                    for o in remaining
                    if o.client_order_id not in closing
                    and (only is None or o.client_order_id in only)
                ]
                run.remaining = len(left)
                run.open_ids = {o.broker_order_id for o in left}
                done = not left
                if flattening:
                    # Never a second round of closes: a position the venue shows late would
                    # be sold twice. What stays held is named on the verdict instead.
                    closes_open = [o for o in remaining if o.client_order_id in closing]
                    done = await self._flat(broker, account_id, run, closes_open, deadline) and done
                if done:
                    run.confirmed, run.confirmed_at = True, self.clock.monotonic()
                    return run
            if self.clock.monotonic() + backoff >= deadline:
                return run
            await self.clock.sleep(backoff)
            backoff *= self.policy.backoff

    async def _flat(
        self,
        broker: BrokerPort,
        account_id: str,
        run: AccountRun,
        closes_open: list[BrokerOrder],
        deadline: float,
    ) -> bool:
        """Whether the venue, asked again, shows the account flat: no closing order working
        and no position. What it still holds is named on the run."""
        run.closing_open = len(closes_open)
        positions = await self._bounded(broker.positions(account_id), deadline, run)
        if positions is None:
            run.flat = False
            return False
        run.held = sorted({p.symbol for p in positions if p.quantity != 0})
        run.flat = not closes_open and not run.held
        return run.flat

    async def _cancel(
        self,
        broker: BrokerPort,
        account_id: str,
        only: frozenset[str] | None,
        run: AccountRun,
        deadline: float,
        *,
        keep: frozenset[str] | None = None,
    ) -> None:
        """Cancel the account's orders (`only` these client ids when given), all but `keep`."""
        if only is None and keep is None:
            results = await self._bounded(broker.cancel_all(account_id), deadline, run)
        else:
            open_now = await self._bounded(broker.open_orders(account_id), deadline, run)
            if open_now is None:
                return
            mine = [
                o
                for o in open_now
                if (only is None or o.client_order_id in only)
                and (keep is None or o.client_order_id not in keep)
            ]
            results = await self._bounded(
                asyncio.gather(*(_cancel_one(broker, account_id, o.broker_order_id) for o in mine)),
                deadline,
                run,
            )
        if results is not None:
            run.requested += len(results)
            run.acknowledged += sum(1 for r in results if r.ok)
            run.acked_ids.update(r.broker_order_id for r in results if r.ok)
            run.errors.extend(r.error for r in results if r.error)

    async def _flatten(
        self, broker: BrokerPort, account_id: str, run: AccountRun, deadline: float
    ) -> set[str]:
        closing = (
            broker.close_all(account_id)
            if self.closes is None
            else (self.closes.close(broker, account_id))
        )
        results = await self._bounded(closing, deadline, run)
        if results is None:
            return set()
        run.closing = sum(1 for r in results if r.ok)
        run.errors.extend(f"close {r.symbol}: {r.error}" for r in results if not r.ok)
        return {r.order.client_order_id for r in results if r.order is not None}

    async def _bounded(self, call: Awaitable[T], deadline: float, run: AccountRun) -> T | None:
        """Await a broker call, but never past the deadline; errors are noted, not raised."""
        remaining = deadline - self.clock.monotonic()
        try:
            return await asyncio.wait_for(call, max(remaining, 0.001))
        except BrokerError as exc:
            run.errors.append(exc.code.value)
        except TimeoutError:
            run.errors.append("DEADLINE_EXCEEDED")
        return None


@dataclass(frozen=True, slots=True)
class Activation:
    """One activation under way: what it halts, who asked and why, whether it flattens and
    broadcasts, when it started and must end (monotonic) and when it was triggered."""

    scope: Scope
    trigger: TriggerType
    principal_id: str
    reason: str
    flatten: bool
    broadcast: bool
    start: float
    deadline: float
    triggered_at: datetime
    # A group scope's (a book's) accounts as read when it was halted; None for other kinds.
    members: tuple[str, ...] | None = None

    def halt(self) -> EmergencyHalt:
        """The event that tells every process to halt the scope."""
        return EmergencyHalt(self.scope.key, self.trigger.value, self.principal_id, self.reason)

    def timeline(
        self, halted_at: datetime, broadcast_at: datetime, cancel_sent_at: datetime
    ) -> Timeline:
        return Timeline(self.start, self.triggered_at, halted_at, broadcast_at, cancel_sent_at)


@dataclass(frozen=True, slots=True)
class Timeline:
    """When each phase of an activation ended (wall clock), and when it started (monotonic)."""

    start: float
    triggered_at: datetime
    halted_at: datetime
    broadcast_at: datetime
    cancel_sent_at: datetime


def activation_record(
    ids: IdGenerator,
    clock: Clock,
    activation: Activation,
    *,
    runs: list[AccountRun],
    timeline: Timeline,
    confirmed: bool,
    unconfirmed: tuple[UnconfirmedOrder, ...] = (),
    store_unavailable: bool = False,
    held_rejected: int = 0,
) -> KillSwitchEvent:
    """The record of one activation; `confirmed` is the caller's verdict (brokers and store)."""
    last_confirmation = max((r.confirmed_at or 0.0 for r in runs), default=timeline.start)
    ended = last_confirmation if confirmed else clock.monotonic()
    return KillSwitchEvent(
        id=ids.new("ks-"),
        user_id=activation.principal_id,
        trigger_type=activation.trigger,
        scope=activation.scope,
        reason=activation.reason,
        flatten=activation.flatten,
        orders_cancelled=sum(r.cancelled for r in runs),
        broker_confirmed=confirmed,
        brokers=summarise(runs),
        triggered_at=timeline.triggered_at,
        halted_at=timeline.halted_at,
        broadcast_at=timeline.broadcast_at,
        cancel_sent_at=timeline.cancel_sent_at if runs else None,
        confirmed_at=clock.now() if confirmed else None,
        elapsed_ms=(ended - timeline.start) * 1e3,
        unconfirmed_orders=unconfirmed,
        store_unavailable=store_unavailable,
        held_rejected=held_rejected,
    )


def completion(record: KillSwitchEvent) -> KillSwitchCompleted:
    """The event that announces an activation's outcome, from its record."""
    return KillSwitchCompleted(
        record.scope.key,
        record.id,
        record.trigger_type.value,
        record.orders_cancelled,
        record.broker_confirmed,
        record.unconfirmed_brokers,
        record.elapsed_ms,
        tuple(o.order_id for o in record.unconfirmed_orders),
        record.held_rejected,
    )


def summarise(runs: list[AccountRun]) -> tuple[BrokerOutcome, ...]:
    """Each broker's outcome over its accounts' runs, by broker name."""
    by_broker: dict[str, list[AccountRun]] = defaultdict(list)
    for run in runs:
        by_broker[run.broker].append(run)
    return tuple(
        BrokerOutcome(
            broker=name,
            accounts=tuple(r.account_id for r in group),
            cancel_requested=sum(r.requested for r in group),
            cancel_acknowledged=sum(r.acknowledged for r in group),
            remaining_open=sum(max(r.remaining, 0) for r in group),
            confirmed=all(r.confirmed for r in group),
            attempts=max(r.attempts for r in group),
            closing_orders=sum(r.closing for r in group),
            errors=tuple(sorted({e for r in group for e in r.errors})),
            flat=_flat_of(group),
            closing_open=sum(r.closing_open for r in group),
            positions_remaining=tuple(
                sorted(f"{r.account_id}:{symbol}" for r in group for symbol in r.held)
            ),
        )
        for name, group in sorted(by_broker.items())
    )


def _flat_of(group: list[AccountRun]) -> bool | None:
    """Whether every account of a broker was shown flat; None where none was flattened."""
    asked = [r.flat for r in group if r.flat is not None]
    if not asked:
        return None
    return all(asked)


async def _cancel_one(broker: BrokerPort, account_id: str, broker_order_id: str) -> CancelResult:
    """One cancel of many: a broker error fails this cancel, not its siblings."""
    try:
        return await broker.cancel(account_id, broker_order_id)
    except BrokerError as exc:
        return CancelResult(broker_order_id, ok=False, error=exc.code.value)
