"""POST /api/v1/analytics/options/american: American option prices (CRR tree or BAW)."""

from __future__ import annotations

from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.options_american_schemas import AmericanIn, AmericanOut
from adapters.http.shared_calculations import calculation


class AmericanOptionsController(AnalyticsController):
    """A calculation on posted inputs: nothing is read or stored."""

    path = "/analytics/options"

    @calculation(
        "/american",
        summary="American option prices: CRR binomial tree or Barone-Adesi-Whaley",
        description=(
            "Options as columns (a number broadcasts, lists share one length). `method` crr "
            "(`steps`, default 500, 1 to 10,000): price, delta, gamma and theta (per year and "
            "per day) from the Cox-Ross-Rubinstein tree; baw: the Barone-Adesi-Whaley price. "
            "Beside each: the European Black-Scholes-Merton price and the early-exercise "
            "premium (price - European). Units in `units` (docs/options-american.md). 422 "
            "naming the field and its first bad index: INVALID_OPTIONS_INPUT (non-finite, "
            "spot / strike / years / vol <= 0, years > 100, vol > 10, |rate| or "
            "|dividend_yield| > 1, lists of different lengths, steps out of range or too few "
            "for the tree's up-probability); OPTIONS_TOO_MANY (more than 1,000,000 options); "
            "TREE_TOO_LARGE (crr: options x steps^2 / 2 above 2.5e9 node updates). Runs within "
            "the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After."
        ),
        responses=problems(
            400, 404, 422, notes={422: "INVALID_OPTIONS_INPUT, OPTIONS_TOO_MANY or TREE_TOO_LARGE"}
        ),
    )
    async def price_american_options(
        self, data: JSONBody[AmericanIn], analytics: AnalyticsDep
    ) -> AmericanOut:
        result = await analytics.american_options.price(data.to_request())
        return AmericanOut.from_domain(result)


CONTROLLERS = [AmericanOptionsController]
