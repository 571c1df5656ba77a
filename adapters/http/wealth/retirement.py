"""Retirement accounts and the estate-tax estimate: calculations on posted figures (nothing is
stored, so a viewer may call them); your investor profile fills the rates left out."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromQuery, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.problems import problem_responses
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import READERS, require_roles
from adapters.http.wealth import WealthDep
from adapters.http.wealth.wealth_schemas import (
    EmployerMatchIn,
    EmployerMatchOut,
    EstateTaxIn,
    EstateTaxOut,
    RetirementLimitsOut,
    RmdIn,
    RmdOut,
    RoomIn,
    RoomOut,
    RothConversionIn,
    RothConversionOut,
)

_REFUSALS = "422 INVALID_RETIREMENT_INPUT (or TAX_YEAR_NOT_PUBLISHED) names the field."


class RetirementController(Controller):
    """`/api/v1/wealth/...`: retirement accounts and the estate tax (docs/wealth.md)."""

    path = "/wealth"
    guards = (require_roles(*READERS),)

    @get(
        "/retirement/limits",
        summary="The year's contribution limits and their IRS sources",
        responses=problem_responses(400, 401, 403, 422, 429),  # 400: tax_year missing
    )
    async def get_retirement_limits(
        self, tax_year: FromQuery[int], wealth: WealthDep
    ) -> RetirementLimitsOut:
        return RetirementLimitsOut.from_domain(wealth.retirement.limits(tax_year))

    @post(
        "/retirement/contribution-room",
        summary="What may still go into an account this tax year",
        description=f"401(k), IRA, Roth IRA, SEP IRA, HSA, 529 (docs/wealth.md). {_REFUSALS}",
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def compute_contribution_room(
        self, data: JSONBody[RoomIn], caller: CallerDep, wealth: WealthDep
    ) -> RoomOut:
        answer = await wealth.retirement.room(caller.principal, data.to_question())
        return RoomOut.from_answer(answer)

    @post(
        "/retirement/employer-match",
        summary="An employer match formula on a year's pay, and the vested employer money",
        description=(
            "Tiers of (band of pay, match rate), e.g. the safe-harbor basic match "
            "[{band 0.03, rate 1}, {band 0.02, rate 0.5}]; pay counted up to the 401(a)(17) "
            f"limit; vesting cliff (<= 3 years) or graded (>= 20 % a year from year 2). {_REFUSALS}"
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def compute_employer_match(self, data: JSONBody[EmployerMatchIn]) -> EmployerMatchOut:
        return data.compute()

    @post(
        "/retirement/rmd",
        summary="Required minimum distribution of a year (Uniform Lifetime Table)",
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def compute_required_minimum_distribution(
        self, data: JSONBody[RmdIn], wealth: WealthDep
    ) -> RmdOut:
        return RmdOut.from_domain(wealth.retirement.rmd(data.balance, data.birth_date, data.year))

    @post(
        "/retirement/roth-conversion",
        summary="Roth conversion what-if: tax now at your marginal rate vs later",
        description=f"The assumptions are named in the answer. {_REFUSALS}",
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def compare_roth_conversion(
        self, data: JSONBody[RothConversionIn], caller: CallerDep, wealth: WealthDep
    ) -> RothConversionOut:
        answer = await wealth.retirement.roth_conversion(caller.principal, data.to_question())
        return RothConversionOut.from_answer(answer)

    @post(
        "/estate-tax",
        summary="Federal estate-tax estimate (the exclusion of the year of death, 40 % above)",
        description="422 INVALID_ESTATE_TAX_SCHEDULE (field `year`) for a year not held.",
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problem_responses(400, 401, 403, 422, 429),
    )
    async def estimate_estate_tax(
        self, data: JSONBody[EstateTaxIn], wealth: WealthDep
    ) -> EstateTaxOut:
        return EstateTaxOut.from_answer(wealth.estate_tax.estimate(data.gross_estate, data.year))


CONTROLLERS = [RetirementController]
