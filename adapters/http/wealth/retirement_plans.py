"""`/api/v1/wealth/retirement/accounts/{account_id}/...`: the retirement plan kept beside one of
the caller's trading accounts, its contributions, and the calculations on the stored figures
(the balance is the account's equity at the current reference marks). Another user's account
answers 404 as an unknown one; agents get 403. docs/wealth.md."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post, put
from litestar.params import FromQuery, JSONBody, PathParameter

from adapters.http.deps import CallerDep
from adapters.http.problems import problem_responses
from adapters.http.security import READERS, reject_agents, require_roles
from adapters.http.wealth import WealthDep
from adapters.http.wealth.retirement_plan_schemas import (
    ContributionIn,
    ContributionListOut,
    ContributionOut,
    RetirementPlanIn,
    RetirementPlanOut,
    StoredConversionIn,
    StoredConversionOut,
    StoredMatchIn,
    StoredMatchOut,
    StoredRmdIn,
    StoredRmdOut,
    StoredRoomIn,
    StoredRoomOut,
)
from domain.retirement.plans import MAX_CONTRIBUTIONS_PER_YEAR

AccountId = Annotated[str, PathParameter(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
_NOT_FOUND = "NOT_FOUND (another user's account too), RETIREMENT_PLAN_NOT_FOUND (no plan kept)"
_STORED = (
    "The balance is the stored account's equity at the current reference marks (a cash-only "
    "account: its cash); `stored` names the source. 409 ACCOUNT_UNPRICED for a holding "
    "without a mark; 422 INVALID_RETIREMENT_INPUT (or TAX_YEAR_NOT_PUBLISHED) names the field."
)
_CALC = problem_responses(400, 401, 403, 404, 409, 422, 429, notes={404: _NOT_FOUND})


class RetirementPlanController(Controller):
    """The plan kept beside an account and the calculations on it (module doc)."""

    path = "/wealth/retirement/accounts/{account_id:str}"
    guards = (require_roles(*READERS), reject_agents)

    @put(
        "/plan",
        summary="Keep the retirement plan of an account: kind, birth date, pay, match, vesting",
        description=(
            "Replaces the plan. Kinds: ira (traditional), roth_ira, 401k, sep_ira; a match "
            "formula is a 401(k)'s. 422 INVALID_RETIREMENT_INPUT names the field. Audited."
        ),
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def put_retirement_plan(
        self,
        account_id: AccountId,
        data: JSONBody[RetirementPlanIn],
        caller: CallerDep,
        wealth: WealthDep,
    ) -> RetirementPlanOut:
        plan = await wealth.retirement.put_plan(caller.principal, account_id, data.to_change())
        return RetirementPlanOut.from_domain(plan)

    @get(
        "/plan",
        summary="The retirement plan kept beside an account",
        responses=problem_responses(400, 401, 403, 404, 429, notes={404: _NOT_FOUND}),
    )
    async def get_retirement_plan(
        self, account_id: AccountId, caller: CallerDep, wealth: WealthDep
    ) -> RetirementPlanOut:
        plan = await wealth.retirement.plan(caller.principal, account_id)
        return RetirementPlanOut.from_domain(plan)

    @post(
        "/contributions",
        summary="Record a contribution to the account's plan for a tax year",
        description=(
            f"At most {MAX_CONTRIBUTIONS_PER_YEAR} a tax year (409 TOO_MANY_CONTRIBUTIONS). "
            "422 INVALID_RETIREMENT_INPUT names the field. Audited."
        ),
        status_code=201,
        responses=problem_responses(400, 401, 403, 404, 409, 422, 429, notes={404: _NOT_FOUND}),
    )
    async def add_retirement_contribution(
        self,
        account_id: AccountId,
        data: JSONBody[ContributionIn],
        caller: CallerDep,
        wealth: WealthDep,
    ) -> ContributionOut:
        added = await wealth.retirement.add_contribution(
            caller.principal, account_id, data.to_new()
        )
        return ContributionOut.from_domain(added)

    @get(
        "/contributions",
        summary="The contributions recorded for the account's plan, by tax year and date",
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def list_retirement_contributions(
        self,
        account_id: AccountId,
        caller: CallerDep,
        wealth: WealthDep,
        tax_year: FromQuery[int | None] = None,
    ) -> ContributionListOut:
        found = await wealth.retirement.contributions(caller.principal, account_id, tax_year)
        return ContributionListOut.of(found)

    @post(
        "/contribution-room",
        summary="The stored account's contribution room: its plan and the year's contributions",
        description=_STORED,
        status_code=200,
        responses=_CALC,
    )
    async def compute_stored_contribution_room(
        self,
        account_id: AccountId,
        data: JSONBody[StoredRoomIn],
        caller: CallerDep,
        wealth: WealthDep,
    ) -> StoredRoomOut:
        stored, answer = await wealth.retirement.room_for_account(
            caller.principal, account_id, data.tax_year, data.magi, StoredRoomOut.status(data)
        )
        return StoredRoomOut.build(stored, answer, data.tax_year)

    @post(
        "/rmd",
        summary="The stored account's required minimum distribution of a year",
        description=f"The balance stands for the prior December 31's. {_STORED}",
        status_code=200,
        responses=_CALC,
    )
    async def compute_stored_required_minimum_distribution(
        self, account_id: AccountId, data: JSONBody[StoredRmdIn], caller: CallerDep,
        wealth: WealthDep,
    ) -> StoredRmdOut:  # fmt: skip
        stored, rmd = await wealth.retirement.rmd_for_account(
            caller.principal, account_id, data.year
        )
        return StoredRmdOut.build(stored, rmd)

    @post(
        "/employer-match",
        summary="The stored 401(k)'s employer match on the year's deferrals, and vesting",
        description=_STORED,
        status_code=200,
        responses=_CALC,
    )
    async def compute_stored_employer_match(
        self, account_id: AccountId, data: JSONBody[StoredMatchIn], caller: CallerDep,
        wealth: WealthDep,
    ) -> StoredMatchOut:  # fmt: skip
        stored, match = await wealth.retirement.match_for_account(
            caller.principal, account_id, data.tax_year
        )
        return StoredMatchOut.build(stored, match, data.tax_year)

    @post(
        "/roth-conversion",
        summary="Roth conversion what-if on the stored traditional account",
        description=f"`amount` 0 (the default) converts the whole balance. {_STORED}",
        status_code=200,
        responses=_CALC,
    )
    async def compare_stored_roth_conversion(
        self, account_id: AccountId, data: JSONBody[StoredConversionIn], caller: CallerDep,
        wealth: WealthDep,
    ) -> StoredConversionOut:  # fmt: skip
        stored, answer = await wealth.retirement.conversion_for_account(
            caller.principal, account_id, data.to_question()
        )
        return StoredConversionOut.build(stored, answer)


CONTROLLERS = [RetirementPlanController]
