"""A Monte Carlo request whose horizon and risk figures may come from the investor profile.

`resolve_plan` fills the fields the request leaves out (None) from the caller's investor
profile (domain/wealth/plan_defaults.py): the horizon from its `horizon_years`, the annual
return and volatility from its risk tolerance. It says which fields came from the profile;
a field the request gives is never replaced. Without a profile, a missing field is a 422
naming it (INVALID_PLANNING_INPUT). `initial_wealth` and `retirement_month` are required
unless the request asks `from_holdings` (application/portfolio/stored_plan.py fills them
first); a left-out `monthly_contribution` is 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.analytics.planning.homeostasis import InvalidPlanningFigure
from domain.wealth.plan_defaults import profile_defaults
from domain.wealth.profile import InvestorProfile, RiskTolerance
from ports.core.compute import RetirementInputs

PROFILE_FIELDS = ("horizon_months", "annual_return", "annual_volatility")


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """A retirement plan as asked (RetirementInputs' fields; None: from the profile)."""

    initial_wealth: float | None = None
    retirement_month: int | None = None
    horizon_months: int | None = None
    annual_return: float | None = None
    annual_volatility: float | None = None
    monthly_contribution: float | None = None
    monthly_withdrawal: float = 0.0
    inflation_rate: float = 0.0
    student_t_dof: float | None = None
    paths: int = 10_000
    seed: int = 0
    target_wealth: float | None = None
    from_holdings: bool = False  # fill what is left out from what is stored
    retirement_age: int | None = None  # with from_holdings and a kept plan's birth date
    currency: str | None = None  # of the stored holdings summed; None: USD


@dataclass(frozen=True, slots=True)
class ResolvedPlan:
    """The plan simulated; `from_profile` the fields taken from the investor profile with
    their values, `risk_tolerance` the profile's when any field came from it."""

    inputs: RetirementInputs
    from_profile: dict[str, float | int]
    risk_tolerance: RiskTolerance | None


def resolve_plan(request: PlanRequest, profile: InvestorProfile | None) -> ResolvedPlan:
    if request.initial_wealth is None:
        raise InvalidPlanningFigure(
            "initial_wealth", "is required unless from_holdings is true (your stored holdings)"
        )
    if request.retirement_month is None:
        raise InvalidPlanningFigure(
            "retirement_month",
            "is required unless from_holdings is true with retirement_age and a kept "
            "retirement plan's birth date "
            "(PUT /api/v1/wealth/retirement/accounts/{account_id}/plan)",
        )
    given: dict[str, float | int | None] = {
        "horizon_months": request.horizon_months,
        "annual_return": request.annual_return,
        "annual_volatility": request.annual_volatility,
    }
    missing = [name for name in PROFILE_FIELDS if given[name] is None]
    taken: dict[str, float | int] = {}
    if missing:
        if profile is None:
            raise InvalidPlanningFigure(
                missing[0], "is required without an investor profile (PUT /api/v1/wealth/profile)"
            )
        defaults = profile_defaults(profile)
        taken = {name: defaults[name] for name in missing}
    figures = {**given, **taken}
    inputs = RetirementInputs(
        initial_wealth=request.initial_wealth,
        monthly_contribution=request.monthly_contribution or 0.0,
        retirement_month=request.retirement_month,
        monthly_withdrawal=request.monthly_withdrawal,
        horizon_months=int(figures["horizon_months"] or 0),
        annual_return=float(figures["annual_return"] or 0.0),
        annual_volatility=float(figures["annual_volatility"] or 0.0),
        inflation_rate=request.inflation_rate,
        student_t_dof=request.student_t_dof,
        paths=request.paths,
        seed=request.seed,
        target_wealth=request.target_wealth,
    )
    tolerance = profile.risk_tolerance if taken and profile is not None else None
    return ResolvedPlan(inputs, taken, tolerance)
