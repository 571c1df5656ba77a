"""POST /api/v1/analytics/attribution: Brinson attribution of posted periods, linked, with CUSUM."""

from __future__ import annotations

from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController
from adapters.http.analytics.attribution_schemas import AttributionIn, AttributionOut
from adapters.http.problems import problem_responses
from adapters.http.shared_calculations import calculation
from application.analytics.attribution import (
    MAX_PERIODS,
    MAX_SECTORS,
    WEIGHT_TOLERANCE,
    analyse_attribution,
)


class AttributionController(AnalyticsController):
    """A calculation on posted figures: nothing is read or stored."""

    path = "/analytics"

    @calculation(
        "/attribution",
        summary="Brinson attribution per sector and period, linked over time, with CUSUM events",
        description=(
            "Dated periods (start < end, in order, not overlapping), each with the same sectors "
            "and per sector the portfolio and benchmark weights (fractions summing to 1 within "
            f"{WEIGHT_TOLERANCE:g}, then divided by their sum) and returns (fractions, >= -1). "
            "Answers, per period and sector, the allocation, selection and interaction effects "
            "(`model`: brinson_fachler, the default, or brinson_hood_beebower) whose totals equal "
            "the period's active return; the effects linked over all periods (`linking`: carino, "
            "the default, or menchero) whose totals equal the compounded active return; and the "
            "two-sided tabular CUSUM events of the per-period active returns (`cusum`: target, k, "
            "h, sigma). Every number is a fraction, not percent (docs/attribution.md). 422 "
            "INVALID_ATTRIBUTION_INPUT naming the field (`periods[2].sectors[*].portfolio_weight`, "
            f"`periods[1].start`, ...); at most {MAX_PERIODS:,} periods and {MAX_SECTORS} sectors."
        ),
        responses=problem_responses(
            400, 401, 403, 422, 429, notes={422: "INVALID_ATTRIBUTION_INPUT"}
        ),
    )
    async def attribute_returns(self, data: JSONBody[AttributionIn]) -> AttributionOut:
        return AttributionOut.from_domain(analyse_attribution(data.to_request()))


CONTROLLERS = [AttributionController]
