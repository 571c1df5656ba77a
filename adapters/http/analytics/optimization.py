"""POST /api/v1/analytics/optimization: eleven methods, constraints, posted or stored inputs.

A calculation on posted inputs, or on a stored portfolio's or account's holdings (read, owner-
scoped: another's is 404); nothing is stored, so a viewer may call it. A universe
of 500 assets x 1,260 daily returns is ~6-12 MB of JSON, past the API's 1 MiB cap, so this
route has its own body limit (BULWARK_ANALYTICS_MAX_BODY_BYTES, as the options compute routes;
`controllers(max_bytes)` sets it) and reads the body itself: bodies above OFF_LOOP_BYTES are
decoded on a worker thread, and the optimisation runs within the compute budget.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request
from litestar.openapi.datastructures import ResponseSpec

from adapters.http.analytics import AnalyticsController, AnalyticsDep, problems
from adapters.http.analytics.large_bodies import (
    OFF_LOOP_BYTES,
    decode_json,
    off_loop,
    read_body,
    with_body_limit,
)
from adapters.http.analytics.optimization_schemas import (
    OptimizationIn,
    OptimizationOut,
    StoredSourceOut,
    openapi_schema,
)
from adapters.http.declared_bodies import body_operation
from adapters.http.deps import CallerDep
from adapters.http.shared_calculations import calculation

JSON = "application/json"
_REQUEST_SCHEMA = openapi_schema(OptimizationIn)
_DECODER = msgspec.json.Decoder(OptimizationIn)

_CODES = (
    "422 with a stable code naming the field: INVALID_OPTIMIZATION_INPUT (an unknown method or "
    "estimator, rows of the wrong width, a return <= -1, budgets not adding up to 1, short "
    "weights for risk parity or HRP, ...), EMPTY_PORTFOLIO (no asset), TOO_MANY_ASSETS (over "
    "1,000 assets, 10,000 observations or 2,000,000 values), INSUFFICIENT_OBSERVATIONS (under "
    "20 returns, or no more returns than assets for the sample estimator), NON_FINITE_RETURNS "
    "(a null, NaN or infinite value: `returns[i][j]`), NEGATIVE_PRICE, SINGULAR_COVARIANCE, "
    "WEIGHT_BOUNDS_INFEASIBLE (no fully invested portfolio fits, or the unique risk-parity "
    "portfolio breaks a bound), MAX_SHARPE_UNATTAINABLE (nothing beats the risk-free rate), "
    "CONSTRAINTS_INFEASIBLE (sector limits, turnover, tracking-error cap cannot be met "
    "together), CONSTRAINT_NOT_SUPPORTED (a constraint with a rule-based method), "
    "TARGET_RETURN_UNATTAINABLE, STORED_INPUTS_MISSING (no priced holding, no stored closes), "
    "OPTIMIZATION_FAILED. 404 for a portfolio_id or account_id that is not yours. "
    "413 BODY_TOO_LARGE past BULWARK_ANALYTICS_MAX_BODY_BYTES; 503 "
    "COMPUTE_BUSY / COMPUTE_TIME_BUDGET with Retry-After."
)


# The request body the handler decodes itself, declared for the document.
_JsonBodyOperation = body_operation(JSON, _REQUEST_SCHEMA)


class OptimizationController(AnalyticsController):
    """A calculation on posted inputs: nothing is read or stored."""

    path = "/analytics"

    @calculation(
        "/optimization",
        summary="Optimise portfolio weights: eleven methods, constraints, stored holdings",
        description=(
            "Post `assets` and exactly one of `returns` (simple returns per period), `prices` "
            "or an annual `covariance` (with `expected_returns` for max_sharpe). The covariance "
            "of returns is Ledoit-Wolf shrunk (or the sample one), annualised by "
            "`periods_per_year`. Weights add up to 1 within the bounds (long-only [0, 1] by "
            "default; long-short [-1, 1]; `min_weight`, `max_weight`, per-asset `bounds`). "
            "risk_parity (equal or posted risk budgets) and hrp are long-only. Also "
            "black_litterman (market weights and views), min_tracking_error (a benchmark), "
            "mean_cvar; sector limits, a turnover limit and a tracking-error cap for the convex "
            "methods; or a portfolio_id / account_id with start and end instead of returns "
            "(weights from the holdings, closes from the bar store). Answers each "
            "asset's weight, risk contribution, annual volatility and expected return, and the "
            "portfolio's volatility, expected return, Sharpe ratio, effective number of assets "
            "and diversification ratio, with the conventions (docs/optimization.md). " + _CODES
        ),
        operation_class=_JsonBodyOperation,
        responses={
            200: ResponseSpec(
                data_container=OptimizationOut,
                media_type=JSON,
                generate_examples=False,
                description="The weights and the portfolio's measures",
            ),
            **problems(400, 404, 413, 415, 422),
        },
    )
    async def optimize_portfolio(
        self, request: Request[Any, Any, Any], caller: CallerDep, analytics: AnalyticsDep
    ) -> OptimizationOut:
        raw = await read_body(request)
        posted = await off_loop(
            lambda: decode_json(_DECODER.decode, raw), large=len(raw) > OFF_LOOP_BYTES
        )
        result = await analytics.optimization.optimize(posted.to_request(), caller.principal)
        source = None
        if result.source is not None:
            found = result.source
            source = StoredSourceOut(
                portfolio_id=found.portfolio_id,
                account_id=found.account_id,
                start=found.start,
                end=found.end,
                left_out=list(found.left_out),
            )
        return OptimizationOut.from_result(result, source)


def controllers(max_bytes: int) -> list[type[Controller]]:
    """The optimisation controller with its own body limit (`max_bytes`)."""
    return with_body_limit(OptimizationController, max_bytes)
