"""Risk analytics: VaR / CVaR of a series and the regime-switching scenario run."""

from __future__ import annotations

from litestar.params import JSONBody

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.risk_var_schemas import VarIn, VarOut
from adapters.http.analytics.scenario_schemas import ScenarioIn, ScenarioOut
from adapters.http.deps import CallerDep
from adapters.http.shared_calculations import calculation


class RiskMeasuresController(AnalyticsController):
    """`/api/v1/risk/var` and `/risk/scenario-simulation`: nothing is stored; an account is read
    only if the caller may."""

    path = "/risk"

    @calculation(
        "/var",
        summary="VaR and CVaR of a returns or P&L series",
        description=(
            "Exactly one of `returns` (fractions), `pnl` (money) or `account_id` (its stored "
            "daily returns; 404 NOT_FOUND for an account the caller may not read). For each "
            "confidence level (default 0.95 and 0.99, each in (0.5, 1)) and method "
            "(historical, parametric_normal, cornish_fisher): VaR and CVaR over `horizon_days` "
            "(square-root-of-time scaling of the 1-day figures), the Hill tail index and the "
            "conventions used (docs/risk-measures.md). 422 naming the field: "
            "INVALID_RISK_INPUT (NaN / Infinity, a confidence out of range, more than "
            "1,000,000 observations), INSUFFICIENT_RETURNS (fewer than 10). Samples above "
            "100,000 run within the compute budget: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET "
            "with Retry-After."
        ),
        responses=problems(
            400,
            404,
            422,
            notes={422: "INVALID_RISK_INPUT, INSUFFICIENT_RETURNS or NO_REFERENCE_PRICE"},
        ),
    )
    async def compute_value_at_risk(
        self, data: JSONBody[VarIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> VarOut:
        result = await analytics.value_at_risk.value_at_risk(caller.principal, data.to_request())
        return VarOut.from_domain(result)

    @calculation(
        "/scenario-simulation",
        summary="Regime-switching Monte Carlo VaR of a portfolio",
        description=(
            "`weights` (sum 1, at most 50 assets), `account_id` (its positions by market "
            "value; 404 NOT_FOUND for an account the caller may not read) or `portfolio_id` (a "
            "ledger portfolio's priced positions in its base currency; 404 "
            "PORTFOLIO_NOT_FOUND for another's). Simulates `paths` "
            "paths of `steps` trading days of the default four-regime model (bull, bear, "
            "volatile, stable) with the `model` overrides, starting in `initial_regime`, in the "
            "regime detected from `prices`, or in the stationary mode. Answers historical and "
            "Cornish-Fisher VaR / CVaR of the horizon return, the fan chart, regime occupancy, "
            "the black-swan share, drawdowns and the compute backend (docs/risk-measures.md). "
            "422 INVALID_RISK_INPUT naming the field (paths x steps above 10,000,000, more than "
            "50 assets, a bad model); 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After."
        ),
        responses=problems(400, 404, 422, notes={422: "INVALID_RISK_INPUT or NO_REFERENCE_PRICE"}),
    )
    async def simulate_portfolio_var(
        self, data: JSONBody[ScenarioIn], caller: CallerDep, analytics: AnalyticsDep
    ) -> ScenarioOut:
        result = await analytics.scenario_simulation.simulate(caller.principal, data.to_request())
        return ScenarioOut.from_domain(result, data.seed)


CONTROLLERS = [RiskMeasuresController]
