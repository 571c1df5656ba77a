"""The retirement page's calculation cards and chart data (the JSON console.js draws with uPlot).

Each card is what the API's stored calculation answers for the account (application/wealth/
retirement.py: room_for_account, match_for_account, rmd_for_account, conversion_for_account),
or, where the use case refuses (a Roth IRA has no RMD, a plan without a match formula, a holding
without a mark, a tax year whose limits are not published), its message and code in the card's
place. Charts: the vesting schedule (vested share of employer money by whole years of service,
IRC 411(a)(2)(B)) and the Uniform Lifetime Table's required share of the balance by age (1 /
the distribution period, 26 CFR 1.401(a)(9)-9(c)), each marking where the plan stands.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from adapters.http.problems import domain_status
from application.wealth.retirement import ConversionQuestion, RetirementService
from domain.errors import DomainError, NotFound
from domain.principals import Principal
from domain.retirement.contributions import AccountType
from domain.retirement.plans import RetirementPlan
from domain.retirement.rmd import distribution_period, required_beginning_age

RMD_CHART_LAST_AGE = 100


@dataclass(frozen=True, slots=True)
class Card:
    """One calculation: the use case's answer, or the refusal shown in its place."""

    value: Any = None
    refused: str | None = None
    code: str | None = None
    status: int = 200
    field: str | None = None


async def card(call: Callable[[], Awaitable[Any]]) -> Card:
    """The answer of `call`, or its refusal (an unknown account still answers 404)."""
    try:
        return Card(await call())
    except NotFound:
        raise
    except DomainError as exc:
        return Card(refused=exc.message, code=exc.code, status=domain_status(exc), field=exc.field)


async def calculations(
    service: RetirementService, principal: Principal, account_id: str, year: int
) -> dict[str, Card]:
    """The room, the match and vesting, and the RMD of `year` on the stored account."""
    return {
        "room": await card(lambda: service.room_for_account(principal, account_id, year)),
        "match": await card(lambda: service.match_for_account(principal, account_id, year)),
        "rmd": await card(lambda: service.rmd_for_account(principal, account_id, year)),
    }


async def conversion(
    service: RetirementService, principal: Principal, account_id: str, q: ConversionQuestion
) -> Card:
    return await card(lambda: service.conversion_for_account(principal, account_id, q))


def _pct(fraction: Decimal) -> float:
    return round(float(fraction * 100), 4)


def vesting_chart(plan: RetirementPlan, years_of_service: int) -> dict[str, Any] | None:
    """Vested share (%) of employer money by whole years of service; None without a schedule."""
    schedule = plan.vesting
    if schedule is None:
        return None
    last = max(schedule.full_at(), min(years_of_service, 40)) + 1
    years = list(range(last + 1))
    return {
        "x": years,
        "time": False,
        "xLabel": "Years of service",
        "bars": True,
        "series": {"Vested (%)": [_pct(schedule.vested_fraction(y)) for y in years]},
        "markers": [{"x": years_of_service, "label": "now"}],
    }


def rmd_chart(plan: RetirementPlan, year: int) -> dict[str, Any] | None:
    """The share (%) of the prior year-end balance required at each age to 100, 0 before the
    beginning age (from the plan's age in `year` where that is younger); None for a Roth IRA
    (no lifetime RMD)."""
    if plan.kind is AccountType.ROTH_IRA:
        return None
    first = required_beginning_age(plan.birth_date.year)
    now = plan.age_in(year)
    ages = list(range(max(min(now, first), 0), max(RMD_CHART_LAST_AGE, now) + 1))
    shares = [_pct(1 / distribution_period(a)) if a >= first else 0.0 for a in ages]
    return {
        "x": ages,
        "time": False,
        "xLabel": "Age",
        "series": {"Required share (%)": shares},
        "markers": [{"x": now, "label": str(year)}],
    }
