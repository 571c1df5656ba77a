"""The rebalancing autopilot: on a schedule, propose and execute within the user's limits.

An owner is on autopilot when their planning profile's `autopilot` flag is on AND they set
autopilot limits (PUT /api/v1/rebalancing/autopilot): without limits nothing is executed.
Each pass, for every portfolio of such an owner: a proposal is made (stored, audited as any
other); when it has trades, it is executed only when its turnover <= max_turnover and its
estimated taxable realised gain <= max_realised_gain; otherwise it stays a proposal and the
decision says which limit held it back. Executed orders go through the gate with origin
REBALANCE, so a halted scope denies them. The owner is notified of every proposal with
trades (executed or held back), and every decision is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.rebalancing.service import RebalancingService
from domain.errors import DomainError
from domain.principals import Principal, Role
from domain.rebalancing.proposal import Proposal
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier
from ports.portfolio.planning import PlanningProfileRepository
from ports.portfolio.portfolios import PortfolioStore
from ports.rebalancing.rebalancing import AutopilotLimits, RebalanceStore

_PAGE = 200


@dataclass(frozen=True, slots=True)
class AutopilotDecision:
    owner_id: str
    portfolio_id: str
    proposal_id: str
    executed: bool
    reason: str  # EXECUTED, NOTHING_TO_DO, MAX_TURNOVER, MAX_REALISED_GAIN, or an error's code


@dataclass(eq=False)
class RebalanceAutopilot:
    service: RebalancingService
    store: RebalanceStore
    profiles: PlanningProfileRepository
    portfolios: PortfolioStore
    clock: Clock
    audit: AuditLog
    notifier: Notifier | None = None

    async def run_once(self) -> list[AutopilotDecision]:
        """One pass over every owner on autopilot (module doc)."""
        decisions: list[AutopilotDecision] = []
        for limits in await self.store.all_limits():
            profile = await self.profiles.get(limits.owner_id)
            if profile is None or not profile.autopilot:
                continue
            after: str | None = None
            while True:
                batch = await self.portfolios.list_portfolios(
                    limits.owner_id, after=after, limit=_PAGE
                )
                for portfolio in batch:
                    decisions.append(await self._one(limits, portfolio.id))
                if len(batch) < _PAGE:
                    break
                after = batch[-1].id
        return decisions

    async def _one(self, limits: AutopilotLimits, portfolio_id: str) -> AutopilotDecision:
        owner = Principal(limits.owner_id, Role.TRADER)
        try:
            stored = await self.service.propose(owner, portfolio_id, by_autopilot=True)
        except DomainError as exc:  # a household without prices: this one waits, not the pass
            await self._held(limits.owner_id, portfolio_id, exc.code)
            return AutopilotDecision(limits.owner_id, portfolio_id, "", False, exc.code)
        proposal = stored.proposal
        if not proposal.trades:
            reason = "NOTHING_TO_DO"
        elif proposal.turnover > limits.max_turnover:
            reason = "MAX_TURNOVER"
        elif proposal.realised_gain() > limits.max_realised_gain:
            reason = "MAX_REALISED_GAIN"
        else:
            reason = "EXECUTED"
        executed = reason == "EXECUTED"
        denied = 0
        if executed:
            execution = await self.service.execute(owner, stored.id, by_autopilot=True)
            denied = sum(1 for o in execution.outcomes if o.reasons)
        decision = AutopilotDecision(limits.owner_id, portfolio_id, stored.id, executed, reason)
        await self.audit.record(
            AuditEntry(
                actor="system:rebalance-autopilot",
                action="rebalance.autopilot",
                target=f"rebalance:{stored.id}",
                outcome="executed" if executed else "held",
                at=self.clock.now(),
                details={
                    "owner_id": limits.owner_id,
                    "portfolio_id": portfolio_id,
                    "reason": reason,
                    "turnover": str(proposal.turnover),
                    "max_turnover": str(limits.max_turnover),
                    "realised_gain": str(proposal.realised_gain()),
                    "max_realised_gain": str(limits.max_realised_gain),
                    "denied_orders": denied,
                },
            )
        )
        if proposal.trades and self.notifier is not None:
            await self.notifier.notify(_message(limits.owner_id, decision, stored.proposal, denied))
        return decision

    async def _held(self, owner_id: str, portfolio_id: str, code: str) -> None:
        await self.audit.record(
            AuditEntry(
                actor="system:rebalance-autopilot",
                action="rebalance.autopilot",
                target=f"portfolio:{portfolio_id}",
                outcome="error",
                at=self.clock.now(),
                details={"owner_id": owner_id, "reason": code},
            )
        )


def _message(
    owner_id: str, decision: AutopilotDecision, proposal: Proposal, denied: int
) -> Notification:
    what = (
        f"executed {len(proposal.trades)} trades ({denied} denied by the gate)"
        if decision.executed
        else f"held back {len(proposal.trades)} trades: {decision.reason}"
    )
    return Notification(
        recipient=owner_id,
        subject=f"Rebalance autopilot: {what}",
        body=(
            f"Portfolio {decision.portfolio_id}, proposal {decision.proposal_id}: {what}. "
            f"Turnover {proposal.turnover}, estimated realised gain {proposal.realised_gain()}."
        ),
        event_type="rebalance.autopilot",
    )
