"""POST /api/v1/analytics/attribution: Brinson attribution of posted periods, or of a stored
portfolio against a benchmark (owner-scoped), linked, with CUSUM and, stored, regime shifts."""

from __future__ import annotations

from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep
from adapters.http.analytics.attribution_schemas import AttributionIn, AttributionOut
from adapters.http.deps import CallerDep
from adapters.http.problems import problem_responses
from adapters.http.shared_calculations import calculation
from application.analytics.attribution import (
    MAX_PERIODS,
    MAX_SECTORS,
    WEIGHT_TOLERANCE,
    analyse_attribution,
)
from application.analytics.stored_attribution import MAX_RANGE_DAYS
from domain.analytics.regime_detection import MIN_HISTORY

STORED = (
    "Or, instead of `periods`, a stored input: `portfolio_id` (one of your ledger portfolios; "
    "another's answers 404 PORTFOLIO_NOT_FOUND), `start`, `end` (at most "
    f"{MAX_RANGE_DAYS:,} days, not after today), `period` (monthly, the default, or weekly) and "
    "one benchmark: `benchmark_portfolio_id` (another of yours, its ledger's holdings) or "
    "`benchmark` (constituents with weights, rebalanced at every period's start). Each "
    "period's sector weights are the holdings' market values at its start (the ledger as of "
    "that day, the bar store's adjusted daily closes, the instruments' sectors) and the sector "
    "returns come from the closes; then the same attribution, linking and CUSUM, the `source` "
    "named, and `regimes` (`regime`: benchmark, the default, portfolio or none): each period "
    "read at its end by the regime detector on that side's daily level, the dated changes and "
    "the effects summed and linked per regime segment. 422 INSUFFICIENT_STORED_HISTORY says "
    "what is missing (no close near a boundary, nothing held at a start, fewer than "
    f"{MIN_HISTORY} daily levels before the first period's end)."
)


class AttributionController(AnalyticsController):
    """A calculation on posted figures (nothing read or stored), or on a stored portfolio's
    holdings and the bar store's closes (read, owner-scoped; nothing stored)."""

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
            f"`periods[1].start`, ...); at most {MAX_PERIODS:,} periods and {MAX_SECTORS} sectors. "
            + STORED
        ),
        responses=problem_responses(
            400,
            401,
            403,
            404,
            422,
            429,
            notes={
                404: "PORTFOLIO_NOT_FOUND",
                422: "INVALID_ATTRIBUTION_INPUT, INSUFFICIENT_STORED_HISTORY",
            },
        ),
    )
    async def attribute_returns(
        self, data: JSONBody[AttributionIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> AttributionOut:
        if not data.stored:
            return AttributionOut.from_domain(analyse_attribution(data.to_request()))
        result = await analytics.attribution.attribute(caller.principal, data.to_stored_request())
        return AttributionOut.from_stored(result)


CONTROLLERS = [AttributionController]
