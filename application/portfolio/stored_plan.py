"""A retirement plan's figures from what is stored, when the request asks `from_holdings`.

Each field the request leaves out (None) is filled, and `sources` says where each came from:

- initial_wealth ("stored"): everything the caller holds in `currency`
  (application/portfolio/household_holdings.py), each part listed with its source and as-of.
- monthly_contribution ("stored"): the caller's retirement plans' contributions of the last
  365 days / 12 (ports/wealth/retirement_plans.py); none kept: 0 ("default").
- retirement_month ("stored"): with `retirement_age` and a kept plan's birth date, the months
  from today to that birthday (0 when already past).
- annual_return and annual_volatility ("fitted"): application/portfolio/held_returns.py, over
  every security held with a price history (trading accounts, ledger portfolios, linked
  accounts). When either is left out and nothing can be fitted, 422
  PLANNING_HISTORY_TOO_SHORT names what is missing (post both to go without).
- horizon_months: left to the investor profile, as without `from_holdings`.

A posted field is never replaced ("posted").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from application.portfolio.held_returns import FittedReturns, HeldReturnsFitter, NoFit
from application.portfolio.household_holdings import HouseholdHoldings, HouseholdHoldingsReader
from application.portfolio.plan_request import PlanRequest
from domain.analytics.planning.homeostasis import InvalidPlanningFigure
from ports.core.clock import Clock
from ports.wealth.retirement_plans import RetirementPlanStore

CONTRIBUTION_WINDOW = timedelta(days=365)


class PlanningHistoryTooShort(InvalidPlanningFigure):
    """The return or volatility is to be fitted and the stored history is too short."""

    code = "PLANNING_HISTORY_TOO_SHORT"


@dataclass(frozen=True, slots=True)
class StoredContributions:
    monthly: Decimal
    count: int
    since: date


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """What was read: the holdings, the fit (None when both figures were posted), the
    contributions, and each filled or posted field's source."""

    holdings: HouseholdHoldings
    fit: FittedReturns | NoFit | None
    contributions: StoredContributions | None
    sources: dict[str, str]


@dataclass(eq=False)
class StoredPlanReader:
    household: HouseholdHoldingsReader
    fitter: HeldReturnsFitter | None
    clock: Clock
    plans: RetirementPlanStore | None = None

    async def fill(self, owner_id: str, request: PlanRequest) -> tuple[PlanRequest, StoredPlan]:
        """`request` with its left-out fields filled from what is stored (module doc)."""
        currency = request.currency or "USD"
        sources = {
            name: "posted"
            for name in (
                "initial_wealth", "monthly_contribution", "retirement_month", "annual_return",
                "annual_volatility", "horizon_months",
            )
            if getattr(request, name) is not None
        }  # fmt: skip
        holdings = await self.household.read(owner_id, currency)
        filled = request
        if request.initial_wealth is None:
            filled = replace(filled, initial_wealth=float(holdings.total))
            sources["initial_wealth"] = "stored"
        contributions = await self._contributions(owner_id)
        if request.monthly_contribution is None:
            monthly = contributions.monthly if contributions else Decimal(0)
            filled = replace(filled, monthly_contribution=float(monthly))
            sources["monthly_contribution"] = "stored" if contributions else "default"
        if request.retirement_month is None and request.retirement_age is not None:
            born = await self._birth_date(owner_id)
            if born is not None:
                filled = replace(filled, retirement_month=self._months_to(born, request))
                sources["retirement_month"] = "stored"
        fit = None
        if request.annual_return is None or request.annual_volatility is None:
            fit = await self._fit(owner_id)
            if isinstance(fit, NoFit):
                left_out = "annual_return" if request.annual_return is None else "annual_volatility"
                raise PlanningHistoryTooShort(
                    left_out,
                    f"cannot be fitted from your holdings: {fit.reason} (at least "
                    f"{fit.min_observations} daily returns needed); post annual_return and "
                    "annual_volatility to go without",
                )
            for name in ("annual_return", "annual_volatility"):
                if getattr(request, name) is None:
                    filled = replace(filled, **{name: getattr(fit, name)})
                    sources[name] = "fitted"
        return filled, StoredPlan(holdings, fit, contributions, sources)

    async def _fit(self, owner_id: str) -> FittedReturns | NoFit:
        if self.fitter is None:
            return NoFit("no bar history store is served by this instance")
        return await self.fitter.fit(owner_id)

    async def _contributions(self, owner_id: str) -> StoredContributions | None:
        if self.plans is None:
            return None
        since = self.clock.now().date() - CONTRIBUTION_WINDOW
        total, count = Decimal(0), 0
        for plan in await self.plans.list_for(owner_id):
            if plan.owner_id != owner_id:
                continue
            for c in await self.plans.contributions(plan.account_id):
                if c.owner_id == owner_id and c.contributed_on > since:
                    total += c.amount
                    count += 1
        if count == 0:
            return None
        return StoredContributions((total / 12).quantize(Decimal("0.01")), count, since)

    async def _birth_date(self, owner_id: str) -> date | None:
        if self.plans is None:
            return None
        born = [p.birth_date for p in await self.plans.list_for(owner_id) if p.owner_id == owner_id]
        return min(born) if born else None

    def _months_to(self, born: date, request: PlanRequest) -> int:
        """Whole months from today to the `retirement_age` birthday (0 when it is past)."""
        today = self.clock.now().date()
        year = born.year + int(request.retirement_age or 0)
        months = (year - today.year) * 12 + born.month - today.month
        months -= 1 if born.day < today.day else 0
        return max(0, months)
