"""Planning use cases: retirement Monte Carlo, homeostasis, the profile and autopilot.

- `monte_carlo`: a checked plan (application/portfolio/planning_inputs.py) simulated on the compute
  backend through the ComputeBudget (off the event loop, bounded; 503 when busy or too long).
  It stores nothing, so any reader (the viewer too) may ask. `simulate` takes a request
  that may leave out the horizon and the return/volatility: they come from the caller's
  investor profile (application/portfolio/plan_request.py), and the run says which did. With
  `from_holdings` the fields left out come first from what is stored
  (application/portfolio/stored_plan.py: the holdings, contributions, a kept plan's birth
  date, a return and volatility fitted from history); the run lists them in `stored`.
- `homeostasis`: the caller's freedom number and progress from their profile and their
  wealth = everything they hold in the profile's currency, read by the household holdings
  reader (application/portfolio/household_holdings.py: open trading accounts' equity,
  ledger portfolios' latest values, illiquid assets' latest valuations, linked accounts'
  balances) + `other_assets`. Each part is named with its source and as-of date; what is
  left out is named with its reason (no FX conversion, no guessed price). `excluded` keeps
  the trading accounts left out. A caller without a profile gets
  404 PLANNING_PROFILE_NOT_FOUND: there are no default expenses to guess.
- `put_profile` / `set_autopilot`: the caller's own profile only (no one reads or changes
  another's); a viewer is refused (403). Both write an audit entry; setting autopilot to the
  value it has already changes nothing and records nothing.
"""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from application.core.access import ensure_may_change
from application.core.compute_budget import ComputeBudget
from application.portfolio.household_holdings import (
    TRADING_ACCOUNT,
    HouseholdHoldings,
    HouseholdHoldingsReader,
)
from application.portfolio.plan_request import PlanRequest, resolve_plan
from application.portfolio.planning_inputs import MAX_PATH_STEPS, check_plan
from application.portfolio.stored_plan import StoredPlan, StoredPlanReader
from domain.analytics.planning.homeostasis import (
    DEFAULT_SAFE_WITHDRAWAL_RATE,
    Homeostasis,
    InvalidPlanningFigure,
    check_annual_expenses,
    check_safe_withdrawal_rate,
    homeostasis,
    money,
    years_to_freedom,
)
from domain.errors import NotFound
from domain.principals import Principal
from domain.wealth.profile import RiskTolerance
from ports.core.clock import Clock
from ports.core.compute import ComputePort, RetirementInputs
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.portfolio.planning import PlanningProfile, PlanningProfileRepository
from ports.wealth.investor_profiles import InvestorProfileRepository

if TYPE_CHECKING:  # its module loads numba: the compute backend imports it when it runs
    from domain.analytics.montecarlo.retirement import RetirementResult

_CURRENCY = re.compile(r"[A-Z]{3}")
MAX_PROFILE_MONEY = Decimal("1e15")


class PlanningProfileNotFound(NotFound):
    """The caller has no planning profile yet (PUT /api/v1/planning/profile makes one)."""

    code = "PLANNING_PROFILE_NOT_FOUND"


@dataclass(frozen=True, slots=True)
class MonteCarloRun:
    """A simulation's result and the backend that computed it (ComputeInfo.backend);
    `from_profile`: the plan's fields taken from the investor profile, with their values."""

    inputs: RetirementInputs
    result: RetirementResult
    backend: str
    from_profile: dict[str, float | int] = field(default_factory=dict)
    risk_tolerance: RiskTolerance | None = None
    stored: StoredPlan | None = None


@dataclass(frozen=True, slots=True)
class ProfileChange:
    """A new profile's figures; see PlanningProfile for their meaning."""

    annual_expenses: Decimal
    safe_withdrawal_rate: Decimal = DEFAULT_SAFE_WITHDRAWAL_RATE
    other_assets: Decimal = Decimal(0)
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class ExcludedAccount:
    """An owned open account left out of the wealth; reason CURRENCY, UNPRICED or
    IN_PORTFOLIO (counted through the ledger portfolio holding it)."""

    account_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class HomeostasisView:
    """The figures, where the wealth came from, and the profile's autopilot flag."""

    profile: PlanningProfile
    figures: Homeostasis
    accounts_equity: Decimal
    accounts_counted: int
    excluded: tuple[ExcludedAccount, ...]
    years_to_freedom: Decimal | None
    holdings: HouseholdHoldings | None = None


@dataclass(eq=False)
class PlanningService:
    """The planning endpoints' use cases (module doc)."""

    profiles: PlanningProfileRepository
    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    compute: ComputePort
    budget: ComputeBudget
    clock: Clock
    audit: AuditLog
    _: KW_ONLY
    max_path_steps: int = MAX_PATH_STEPS
    investor_profiles: InvestorProfileRepository | None = None
    household: HouseholdHoldingsReader | None = None
    stored_plans: StoredPlanReader | None = None

    def __post_init__(self) -> None:
        if self.household is None:  # the trading accounts only
            self.household = HouseholdHoldingsReader(self.uow_factory, self.market_data, self.clock)

    async def monte_carlo(self, plan: RetirementInputs) -> MonteCarloRun:
        """Simulate `plan` on the compute backend within the budget (422 before, 503 past it)."""
        check_plan(plan, max_path_steps=self.max_path_steps)
        compute = self.compute

        def work() -> RetirementResult:
            try:
                return compute.retirement(plan)
            except ValueError as exc:  # a backend's own check: still the caller's input
                field = str(exc).split(" ", 1)[0]
                raise InvalidPlanningFigure(field, str(exc).removeprefix(field).strip()) from exc

        result = await self.budget.run("retirement Monte Carlo", work)
        return MonteCarloRun(plan, result, compute.info().backend)

    async def simulate(self, principal: Principal, request: PlanRequest) -> MonteCarloRun:
        """`monte_carlo` of the request, its missing horizon and risk figures taken from the
        caller's investor profile (the run names them)."""
        profile = None
        if self.investor_profiles is not None:
            profile = await self.investor_profiles.get(principal.id)
        stored = None
        if request.from_holdings:
            assert self.household is not None
            reader = self.stored_plans or StoredPlanReader(self.household, None, self.clock)
            request, stored = await reader.fill(principal.id, request)
        resolved = resolve_plan(request, profile)
        run = await self.monte_carlo(resolved.inputs)
        return replace(
            run,
            from_profile=resolved.from_profile,
            risk_tolerance=resolved.risk_tolerance,
            stored=stored,
        )

    async def profile(self, principal: Principal) -> PlanningProfile:
        """The caller's own profile, or 404 PLANNING_PROFILE_NOT_FOUND."""
        found = await self.profiles.get(principal.id)
        if found is None:
            raise PlanningProfileNotFound(
                "no planning profile yet: PUT /api/v1/planning/profile with your annual expenses"
            )
        return found

    async def homeostasis(
        self,
        principal: Principal,
        *,
        annual_savings: Decimal | None = None,
        real_return: Decimal | None = None,
    ) -> HomeostasisView:
        """The caller's figures; years to freedom only when both savings and return are given."""
        profile = await self.profile(principal)
        assert self.household is not None
        held = await self.household.read(principal.id, profile.currency)
        equity = held.total_of(TRADING_ACCOUNT)
        excluded = tuple(
            ExcludedAccount(h.id, h.reason) for h in held.left_out if h.source == TRADING_ACCOUNT
        )
        figures = homeostasis(
            held.total + profile.other_assets, profile.annual_expenses, profile.safe_withdrawal_rate
        )
        years = None
        if annual_savings is not None and real_return is not None:
            years = years_to_freedom(
                figures.wealth, figures.freedom_number, annual_savings, real_return
            )
        counted = held.count_of(TRADING_ACCOUNT)
        return HomeostasisView(profile, figures, money(equity), counted, excluded, years, held)

    async def put_profile(self, principal: Principal, change: ProfileChange) -> PlanningProfile:
        """Create or replace the caller's figures (the autopilot flag is kept); audited."""
        ensure_may_change(principal)
        _check_change(change)
        now = self.clock.now()
        before = await self.profiles.get(principal.id)
        profile = PlanningProfile(
            owner_id=principal.id,
            annual_expenses=change.annual_expenses,
            safe_withdrawal_rate=change.safe_withdrawal_rate,
            other_assets=change.other_assets,
            currency=change.currency,
            autopilot=before.autopilot if before is not None else False,
            autopilot_changed_at=before.autopilot_changed_at if before is not None else None,
            updated_at=now,
        )
        await self.profiles.put(profile)
        await self._record(principal, "planning.profile.updated", profile)
        return profile

    async def set_autopilot(self, principal: Principal, enabled: bool) -> PlanningProfile:
        """Turn the caller's autopilot on or off; audited when it changes."""
        ensure_may_change(principal)
        profile = await self.profile(principal)
        if profile.autopilot is enabled:
            return profile
        now = self.clock.now()
        changed = replace(profile, autopilot=enabled, autopilot_changed_at=now, updated_at=now)
        await self.profiles.put(changed)
        action = "planning.autopilot.enabled" if enabled else "planning.autopilot.disabled"
        await self._record(principal, action, changed)
        return changed

    async def _record(self, principal: Principal, action: str, profile: PlanningProfile) -> None:
        await self.audit.record(
            AuditEntry(
                actor=principal.id,
                action=action,
                target=f"user:{principal.id}",
                outcome="ok",
                at=self.clock.now(),
                details={
                    "autopilot": profile.autopilot,
                    "currency": profile.currency,
                    "safe_withdrawal_rate": str(profile.safe_withdrawal_rate),
                },
            )
        )


def _check_change(change: ProfileChange) -> None:
    check_annual_expenses(change.annual_expenses)
    check_safe_withdrawal_rate(change.safe_withdrawal_rate)
    for name, value in (
        ("annual_expenses", change.annual_expenses),
        ("other_assets", change.other_assets),
    ):
        if not value.is_finite() or abs(value) > MAX_PROFILE_MONEY:
            raise InvalidPlanningFigure(name, f"must be finite, at most 1e15 in size, got {value}")
        if value != money(value):
            raise InvalidPlanningFigure(name, f"must be whole cents, got {value}")
    if not _CURRENCY.fullmatch(change.currency):
        raise InvalidPlanningFigure(
            "currency", f"must be three capital letters (ISO 4217), got {change.currency!r}"
        )
