"""Planning: the retirement Monte Carlo, your homeostasis figures, your profile and autopilot."""

from __future__ import annotations

from decimal import Decimal

from litestar import Controller, get, post, put
from litestar.params import FromQuery, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.portfolio import PortfolioDep, problems
from adapters.http.portfolio.planning_schemas import (
    AutopilotIn,
    HomeostasisOut,
    MonteCarloIn,
    MonteCarloOut,
    PlanningProfileIn,
    PlanningProfileOut,
)
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import READERS, require_roles

_NO_PROFILE = "404 PLANNING_PROFILE_NOT_FOUND until you PUT /api/v1/planning/profile."
_OWN = "Your own profile only: no one reads or changes another user's."


class PlanningController(Controller):
    """`/api/v1/planning`: each user's plan (docs/planning.md)."""

    path = "/planning"
    guards = (require_roles(*READERS),)  # a viewer's changes: 403 (read_only.py)

    @post(
        "/monte-carlo",
        summary="Simulate a retirement plan (Monte Carlo, monthly steps)",
        description=(
            "Success probability with its standard error, median ending wealth (nominal and in "
            "today's money), the fan chart (wealth percentiles per year), the probability of "
            "ruin by year, P(ending wealth > target), the conventions and the compute backend. "
            "The horizon, return and volatility left out come from your investor profile "
            "(`from_profile` names them). With `from_holdings` the fields left out come from "
            "what you hold: the wealth from your accounts, portfolios, illiquid assets and "
            "linked accounts, contributions from your retirement plans, the return and "
            "volatility fitted from the held securities' daily closes; `stored_inputs` lists "
            "what was read and whether each field was posted, stored or fitted; 422 "
            "PLANNING_HISTORY_TOO_SHORT names what is missing for a fit. "
            "Stores nothing (a viewer may call it). "
            "422 INVALID_PLANNING_INPUT names the field "
            "out of range; 422 PATH_STEPS_TOO_MANY (field `paths`) past 10,000,000 path-steps; "
            "503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After when the compute budget "
            "is taken or the run would outlast it."
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problems(400, 422, 429, 503),
    )
    async def simulate_retirement_plan(
        self, data: JSONBody[MonteCarloIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> MonteCarloOut:
        run = await portfolio.planning.simulate(caller.principal, data.to_request())
        return MonteCarloOut.from_run(run)

    @get(
        "/homeostasis",
        summary="Your freedom number, progress, years of expenses covered, autopilot",
        description=(
            "Wealth = everything you hold in the profile's currency + the profile's other "
            "assets: your open trading accounts' equity (cash + positions at reference "
            "prices), your ledger portfolios' latest stored values, your illiquid assets' "
            "latest valuations and your linked (Plaid) accounts' balances (credit and loans "
            "negative). `holdings` lists each with its source and as-of date, `left_out` what "
            "was not counted and why (another currency, no price, no valuation, no balance; a "
            "trading account in a counted portfolio is counted there). With "
            "`annual_savings` (money a year) and `real_return` (a fraction a year, > -1) the "
            f"answer holds `years_to_freedom`. {_NO_PROFILE}"
        ),
        responses=problems(400, 404, 422, 429),
    )
    async def get_homeostasis(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        annual_savings: FromQuery[Decimal | None] = None,
        real_return: FromQuery[Decimal | None] = None,
    ) -> HomeostasisOut:
        view = await portfolio.planning.homeostasis(
            caller.principal, annual_savings=annual_savings, real_return=real_return
        )
        return HomeostasisOut.from_view(view)

    @get(
        "/profile",
        summary="Your planning profile",
        description=f"{_OWN} {_NO_PROFILE}",
        responses=problems(404, 429),
    )
    async def get_planning_profile(
        self, caller: CallerDep, portfolio: PortfolioDep
    ) -> PlanningProfileOut:
        return PlanningProfileOut.from_domain(await portfolio.planning.profile(caller.principal))

    @put(
        "/profile",
        summary="Set your annual expenses, safe withdrawal rate, other assets and currency",
        description=(
            f"Creates or replaces your figures (autopilot keeps its value); audited. {_OWN} "
            "422 INVALID_PLANNING_INPUT names the field: expenses > 0, safe_withdrawal_rate in "
            "(0, 0.2], money finite and in whole cents, currency three capital letters."
        ),
        responses=problems(400, 422, 429),
    )
    async def set_planning_profile(
        self, data: JSONBody[PlanningProfileIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> PlanningProfileOut:
        profile = await portfolio.planning.put_profile(caller.principal, data.to_change())
        return PlanningProfileOut.from_domain(profile)

    @put(
        "/autopilot",
        summary="Turn your autopilot on or off",
        description=f"Audited when it changes; answers the profile. {_OWN} {_NO_PROFILE}",
        responses=problems(400, 404, 429),
    )
    async def set_planning_autopilot(
        self, data: JSONBody[AutopilotIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> PlanningProfileOut:
        profile = await portfolio.planning.set_autopilot(caller.principal, data.enabled)
        return PlanningProfileOut.from_domain(profile)


CONTROLLERS = [PlanningController]
