"""The market regime of a daily close history: posted (POST /api/v1/analytics/regime) or a
symbol's stored daily bars (GET /api/v1/analytics/regime/{symbol})."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from litestar import get
from litestar.params import JSONBody, Parameter, QueryParameter

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.regime_schemas import PriceHistoryIn, RegimeOut, StoredHistoryOut
from adapters.http.shared_calculations import calculation


class RegimeController(AnalyticsController):
    """A calculation on a posted history: nothing is read or stored."""

    path = "/analytics"

    @calculation(
        "/regime",
        summary="Detect the market regime (bull, bear, volatile, stable) of a close history",
        description=(
            "`prices`: 200 to 100,000 daily closes, oldest first. Answers the label, the score "
            "of each regime, 20- and 60-day realised volatility, the 50- and 200-day simple "
            "moving averages and their trend / cross, Wilder's RSI(14) and the drawdown from "
            "the history's peak (docs/regime-monte-carlo.md). 422 naming the field: "
            "INSUFFICIENT_PRICE_HISTORY (fewer than 200 closes), INVALID_PRICE_HISTORY (more "
            "than 100,000, or a close that is not positive and finite: `prices[i]`). Histories "
            "above 2,000 closes run within the compute budget: 503 COMPUTE_BUSY / "
            "COMPUTE_TIME_BUDGET with Retry-After."
        ),
        responses=problems(
            400, 404, 422, notes={422: "INVALID_PRICE_HISTORY or INSUFFICIENT_PRICE_HISTORY"}
        ),
    )
    async def detect_market_regime(
        self, data: JSONBody[PriceHistoryIn], analytics: AnalyticsDep
    ) -> RegimeOut:
        return RegimeOut.from_domain(await analytics.market_regime.detect(data.prices))

    @get(
        "/regime/{symbol:str}",
        summary="Detect the market regime of a symbol from its stored daily bars",
        description=(
            "As the POST, on the symbol's daily closes in the bar history store "
            "(docs/bar-store.md) from `start` to `end`, both included (`end` defaults to "
            "today, UTC; `start` to three years before `end`); split- and dividend-adjusted "
            "unless `adjusted=false`. `history` names the closes read. 422 naming the field: "
            "INSUFFICIENT_PRICE_HISTORY (`symbol`: fewer than 200 stored closes in the range), "
            "INVALID_PRICE_HISTORY (`start` after `end`); 400 VALIDATION_ERROR for a malformed "
            "symbol or date."
        ),
        responses=problems(
            400, 422, notes={422: "INSUFFICIENT_PRICE_HISTORY or INVALID_PRICE_HISTORY"}
        ),
    )
    async def detect_stored_market_regime(
        self,
        symbol: Annotated[
            str, Parameter(pattern=r"^[A-Za-z0-9._/-]{1,32}$", description="The symbol")
        ],
        analytics: AnalyticsDep,
        start: Annotated[
            date | None, QueryParameter(description="First day, YYYY-MM-DD, inclusive")
        ] = None,
        end: Annotated[
            date | None, QueryParameter(description="Last day, YYYY-MM-DD, inclusive")
        ] = None,
        adjusted: Annotated[
            bool, QueryParameter(description="Closes adjusted for splits and dividends")
        ] = True,
    ) -> RegimeOut:
        reading, history = await analytics.market_regime.detect_stored(
            symbol.upper(), start, end, adjusted=adjusted
        )
        return RegimeOut.from_domain(reading, StoredHistoryOut.from_attributes(history))


CONTROLLERS = [RegimeController]
