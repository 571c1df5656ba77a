"""Checking a retirement plan before it is simulated: every field in range, the request sized.

A refused plan raises `InvalidPlanningFigure` (422 INVALID_PLANNING_INPUT) naming its field, or
`PathStepsTooMany` (422 PATH_STEPS_TOO_MANY, field `paths`) when paths x horizon_months passes
the cap, so a bad request never reaches a kernel (and never answers 500). The bounds beyond
the model's own (wealth >= 0, horizon >= 1, 0 <= retirement month <= horizon, volatility >= 0,
Student-t dof > 2) keep the simulated figures finite: money up to 1e15, returns and inflation
in (-1, 1] a year, volatility up to 2 (200%) a year, horizons up to 1,200 months (100 years).
"""

from __future__ import annotations

import math

from domain.analytics.planning.homeostasis import InvalidPlanningFigure
from ports.core.compute import RetirementInputs

MAX_PATH_STEPS = 10_000_000
MAX_HORIZON_MONTHS = 1200
MAX_MONEY = 1e15
MAX_ANNUAL_RATE = 1.0
MAX_ANNUAL_VOLATILITY = 2.0
MAX_SEED = 2**63 - 1


class PathStepsTooMany(InvalidPlanningFigure):
    """paths x horizon_months over the per-request cap (ask for fewer paths)."""

    code = "PATH_STEPS_TOO_MANY"


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidPlanningFigure(name, f"must be a finite number, got {value!r}")
    return float(value)


def _money(name: str, value: float) -> None:
    if not 0.0 <= _finite(name, value) <= MAX_MONEY:
        raise InvalidPlanningFigure(name, f"must be in [0, {MAX_MONEY:g}], got {value!r}")


def _rate(name: str, value: float) -> None:
    if not -1.0 < _finite(name, value) <= MAX_ANNUAL_RATE:
        raise InvalidPlanningFigure(name, f"must be in (-1, {MAX_ANNUAL_RATE:g}], got {value!r}")


def _integer(name: str, value: int, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidPlanningFigure(name, f"must be an integer in [{low}, {high}], got {value!r}")


def check_plan(plan: RetirementInputs, *, max_path_steps: int = MAX_PATH_STEPS) -> None:
    """Raise for the first field out of range (in the order of the fields), else nothing."""
    _money("initial_wealth", plan.initial_wealth)
    _money("monthly_contribution", plan.monthly_contribution)
    _integer("horizon_months", plan.horizon_months, 1, MAX_HORIZON_MONTHS)
    _integer("retirement_month", plan.retirement_month, 0, plan.horizon_months)
    _money("monthly_withdrawal", plan.monthly_withdrawal)
    _rate("annual_return", plan.annual_return)
    volatility = _finite("annual_volatility", plan.annual_volatility)
    if not 0.0 <= volatility <= MAX_ANNUAL_VOLATILITY:
        raise InvalidPlanningFigure(
            "annual_volatility",
            f"must be in [0, {MAX_ANNUAL_VOLATILITY:g}], got {plan.annual_volatility!r}",
        )
    _rate("inflation_rate", plan.inflation_rate)
    if plan.student_t_dof is not None and not _finite("student_t_dof", plan.student_t_dof) > 2:
        raise InvalidPlanningFigure(
            "student_t_dof", f"must be > 2 (finite variance), got {plan.student_t_dof!r}"
        )
    _integer("paths", plan.paths, 1, max_path_steps)
    if plan.paths * plan.horizon_months > max_path_steps:
        raise PathStepsTooMany(
            "paths",
            f"x horizon_months = {plan.paths * plan.horizon_months:,} path-steps; at most "
            f"{max_path_steps:,} per request (ask for fewer paths)",
        )
    _integer("seed", plan.seed, 0, MAX_SEED)
    if plan.target_wealth is not None:
        _money("target_wealth", plan.target_wealth)
