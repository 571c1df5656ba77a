"""Portfolio optimisation on posted inputs: nothing is read or stored.

The HTTP adapter hands in plain values; `optimize` checks them (domain/analytics/optimization),
estimates the covariance, runs the method on the PortfolioOptimizer, polishes the answer onto
the bounds and the budget and measures it. The service runs all of it within the compute
budget (off the event loop: 500 assets x 1,260 returns is about a second of CPU). Every
refusal is 422 with a stable code naming the field (docs/optimization.md).

Conventions: `returns` are simple returns per period, oldest first, one column per asset;
`periods_per_year` annualises them (mean x P, covariance x P); a posted `covariance` and
`expected_returns` are annual already; the risk-free rate is an annual fraction; weights are
fractions of the portfolio adding up to 1 (negative: short).
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from application.core.compute_budget import ComputeBudget
from domain.analytics.optimization.bounds import (
    WeightBounds,
    max_expected_return,
    polish,
    resolve_bounds,
)
from domain.analytics.optimization.errors import (
    InfeasibleBounds,
    InvalidOptimizationInput,
    MaxSharpeUnattainable,
    OptimizationFailed,
)
from domain.analytics.optimization.heuristics import equal_weight, inverse_volatility
from domain.analytics.optimization.measures import PortfolioMeasures, measure
from domain.analytics.optimization.problem import (
    LONG_ONLY_METHODS,
    FloatArray,
    Method,
    check_assets,
    check_positive_definite,
    check_sample_size,
    covariance_from_rows,
    parse_estimator,
    parse_method,
    returns_from_prices,
    returns_from_rows,
    vector,
)
from ports.analytics.optimization import PortfolioOptimizer

Rows = Sequence[Sequence[float | None]]
MAX_RISK_FREE = 1.0  # |annual fraction|
BUDGET_TOLERANCE = 1e-9
# Risk parity's answer is unique: a bound it breaks by more than this cannot be met.
RISK_PARITY_SLACK = 1e-9
# Minimum CVaR's confidence level: the share of scenarios outside its tail.
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.5, 0.999


@dataclass(frozen=True, slots=True)
class OptimizationRequest:
    """One optimisation as posted: exactly one of `returns`, `prices` or `covariance`."""

    method: str
    assets: Sequence[str]
    returns: Rows | None = None
    prices: Rows | None = None
    covariance: Rows | None = None
    expected_returns: Sequence[float | None] | None = None
    covariance_estimator: str = "ledoit_wolf"
    periods_per_year: int = 252
    risk_free_rate: float = 0.0
    long_only: bool = True
    min_weight: float | None = None
    max_weight: float | None = None
    bounds: Mapping[str, tuple[float | None, float | None]] | None = None
    risk_budgets: Mapping[str, float] | None = None
    confidence: float = 0.95


@dataclass(frozen=True, slots=True)
class CovarianceInfo:
    """Where the covariance came from: `estimator` ledoit_wolf / sample / posted, the
    shrinkage intensity (Ledoit-Wolf), the observations it was estimated on."""

    estimator: str
    shrinkage: float | None
    observations: int | None


@dataclass(frozen=True, slots=True)
class OptimizationResult:
    """Weights in the assets' order, their bounds, per-asset annual figures and the
    portfolio's measures; `budgets` for risk parity."""

    method: Method
    assets: tuple[str, ...]
    weights: FloatArray
    bounds: WeightBounds
    asset_volatility: FloatArray  # annual
    asset_expected_return: FloatArray | None  # annual
    measures: PortfolioMeasures
    covariance: CovarianceInfo
    periods_per_year: int
    risk_free_rate: float
    solver: str
    budgets: FloatArray | None = None


@dataclass(frozen=True, slots=True)
class _Market:
    covariance: FloatArray  # annual
    mu: FloatArray | None  # annual
    info: CovarianceInfo
    scenarios: FloatArray | None = None  # the posted or derived returns per period


def _market(
    request: OptimizationRequest, assets: tuple[str, ...], optimizer: PortfolioOptimizer
) -> _Market:
    given = [
        name
        for name, value in (
            ("returns", request.returns),
            ("prices", request.prices),
            ("covariance", request.covariance),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise InvalidOptimizationInput(
            "post exactly one of returns, prices or covariance"
            + (f" (got {', '.join(given)})" if given else ""),
            field=given[1] if len(given) > 1 else "returns",
        )
    width = len(assets)
    periods = request.periods_per_year
    if not 1 <= periods <= 366:
        raise InvalidOptimizationInput(
            f"periods_per_year must be 1 to 366 (252: daily), got {periods}",
            field="periods_per_year",
        )
    mu = (
        None
        if request.expected_returns is None
        else vector(request.expected_returns, width, "expected_returns")
    )
    if request.covariance is not None:
        covariance = covariance_from_rows(request.covariance, width)
        check_positive_definite(covariance, assets)
        return _Market(covariance, mu, CovarianceInfo("posted", None, None))
    estimator = parse_estimator(request.covariance_estimator)
    field = "returns" if request.returns is not None else "prices"
    if request.returns is not None:
        returns = returns_from_rows(request.returns, width)
    else:
        assert request.prices is not None
        returns = returns_from_prices(request.prices, width)
    check_sample_size(returns, estimator, field)
    estimate = optimizer.covariance(returns, estimator)
    covariance = estimate.covariance * periods
    try:
        check_positive_definite(covariance, assets, estimate.shrinkage)
    except InvalidOptimizationInput as error:
        raise type(error)(error.message, field=field) from None
    if mu is None:
        mu = returns.mean(axis=0) * periods
    info = CovarianceInfo(estimator.value, estimate.shrinkage, int(returns.shape[0]))
    return _Market(covariance, mu, info, returns)


def _budgets(request: OptimizationRequest, assets: tuple[str, ...]) -> FloatArray:
    if not request.risk_budgets:
        return np.full(len(assets), 1.0 / len(assets))
    unknown = set(request.risk_budgets) - set(assets)
    if unknown:
        raise InvalidOptimizationInput(
            f"risk_budgets names {sorted(unknown)[0][:64]!r}, which is not among the assets",
            field="risk_budgets",
        )
    budgets = np.array([request.risk_budgets.get(a, math.nan) for a in assets], dtype=np.float64)
    for name, value in zip(assets, budgets, strict=True):
        if not (math.isfinite(value) and value > 0.0):
            raise InvalidOptimizationInput(
                f"every asset needs a positive risk budget; {name!r} has {value!r}",
                field=f"risk_budgets.{name}",
            )
    total = float(budgets.sum())
    if abs(total - 1.0) > BUDGET_TOLERANCE:
        raise InvalidOptimizationInput(
            f"risk budgets must add up to 1, they add up to {total:.12g}", field="risk_budgets"
        )
    scaled: FloatArray = budgets / total
    return scaled


def optimize(request: OptimizationRequest, optimizer: PortfolioOptimizer) -> OptimizationResult:
    """Check, estimate, solve, polish and measure one request (blocking: run it off the loop)."""
    method = parse_method(request.method)
    assets = check_assets(request.assets)
    rf = request.risk_free_rate
    if not (math.isfinite(rf) and abs(rf) <= MAX_RISK_FREE):
        raise InvalidOptimizationInput(
            f"risk_free_rate is an annual fraction within [-1, 1], got {rf!r}",
            field="risk_free_rate",
        )
    bounds = resolve_bounds(
        assets,
        long_only=request.long_only,
        min_weight=request.min_weight,
        max_weight=request.max_weight,
        per_asset=request.bounds,
    )
    if method in LONG_ONLY_METHODS and not bounds.long_only:
        raise InvalidOptimizationInput(
            f"{method.value} is long-only: set long_only true and no negative bound",
            field="long_only",
        )
    if request.risk_budgets and method is not Method.RISK_PARITY:
        raise InvalidOptimizationInput("risk_budgets are risk parity's", field="risk_budgets")
    market = _market(request, assets, optimizer)
    confidence = request.confidence
    if not (math.isfinite(confidence) and MIN_CONFIDENCE <= confidence <= MAX_CONFIDENCE):
        raise InvalidOptimizationInput(
            f"confidence is a fraction within [{MIN_CONFIDENCE}, {MAX_CONFIDENCE}] (0.95: "
            f"the worst 5 % of scenarios), got {confidence!r}",
            field="confidence",
        )
    budgets = _budgets(request, assets) if method is Method.RISK_PARITY else None
    raw = _solve(method, market, bounds, rf, budgets, assets, optimizer, confidence)
    try:
        weights = polish(raw, bounds)
    except ValueError as exc:
        raise OptimizationFailed(f"{method.value}: {exc}") from None
    return OptimizationResult(
        method=method,
        assets=assets,
        weights=weights,
        bounds=bounds,
        asset_volatility=np.sqrt(np.diag(market.covariance)),
        asset_expected_return=market.mu,
        measures=measure(weights, market.covariance, market.mu, rf),
        covariance=market.info,
        periods_per_year=request.periods_per_year,
        risk_free_rate=rf,
        solver=optimizer.name,
        budgets=budgets,
    )


def _solve(
    method: Method,
    market: _Market,
    bounds: WeightBounds,
    rf: float,
    budgets: FloatArray | None,
    assets: tuple[str, ...],
    optimizer: PortfolioOptimizer,
    confidence: float,
) -> FloatArray:
    covariance = market.covariance
    if method is Method.EQUAL_WEIGHT:
        return equal_weight(bounds)
    if method is Method.INVERSE_VOLATILITY:
        return inverse_volatility(covariance, bounds)
    if method is Method.MAX_DIVERSIFICATION:
        # Choueifaty & Coignard (2008): the diversification ratio sigma'w / sqrt(w'Sw) is a
        # Sharpe ratio whose "excess returns" are the assets' volatilities, at a rate of 0.
        return optimizer.max_sharpe(np.sqrt(np.diag(covariance)), covariance, 0.0, bounds)
    if method is Method.MIN_CVAR:
        if market.scenarios is None:
            raise InvalidOptimizationInput(
                "min_cvar reads the scenarios' returns: post returns or prices, not a covariance",
                field="covariance",
            )
        return optimizer.min_cvar(market.scenarios, confidence, bounds)
    if method is Method.MIN_VARIANCE:
        return optimizer.min_variance(covariance, bounds)
    if method is Method.MAX_SHARPE:
        if market.mu is None:
            raise InvalidOptimizationInput(
                "maximum Sharpe needs expected_returns with a posted covariance",
                field="expected_returns",
            )
        best = max_expected_return(market.mu, bounds)
        if not best > rf:
            raise MaxSharpeUnattainable(
                f"no portfolio within the bounds expects more than the risk-free rate "
                f"({best:.6g} <= {rf:.6g} a year)",
                field="risk_free_rate",
            )
        return optimizer.max_sharpe(market.mu, covariance, rf, bounds)
    if method is Method.RISK_PARITY:
        assert budgets is not None
        weights = optimizer.risk_parity(covariance, budgets)
        _within(weights, bounds, assets)
        return weights
    return optimizer.hrp(covariance, bounds)


def _within(weights: FloatArray, bounds: WeightBounds, assets: tuple[str, ...]) -> None:
    """Risk parity's portfolio is unique: a bound it breaks cannot be honoured."""
    for i, name in enumerate(assets):
        if weights[i] < bounds.lower[i] - RISK_PARITY_SLACK:
            side, bound = "below its lower", bounds.lower[i]
        elif weights[i] > bounds.upper[i] + RISK_PARITY_SLACK:
            side, bound = "above its upper", bounds.upper[i]
        else:
            continue
        raise InfeasibleBounds(
            f"the risk-parity portfolio (unique) puts {weights[i]:.6g} in {name!r}, {side} "
            f"bound {bound:g}: widen the bound or change the risk budgets",
            field=f"bounds.{name}",
        )


@dataclass(eq=False)
class OptimizationService:
    """POST /api/v1/analytics/optimization: `optimize` within the compute budget."""

    optimizer: PortfolioOptimizer
    budget: ComputeBudget
    _warm: bool = field(init=False, default=False)

    async def optimize(self, request: OptimizationRequest) -> OptimizationResult:
        if not self._warm:  # the libraries' import, once, off the loop and outside the budget
            await asyncio.to_thread(self.optimizer.warm)
            self._warm = True
        label = f"{request.method[:32]} optimisation of {len(request.assets)} assets"
        return await self.budget.run(label, lambda: optimize(request, self.optimizer))
