"""Releasing a halted scope: the caller's passcode, and a second risk officer's (four eyes)."""

from __future__ import annotations

from dataclasses import dataclass

from application.core.inbox import claim
from application.safety.killswitch_access import KillSwitchAccess
from application.safety.killswitch_audit import KillSwitchAudit
from application.safety.killswitch_commands import KillSwitchConfig, ResumeTrading
from application.safety.killswitch_passcodes import KillSwitchPasscodes
from application.trading.halts import HaltLatch
from domain.killswitch.state import ScopeKind, TradingState
from domain.killswitch.switch import FourEyesRequired, ScopeState
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import EventPublisher
from ports.core.unit_of_work import UnitOfWorkFactory

RESUME = "kill_switch.resume"


@dataclass(eq=False)
class ResumeScope:
    """Back to ACTIVE (or REDUCING), released from this process's latch, published, audited."""

    uow_factory: UnitOfWorkFactory
    access: KillSwitchAccess
    passcodes: KillSwitchPasscodes
    audit: KillSwitchAudit
    publisher: EventPublisher
    latch: HaltLatch
    clock: Clock
    config: KillSwitchConfig  # read at each call: four-eyes may be switched at run time

    async def __call__(self, cmd: ResumeTrading) -> ScopeState:
        await self.access.authorize(cmd.principal, cmd.scope)
        await self.passcodes.check(cmd.principal, cmd.passcode, RESUME)
        approver = cmd.approver
        if approver is None and cmd.approver_username and self.config.four_eyes:
            approver = await self._approver(cmd)
        if self.config.four_eyes and cmd.principal.role is not Role.SYSTEM:
            await self._approve(cmd, approver)
        async with self.uow_factory() as uow:
            await claim(uow, cmd.message_id, "killswitch.resume", self.clock.now())
            state = await uow.trading_states.get(cmd.scope.key)
            if state is None:
                state = ScopeState(cmd.scope)
                await uow.trading_states.add(state)
            state.change(cmd.to_state, cmd.principal.id, "resumed", self.clock.now())
            if cmd.scope.kind is ScopeKind.AGENT:
                agent = await uow.agents.get(cmd.scope.id)
                if agent is not None:
                    agent.revive(cmd.principal.id)
            await uow.commit()
            events = uow.collect_events()
        if cmd.to_state is not TradingState.HALTED:
            self.latch.release(cmd.scope.key)
        await self.publisher.publish(events)
        details = {"approver": approver.id if approver else None, "to": cmd.to_state.value}
        await self.audit.record(cmd.principal.id, RESUME, cmd.scope.key, "ok", details)
        return state

    async def _approve(self, cmd: ResumeTrading, approver: Principal | None) -> None:
        """A different risk officer, with their own passcode; each refusal audited."""
        if approver is None or cmd.approver_passcode is None:
            await self._refuse(cmd, "refused: four-eyes approval missing")
            raise FourEyesRequired("resuming needs a second principal with the risk-officer role")
        if approver.id == cmd.principal.id or approver.role is not Role.RISK_OFFICER:
            await self._refuse(cmd, "refused: approver is not a different risk officer")
            raise FourEyesRequired("the approver must be a different risk officer")
        await self.passcodes.check(approver, cmd.approver_passcode, "kill_switch.approve")

    async def _approver(self, cmd: ResumeTrading) -> Principal:
        async with self.uow_factory() as uow:
            user = await uow.users.by_username(cmd.approver_username or "")
        if user is None:
            await self._refuse(cmd, "refused: approver unknown")
            raise FourEyesRequired("the approver must be a different risk officer")
        return Principal(user.id, user.role)

    async def _refuse(self, cmd: ResumeTrading, outcome: str) -> None:
        await self.audit.record(cmd.principal.id, RESUME, cmd.scope.key, outcome)
