"""Kill switch: halt a scope, cancel everything at every broker, and prove it with the broker.

KillSwitchService is the kill switch's entry points over six stages, each its own use case,
read top to bottom as the order path is (application/trading/orders.py):
- KillSwitchAccess (killswitch_access.py): who may change a scope;
- KillSwitchPasscodes (killswitch_passcodes.py): passcodes and the activation lockout;
- EngageSequence (killswitch_engage.py): the activation, halt -> broadcast -> cancel ->
  confirm -> record (ScopeHalt, BrokerCancels in killswitch_cancels.py, EngageVerdict);
- ResumeScope (killswitch_resume.py): the release, with four-eyes approval;
- StoreDownHalt (killswitch_store_down.py): halting and cancelling from memory while the store
  is unreachable, the record kept until it is back;
- KillSwitchReads (killswitch_reads.py): the scopes' states and activations.
Their own parts (the audit entries and the completion's notification, killswitch_audit.py;
the records kept for the store, killswitch_pending.py) are theirs. The stages are built in one
place, bootstrap/killswitch_wiring.py, for the containers, the lane and the embedded service.
"""

from __future__ import annotations

from application.safety.killswitch_access import KillSwitchAccess
from application.safety.killswitch_commands import (
    ActivateKillSwitch,
    KillSwitchConfig,
    OrderSync,
    ResumeTrading,
)
from application.safety.killswitch_engage import EngageSequence
from application.safety.killswitch_memory import KillSwitchMemory
from application.safety.killswitch_passcodes import ACTIVATE, KillSwitchPasscodes
from application.safety.killswitch_reads import KillSwitchReads
from application.safety.killswitch_resume import ResumeScope
from application.safety.killswitch_store_down import StoreDownHalt
from domain.errors import Forbidden
from domain.killswitch.state import Scope
from domain.killswitch.switch import EmergencyHalt, KillSwitchEvent, ScopeState, TriggerType
from domain.principals import Principal, Role
from ports.core.tracing import Tracer

__all__ = [
    "ActivateKillSwitch",
    "KillSwitchConfig",
    "KillSwitchService",
    "OrderSync",
    "ResumeTrading",
]


class KillSwitchService:
    """Activates, triggers and resumes kill switches; reports what the brokers confirmed.

    An activation: access (may the caller change the scope) -> passcode (under the lockout)
    -> the engage sequence (halt -> broadcast -> cancel -> confirm -> record; from memory
    while the store is down). A release: what waits from a store outage stored -> the resume
    (access, passcodes, four eyes).
    """

    def __init__(
        self,
        access: KillSwitchAccess,
        passcodes: KillSwitchPasscodes,
        sequence: EngageSequence,
        resume_scope: ResumeScope,
        store_down: StoreDownHalt,
        reads: KillSwitchReads,
    ) -> None:
        self.access = access
        self.passcodes = passcodes
        self.sequence = sequence
        self.resume_scope = resume_scope
        self.store_down = store_down
        self.reads = reads

    # What other modules read (and tests set) of the stages.
    @property
    def memory(self) -> KillSwitchMemory:
        """What is needed to stop trading while the store is down, shared with the lane's twin."""
        return self.store_down.memory

    @property
    def tracer(self) -> Tracer:
        """Spans: killswitch.engage, its phases (halt, broadcast, cancel per account, record)."""
        return self.sequence.tracer

    @property
    def config(self) -> KillSwitchConfig:
        return self.sequence.config

    @config.setter
    def config(self, config: KillSwitchConfig) -> None:
        """New deadlines and policies, for every part from its next call on."""
        self.passcodes.config = self.resume_scope.config = self.sequence.config = config

    # -- entry points ----------------------------------------------------------------
    async def set_passcode(self, principal: Principal, passcode: str) -> None:
        await self.passcodes.set(principal, passcode)

    async def change_passcode(
        self, principal: Principal, current: str | None, passcode: str
    ) -> None:
        """Set one's passcode; replacing one needs the current one (same lockout and audit)."""
        await self.passcodes.change(principal, current, passcode)

    async def check_passcode(self, principal: Principal, passcode: str, action: str) -> None:
        """The passcode guarding another action (a strategy's live mode): the same lockout
        and audit as the kill switch's own attempts; WrongPasscode / ActivationLocked."""
        await self.passcodes.check(principal, passcode, action)

    async def activate(self, cmd: ActivateKillSwitch) -> KillSwitchEvent:
        """A principal pulls the switch with their passcode."""
        await self.access.authorize(cmd.principal, cmd.scope)
        await self.passcodes.check(cmd.principal, cmd.passcode, ACTIVATE)
        return await self.engage(
            cmd.scope,
            TriggerType.MANUAL,
            cmd.principal.id,
            cmd.reason,
            flatten=cmd.flatten,
            message_id=cmd.message_id,
            received_at=cmd.received_at,
        )

    async def halt_as_agent(
        self, principal: Principal, scope: Scope, reason: str, *, flatten: bool = False
    ) -> KillSwitchEvent:
        """An agent halts itself, or one of the accounts granted to it: no passcode (its key
        is its credential), the same engage sequence, recorded as the agent's. Only people
        resume (`resume` refuses agents): an agent can stop, never start again."""
        self.access.authorize_agent_halt(principal, scope)
        await self.access.authorize(principal, scope)
        return await self.engage(scope, TriggerType.AGENT, principal.id, reason, flatten=flatten)

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
        # A store that cannot be reached says no: halted here from memory, stored when back.
        if await self.reads.halted(scope):
            return None
        try:
            trigger = TriggerType(halt.trigger)
        except ValueError:
            trigger = TriggerType.MANUAL
        reason = f"emergency broadcast: {halt.reason}"
        return await self.engage(scope, trigger, halt.principal_id, reason, broadcast=False)

    async def resume(self, cmd: ResumeTrading) -> ScopeState:
        """Back to ACTIVE (or REDUCING): passcode, plus a risk officer's when four-eyes is on.
        A person's act only: an agent may halt (`halt_as_agent`), never resume."""
        if cmd.principal.role is Role.AGENT:
            raise Forbidden("only a person resumes trading; an agent may only halt")
        await self.store_down.store_pending_quietly()  # a halt kept while the store was down
        return await self.resume_scope(cmd)

    async def store_pending(self) -> int:
        """Store the records kept while the store was down (PendingRecords.store)."""
        return await self.store_down.store_pending()

    async def remember(self, *, force: bool = False) -> int:
        """Read the accounts and passcodes into memory for a store outage (at most every few
        seconds unless forced: StoreDownHalt.recall); the number of accounts known."""
        return await self.store_down.recall(force=force)

    # -- reads -----------------------------------------------------------------------
    async def status(self) -> list[ScopeState]:
        return await self.reads.status()

    async def events(self, scope: Scope | None = None, limit: int = 100) -> list[KillSwitchEvent]:
        return await self.reads.events(scope, limit)

    async def status_for(self, principal: Principal) -> list[ScopeState]:
        """The state of every scope the principal may see (absent ones ACTIVE), global first."""
        return await self.reads.status_for(principal)

    async def events_for(self, principal: Principal, limit: int = 100) -> list[KillSwitchEvent]:
        """Activations on the scopes the principal may see, newest first."""
        return await self.reads.events_for(principal, limit)

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
        """halt -> broadcast -> cancel -> confirm -> record (EngageSequence)."""
        return await self.sequence(
            scope, trigger, principal_id, reason, flatten, message_id, broadcast, received_at
        )
