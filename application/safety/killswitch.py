"""Kill switch: halt a scope, cancel everything at every broker, and prove it with the broker.

The service is the kill switch's entry points; each part is its own use case:
- application/safety/killswitch_engage.py: the sequence (halt, broadcast, cancel, verdict, record);
- application/safety/killswitch_cancels.py: the cancels at the brokers and the confirmation rounds;
- application/safety/killswitch_passcodes.py: passcodes and the activation lockout;
- application/safety/killswitch_access.py: who may change a scope, which scopes one sees;
- application/safety/killswitch_resume.py: the release, with four-eyes approval;
- application/safety/killswitch_audit.py: the audit entries and the completion's notification;
- application/safety/killswitch_store_down.py: halting and cancelling from memory while the store
  is unreachable, the record kept until it is back.
"""

from __future__ import annotations

from application.safety.killswitch_access import KillSwitchAccess, visible_scopes
from application.safety.killswitch_audit import KillSwitchAudit
from application.safety.killswitch_cancels import BrokerCancels, CancelPolicy
from application.safety.killswitch_commands import (
    ActivateKillSwitch,
    KillSwitchConfig,
    OrderSync,
    ResumeTrading,
)
from application.safety.killswitch_engage import EngageSequence, EngageVerdict, ScopeHalt
from application.safety.killswitch_memory import KillSwitchMemory
from application.safety.killswitch_passcodes import ACTIVATE, KillSwitchPasscodes
from application.safety.killswitch_pending import PendingRecords
from application.safety.killswitch_resume import ResumeScope
from application.safety.killswitch_store_down import StoreDownHalt
from application.trading.halts import HaltLatch
from application.trading.orders import BrokerRouter
from domain.errors import StoreUnavailable
from domain.killswitch.state import Scope, ScopeKind, TradingState
from domain.killswitch.switch import (
    EmergencyHalt,
    KillSwitchEvent,
    ScopeState,
    TriggerType,
    WrongPasscode,
)
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditLog, EventPublisher, Notifier
from ports.core.metrics import NO_METER, Meter
from ports.core.security import PasswordHasher
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWorkFactory

__all__ = [
    "ActivateKillSwitch",
    "KillSwitchConfig",
    "KillSwitchService",
    "OrderSync",
    "ResumeTrading",
]


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
        self._uow = uow_factory
        # Spans: killswitch.engage, its phases (halt, broadcast, cancel per account, record).
        self.tracer = tracer
        config = config or KillSwitchConfig()
        self._config = config
        # What is needed to stop trading while the store is down, shared with the lane's twin.
        self.memory = memory or KillSwitchMemory()
        policy = CancelPolicy(config.first_retry, config.backoff, config.lock_wait)
        cancels = BrokerCancels(brokers, latch, clock, policy, tracer)
        self._audit = KillSwitchAudit(audit, notifier, clock, self.memory)
        self._store_down = StoreDownHalt(
            uow_factory,
            self.memory,
            PendingRecords(uow_factory, self.memory, publisher, audit, self._audit.completed),
            cancels,
            publisher,
            hasher,
            clock,
            ids,
            meter,
            max_failures=config.max_failures,
            retry_every=config.pending_retry,
        )
        self._passcodes = KillSwitchPasscodes(
            uow_factory,
            hasher,
            clock,
            self.memory,
            self._audit,
            self._store_down,
            config,
        )
        self._access = KillSwitchAccess(uow_factory, self.memory, self._store_down)
        self._resume = ResumeScope(
            uow_factory,
            self._access,
            self._passcodes,
            self._audit,
            publisher,
            latch,
            clock,
            config,
        )
        self._sequence = EngageSequence(
            clock,
            ScopeHalt(uow_factory, publisher, latch, self.memory, tracer=tracer),
            cancels,
            self._store_down,
            EngageVerdict(
                uow_factory,
                publisher,
                clock,
                ids,
                orders,
                self._audit.completed,
                config,
                meter=meter,
                tracer=tracer,
            ),
            config,
        )

    @property
    def config(self) -> KillSwitchConfig:
        return self._config

    @config.setter
    def config(self, config: KillSwitchConfig) -> None:
        """New deadlines and policies, for every part from its next call on."""
        self._config = config
        self._passcodes.config = self._resume.config = self._sequence.config = config

    # -- entry points ----------------------------------------------------------------
    async def set_passcode(self, principal: Principal, passcode: str) -> None:
        await self._passcodes.set(principal, passcode)

    async def change_passcode(
        self, principal: Principal, current: str | None, passcode: str
    ) -> None:
        """Set one's passcode; replacing one needs the current one (same lockout and audit)."""
        async with self._uow() as uow:
            existing = await uow.passcodes.get(principal.id)
        if existing is not None:
            if not current:
                raise WrongPasscode("the current passcode is required to change it")
            await self._passcodes.check(principal, current, "kill_switch.passcode_change")
        await self._passcodes.set(principal, passcode)

    async def check_passcode(self, principal: Principal, passcode: str, action: str) -> None:
        """The passcode guarding another action (a strategy's live mode): the same lockout
        and audit as the kill switch's own attempts; WrongPasscode / ActivationLocked."""
        await self._passcodes.check(principal, passcode, action)

    async def activate(self, cmd: ActivateKillSwitch) -> KillSwitchEvent:
        """A principal pulls the switch with their passcode."""
        await self._access.authorize(cmd.principal, cmd.scope)
        await self._passcodes.check(cmd.principal, cmd.passcode, ACTIVATE)
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
        await self._store_down.store_pending_quietly()  # a halt kept while the store was down
        return await self._resume(cmd)

    async def store_pending(self) -> int:
        """Store the records kept while the store was down (PendingRecords.store)."""
        return await self._store_down.store_pending()

    async def remember(self, *, force: bool = False) -> int:
        """Read the accounts and passcodes into memory for a store outage (at most every few
        seconds unless forced: StoreDownHalt.recall); the number of accounts known."""
        return await self._store_down.recall(force=force)

    # -- reads -----------------------------------------------------------------------
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
            keys = await visible_scopes(uow, principal)
        if keys is None:
            keys = {Scope.global_().key, *stored}
        states = [stored.get(key) or ScopeState(Scope.parse(key)) for key in keys]
        return sorted(states, key=lambda s: (_KIND_ORDER[s.scope.kind], s.scope.id))

    async def events_for(self, principal: Principal, limit: int = 100) -> list[KillSwitchEvent]:
        """Activations on the scopes the principal may see, newest first."""
        await self._store_down.store_pending_quietly()
        async with self._uow() as uow:
            keys = await visible_scopes(uow, principal)
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
            record = await self._sequence(
                scope, trigger, principal_id, reason, flatten, message_id, broadcast, received_at
            )
            span.set("confirmed", record.broker_confirmed)
            return record


_KIND_ORDER = {ScopeKind.GLOBAL: 0, ScopeKind.ACCOUNT: 1, ScopeKind.AGENT: 2}
