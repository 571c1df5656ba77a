"""POST /api/v1/analytics/fixed-income/bond and /ladder: bond analytics on posted inputs."""

from __future__ import annotations

from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.fixed_income_schemas import BondIn, BondOut, LadderIn, LadderOut
from adapters.http.shared_calculations import calculation

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


CONTROLLERS = [FixedIncomeController]
