"""/api/v1/planning/giving: donations with receipts, donor-advised funds, carryovers, the
deduction under the AGI limits, and the excess-alpha suggestion (docs/giving.md)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, delete, get, post, put
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.portfolio import PortfolioDep, problems
from adapters.http.portfolio.giving_reports_schemas import (
    GivingDeductionIn,
    GivingDeductionOut,
    GivingSuggestionIn,
    GivingSuggestionOut,
)
from adapters.http.portfolio.giving_schemas import (
    DEDUCTION_CONVENTIONS,
    DafFundOut,
    DafFundsOut,
    DafGrantIn,
    DafGrantOut,
    DonationIn,
    DonationReceiptOut,
    DonationReceiptPageOut,
    GivingCarryoversIn,
    GivingCarryoversOut,
)
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import READERS, require_roles
from application.portfolio.giving import MAX_PAGE

_INVALID = "INVALID_GIVING_INPUT naming the field"
_OWN = "Your own records only; another user's id answers 404."


class GivingController(Controller):
    """Each user's giving records and calculations over them."""

    path = "/planning/giving"
    guards = (require_roles(*READERS),)

    @post(
        "/donations",
        summary="Record a donation; answers its receipt",
        description=(
            "Cash, or listed stock (`symbol`, `shares`, `cost_basis`, `acquired`; `amount` is "
            "its fair market value on the day), to a public charity or a donor-advised fund "
            "(`fund` names it). The receipt has its number (GIFT-<year>-<n>), the limit "
            "category and deductible amount (stock held more than a year and worth more than "
            "its basis: capital gain property at FMV, 30% of AGI; held a year or less: basis, "
            "50%; cash: 60%), whether the donee's written acknowledgment is required "
            f"($250 or more) and the appreciation given away untaxed. 422 {_INVALID} "
            "(a future date, a stock gift without basis, a fund on a public-charity gift ...)."
        ),
        status_code=201,
        responses=problems(400, 409, 422, 429, notes={422: _INVALID}),
    )
    async def record_donation(
        self, data: JSONBody[DonationIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> DonationReceiptOut:
        receipt = await portfolio.giving.record_donation(caller.principal, data.to_new())
        return DonationReceiptOut.from_domain(receipt)

    @get(
        "/donations",
        summary="Your donations' receipts, oldest first (paginated)",
        description=f"`year` narrows to one calendar year. Pass `next_cursor` as `cursor`. {_OWN}",
        responses=problems(400, 422, 429, notes={422: _INVALID}),
    )
    async def list_donations(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        year: Annotated[int | None, QueryParameter(ge=2000, le=2100)] = None,
        cursor: Annotated[str | None, QueryParameter(min_length=1, max_length=128)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> DonationReceiptPageOut:
        page = await portfolio.giving.donations(
            caller.principal, year=year, cursor=cursor, limit=limit
        )
        return DonationReceiptPageOut.from_page(page)

    @get(
        "/donations/{donation_id:str}",
        summary="One donation's receipt",
        description=f"404 DONATION_NOT_FOUND. {_OWN}",
        responses=problems(404, 429, notes={404: "DONATION_NOT_FOUND"}),
    )
    async def get_donation(
        self, donation_id: FromPath[str], caller: CallerDep, portfolio: PortfolioDep
    ) -> DonationReceiptOut:
        return DonationReceiptOut.from_domain(
            await portfolio.giving.donation(caller.principal, donation_id)
        )

    @delete(
        "/donations/{donation_id:str}",
        summary="Delete a donation recorded by mistake",
        description=f"404 DONATION_NOT_FOUND. {_OWN}",
        responses=problems(404, 429, notes={404: "DONATION_NOT_FOUND"}),
    )
    async def delete_donation(
        self, donation_id: FromPath[str], caller: CallerDep, portfolio: PortfolioDep
    ) -> None:
        await portfolio.giving.delete_donation(caller.principal, donation_id)

    @post(
        "/daf-grants",
        summary="Record a grant recommended from a donor-advised fund (not deductible again)",
        description=(
            "`fund` must name a fund you contributed to (`fund` of a donor_advised_fund "
            "donation), and the grant cannot predate its first contribution. The grant is not "
            f"deductible: the contribution was, in its year. 422 {_INVALID}."
        ),
        status_code=201,
        responses=problems(400, 422, 429, notes={422: _INVALID}),
    )
    async def record_daf_grant(
        self, data: JSONBody[DafGrantIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> DafGrantOut:
        grant = await portfolio.giving.record_grant(caller.principal, data.to_new())
        return DafGrantOut.from_domain(grant)

    @delete(
        "/daf-grants/{grant_id:str}",
        summary="Delete a grant recorded by mistake",
        description=f"404 GRANT_NOT_FOUND. {_OWN}",
        responses=problems(404, 429, notes={404: "GRANT_NOT_FOUND"}),
    )
    async def delete_daf_grant(
        self, grant_id: FromPath[str], caller: CallerDep, portfolio: PortfolioDep
    ) -> None:
        await portfolio.giving.delete_grant(caller.principal, grant_id)

    @get(
        "/dafs",
        summary="Your donor-advised funds: contributed, granted, not yet granted, grants",
        description=(
            "Per fund named on your contributions: the sum contributed (deducted in the years "
            "given), the grants and what has not been granted (investment growth is not "
            f"tracked). {_OWN}"
        ),
        responses=problems(429),
    )
    async def list_donor_advised_funds(
        self, caller: CallerDep, portfolio: PortfolioDep
    ) -> DafFundsOut:
        funds = await portfolio.giving.funds(caller.principal)
        return DafFundsOut(
            funds=[DafFundOut.from_domain(f) for f in funds],
            conventions={"donor_advised_fund": DEDUCTION_CONVENTIONS["donor_advised_fund"]},
        )

    @get(
        "/carryovers",
        summary="Your opening carryovers (from returns before you used Bulwark)",
        responses=problems(429),
    )
    async def get_giving_carryovers(
        self, caller: CallerDep, portfolio: PortfolioDep
    ) -> GivingCarryoversOut:
        return GivingCarryoversOut.from_domain(
            await portfolio.giving.opening_carryovers(caller.principal)
        )

    @put(
        "/carryovers",
        summary="Set your opening carryovers (replaces them; an empty list clears them)",
        description=(
            "Carryovers into `into_year` by origin year (into_year - 5 .. into_year - 1) and "
            "category, from your returns. The deduction of a year from `into_year` on starts "
            "from them and leaves out donations recorded before `into_year` (they are in the "
            f"carryovers). 422 {_INVALID}."
        ),
        responses=problems(400, 422, 429, notes={422: _INVALID}),
    )
    async def set_giving_carryovers(
        self, data: JSONBody[GivingCarryoversIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> GivingCarryoversOut:
        opening = await portfolio.giving.set_opening_carryovers(
            caller.principal, data.into_year, [c.to_domain() for c in data.carryovers]
        )
        return GivingCarryoversOut.from_domain(opening)

    @post(
        "/deduction",
        summary="The charitable deduction of a tax year under the AGI limits, with carryovers",
        description=(
            "From your donations and opening carryovers, each year that has gifts or live "
            "carryovers up to `tax_year` is computed with its AGI (`agi` by year; a missing "
            "one is 422 naming `agi.<year>`): per category (cash 60%, noncash 50%, capital "
            "gain 30%) the limit, the year's gifts deducted, carryovers used oldest first, "
            "what carries forward (5 years) and what expired; IRS Publication 526's order. "
            f"Stores nothing. 422 {_INVALID}."
        ),
        status_code=200,
        responses=problems(400, 422, 429, notes={422: _INVALID}),
        opt=VIEWER_MAY_CALL,
    )
    async def compute_charitable_deduction(
        self, data: JSONBody[GivingDeductionIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> GivingDeductionOut:
        report = await portfolio.giving.deduction(
            caller.principal, data.tax_year, data.agi_by_year()
        )
        return GivingDeductionOut.from_domain(report)

    @post(
        "/suggestion",
        summary="Suggested donation from excess alpha over a threshold",
        description=(
            "share x max(R_p - R_b - threshold, 0) x start value, rounded down to the cent, at "
            "most `cap`; R_p and the start value posted, or from `portfolio_id` (yours: its "
            "time-weighted return over `start`..`end`). With `agi`, the cash room left this "
            f"tax year. Stores nothing. 404 PORTFOLIO_NOT_FOUND; 422 {_INVALID}."
        ),
        status_code=200,
        responses=problems(400, 404, 422, 429, notes={422: _INVALID}),
        opt=VIEWER_MAY_CALL,
    )
    async def suggest_donation(
        self, data: JSONBody[GivingSuggestionIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> GivingSuggestionOut:
        view = await portfolio.giving_suggestions.suggest(caller.principal, data.to_request())
        return GivingSuggestionOut.from_view(view)


CONTROLLERS: list[Any] = [GivingController]
