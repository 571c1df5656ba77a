"""A symbol's fundamentals: `/api/v1/market/{symbol}/fundamentals`."""

from __future__ import annotations

from typing import Any

from litestar import Controller, get
from litestar.params import FromPath

from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.fundamentals_schemas import FundamentalsOut
from adapters.http.market_data.market import on_unavailable
from adapters.http.problems import problem_responses
from application.market_data.market import MarketDataUnavailable

_NOTES = {
    404: "SYMBOL_NOT_FOUND: no provider offering fundamentals knows the symbol",
    422: "INVALID_OPTIONS_REQUEST: a malformed symbol; `errors` names the field",
    503: "MARKET_DATA_UNAVAILABLE: no provider here offers fundamentals, or the one that does "
    "failed or is rate limited (then retry after the Retry-After header's seconds)",
}


class FundamentalsController(Controller):
    """Read-only fundamentals for any signed-in user or agent (not owner-scoped)."""

    path = "/market"
    exception_handlers = {  # noqa: RUF012 - Litestar reads this class attribute as is
        MarketDataUnavailable: on_unavailable,
    }

    @get(
        "/{symbol:str}/fundamentals",
        summary="A symbol's key ratios, each with its unit and definition",
        description=(
            "The key ratios (valuation: market cap, trailing and forward P/E, price to book, "
            "price to sales, dividend yield, trailing EPS, beta; quality: profit margin, "
            "return on equity, debt to equity) as the first market-data provider of the feed "
            "that offers fundamentals states them (Yahoo, Twelve Data), with the vendor's name "
            "(`source`) and the time they were read (`as_of`). Fractions are fractions (0.25 is "
            "25 %), money is in the symbol's trading currency. See "
            "docs/market-data-vendors.md."
        ),
        responses=problem_responses(400, 401, 404, 422, 429, 503, notes=_NOTES),
    )
    async def get_fundamentals(
        self, symbol: FromPath[str], market_data: MarketDataDep
    ) -> FundamentalsOut:
        found = await market_data.key_ratios().fundamentals(symbol)
        return FundamentalsOut.from_domain(found)


CONTROLLERS: list[Any] = [FundamentalsController]
