"""POST /api/v1/analytics/optimization DTOs (docs/optimization.md).

Plain JSON numbers: ranges and shapes (one value per asset, bounds that fit, a positive
definite covariance, ...) are the use case's to check, answering 422 with a stable code naming
the field rather than a schema 400. The route reads the body itself (its own size cap, decoded
off the event loop), so the request's OpenAPI schema is built here from the Struct.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import msgspec
from litestar.openapi.spec import OpenAPIType, Schema

from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut
from application.analytics.optimization import OptimizationRequest, OptimizationResult, View
from domain.analytics.optimization.problem import (
    MAX_ASSETS,
    MAX_CELLS,
    MAX_OBSERVATIONS,
    MIN_OBSERVATIONS,
)

Matrix = list[list[float | None]]


class BoundIn(Input):
    """One asset's weight bounds (fractions; null: the portfolio-wide default)."""

    min: float | None = None
    max: float | None = None


class ViewIn(Input):
    """A Black-Litterman view: sum of weights[asset] x expected return = expected_return."""

    weights: Annotated[
        dict[str, float],
        msgspec.Meta(
            description='The view\'s portfolio by asset: {"AAA": 1} an absolute view, '
            '{"AAA": 1, "BBB": -1} a relative one'
        ),
    ]
    expected_return: Annotated[
        float, msgspec.Meta(description="The view's annual expected return (fraction)")
    ]
    confidence: Annotated[
        float | None,
        msgspec.Meta(
            description="Idzorek's confidence in (0, 1]: omega = (1 - c) / c x p tau S p' "
            "(1: held exactly); null: He & Litterman's omega = p tau S p'"
        ),
    ] = None


class OptimizationIn(Input):
    """What to optimise: `assets` with exactly one of `returns`, `prices` or `covariance`;
    or a stored `portfolio_id` / `account_id` with `start` and `end` (the bar store's closes)."""

    method: Annotated[
        str,
        msgspec.Meta(
            description=(
                "min_variance, max_sharpe, risk_parity, hrp, max_diversification, min_cvar, "
                "inverse_volatility or equal_weight (docs/optimization.md)"
            )
        ),
    ]
    assets: Annotated[
        list[str],
        msgspec.Meta(
            description=f"1 to {MAX_ASSETS:,} unique asset names; with a portfolio_id or "
            "account_id, symbols to consider beside the holdings (default none)"
        ),
    ] = msgspec.field(default_factory=list)
    returns: Annotated[
        Matrix | None,
        msgspec.Meta(
            description=(
                "Simple returns per period, oldest first: one row per period, one column per "
                f"asset; {MIN_OBSERVATIONS} to {MAX_OBSERVATIONS:,} rows, at most "
                f"{MAX_CELLS:,} values"
            )
        ),
    ] = None
    prices: Annotated[
        Matrix | None,
        msgspec.Meta(
            description="Prices (> 0), oldest first, one column per asset: returns "
            "are p_t / p_(t-1) - 1"
        ),
    ] = None
    covariance: Annotated[
        Matrix | None,
        msgspec.Meta(
            description="An annual covariance matrix (n x n, symmetric positive "
            "definite) instead of returns"
        ),
    ] = None
    expected_returns: Annotated[
        list[float | None] | None,
        msgspec.Meta(
            description="Annual expected returns per asset (fractions); default: "
            "the mean return x periods_per_year"
        ),
    ] = None
    covariance_estimator: Annotated[
        str, msgspec.Meta(description="ledoit_wolf (default) or sample")
    ] = "ledoit_wolf"
    periods_per_year: Annotated[
        int, msgspec.Meta(description="Periods a year of the returns (252 daily, 52, 12)")
    ] = 252
    risk_free_rate: Annotated[
        float, msgspec.Meta(description="Annual fraction (0.04 = 4 %), default 0")
    ] = 0.0
    long_only: Annotated[
        bool, msgspec.Meta(description="Default true; false allows short weights")
    ] = True
    min_weight: Annotated[
        float | None,
        msgspec.Meta(description="Every asset's lower bound (default 0, or -1 long-short)"),
    ] = None
    max_weight: Annotated[
        float | None, msgspec.Meta(description="Every asset's upper bound (default 1)")
    ] = None
    bounds: Annotated[
        dict[str, BoundIn] | None, msgspec.Meta(description="Per-asset bounds by asset name")
    ] = None
    risk_budgets: Annotated[
        dict[str, float] | None,
        msgspec.Meta(
            description="risk_parity: each asset's share of the risk, > 0, adding "
            "up to 1 (default equal)"
        ),
    ] = None
    confidence: Annotated[
        float,
        msgspec.Meta(
            description="min_cvar: the confidence level of the expected shortfall minimised, "
            "0.5 to 0.999 (0.95: the mean loss of the worst 5 % of the posted periods)"
        ),
    ] = 0.95

    sectors: Annotated[
        dict[str, str] | None,
        msgspec.Meta(
            description="Each asset's sector, for sector_limits (default: the stored "
            "instruments' sectors)"
        ),
    ] = None
    sector_limits: Annotated[
        dict[str, BoundIn] | None,
        msgspec.Meta(description="Per sector its floor and cap on the total weight"),
    ] = None
    current_weights: Annotated[
        dict[str, float] | None,
        msgspec.Meta(
            description="The current weights w0 by asset (absent: 0), for max_turnover and "
            "the answer's turnover; a stored portfolio's or account's are its holdings'"
        ),
    ] = None
    max_turnover: Annotated[
        float | None,
        msgspec.Meta(description="At most this sum of |w - w0| (0.2: 10 % sold, 10 % bought)"),
    ] = None
    benchmark: Annotated[
        dict[str, float] | None,
        msgspec.Meta(
            description="Benchmark weights by asset (absent: 0), adding up to 1: "
            "min_tracking_error's target, max_tracking_error's reference"
        ),
    ] = None
    max_tracking_error: Annotated[
        float | None,
        msgspec.Meta(description="At most this annual sqrt((w - b)'S(w - b)) (0.02 = 2 %)"),
    ] = None
    market_weights: Annotated[
        dict[str, float] | None,
        msgspec.Meta(description="black_litterman: the equilibrium's weights (adding up to 1)"),
    ] = None
    market_caps: Annotated[
        dict[str, float] | None,
        msgspec.Meta(description="black_litterman: market capitalisations instead of weights"),
    ] = None
    views: Annotated[
        list[ViewIn] | None, msgspec.Meta(description="black_litterman: the views (0 to 100)")
    ] = None
    tau: Annotated[
        float,
        msgspec.Meta(description="black_litterman: the prior's uncertainty scale, default 0.05"),
    ] = 0.05
    risk_aversion: Annotated[
        float | None,
        msgspec.Meta(
            description="black_litterman: delta (default 2.5); mean_cvar: lambda in "
            "mean - lambda x CVaR, per period (default 1)"
        ),
    ] = None
    target_return: Annotated[
        float | None,
        msgspec.Meta(description="mean_cvar: the least annual expected return; CVaR minimised"),
    ] = None
    portfolio_id: Annotated[
        str | None,
        msgspec.Meta(description="A ledger portfolio of yours: holdings, weights, bar closes"),
    ] = None
    account_id: Annotated[
        str | None,
        msgspec.Meta(description="A trading account you may read: its positions instead"),
    ] = None
    start: Annotated[
        date | None,
        msgspec.Meta(description="With a portfolio_id or account_id: the first day of closes"),
    ] = None
    end: Annotated[
        date | None,
        msgspec.Meta(description="With a portfolio_id or account_id: the last day of closes"),
    ] = None

    def to_request(self) -> OptimizationRequest:
        bounds = (
            None
            if self.bounds is None
            else {name: (b.min, b.max) for name, b in self.bounds.items()}
        )
        limits = (
            None
            if self.sector_limits is None
            else {name: (b.min, b.max) for name, b in self.sector_limits.items()}
        )
        views = tuple(View(v.weights, v.expected_return, v.confidence) for v in (self.views or ()))
        return self.into(OptimizationRequest, bounds=bounds, sector_limits=limits, views=views)


class OptimizedWeightOut(Output):
    """One asset: its weight, bounds, share of the portfolio's risk and annual figures."""

    asset: str
    weight: AnalyticOut
    lower_bound: AnalyticOut
    upper_bound: AnalyticOut
    risk_contribution: AnalyticOut
    volatility: AnalyticOut
    expected_return: AnalyticOut | None
    risk_budget: AnalyticOut | None = None
    current_weight: AnalyticOut | None = None
    benchmark_weight: AnalyticOut | None = None
    equilibrium_return: AnalyticOut | None = None  # black_litterman: Pi


class OptimizedPortfolioOut(Output):
    volatility: AnalyticOut
    expected_return: AnalyticOut | None
    sharpe_ratio: AnalyticOut | None
    effective_assets: AnalyticOut
    diversification_ratio: AnalyticOut
    turnover: AnalyticOut | None = None
    tracking_error: AnalyticOut | None = None


class BlackLittermanOut(Output):
    risk_aversion: AnalyticOut
    tau: AnalyticOut
    view_variances: list[AnalyticOut]  # omega's diagonal, one per view


class StoredSourceOut(Output):
    portfolio_id: str | None
    account_id: str | None
    start: date
    end: date
    left_out: list[str]


class CovarianceEstimateOut(Output):
    estimator: str
    shrinkage: AnalyticOut | None
    observations: int | None


CONVENTIONS = {
    "weights": "fractions of the portfolio, adding up to 1 (negative: short)",
    "returns": "simple returns per period, oldest first; annualised as mean x periods_per_year",
    "covariance": "annual (per-period covariance x periods_per_year); a posted one is annual",
    "volatility": "annual standard deviation, fraction (0.2 = 20 %)",
    "sharpe_ratio": "(expected_return - risk_free_rate) / volatility, annual",
    "risk_contribution": "w_i (S w)_i / (w'Sw): the asset's share of the variance; adds up to 1",
    "ledoit_wolf": "shrinkage to a scaled identity (Ledoit & Wolf 2004), scikit-learn, divisor T",
    "hrp": "single linkage on sqrt((1 - rho) / 2), recursive bisection (Lopez de Prado 2016)",
    "turnover": "sum of |w - w0| against the current weights",
    "tracking_error": "sqrt((w - b)' S (w - b)): annual volatility of the active return",
    "black_litterman": "Pi = delta S w_mkt; mu_BL = Pi + tau S P'(P tau S P' + Omega)^-1 "
    "(Q - P Pi) (He & Litterman 1999); weights max mu_BL'w - delta/2 w'Sw",
    "mean_cvar": "per period: mean return - lambda x CVaR, or min CVaR s.t. mean >= target / P",
}


class OptimizationOut(Output):
    method: str
    weights: list[OptimizedWeightOut]
    portfolio: OptimizedPortfolioOut
    covariance: CovarianceEstimateOut
    periods_per_year: int
    risk_free_rate: AnalyticOut
    solver: str
    conventions: dict[str, str]
    black_litterman: BlackLittermanOut | None = None
    source: StoredSourceOut | None = None

    @classmethod
    def from_result(
        cls, result: OptimizationResult, source: StoredSourceOut | None = None
    ) -> OptimizationOut:
        m = result.measures
        mu = result.asset_expected_return
        budgets = result.budgets
        current, benchmark, bl = result.current, result.benchmark, result.black_litterman
        return cls.from_attributes(
            result,
            method=result.method.value,
            weights=[
                OptimizedWeightOut(
                    asset=name,
                    weight=float(result.weights[i]),
                    lower_bound=float(result.bounds.lower[i]),
                    upper_bound=float(result.bounds.upper[i]),
                    risk_contribution=float(m.risk_contributions[i]),
                    volatility=float(result.asset_volatility[i]),
                    expected_return=None if mu is None else float(mu[i]),
                    risk_budget=None if budgets is None else float(budgets[i]),
                    current_weight=None if current is None else float(current[i]),
                    benchmark_weight=None if benchmark is None else float(benchmark[i]),
                    equilibrium_return=(None if bl is None else float(bl.posterior.equilibrium[i])),
                )
                for i, name in enumerate(result.assets)
            ],
            portfolio=OptimizedPortfolioOut.from_attributes(
                m, turnover=result.turnover, tracking_error=result.tracking_error
            ),
            black_litterman=(
                None
                if bl is None
                else BlackLittermanOut(
                    risk_aversion=bl.risk_aversion,
                    tau=bl.tau,
                    view_variances=[float(v) for v in bl.posterior.omega],
                )
            ),
            source=source,
            covariance=CovarianceEstimateOut.from_attributes(result.covariance),
            conventions=CONVENTIONS,
        )


def openapi_schema(struct: type[msgspec.Struct]) -> Schema:
    """The OpenAPI schema of a request Struct the handler decodes itself ($defs inlined)."""
    document = msgspec.json.schema(struct)
    return _schema(document, document.get("$defs", {}))


_TYPES = {t.value: t for t in OpenAPIType}


def _schema(node: dict[str, Any], defs: dict[str, Any]) -> Schema:
    if "$ref" in node:
        return _schema(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    extra = node.get("additionalProperties")
    return Schema(
        type=_TYPES[node["type"]] if "type" in node else None,
        any_of=[_schema(n, defs) for n in node["anyOf"]] if "anyOf" in node else None,
        items=_schema(node["items"], defs) if "items" in node else None,
        properties=(
            {k: _schema(v, defs) for k, v in node["properties"].items()}
            if "properties" in node
            else None
        ),
        additional_properties=(_schema(extra, defs) if isinstance(extra, dict) else extra),
        required=node.get("required") or None,
        description=node.get("description"),
        title=node.get("title"),
    )
