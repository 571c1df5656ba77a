"""A symbol's financial statements and ratios: `/api/v1/market/{symbol}/statements`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from litestar import Controller, get
from litestar.params import FromPath, FromQuery, QueryParameter

from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.market import on_invalid_request, on_unavailable
from adapters.http.market_data.statements_schemas import StatementsOut
from adapters.http.problems import problem_responses
from application.market_data.market import InvalidMarketRequest, MarketDataUnavailable
from application.market_data.statements import DEFAULT_PERIODS, MAX_PERIODS

_NOTES = {
    400: "VALIDATION_ERROR or INVALID_MARKET_REQUEST: `period` not annual or quarterly, or "
    f"`limit` outside [1, {MAX_PERIODS}]; `errors` names the field",
    404: "SYMBOL_NOT_FOUND: no provider offering statements has any for the symbol",
    422: "INVALID_OPTIONS_REQUEST: a malformed symbol; `errors` names the field",
    503: "MARKET_DATA_UNAVAILABLE: no provider here offers financial statements, or the one "
    "that does failed or is rate limited (then retry after the Retry-After header's seconds)",
}


class StatementsController(Controller):
    """Read-only statements for any signed-in user or agent (not owner-scoped)."""

    path = "/market"
    exception_handlers = {  # noqa: RUF012 - Litestar reads this class attribute as is
        InvalidMarketRequest: on_invalid_request,
        MarketDataUnavailable: on_unavailable,
    }

    @get(
        "/{symbol:str}/statements",
        summary="A symbol's financial statements and the ratios computed from them",
        description=(
            "The income statement, balance sheet and cash-flow statement of the symbol's last "
            "`limit` fiscal years (`period=annual`) or quarters (`period=quarterly`), newest "
            "first, from the first market-data provider of the feed that serves statements "
            "(Alpha Vantage, Polygon; the offline demo's are synthetic), named in `source`, "
            "with how many periods were asked and found. `ratios` are computed from them for "
            "the newest period (liquidity, returns, margins, turnovers, coverage, leverage, "
            "PEG at the feed's price now), each with its formula, its basis (averages of the "
            "opening and closing balance where the standard formula uses them), its inputs, "
            "and, when it has no value, the reason. See docs/market-data-vendors.md."
        ),
        responses=problem_responses(400, 401, 404, 422, 429, 503, notes=_NOTES),
    )
    async def get_statements(
        self,
        symbol: FromPath[str],
        market_data: MarketDataDep,
        period: FromQuery[Literal["annual", "quarterly"]] = "annual",
        limit: Annotated[
            int,
            QueryParameter(ge=1, le=MAX_PERIODS, description="Fiscal periods wanted, newest first"),
        ] = DEFAULT_PERIODS,
    ) -> StatementsOut:
        found = await market_data.statements_service().statements(symbol, period, limit)
        return StatementsOut.from_domain(found)


CONTROLLERS: list[Any] = [StatementsController]
