"""Tax: your open lots, realized gains, wash sales, Form 8949 and loss harvesting (docs/tax.md)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.paging import NonEmptyCursor
from adapters.http.portfolio import PortfolioDep, PortfolioServices, problems
from adapters.http.portfolio.tax_harvest_schemas import HarvestOut
from adapters.http.portfolio.tax_schemas import (
    HarvestIn,
    TaxLotPageOut,
    TaxRealizedPageOut,
    TaxWashSalePageOut,
)
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import READERS, require_roles
from application.portfolio.tax import MAX_PAGE

_OWN = (
    "Computed from all your transactions in every portfolio (wash sales look across your "
    "accounts, IRAs included); never another user's."
)
_YEAR = (
    "Calendar tax year by trade date; 422 INVALID_TAX_INPUT (field `year`) outside 1970..next year."
)
_PAGE = (
    "Pass `next_cursor` back as `cursor`; 422 INVALID_TAX_INPUT (field `cursor`) for a stale one."
)
Limit = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)]
Year = Annotated[
    int | None,
    QueryParameter(description="The tax year, e.g. 2025 (default: the current year, UTC)"),
]


class TaxController(Controller):
    """`/api/v1/tax`: each user's tax lots, gains, wash sales and harvesting (docs/tax.md)."""

    path = "/tax"
    guards = (require_roles(*READERS),)

    @get(
        "/lots",
        summary="Your open tax lots (paginated)",
        description=(
            "Open lots by account, symbol, acquisition date, with the account's lot method, "
            "tax type, the term if sold today and the unrealized gain at the reference price. "
            f"`portfolio_id` narrows the listing (404 when not yours). {_OWN} {_PAGE}"
        ),
        responses=problems(400, 404, 422, 429),
    )
    async def list_tax_lots(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        portfolio_id: Annotated[str | None, QueryParameter(min_length=1, max_length=64)] = None,
        cursor: NonEmptyCursor = None,
        limit: Limit = 50,
    ) -> TaxLotPageOut:
        page = await portfolio.tax.lots(
            caller.principal, portfolio_id=portfolio_id, cursor=cursor, limit=limit
        )
        return TaxLotPageOut.from_page(page)

    @get(
        "/realized",
        summary="Realized gains of a tax year: Form 8949 rows and short/long totals",
        description=(
            "Rows by sale date (IRA rows too, `reportable` false); totals per currency and "
            f"term over the whole year's reportable rows. {_YEAR} {_OWN} {_PAGE}"
        ),
        responses=problems(400, 422, 429),
    )
    async def get_realized_gains(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        year: Year = None,
        cursor: NonEmptyCursor = None,
        limit: Limit = 50,
    ) -> TaxRealizedPageOut:
        page = await portfolio.tax.realized(
            caller.principal, _year(portfolio, year), cursor=cursor, limit=limit
        )
        return TaxRealizedPageOut.from_page(page)

    @get(
        "/wash-sales",
        summary="Wash sales of a tax year's loss sales (IRC section 1091)",
        description=(
            "Each disallowed loss, the replacement lot it went into, the holding days carried "
            f"and whether it is permanent (replacement in an IRA). {_YEAR} {_OWN} {_PAGE}"
        ),
        responses=problems(400, 422, 429),
    )
    async def list_wash_sales(
        self,
        caller: CallerDep,
        portfolio: PortfolioDep,
        year: Year = None,
        cursor: NonEmptyCursor = None,
        limit: Limit = 50,
    ) -> TaxWashSalePageOut:
        page = await portfolio.tax.wash_sales(
            caller.principal, _year(portfolio, year), cursor=cursor, limit=limit
        )
        return TaxWashSalePageOut.from_page(page)

    @get(
        "/form-8949.csv",
        summary="Form 8949 of a tax year as CSV",
        description=(
            "Part I short-term, Part II long-term, columns (a)-(h), adjustment code W for wash "
            f"sales, amounts in cents, totals; reportable (taxable-account) rows only. {_YEAR}"
        ),
        media_type="text/csv",
        responses={
            200: ResponseSpec(
                data_container=str,
                media_type="text/csv",
                generate_examples=False,
                description="The form as CSV (attachment form-8949-<year>.csv)",
            ),
            **problems(400, 422, 429),
        },
    )
    async def export_form_8949(
        self, caller: CallerDep, portfolio: PortfolioDep, year: Year = None
    ) -> Response[str]:
        year = _year(portfolio, year)
        text = await portfolio.tax.form_8949(caller.principal, year)
        return Response(
            text,
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="form-8949-{year}.csv"'},
        )

    @post(
        "/harvesting",
        summary="Tax-loss harvesting: candidates, savings, replacements, the year's projection",
        description=(
            "Open lots of your taxable accounts with a loss of at least `min_loss` dollars and "
            "`min_loss_fraction` of basis, except those inside a wash-sale window (a buy of a "
            "substantially identical symbol in any of your accounts in the last 30 days, or an "
            "open BUY order); the tax each saves after netting; replacements correlated >= "
            "`min_correlation` (Pearson, daily log returns) outside the identical group; the "
            "year's capital gains realized, harvested and under price scenarios. Stores nothing. "
            "422 INVALID_TAX_INPUT names the field."
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problems(400, 404, 422, 429),
    )
    async def plan_tax_loss_harvesting(
        self, data: JSONBody[HarvestIn], caller: CallerDep, portfolio: PortfolioDep
    ) -> HarvestOut:
        report = await portfolio.tax.harvest(caller.principal, data.to_request())
        return HarvestOut.from_report(report)


CONTROLLERS = [TaxController]


def _year(portfolio: PortfolioServices, year: int | None) -> int:
    """The asked tax year, else the current one by the tax views' clock."""
    return year if year is not None else portfolio.tax.today().year
