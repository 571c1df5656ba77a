"""POST /api/v1/analytics/regime: the market regime of a posted daily close history."""

from __future__ import annotations

from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.regime_schemas import PriceHistoryIn, RegimeOut
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


CONTROLLERS = [RegimeController]
