"""POST /api/v1/analytics/fixed-income/bond and /ladder: bond analytics on posted inputs; GET
/api/v1/portfolios/{id}/fixed-income: the same figures for the bonds a stored portfolio holds."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from litestar import get
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.bond_holdings_schemas import PortfolioBondsOut
from adapters.http.analytics.fixed_income_schemas import BondIn, BondOut, LadderIn, LadderOut
from adapters.http.deps import CallerDep
from adapters.http.params import day_param
from adapters.http.shared_calculations import calculation
from application.analytics.bond_holdings import StoredBondsRequest
from application.analytics.fixed_income import DEFAULT_SHOCKS_BP, MAX_SHOCKS
from application.core.iso_days import strict_day
from domain.fixedincome.errors import InvalidBondInput

_REFUSALS = (
    "422 INVALID_BOND_INPUT naming the field (`bonds[i].<field>` in a ladder): settlement on "
    "or after maturity, a frequency other than 1, 2 or 4, a negative coupon_rate, an unknown "
    "day_count or currency, both or neither of yield_rate / clean_price, a price no yield "
    "reaches, a shift taking the yield to -frequency. 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET "
    "with Retry-After."
)


class FixedIncomeController(AnalyticsController):
    """A calculation on posted inputs: nothing is read or stored."""

    path = "/analytics/fixed-income"

    @calculation(
        "/bond",
        summary="A fixed-coupon bullet bond: price <-> yield, accrued, duration, convexity, DV01",
        description=(
            "Price from `yield_rate` or yield from `clean_price` (exactly one), at `settlement`, "
            "under `day_count` (30/360 US, 30/360 Bond Basis, ACT/365F, ACT/ACT ICMA, ACT/ACT "
            "ISDA) with the yield compounded `frequency` (1, 2, 4) times a year; schedule "
            "backwards from maturity with no business-day adjustment. Answers clean / dirty "
            "price and accrued per 100 face, Macaulay and modified duration (years), convexity "
            "(years^2), DV01 (currency per 1 bp, per 100 face and for `face`), and for each "
            "shift in `shocks_bp` the full repricing beside the duration and duration + "
            "convexity estimates (docs/fixed-income.md). " + _REFUSALS
        ),
        responses=problems(400, 404, 422, notes={422: "INVALID_BOND_INPUT"}),
    )
    async def analyze_bond(self, data: JSONBody[BondIn], analytics: AnalyticsDep) -> BondOut:
        return BondOut.from_domain(await analytics.fixed_income.bond(data.to_request()))

    @calculation(
        "/ladder",
        summary="A ladder of bonds: WAL, maturity gaps, total DV01 and a shock table",
        description=(
            "Bonds (1 to 1,000) with face amounts, each priced from its yield or clean price "
            "as /bond does. Answers each rung's figures, the total face, market value and "
            "DV01 (currency per 1 bp), market-value weighted duration and convexity, the "
            "weighted average life (years, ACT/365F, by principal), the calendar years between "
            "the first and last maturity with no maturity (`gaps`), and per parallel shift the "
            "ladder's full repricing beside its duration (+ convexity) estimates. " + _REFUSALS
        ),
        responses=problems(400, 404, 422, notes={422: "INVALID_BOND_INPUT"}),
    )
    async def analyze_bond_ladder(
        self, data: JSONBody[LadderIn], analytics: AnalyticsDep
    ) -> LadderOut:
        return LadderOut.from_domain(await analytics.fixed_income.ladder(data.to_request()))


class PortfolioBondsController(AnalyticsController):
    """`/api/v1/portfolios/{id}/fixed-income`: a portfolio that is not the caller's is 404."""

    path = "/portfolios"

    @get(
        "/{portfolio_id:str}/fixed-income",
        summary="Fixed-income figures of the bonds a stored portfolio holds",
        description=(
            "The portfolio's positions (summed over its accounts) whose instrument is a bond "
            "(`asset_class` bond, with its stored terms): quantity in hundreds of face, the "
            "reference price (mark) the clean price per 100 of face. Per holding: the yield "
            "solved from the mark, else the bond's stated coupon rate as its yield "
            "(`price_source`); clean and dirty price, accrued, Macaulay and modified "
            "duration, convexity, DV01 / BPV (the posted endpoints' conventions), the weighted "
            "average life, market value and, per parallel shift, the value change by full "
            "repricing beside the duration and duration + convexity estimates. Totals: "
            "market-value weighted yield, durations and convexity; principal-weighted WAL; "
            "face, market value, accrued, DV01 and each shift's changes summed, in the "
            "portfolio's base currency. Every other holding (not a bond, no instrument, "
            "another currency, matured, not yet issued, a mark no yield reaches) is listed in "
            "`skipped` with the reason. `settlement` defaults to today (UTC). 404 "
            "PORTFOLIO_NOT_FOUND for a portfolio that is not yours; 422 INVALID_BOND_INPUT "
            "naming `shocks_bp` (more than 50, beyond +/-5,000 bp) or `settlement`; 503 "
            "COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After."
        ),
        responses=problems(400, 404, 422, notes={422: "INVALID_BOND_INPUT"}),
    )
    async def get_portfolio_fixed_income(
        self,
        portfolio_id: FromPath[str],
        caller: CallerDep,
        analytics: AnalyticsDep,
        settlement: Annotated[
            str | None,
            day_param(
                "The settlement date, ISO 8601 (YYYY-MM-DD); default today (UTC)", "2026-03-31"
            ),
        ] = None,
        shocks_bp: Annotated[
            list[float] | None,
            QueryParameter(
                description=f"Parallel yield shifts in bp, repeated (`shocks_bp=-100&shocks_bp"
                f"=100`), at most {MAX_SHOCKS}; default "
                f"{', '.join(f'{s:+g}' for s in DEFAULT_SHOCKS_BP)}",
            ),
        ] = None,
    ) -> PortfolioBondsOut:
        request = StoredBondsRequest(portfolio_id, _settlement(settlement), shocks_bp)
        result = await analytics.stored_bonds.analyse(caller.principal, request)
        return PortfolioBondsOut.from_domain(result)


def _settlement(value: str | None) -> date | None:
    """An ISO date parsed here (422 naming `settlement`, as the posted endpoints answer)."""
    if value is None:
        return None
    return strict_day(
        value,
        lambda: InvalidBondInput(
            f"settlement must be a date YYYY-MM-DD, got {value!r}", field="settlement"
        ),
    )


CONTROLLERS = [FixedIncomeController, PortfolioBondsController]
