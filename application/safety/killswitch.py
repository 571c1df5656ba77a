"""Kill switch: halt a scope, cancel everything at every broker, and prove it with the broker.

Sequence (see ARCHITECTURE.md): persist HALTED -> publish EmergencyHalt -> wait for
in-flight submissions of each account -> cancel all open orders at every broker
concurrently -> optionally flatten -> reconcile by querying open orders again until
none are left or the deadline passes (re-cancelling with backoff) -> record the
KillSwitchEvent. Confirmed means the broker's own open-order list came back empty.

The cancels at the brokers are application/safety/killswitch_cancels.py. While the store is
unreachable an activation still halts in this process and cancels at the brokers, from what
the kill switch remembers (application/safety/killswitch_store_down.py).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol, TypeVar

from application.core.access import SUPERVISORS, account_for, ensure_may_change, visibility
from application.core.inbox import claim
from application.safety.killswitch_cancels import (
    BrokerCancels,
    CancelPolicy,
    Timeline,
    activation_record,
    completion,
)
from application.safety.killswitch_memory import KillSwitchMemory, KnownAccount
from application.safety.killswitch_pending import PendingRecords
from application.safety.killswitch_store_down import StoreDownHalt
from application.trading.halts import HaltLatch
from application.trading.in_doubt import InDoubtReport
from application.trading.in_doubt_verdict import InDoubtVerdict
from application.trading.orders import BrokerRouter
from domain.errors import Forbidden, NotFound, StoreUnavailable
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import (
    ActivationLocked,
    ActivationLockout,
    EmergencyHalt,
    FourEyesRequired,
    KillSwitchEvent,
    ScopeState,
    TriggerType,
    WrongPasscode,
)
from domain.principals import Principal, Role
from domain.trading.orders import OriginKind
from ports.clock import Clock, IdGenerator
from ports.events import AuditEntry, AuditLog, EventPublisher, Notification, Notifier, Severity
from ports.metrics import NO_METER, Meter
from ports.security import PasswordHasher
from ports.tracing import NO_TRACER, Tracer
from ports.unit_of_work import UnitOfWork, UnitOfWorkFactory

T = TypeVar("T")


class OrderSync(Protocol):
    """Books what a broker says of an account's orders (OrderService.sync), and resolves its
    orders in doubt (OrderService.resolve_in_doubt, application/trading/in_doubt.py)."""

    async def sync(self, account_id: str) -> int: ...

    async def resolve_in_doubt(
        self, account_id: str, only: frozenset[str] | None = None
    ) -> InDoubtReport: ...


@dataclass(frozen=True, slots=True)
class KillSwitchConfig:
    """Deadlines and policies of the kill switch (seconds)."""

    deadline: float = 1.5
    first_retry: float = 0.05
    backoff: float = 2.0
    lock_wait: float = 0.25  # at most this long for an account's broker sends in flight
    sync_grace: float = 0.25
    four_eyes: bool = True
    max_failures: int = 5
    lockout_minutes: int = 15
    # An order without its broker's acknowledgement for this long is in doubt (the setting
    # BULWARK_IN_DOUBT_GRACE_SECONDS): a younger one is a send on its way, refused by the latch.
    in_doubt_grace: float = 5.0
    # Records kept while the store was down are stored again this often (None: only when
    # the kill switch is next used).
    pending_retry: float | None = 2.0


@dataclass(frozen=True, slots=True)
class ActivateKillSwitch:
    principal: Principal
    passcode: str
    scope: Scope
    flatten: bool = False
    reason: str = "manual activation"
    # A command message's id (Kafka): recorded with the halt, so a redelivery does nothing.
    message_id: str | None = None
    # When the request reached this process (Clock.monotonic): the deadline counts from here.
    received_at: float | None = None


@dataclass(frozen=True, slots=True)
class ResumeTrading:
    principal: Principal
    passcode: str
    scope: Scope
    approver: Principal | None = None
    approver_passcode: str | None = None
    to_state: TradingState = TradingState.ACTIVE
    # How a person names the approving colleague; resolved only after the caller's passcode.
    approver_username: str | None = None
    message_id: str | None = None


class KillSwitchService:
    """Activates, triggers and resumes kill switches; reports what the brokers confirmed."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        brokers: BrokerRouter,
        publisher: EventPublisher,
        hasher: PasswordHasher,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        notifier: Notifier,
        latch: HaltLatch,
        orders: OrderSync,
        config: KillSwitchConfig | None = None,
        meter: Meter = NO_METER,
        *,
        tracer: Tracer = NO_TRACER,
        memory: KillSwitchMemory | None = None,
    ) -> None:
        self._meter = meter  # phase timings and confirmations for /metrics
        self._uow = uow_factory
        # Spans: killswitch.engage, its phases (halt, broadcast, cancel per account, record).
        self.tracer = tracer
        self._brokers = brokers
        self._publisher = publisher
        self._hasher = hasher
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._notifier = notifier
        self._latch = latch
        self._orders = orders
        self._doubts = InDoubtVerdict(uow_factory, orders)  # looked up before the verdict
        # Bookings of the brokers' answers still running when a run returned (see _engage).
        self._late_syncs: set[asyncio.Future[list[int | BaseException]]] = set()
        self.config = config or KillSwitchConfig()
        policy = CancelPolicy(self.config.first_retry, self.config.backoff, self.config.lock_wait)
        self._cancels = BrokerCancels(brokers, latch, clock, policy, tracer)
        # What is needed to stop trading while the store is down, shared with the lane's twin.
        self.memory = memory or KillSwitchMemory()
        self._store_down = StoreDownHalt(
            uow_factory,
            self.memory,
            PendingRecords(uow_factory, self.memory, publisher, audit, self._after),
            self._cancels,
            publisher,
            hasher,
            clock,
            ids,
            meter,
            max_failures=self.config.max_failures,
            retry_every=self.config.pending_retry,
        )

    # -- entry points ----------------------------------------------------------------
    async def set_passcode(self, principal: Principal, passcode: str) -> None:
        if len(passcode) < 6:
            raise WrongPasscode("a passcode needs at least 6 characters")
        hashed = await asyncio.to_thread(self._hasher.hash, passcode)
        async with self._uow() as uow:
            await uow.passcodes.set(principal.id, hashed)
            await uow.commit()
        self.memory.remember_passcode(principal.id, hashed)
        await self._record(principal.id, "kill_switch.passcode_set", principal.id, "ok")

    async def check_passcode(self, principal: Principal, passcode: str, action: str) -> None:
        """The passcode guarding another action (a strategy's live mode): the same lockout
        and audit as the kill switch's own attempts; WrongPasscode / ActivationLocked."""
        await self._check_passcode(principal, passcode, action)

    async def activate(self, cmd: ActivateKillSwitch) -> KillSwitchEvent:
        """A principal pulls the switch with their passcode."""
        await self._authorize(cmd.principal, cmd.scope)
        await self._check_passcode(cmd.principal, cmd.passcode, "kill_switch.activate")
        return await self.engage(
            cmd.scope,
            TriggerType.MANUAL,
            cmd.principal.id,
            cmd.reason,
            flatten=cmd.flatten,
            message_id=cmd.message_id,
            received_at=cmd.received_at,
        )

    async def trigger(
        self, scope: Scope, trigger: TriggerType, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent:
        """An automatic trigger (loss limit, dead agent, margin call, succession)."""
        return await self.engage(scope, trigger, Principal.system().id, reason, flatten=flatten)

    async def follow_remote_halt(self, halt: EmergencyHalt) -> KillSwitchEvent | None:
        """Another instance halted `halt.scope_key`: make sure this store says HALTED too.

        On a shared database the originator already wrote the state and this does nothing
        (None); on a store of its own this instance halts and cancels as if triggered here,
        without broadcasting again (the halt is already on its way to everyone).
        """
        scope = Scope.parse(halt.scope_key)
        try:
            async with self._uow() as uow:
                state = await uow.trading_states.get(scope.key)
        except StoreUnavailable:
            state = None  # halted here from memory (engage), stored when the store is back
        if state is not None and state.state is TradingState.HALTED:
            return None
        try:
            trigger = TriggerType(halt.trigger)
        except ValueError:
            trigger = TriggerType.MANUAL
        reason = f"emergency broadcast: {halt.reason}"
        return await self.engage(scope, trigger, halt.principal_id, reason, broadcast=False)

    async def resume(self, cmd: ResumeTrading) -> ScopeState:
        """Back to ACTIVE (or REDUCING): passcode, plus a risk officer's when four-eyes is on."""
        await (
            self._store_down.store_pending_quietly()
        )  # a halt kept while the store was down, first
        await self._authorize(cmd.principal, cmd.scope)
        await self._check_passcode(cmd.principal, cmd.passcode, "kill_switch.resume")
        approver = cmd.approver
        if approver is None and cmd.approver_username and self.config.four_eyes:
            approver = await self._approver(cmd)
        if self.config.four_eyes and cmd.principal.role is not Role.SYSTEM:
            if approver is None or cmd.approver_passcode is None:
                await self._record(
                    cmd.principal.id,
                    "kill_switch.resume",
                    cmd.scope.key,
                    "refused: four-eyes approval missing",
                )
                raise FourEyesRequired(
                    "resuming needs a second principal with the risk-officer role"
                )
            if approver.id == cmd.principal.id or approver.role is not Role.RISK_OFFICER:
                await self._record(
                    cmd.principal.id,
                    "kill_switch.resume",
                    cmd.scope.key,
                    "refused: approver is not a different risk officer",
                )
                raise FourEyesRequired("the approver must be a different risk officer")
            await self._check_passcode(approver, cmd.approver_passcode, "kill_switch.approve")
        async with self._uow() as uow:
            await claim(uow, cmd.message_id, "killswitch.resume", self._clock.now())
            state = await uow.trading_states.get(cmd.scope.key)
            if state is None:
                state = ScopeState(cmd.scope)
                await uow.trading_states.add(state)
            state.change(cmd.to_state, cmd.principal.id, "resumed", self._clock.now())
            if cmd.scope.kind is ScopeKind.AGENT:
                agent = await uow.agents.get(cmd.scope.id)
                if agent is not None:
                    agent.revive(cmd.principal.id)
            await uow.commit()
            events = uow.collect_events()
        if cmd.to_state is not TradingState.HALTED:
            self._latch.release(cmd.scope.key)
        await self._publisher.publish(events)
        details = {"approver": approver.id if approver else None, "to": cmd.to_state.value}
        await self._record(cmd.principal.id, "kill_switch.resume", cmd.scope.key, "ok", details)
        return state

    async def store_pending(self) -> int:
        """Store the records kept while the store was down (PendingRecords.store)."""
        return await self._store_down.store_pending()

    async def status(self) -> list[ScopeState]:
        await self._store_down.store_pending_quietly()
        async with self._uow() as uow:
            return await uow.trading_states.list()

    async def events(self, scope: Scope | None = None, limit: int = 100) -> list[KillSwitchEvent]:
        await self._store_down.store_pending_quietly()
        async with self._uow() as uow:
            return await uow.kill_switch_events.list(scope.key if scope else None, limit)

    async def status_for(self, principal: Principal) -> list[ScopeState]:
        """The state of every scope the principal may see (absent ones ACTIVE), global first."""
        await self._store_down.store_pending_quietly()
        async with self._uow() as uow:
            stored = {s.scope.key: s for s in await uow.trading_states.list()}
            keys = await _visible_scopes(uow, principal)
        if keys is None:
            keys = {Scope.global_().key, *stored}
        states = [stored.get(key) or ScopeState(Scope.parse(key)) for key in keys]
        return sorted(states, key=lambda s: (_KIND_ORDER[s.scope.kind], s.scope.id))

    async def events_for(self, principal: Principal, limit: int = 100) -> list[KillSwitchEvent]:
        """Activations on the scopes the principal may see, newest first."""
        await self._store_down.store_pending_quietly()
        async with self._uow() as uow:
            keys = await _visible_scopes(uow, principal)
            if keys is None:
                return await uow.kill_switch_events.list(None, limit)
            found = [e for key in keys for e in await uow.kill_switch_events.list(key, limit)]
        found.sort(key=lambda e: e.triggered_at, reverse=True)
        return found[:limit]

    # -- the sequence ----------------------------------------------------------------
    async def engage(
        self,
        scope: Scope,
        trigger: TriggerType,
        principal_id: str,
        reason: str,
        *,
        flatten: bool = False,
        message_id: str | None = None,
        broadcast: bool = True,
        received_at: float | None = None,
    ) -> KillSwitchEvent:
        with self.tracer.span("killswitch.engage", scope=scope.key, trigger=trigger.value) as span:
            record = await self._engage(
                scope, trigger, principal_id, reason, flatten, message_id, broadcast, received_at
            )
            span.set("confirmed", record.broker_confirmed)
            return record

    async def _engage(
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
        now = self._clock.monotonic()
        # The deadline counts from the request's arrival, not from when this code first ran.
        start = now if received_at is None else min(received_at, now)
        deadline = start + self.config.deadline
        triggered_at = self._clock.now()
        # First act: nothing of the scope leaves this process for a broker from here on.
        self._latch.halt(scope.key, triggered_at)
        try:
            with self.tracer.span("killswitch.halt"):
                async with self._uow() as uow:
                    await claim(uow, message_id, "killswitch.activate", triggered_at)
                    state = await uow.trading_states.get(scope.key)
                    if state is None:
                        state = ScopeState(scope)
                        await uow.trading_states.add(state)
                    state.change(TradingState.HALTED, principal_id, reason, triggered_at)
                    targets = await self._targets(uow, scope)
                    await uow.commit()
                    events = uow.collect_events()
        except StoreUnavailable:
            return await self._store_down.engage(
                scope,
                trigger,
                principal_id,
                reason,
                flatten=flatten,
                broadcast=broadcast,
                deadline=deadline,
                start=start,
                triggered_at=triggered_at,
            )
        halted_at = self._clock.now()
        halt = [EmergencyHalt(scope.key, trigger.value, principal_id, reason)] if broadcast else []
        with self.tracer.span("killswitch.broadcast"):
            await self._publisher.publish([*halt, *events])
        broadcast_at = self._clock.now()
        runs = await self._cancels.stop_all(targets, flatten, deadline)
        timeline = Timeline(start, triggered_at, halted_at, broadcast_at, self._clock.now())
        with self.tracer.span("killswitch.in_doubt"):
            unconfirmed = await self._doubts.unconfirmed(
                targets,
                self._clock.now(),
                timedelta(seconds=self.config.in_doubt_grace),
                max(deadline - self._clock.monotonic(), self.config.sync_grace),
            )
        record = activation_record(
            self._ids,
            self._clock,
            principal_id=principal_id,
            trigger=trigger,
            scope=scope,
            reason=reason,
            flatten=flatten,
            runs=runs,
            timeline=timeline,
            confirmed=all(r.confirmed for r in runs) and not unconfirmed,
            unconfirmed=unconfirmed,
        )
        with self.tracer.span("killswitch.record"):
            async with self._uow() as uow:
                await uow.kill_switch_events.add(record)
                await uow.commit()
        self._meter.kill_switch(record)
        await self._publisher.publish([completion(record)])
        # Book what the brokers now say, waiting no longer than the deadline (or a short
        # grace): the record is kept already, and a rate-limited broker's own retries can
        # take seconds. A booking still running then goes on after the answer (not cancelled:
        # the store would keep orders open that the brokers have closed).
        syncs = asyncio.gather(
            *(self._orders.sync(r.account_id) for r in runs), return_exceptions=True
        )
        budget = max(deadline - self._clock.monotonic(), self.config.sync_grace)
        with self.tracer.span("killswitch.sync"):
            done, _ = await asyncio.wait({syncs}, timeout=budget)
        if not done:
            self._late_syncs.add(syncs)
            syncs.add_done_callback(self._late_syncs.discard)
        await self._after(record)
        return record

    async def remember(self, *, force: bool = False) -> int:
        """Read the accounts and passcodes into memory for a store outage (at most every few
        seconds unless forced: StoreDownHalt.recall); the number of accounts known."""
        return await self._store_down.recall(force=force)

    async def _targets(
        self, uow: UnitOfWork, scope: Scope
    ) -> list[tuple[str, str, frozenset[str] | None]]:
        """(broker, account, only these client order ids or None for all) per account."""
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
            if order.origin.kind is OriginKind.AGENT and order.origin.id == scope.id:
                by_account[order.account_id].add(order.client_order_id)
        targets: list[tuple[str, str, frozenset[str] | None]] = []
        for account_id, client_ids in sorted(by_account.items()):
            account = await uow.accounts.get(account_id)
            if account is not None:
                targets.append((account.broker, account_id, frozenset(client_ids)))
        return targets

    # -- helpers ---------------------------------------------------------------------
    async def _authorize(self, principal: Principal, scope: Scope) -> None:
        ensure_may_change(principal)  # a viewer sees the switch but may not pull or resume it
        if principal.role in SUPERVISORS:
            return
        try:
            await self._authorize_stored(principal, scope)
        except StoreUnavailable:
            if self._store_down.allowed(principal, scope):
                return
            raise StoreUnavailable(
                f"the store is unavailable and this process cannot tell whether {principal.id} "
                f"may change {scope.key}"
            ) from None
        self.memory.allow(principal.id, scope.key)

    async def _authorize_stored(self, principal: Principal, scope: Scope) -> None:
        async with self._uow() as uow:
            if scope.kind is ScopeKind.GLOBAL:
                raise Forbidden("only a risk officer or an admin can halt everything")
            if scope.kind is ScopeKind.ACCOUNT:
                await account_for(uow, principal, scope.id)
                return
            agent = await uow.agents.get(scope.id)
            if agent is None or agent.owner_id != principal.id:
                raise NotFound(f"agent {scope.id} not found")

    async def _approver(self, cmd: ResumeTrading) -> Principal:
        async with self._uow() as uow:
            user = await uow.users.by_username(cmd.approver_username or "")
        if user is None:
            await self._record(
                cmd.principal.id, "kill_switch.resume", cmd.scope.key, "refused: approver unknown"
            )
            raise FourEyesRequired("the approver must be a different risk officer")
        return Principal(user.id, user.role)

    async def _check_passcode(self, principal: Principal, passcode: str, action: str) -> None:
        """The stored check; for an activation while the store is down, the remembered one."""
        try:
            await self._check_stored_passcode(principal, passcode, action)
        except StoreUnavailable:
            if action != "kill_switch.activate":
                raise
            await self._store_down.check_passcode(principal, passcode, action, self._record)

    async def _check_stored_passcode(
        self, principal: Principal, passcode: str, action: str
    ) -> None:
        """Argon2 runs in a worker thread and outside any transaction (it takes ~100 ms).

        The attempt is counted as a failure before the hash is checked and forgiven after a
        match, so concurrent guesses cannot all slip in under the limit while one is checked.
        """
        now = self._clock.now()
        async with self._uow() as uow:
            lockout = await uow.lockouts.get(principal.id)
            if lockout is None:
                lockout = ActivationLockout(principal.id, max_failures=self.config.max_failures)
                await uow.lockouts.add(lockout)
            if lockout.is_locked(principal.role, now):
                await uow.commit()
                await self._record(principal.id, action, principal.id, "refused: locked out")
                until = lockout.locked_until(now)
                raise ActivationLocked(
                    f"too many wrong passcodes; locked until {until}",
                    retry_after=None if until is None else (until - now).total_seconds(),
                )
            lockout.record_failure(now)
            hashed = await uow.passcodes.get(principal.id)
            await uow.commit()
        self.memory.remember_failures(principal.id, lockout.failures)
        self.memory.remember_passcode(principal.id, hashed)
        matched = hashed is not None and await asyncio.to_thread(
            self._hasher.verify, hashed, passcode
        )
        if not matched:
            await self._record(principal.id, action, principal.id, "refused: wrong passcode")
            raise WrongPasscode("wrong passcode")
        async with self._uow() as uow:
            lockout = await uow.lockouts.get(principal.id)
            if lockout is not None:
                lockout.reset()  # a loaded aggregate's change is saved at commit
                await uow.commit()
        self.memory.forgive(principal.id)

    async def _after(self, record: KillSwitchEvent) -> None:
        details = {
            "trigger": record.trigger_type.value,
            "confirmed": record.broker_confirmed,
            "orders_cancelled": record.orders_cancelled,
            "unconfirmed_brokers": list(record.unconfirmed_brokers),
            "unconfirmed_orders": [o.order_id for o in record.unconfirmed_orders],
            "elapsed_ms": round(record.elapsed_ms, 3),
        }
        outcome = "confirmed" if record.broker_confirmed else "unconfirmed"
        await self._record(
            record.user_id, "kill_switch.activate", record.scope.key, outcome, details
        )
        confirmation = (
            "confirmed by every broker"
            if record.broker_confirmed
            else "NOT confirmed by " + ", ".join(record.unconfirmed_brokers)
        )
        if record.unconfirmed_orders:
            named = ", ".join(f"{o.order_id} ({o.broker})" for o in record.unconfirmed_orders)
            confirmation += f"; orders still in doubt: {named}"
        body = (
            f"Trading halted for {record.scope.key} ({record.trigger_type.value}): "
            f"{record.orders_cancelled} orders cancelled, {confirmation}."
        )
        await self._notifier.notify(
            Notification(
                record.user_id,
                "Kill switch activated",
                body,
                Severity.CRITICAL if not record.broker_confirmed else Severity.WARNING,
                event_type="killswitch.activated",
            )
        )

    async def _record(
        self,
        actor: str,
        action: str,
        target: str,
        outcome: str,
        details: Mapping[str, object] | None = None,
    ) -> None:
        entry = AuditEntry(actor, action, target, outcome, self._clock.now(), details or {})
        try:
            await self._audit.record(entry)
        except StoreUnavailable:
            self.memory.keep_audit(entry)  # stored with the kept records when the store is back


_KIND_ORDER = {ScopeKind.GLOBAL: 0, ScopeKind.ACCOUNT: 1, ScopeKind.AGENT: 2}


async def _visible_scopes(uow: UnitOfWork, principal: Principal) -> set[str] | None:
    """Scope keys the principal may see: None (all), or the global scope and its own."""
    seen = await visibility(uow, principal)
    if seen is None:
        return None
    return {
        Scope.global_().key,
        *(Scope.account(a).key for a in seen.account_ids),
        *(Scope.agent(a).key for a in seen.agent_ids),
    }
