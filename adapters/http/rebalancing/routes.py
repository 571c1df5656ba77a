"""`/api/v1/rebalancing`: drift, dry-run proposals, execution, autopilot limits, attribution.

Every household is a portfolio of its owner's: another user's portfolio or proposal answers
404 whatever their role. A viewer may read drift and attribution (no change), not propose or
execute (403). Conventions in docs/rebalancing.md.
"""

from __future__ import annotations

from litestar import Controller, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.rebalancing import RebalancingDep
from adapters.http.rebalancing.schemas import (
    AutopilotLimitsIn,
    AutopilotLimitsOut,
    DriftViewOut,
    ExecutionOut,
    ProposalIn,
    ProposalOut,
    StoredAttributionIn,
    StoredAttributionOut,
)
from adapters.http.security import READERS, require_roles
from adapters.wire.numbers import UnitInterval

_OWN = "Your own households only: another user's answers 404 PORTFOLIO_NOT_FOUND."


class RebalancingController(Controller):
    path = "/rebalancing"
    guards = (require_roles(*READERS),)  # a viewer's changes: 403 (read_only.py)

    @get(
        "/portfolios/{portfolio_id:str}/drift",
        summary="Drift of a household and each account against the target allocations",
        description=(
            "Weights (fractions) and money (the household's currency) per symbol: current, "
            "target (the accounts' target allocations, in money summed), drift = current - "
            "target, and whether it is out of `band` (query; default BULWARK_REBALANCE_BAND). "
            f"422 INVALID_REBALANCE_INPUT when a held or targeted symbol has no price. {_OWN}"
        ),
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def get_portfolio_drift(
        self,
        portfolio_id: FromPath[str],
        caller: CallerDep,
        rebalancing: RebalancingDep,
        band: FromQuery[UnitInterval | None] = None,
    ) -> DriftViewOut:
        view = await rebalancing.rebalancing.drift(caller.principal, portfolio_id, band)
        return DriftViewOut.from_view(view)

    @post(
        "/portfolios/{portfolio_id:str}/proposals",
        summary="Propose a tax-aware rebalance (dry run: nothing is traded)",
        description=(
            "The trades that bring every out-of-band symbol back to target, selling lots in the "
            "tax-aware order (tax-advantaged accounts, then losses, then long-term gains, short-"
            "term last; never a wash sale), with each sold lot's estimated realised gain, the "
            "turnover, what cannot be brought into band and why, and the first safe rebuy day "
            "of each symbol sold at a loss. Stored and audited; execute it by id. " + _OWN
        ),
        status_code=201,
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def propose_rebalance(
        self,
        portfolio_id: FromPath[str],
        data: JSONBody[ProposalIn],
        caller: CallerDep,
        rebalancing: RebalancingDep,
    ) -> ProposalOut:
        service = rebalancing.rebalancing
        stored = await service.propose(
            caller.principal, portfolio_id, data.to_settings(service.defaults)
        )
        return ProposalOut.from_stored(stored)

    @get(
        "/proposals/{proposal_id:str}",
        summary="A proposal of yours, as made (and executed, with its orders)",
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(401, 403, 404, 429),
    )
    async def get_rebalance_proposal(
        self, proposal_id: FromPath[str], caller: CallerDep, rebalancing: RebalancingDep
    ) -> ProposalOut:
        stored = await rebalancing.rebalancing.proposal(caller.principal, proposal_id)
        return ProposalOut.from_stored(stored)

    @post(
        "/proposals/{proposal_id:str}/execute",
        summary="Execute a proposal: its trades as orders through the pre-trade gate",
        description=(
            "Each trade becomes an order of origin `rebalance` through the same gate as every "
            "other order (sells before buys per account); a halted scope or a risk rule denies "
            "it like any other (`orders[].status` denied, `reasons`). Idempotent: executing "
            "again submits nothing new and answers the same orders (`replayed`: true). "
            "404 REBALANCE_PROPOSAL_NOT_FOUND for another user's proposal; 409 "
            "REBALANCE_PROPOSAL_STALE for one made on an earlier day (propose again)."
        ),
        status_code=200,
        responses=problem_responses(400, 401, 403, 404, 409, 429),
    )
    async def execute_rebalance_proposal(
        self, proposal_id: FromPath[str], caller: CallerDep, rebalancing: RebalancingDep
    ) -> ExecutionOut:
        execution = await rebalancing.rebalancing.execute(caller.principal, proposal_id)
        return ExecutionOut.from_domain(execution)

    @get(
        "/autopilot",
        summary="Your autopilot limits",
        responses=problem_responses(401, 403, 404, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def get_autopilot_limits(
        self, caller: CallerDep, rebalancing: RebalancingDep
    ) -> AutopilotLimitsOut:
        return AutopilotLimitsOut.from_domain(await rebalancing.limits.get(caller.principal))

    @put(
        "/autopilot",
        summary="Set what the autopilot may execute without asking",
        description=(
            "With the planning autopilot on (PUT /api/v1/planning/autopilot), each pass proposes "
            "and executes a proposal only when its turnover <= max_turnover and its estimated "
            "taxable realised gain <= max_realised_gain; you are notified either way. Audited."
        ),
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def set_autopilot_limits(
        self, data: JSONBody[AutopilotLimitsIn], caller: CallerDep, rebalancing: RebalancingDep
    ) -> AutopilotLimitsOut:
        limits = await rebalancing.limits.put(
            caller.principal, data.max_turnover, data.max_realised_gain
        )
        return AutopilotLimitsOut.from_domain(limits)

    @post(
        "/portfolios/{portfolio_id:str}/attribution",
        summary="Brinson-Fachler and factor attribution of a stored portfolio",
        description=(
            "Over the periods between `boundaries`, the portfolio's holdings (from its ledger) at "
            "each boundary's daily closes against the benchmark's constituents: allocation, "
            "selection and interaction per sector, linked over the periods by Carino (or "
            "Menchero) so they add up to the compounded active return; with `factors`, the "
            "period returns regressed on them (alpha, betas, contributions, R^2). Fractions, not "
            "percent. Reads only (a viewer may call it). 422 INVALID_ATTRIBUTION_INPUT names "
            f"the field. {_OWN}"
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def attribute_portfolio_returns(
        self,
        portfolio_id: FromPath[str],
        data: JSONBody[StoredAttributionIn],
        caller: CallerDep,
        rebalancing: RebalancingDep,
    ) -> StoredAttributionOut:
        result = await rebalancing.attribution.attribute(
            caller.principal, data.to_request(portfolio_id)
        )
        return StoredAttributionOut.from_domain(result)


CONTROLLERS = [RebalancingController]
