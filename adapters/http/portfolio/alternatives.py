"""The alternatives allocator: crypto, REIT, private-equity and commodity sleeves.

Calculations on posted inputs: nothing is read or stored, so a viewer may call them. Each
answers the allocation in money (decimal strings, to the cent) with the rule it applied
(docs/alternatives.md).
"""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import JSONBody

from adapters.http.portfolio import PortfolioDep, problems
from adapters.http.portfolio.alternatives_schemas import (
    AlternativesLimitsOut,
    CommoditiesIn,
    CommoditiesOut,
    CryptoIn,
    CryptoOut,
    PrivateEquityIn,
    PrivateEquityOut,
    ReitsIn,
    ReitsOut,
)
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import READERS, require_roles

_CODES = (
    "422 with a stable code naming the field: INVALID_ALTERNATIVES_INPUT, EMPTY_PORTFOLIO (no "
    "asset or fund), TOO_MANY_ASSETS (over 500)"
)


class AlternativesController(Controller):
    """`/api/v1/planning/alternatives`: the sleeves' rules on posted inputs."""

    path = "/planning/alternatives"
    guards = (require_roles(*READERS),)

    @post(
        "/crypto",
        summary="Crypto sleeve: capped market-cap weights (40 % an asset) above a floor",
        description=(
            "Coins below `market_cap_floor` (default 1,000,000,000 in `currency`) are left out; "
            "the rest weighted by market cap, none above `max_weight` (at most 0.40, the rule), "
            "the excess re-spread over the uncapped. Fewer than 3 eligible coins cannot fill "
            "the sleeve under 40 %: the rest is `unallocated`. " + _CODES + "."
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problems(400, 422, 429),
    )
    async def allocate_crypto(self, data: JSONBody[CryptoIn], portfolio: PortfolioDep) -> CryptoOut:
        result = portfolio.alternatives.crypto(
            data.amount, data.currency, data.coins(), data.max_weight, data.market_cap_floor
        )
        return CryptoOut.from_result(result)

    @post(
        "/reits",
        summary="REIT sleeve: equal weights across property sectors, market cap within",
        description=(
            "Sectors are Nareit's property sectors; each sector present gets an equal share, "
            "its REITs split it by market cap. Answers the sector weights, their Herfindahl "
            "index and the effective number of sectors. `max_sector_weight` below 1 / sectors "
            "is refused. " + _CODES + "."
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problems(400, 422, 429),
    )
    async def allocate_reits(self, data: JSONBody[ReitsIn], portfolio: PortfolioDep) -> ReitsOut:
        result = portfolio.alternatives.reits(
            data.amount, data.currency, data.to_reits(), data.max_sector_weight
        )
        return ReitsOut.from_result(result)

    @post(
        "/private-equity",
        summary="Private equity: accredited-investor and qualified-purchaser eligibility, funds",
        description=(
            "Tests every natural-person prong of SEC Rule 501(a) (net worth over $1M without "
            "the primary residence; income over $200k, or $300k joint, in each of the last two "
            "years with the same expected; Series 7/65/82; knowledgeable employee; insider) and "
            "the qualified-purchaser test ($5M in investments), showing the figures; then "
            "shares `amount` equally over the funds the investor may enter whose minimums the "
            "share meets. US dollars only. A screen, not legal advice. " + _CODES + "."
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problems(400, 422, 429),
    )
    async def allocate_private_equity(
        self, data: JSONBody[PrivateEquityIn], portfolio: PortfolioDep
    ) -> PrivateEquityOut:
        result = portfolio.alternatives.private_equity(
            data.amount, data.currency, data.investor.to_domain(), data.to_funds()
        )
        return PrivateEquityOut.from_result(result)

    @post(
        "/commodities",
        summary="Commodity sleeve by inflation beta (OLS of returns on CPI inflation)",
        description=(
            "Per commodity, the least-squares beta of its returns on inflation period by period "
            "(with alpha, standard error, t statistic, R^2); `inflation` as per-period changes "
            "or `cpi` as levels (one more value than the returns). Weights in proportion to the "
            "positive betas. 422 INSUFFICIENT_OBSERVATIONS under 12 periods; " + _CODES + "."
        ),
        status_code=200,
        opt=VIEWER_MAY_CALL,
        responses=problems(400, 422, 429),
    )
    async def allocate_commodities(
        self, data: JSONBody[CommoditiesIn], portfolio: PortfolioDep
    ) -> CommoditiesOut:
        result = portfolio.alternatives.commodities(
            data.amount, data.currency, data.series(), data.inflation, data.cpi
        )
        return CommoditiesOut.from_result(result)

    @get(
        "/limits",
        summary="The allocator's configured limits and the next rebalancing date",
        description=(
            "Crypto cap and floor, sleeve volatility cap, REIT sector cap, private-equity share "
            "of net worth, commodity cap, the rebalancing calendar and drift band "
            "(BULWARK_ALTERNATIVES_*; docs/alternatives.md)."
        ),
        responses=problems(401, 403, 429),
    )
    async def get_alternatives_limits(self, portfolio: PortfolioDep) -> AlternativesLimitsOut:
        today = portfolio.clock.now().date()
        return AlternativesLimitsOut.from_limits(portfolio.alternatives.limits, today)


CONTROLLERS = [AlternativesController]
