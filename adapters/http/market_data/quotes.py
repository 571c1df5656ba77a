"""`/api/v1/market/quotes/{symbol}`: the cheapest fresh quote, and the sources' consensus."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get
from litestar.params import FromPath, QueryParameter

from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.market import on_unavailable
from adapters.http.market_data.quote_schemas import ConsensusOut, FreshQuoteOut
from adapters.http.problems import on_invalid_query_field, problem_responses
from application.market_data.market import MarketDataUnavailable
from application.market_data.quote_quality import MAX_FRESHNESS_S, InvalidQuoteRequest

_NOTES = {
    400: "VALIDATION_ERROR or INVALID_QUOTE_REQUEST; `errors` names the field",
    404: "SYMBOL_NOT_FOUND: no source knows the symbol, or none is fresh enough",
    503: "MARKET_DATA_UNAVAILABLE: no source answered (or no feed is configured)",
}


class QuotesController(Controller):
    """Read-only quotes for any signed-in user or agent."""

    path = "/market/quotes"
    exception_handlers = {  # noqa: RUF012 - Litestar reads this class attribute as is
        InvalidQuoteRequest: on_invalid_query_field,
        MarketDataUnavailable: on_unavailable,
    }

    @get(
        "/{symbol:str}",
        summary="The quote of the cheapest source that is fresh enough",
        description=(
            "Sources are asked in the feed's order: where BULWARK_MARKET_DATA_PROVIDER_COSTS "
            "prices them, the priced ones first, cheapest first, then the unpriced ones in "
            "the configured order (no prices: the configured order). The first quote at most "
            "`max_age_s` old is answered, with its source and the cost of the call. 404 "
            "SYMBOL_NOT_FOUND when no source has one fresh enough."
        ),
        responses=problem_responses(400, 401, 404, 429, 503, notes=_NOTES),
    )
    async def get_fresh_quote(
        self,
        symbol: FromPath[str],
        market_data: MarketDataDep,
        max_age_s: Annotated[float, QueryParameter(gt=0, le=MAX_FRESHNESS_S)] = 5.0,
    ) -> FreshQuoteOut:
        return FreshQuoteOut.from_domain(await market_data.quality().fresh_quote(symbol, max_age_s))

    @get(
        "/{symbol:str}/consensus",
        summary="The consensus quote of the live sources, outliers flagged",
        description=(
            "Every source that can be called now is asked at once. The consensus mid is the "
            "median of the contributors' mids; a source whose mid strays more than "
            "max(k x MAD, floor) from the median of all is an outlier, flagged and left out. "
            "`verdict`: agreed, too_few (fewer contributors than the policy's minimum) or "
            "dispersed (the contributors farther apart than the tolerance). Each source's "
            "answer (its age, or why none came) counts toward its data-quality grade "
            "(GET /providers, /api/status)."
        ),
        responses=problem_responses(400, 401, 404, 429, 503, notes=_NOTES),
    )
    async def get_consensus_quote(
        self, symbol: FromPath[str], market_data: MarketDataDep
    ) -> ConsensusOut:
        return ConsensusOut.from_domain(await market_data.quality().consensus(symbol))


CONTROLLERS: list[Any] = [QuotesController]
