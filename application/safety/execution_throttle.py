"""The execution throttle (MiFID II RTS 6 Art. 15): N ORDER_RATE breaches by one agent,
strategy or account within a window disable it until a person re-enables it.

Subscribed to the bus, `on_event` only notes a breach (an `OrderDenied` the policy counts:
domain/killswitch/throttle.py), with the time it was heard, in a bounded queue (full: skipped
and counted) and returns: the order path never waits for a count or a halt. A task of its own
(`run_forever`; tests call `drain`) counts each breach against its originator in the
`BreachWindow` (Redis with several workers, so they count together) and, on the Nth within the
window (the window forgets them at once: the next episode counts afresh):

- an agent: the kill switch on its agent scope, trigger `throttle`;
- a person's order (or a rebalance's): the kill switch on the account's scope;
- a strategy: the kill switch has no strategy scope, so the strategies context turns the
  strategy off (`StrategyStop`, added by that context: bootstrap/containers/strategies.py);
  where none was added, the account's scope is halted instead.

Once per episode: a scope already halted (or reduce-only after this trigger) and a strategy
already off are left as they are; orders denied TRADING_HALTED are never breaches; and a
resume of a scope (its `TradingStateChanged` from halted to active or reducing) forgets what
was counted against it. Every trip is audited (`throttle.halt`, actor `system`, whatever its
outcome) and told to the owner and the desk (risk officers and admins). Re-enabling is the
kill switch's resume (a person's, with its four eyes when configured; an agent never resumes)
or, for a strategy, its owner setting its mode again.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Protocol

from application.safety.triggers import already_engaged
from domain.events import DomainEvent
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import KillSwitchEvent, TradingStateChanged, TriggerType
from domain.killswitch.throttle import Originator, OriginatorKind, ThrottlePolicy, originator_of
from domain.principals import Principal, Role
from domain.trading.orders import OrderDenied
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.safety.throttle import BreachWindow

SYSTEM = Principal.system().id
ACTION = "throttle.halt"
EVENT_TYPE = "killswitch.activated"
DEFAULT_CAPACITY = 10_000
_DESK = frozenset({Role.RISK_OFFICER, Role.ADMIN})
_HALTED = TradingState.HALTED.value
_RESUMED = frozenset({TradingState.ACTIVE.value, TradingState.REDUCING.value})
_COUNTED_SCOPES = frozenset({ScopeKind.AGENT, ScopeKind.ACCOUNT})


class Halter(Protocol):
    """The kill switch's automatic trigger (KillSwitchService.trigger)."""

    async def trigger(
        self, scope: Scope, trigger: TriggerType, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent: ...


@dataclass(frozen=True, slots=True)
class StoppedStrategy:
    """A strategy the throttle turned off: its owner, and whether it was off already."""

    owner_id: str
    already_off: bool = False


class StrategyStop(Protocol):
    """Turns a strategy off (mode off: it ignores signals until its owner sets it again)."""

    async def stop(self, strategy_id: str, reason: str, at: datetime) -> StoppedStrategy | None:
        """The strategy's owner once it is off; None when there is no such strategy."""
        ...


class StrategyStops:
    """Where the strategies context adds its stop (it is above safety: bootstrap adds it),
    built on first use."""

    def __init__(self) -> None:
        self._make: Callable[[], StrategyStop] | None = None
        self._built: StrategyStop | None = None

    def add(self, make: Callable[[], StrategyStop]) -> None:
        self._make, self._built = make, None

    def get(self) -> StrategyStop | None:
        if self._built is None and self._make is not None:
            self._built = self._make()
        return self._built


@dataclass(frozen=True, slots=True)
class _Breach:
    order_id: str
    account_id: str
    origin_kind: str
    origin_id: str
    at: datetime


@dataclass(frozen=True, slots=True)
class _Resumed:
    key: str


@dataclass(frozen=True, slots=True)
class ThrottleTrip:
    """What one trip did: `outcome` halted, already halted, stopped, already off, not found."""

    originator: Originator
    target: str  # the scope key halted, or strategy:<id>
    outcome: str
    kill_switch: KillSwitchEvent | None = None


@dataclass(eq=False)
class ExecutionThrottle:
    """Counts breaches per originator and disables it on the Nth (module docstring)."""

    policy: ThrottlePolicy
    window: BreachWindow
    halter: Halter
    uow_factory: UnitOfWorkFactory
    audit: AuditLog
    notifier: Notifier
    clock: Clock
    strategies: StrategyStops = field(default_factory=StrategyStops)
    capacity: int = DEFAULT_CAPACITY
    _queue: deque[_Breach | _Resumed] = field(init=False, default_factory=deque)
    _ready: asyncio.Event = field(init=False, default_factory=asyncio.Event)
    skipped: int = field(init=False, default=0)  # breaches dropped: the queue was full
    failed: int = field(init=False, default=0)  # counts or trips that raised
    tripped: int = field(init=False, default=0)

    # What it hears: the denials, and the resumes that end an episode.
    SUBSCRIPTIONS: ClassVar[tuple[type[DomainEvent], ...]] = (OrderDenied, TradingStateChanged)

    async def on_event(self, event: DomainEvent) -> None:
        """Notes a breach, or a scope's resume; nothing else, and never waits."""
        item: _Breach | _Resumed
        if isinstance(event, OrderDenied):
            if not self.policy.is_breach(event.reasons):
                return
            item = _Breach(
                event.order_id,
                event.account_id,
                event.origin_kind,
                event.origin_id,
                self.clock.now(),
            )
        elif isinstance(event, TradingStateChanged) and _released(event):
            try:
                scope = Scope.parse(event.scope_key)
            except ValueError:
                return
            if scope.kind not in _COUNTED_SCOPES:
                return
            item = _Resumed(scope.key)  # an originator's key is its scope's key
        else:
            return
        if len(self._queue) >= self.capacity:
            self.skipped += 1
            return
        self._queue.append(item)
        self._ready.set()

    async def drain(self) -> list[ThrottleTrip]:
        """Count every noted breach now, in order; what the trips among them did."""
        trips: list[ThrottleTrip] = []
        while self._queue:
            item = self._queue.popleft()
            try:
                if isinstance(item, _Resumed):
                    await self.window.clear(item.key)
                    continue
                trip = await self._count(item)
            except Exception:  # audited where it was a trip; the next breaches count again
                self.failed += 1
                continue
            if trip is not None:
                trips.append(trip)
        return trips

    async def run_forever(self) -> None:
        while True:
            await self._ready.wait()
            self._ready.clear()
            await self.drain()

    async def _count(self, breach: _Breach) -> ThrottleTrip | None:
        originator = await self._originator(breach)
        policy = self.policy
        count = await self.window.add(
            originator.key, breach.order_id, breach.at, policy.window, policy.breaches
        )
        if count < policy.breaches:
            return None
        self.tripped += 1
        return await self._disable(originator, breach)

    async def _originator(self, breach: _Breach) -> Originator:
        kind, ident = breach.origin_kind, breach.origin_id
        if not kind:  # an event written before it named its origin: the stored order does
            async with self.uow_factory() as uow:
                order = await uow.orders.get(breach.order_id)
            if order is not None:
                kind, ident = order.origin.kind.value, order.origin.id
        return originator_of(breach.account_id, kind, ident)

    async def _disable(self, originator: Originator, breach: _Breach) -> ThrottleTrip:
        reason = self.policy.reason(originator)
        if originator.kind is OriginatorKind.STRATEGY:
            stop = self.strategies.get()
            if stop is not None:
                return await self._stop(stop, originator, breach, reason)
            # No strategies context in this process: the account, which holds its orders.
            return await self._halt(Scope.account(breach.account_id), originator, breach, reason)
        if originator.kind is OriginatorKind.AGENT:
            return await self._halt(Scope.agent(originator.id), originator, breach, reason)
        return await self._halt(Scope.account(originator.id), originator, breach, reason)

    async def _halt(
        self, scope: Scope, originator: Originator, breach: _Breach, reason: str
    ) -> ThrottleTrip:
        async with self.uow_factory() as uow:
            engaged = await already_engaged(uow, scope, TriggerType.THROTTLE)
        if engaged:
            await self._record(scope.key, "already halted", originator, breach)
            return ThrottleTrip(originator, scope.key, "already halted")
        try:
            record = await self.halter.trigger(scope, TriggerType.THROTTLE, reason)
        except Exception as exc:
            await self._record(scope.key, "failed", originator, breach, {"error": _name(exc)})
            raise
        confirmed = "confirmed" if record.broker_confirmed else "NOT confirmed"
        extra = {"kill_switch": record.id, "broker_confirmed": record.broker_confirmed,
                 "orders_cancelled": record.orders_cancelled}  # fmt: skip
        await self._record(scope.key, "halted", originator, breach, extra)
        body = (
            f"{reason}. {scope.key} halted ({confirmed}); {record.orders_cancelled} open orders "
            "were cancelled. A person resumes it (POST /api/v1/kill-switch/resume)."
        )
        owner = await self._owner(originator, breach)
        subject = f"Trading halted: {originator.key} throttled"
        await self._notify(owner, subject, body, record.halted_at)
        return ThrottleTrip(originator, scope.key, "halted", record)

    async def _stop(
        self, stop: StrategyStop, originator: Originator, breach: _Breach, reason: str
    ) -> ThrottleTrip:
        target = originator.key
        try:
            stopped = await stop.stop(originator.id, reason, self.clock.now())
        except Exception as exc:
            await self._record(target, "failed", originator, breach, {"error": _name(exc)})
            raise
        if stopped is None:
            await self._record(target, "not found", originator, breach)
            return ThrottleTrip(originator, target, "not found")
        if stopped.already_off:
            await self._record(target, "already off", originator, breach)
            return ThrottleTrip(originator, target, "already off")
        await self._record(target, "stopped", originator, breach)
        body = (
            f"{reason}. The strategy was turned off (mode off); its owner turns it on again "
            "(PATCH /api/v1/strategies/{id} with its mode)."
        )
        subject = f"Strategy stopped: {target} throttled"
        await self._notify(stopped.owner_id, subject, body, self.clock.now())
        return ThrottleTrip(originator, target, "stopped")

    async def _owner(self, originator: Originator, breach: _Breach) -> str | None:
        """The agent's owner, else the account's."""
        async with self.uow_factory() as uow:
            if originator.kind is OriginatorKind.AGENT:
                agent = await uow.agents.get(originator.id)
                if agent is not None:
                    return agent.owner_id
            account = await uow.accounts.get(breach.account_id)
        return account.owner_id if account is not None else None

    async def _notify(
        self, owner_id: str | None, subject: str, body: str, occurred_at: datetime
    ) -> None:
        """The owner and the desk (active risk officers and admins), each once."""
        async with self.uow_factory() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in _DESK]
        people = [owner_id] if owner_id else []
        for user_id in dict.fromkeys([*people, *desk]):
            await self.notifier.notify(
                Notification(
                    user_id,
                    subject,
                    body,
                    Severity.CRITICAL,
                    event_type=EVENT_TYPE,
                    occurred_at=occurred_at,
                )
            )

    async def _record(
        self,
        target: str,
        outcome: str,
        originator: Originator,
        breach: _Breach,
        extra: dict[str, object] | None = None,
    ) -> None:
        policy = self.policy
        details: dict[str, object] = {
            "originator": originator.key,
            "rules": policy.rules,
            "breaches": policy.breaches,
            "window_seconds": policy.window.total_seconds(),
            "account_id": breach.account_id,
            "order_id": breach.order_id,
            **(extra or {}),
        }
        await self.audit.record(
            AuditEntry(SYSTEM, ACTION, target, outcome, self.clock.now(), details)
        )


def _released(event: TradingStateChanged) -> bool:
    """A person's resume: from halted to active or reduce-only."""
    return event.previous == _HALTED and event.state in _RESUMED


def _name(exc: Exception) -> str:
    return type(exc).__name__
