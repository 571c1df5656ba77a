"""The planning page's form defaults and chart data (the JSON console.js draws with uPlot).

Units: money in the plan's currency, rates as annual fractions (0.06 = 6%), months from
today. Charts: x is years from today, or the age when the form gives the current age.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # its module loads numba, which the console's start need not
    from domain.analytics.montecarlo.retirement import RetirementResult

# The form as first shown (strings: what the fields hold).
PLAN_DEFAULTS: dict[str, str] = {
    "initial_wealth": "250000",
    "monthly_contribution": "1500",
    "retirement_month": "240",
    "current_age": "",
    "monthly_withdrawal": "3000",
    "horizon_months": "480",
    "annual_return": "0.06",
    "annual_volatility": "0.15",
    "inflation_rate": "0.02",
    "student_t_dof": "5",
    "paths": "2000",
    "seed": "0",
}


def _x(result: RetirementResult, start_age: int | None) -> list[float]:
    offset = 0.0 if start_age is None else float(start_age)
    return [round(offset + int(m) / 12.0, 4) for m in result.checkpoint_months]


def _axis(result: RetirementResult, start_age: int | None) -> dict[str, Any]:
    label = "Years from now" if start_age is None else "Age"
    return {"x": _x(result, start_age), "time": False, "xLabel": label}


def percentile_name(level: float) -> str:
    return f"P{level:g}"


def fan_chart(result: RetirementResult, start_age: int | None = None) -> dict[str, Any]:
    """Nominal wealth percentiles per year: one series per level, the outer and inner bands."""
    names = [percentile_name(level) for level in result.percentile_levels]
    series = {
        name: [round(float(v), 2) for v in row]
        for name, row in zip(names, result.wealth_percentiles, strict=True)
    }
    bands = [[names[-1 - i], names[i]] for i in range(len(names) // 2)]
    return {**_axis(result, start_age), "series": series, "bands": bands}


def ruin_chart(result: RetirementResult, start_age: int | None = None) -> dict[str, Any]:
    """The share of paths ruined at or before each year, in percent."""
    ruined = [round(float(p) * 100.0, 4) for p in result.ruin_probability]
    return {**_axis(result, start_age), "series": {"Ruined (%)": ruined}}
