"""The kill switch's sequence: halt, broadcast, cancel everywhere, reject what is held,
verdict, record, book.

Sequence (see ARCHITECTURE.md): persist HALTED -> publish EmergencyHalt -> wait for
in-flight submissions of each account -> cancel all open orders at every broker
concurrently -> optionally flatten -> reconcile by querying open orders again until
none are left or the deadline passes (re-cancelling with backoff) -> reject the scope's orders
held for a person -> look up the scope's orders in doubt -> record the KillSwitchEvent.
Confirmed means the broker's own open-order list came back empty and nothing of the scope is
left in doubt.

EngageSequence reads it top to bottom over four stages: ScopeHalt (latch, store, broadcast),
BrokerCancels (application/safety/killswitch_cancels.py), HeldRejection
(application/safety/killswitch_held.py) and EngageVerdict (the orders in doubt, the record, the
booking of the brokers' answers).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import KW_ONLY, dataclass, field, replace
from datetime import timedelta

from application.core.inbox import claim
from application.safety.killswitch_cancels import (
    AccountRun,
    Activation,
    BrokerCancels,
    Target,
    Timeline,
    activation_record,
    completion,
)
from application.safety.killswitch_commands import KillSwitchConfig, OrderSync
from application.safety.killswitch_groups import ScopeGroups
from application.safety.killswitch_held import HeldRejection
from application.safety.killswitch_memory import KillSwitchMemory, KnownAccount
from application.safety.killswitch_store_down import StoreDownHalt
from application.trading.halts import HaltLatch, in_scope
from application.trading.in_doubt_verdict import InDoubtVerdict
from domain.errors import NotFound, StoreUnavailable
from domain.events import DomainEvent
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import KillSwitchEvent, ScopeState, TriggerType
from ports.core.clock import Clock, IdGenerator
from ports.core.events import EventPublisher
from ports.core.metrics import NO_METER, Meter
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory


class EngageSequence:
    """Runs one activation from the halt to the kept record (the store-down path aside):
    halt the scope -> broadcast -> cancel at the brokers -> reject what is held -> the
    verdict, kept and booked."""

    def __init__(
        self,
        clock: Clock,
        halt: ScopeHalt,
        cancels: BrokerCancels,
        held: HeldRejection,
        store_down: StoreDownHalt,
        verdict: EngageVerdict,
        config: KillSwitchConfig,
        *,
        tracer: Tracer = NO_TRACER,
    ) -> None:
        self._clock = clock
        self._halt = halt
        self._cancels = cancels
        self._held = held
        self._store_down = store_down
        self._verdict = verdict
        self._config = config
        # Spans: killswitch.engage, its phases (halt, broadcast, cancel per account, record).
        self.tracer = tracer

    @property
    def config(self) -> KillSwitchConfig:
        return self._config

    @config.setter
    def config(self, config: KillSwitchConfig) -> None:
        self._config = self._verdict.config = config

    async def __call__(
        self,
        scope: Scope,
        trigger: TriggerType,
        principal_id: str,
        reason: str,
        flatten: bool,
        message_id: str | None,
        broadcast: bool,
        received_at: float | None,
    ) -> KillSwitchEvent:
        with self.tracer.span("killswitch.engage", scope=scope.key, trigger=trigger.value) as span:
            now = self._clock.monotonic()
            # The deadline counts from the request's arrival, not from when this code first ran.
            start = now if received_at is None else min(received_at, now)
            run = Activation(
                scope,
                trigger,
                principal_id,
                reason,
                flatten=flatten,
                broadcast=broadcast,
                start=start,
                deadline=start + self._config.deadline,
                triggered_at=self._clock.now(),
            )
            record = await self._engage(run, message_id)
            span.set("confirmed", record.broker_confirmed)
            return record

    async def _engage(self, run: Activation, message_id: str | None) -> KillSwitchEvent:
        """halt -> broadcast -> cancel and confirm at the brokers -> reject what is held ->
        the verdict, kept; from memory (StoreDownHalt) when the store cannot take the halt.

        The held orders are rejected once HALTED is stored (no order of the scope is held from
        then on) and after the cancels, which the deadline is for: a held order never reaches a
        broker, and approving one is refused while the scope is halted."""
        run = await self._halt.latch_scope(run)
        try:
            targets, events = await self._halt.halt(run, message_id)
        except StoreUnavailable:
            return await self._store_down.engage(run)
        halted_at = self._clock.now()
        await self._halt.broadcast(run, events)
        broadcast_at = self._clock.now()
        runs = await self._cancels.stop_all(targets, run.flatten, run.deadline)
        timeline = run.timeline(halted_at, broadcast_at, self._clock.now())
        held_rejected = await self._held.reject(run, tuple(t[1] for t in targets))
        return await self._verdict.keep(run, targets, runs, timeline, held_rejected)


@dataclass(eq=False)
class ScopeHalt:
    """The sequence's first acts: the latch, HALTED stored with the scope's targets, and the
    broadcast of the halt."""

    uow_factory: UnitOfWorkFactory
    publisher: EventPublisher
    latch: HaltLatch
    memory: KillSwitchMemory
    _: KW_ONLY
    tracer: Tracer = NO_TRACER
    groups: ScopeGroups | None = None  # the group scopes' members (books)

    async def latch_scope(self, run: Activation) -> Activation:
        """The first act: nothing of the scope leaves this process for a broker from here on.
        A group scope's accounts are read next and covered by the latch too (the run carries
        them; a group that cannot be read now is left to the store's HALTED and the gate)."""
        self.latch.halt(run.scope.key, run.triggered_at)
        if self.groups is None or not self.groups.handles(run.scope.kind):
            return run
        try:
            members = (await self.groups.members(run.scope)).account_ids
        except (StoreUnavailable, NotFound):
            return replace(run, members=())
        self.latch.cover(run.scope.key, members)
        return replace(run, members=members)

    async def halt(
        self, run: Activation, message_id: str | None
    ) -> tuple[list[Target], list[DomainEvent]]:
        """HALTED stored for the (latched) scope; its targets and the events raised.
        StoreUnavailable when the store cannot say so (the latch holds all the same)."""
        scope = run.scope
        with self.tracer.span("killswitch.halt"):
            async with self.uow_factory() as uow:
                await claim(uow, message_id, "killswitch.activate", run.triggered_at)
                state = await uow.trading_states.get(scope.key)
                if state is None:
                    state = ScopeState(scope)
                    await uow.trading_states.add(state)
                state.change(TradingState.HALTED, run.principal_id, run.reason, run.triggered_at)
                targets = await self._targets(uow, scope, run.members)
                await uow.commit()
                return targets, uow.collect_events()

    async def broadcast(self, run: Activation, events: list[DomainEvent]) -> None:
        halt = [run.halt()] if run.broadcast else []
        with self.tracer.span("killswitch.broadcast"):
            await self.publisher.publish([*halt, *events])

    async def _targets(
        self, uow: UnitOfWork, scope: Scope, members: tuple[str, ...] | None
    ) -> list[Target]:
        """(broker, account, only these client order ids or None for all) per account."""
        if members is not None:  # a group scope: every order of each member account
            accounts = [a for a in [await uow.accounts.get(m) for m in members] if a is not None]
            self.memory.remember_accounts(
                [KnownAccount(a.id, a.broker, a.owner_id) for a in accounts]
            )
            return [(a.broker, a.id, None) for a in accounts]
        if scope.kind is ScopeKind.GLOBAL:
            accounts = await uow.accounts.list()
            self.memory.remember_accounts(
                [KnownAccount(a.id, a.broker, a.owner_id) for a in accounts]
            )
            return [(a.broker, a.id, None) for a in accounts]
        if scope.kind is ScopeKind.ACCOUNT:
            account = await uow.accounts.get(scope.id)
            if account is None:
                return []
            self.memory.remember_accounts(
                [KnownAccount(account.id, account.broker, account.owner_id)]
            )
            return [(account.broker, account.id, None)]
        agent = await uow.agents.get(scope.id)
        by_account: dict[str, set[str]] = defaultdict(set)
        for account_id in agent.account_ids if agent else ():
            by_account.setdefault(account_id, set())
        for order in await uow.orders.list(open_only=True, limit=1_000_000):
            if in_scope(scope, order):
                by_account[order.account_id].add(order.client_order_id)
        targets: list[Target] = []
        for account_id, client_ids in sorted(by_account.items()):
            account = await uow.accounts.get(account_id)
            if account is not None:
                targets.append((account.broker, account_id, frozenset(client_ids)))
        return targets


@dataclass(eq=False)
class EngageVerdict:
    """The sequence's last acts: the orders in doubt looked up, the record kept and published,
    and the brokers' answers booked."""

    uow_factory: UnitOfWorkFactory
    publisher: EventPublisher
    clock: Clock
    ids: IdGenerator
    orders: OrderSync
    completed: Callable[[KillSwitchEvent], Awaitable[None]]
    config: KillSwitchConfig
    _: KW_ONLY
    meter: Meter = NO_METER
    tracer: Tracer = NO_TRACER
    # Looked up before the verdict.
    doubts: InDoubtVerdict = field(init=False)
    # Bookings of the brokers' answers still running when a run returned.
    late_syncs: set[asyncio.Future[list[int | BaseException]]] = field(
        init=False, default_factory=set
    )

    def __post_init__(self) -> None:
        self.doubts = InDoubtVerdict(self.uow_factory, self.orders)

    async def keep(
        self,
        run: Activation,
        targets: list[Target],
        runs: list[AccountRun],
        timeline: Timeline,
        held_rejected: int = 0,
    ) -> KillSwitchEvent:
        with self.tracer.span("killswitch.in_doubt"):
            unconfirmed = await self.doubts.unconfirmed(
                targets,
                self.clock.now(),
                timedelta(seconds=self.config.in_doubt_grace),
                max(run.deadline - self.clock.monotonic(), self.config.sync_grace),
            )
        record = activation_record(
            self.ids,
            self.clock,
            run,
            runs=runs,
            timeline=timeline,
            confirmed=all(r.confirmed for r in runs) and not unconfirmed,
            unconfirmed=unconfirmed,
            held_rejected=held_rejected,
        )
        with self.tracer.span("killswitch.record"):
            async with self.uow_factory() as uow:
                await uow.kill_switch_events.add(record)
                await uow.commit()
        self.meter.kill_switch(record)
        await self.publisher.publish([completion(record)])
        await self._book_answers([r.account_id for r in runs], run.deadline)
        await self.completed(record)
        return record

    async def _book_answers(self, account_ids: list[str], deadline: float) -> None:
        """Book what the brokers now say, waiting no longer than the deadline (or a short
        grace): the record is kept already, and a rate-limited broker's own retries can take
        seconds. A booking still running then goes on after the answer (not cancelled: the
        store would keep orders open that the brokers have closed)."""
        syncs = asyncio.gather(
            *(self.orders.sync(account_id) for account_id in account_ids),
            return_exceptions=True,
        )
        budget = max(deadline - self.clock.monotonic(), self.config.sync_grace)
        with self.tracer.span("killswitch.sync"):
            done, _ = await asyncio.wait({syncs}, timeout=budget)
        if not done:
            self.late_syncs.add(syncs)
            syncs.add_done_callback(self.late_syncs.discard)
