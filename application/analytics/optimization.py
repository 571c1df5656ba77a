"""Portfolio optimisation on posted inputs, or on a stored portfolio's or account's holdings.

Nothing is stored. Posted: the HTTP adapter hands in plain values. Stored
(application/analytics/optimization_inputs.py): a `portfolio_id` or `account_id` the caller
may read (404 otherwise) gives the assets and the current weights (market values), and the
bar store their daily closes over [start, end]; then the same as posted.
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
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from application.analytics.optimization_inputs import StoredInputs, StoredSource
from application.core.compute_budget import ComputeBudget
from domain.analytics.optimization.black_litterman import (
    DEFAULT_RISK_AVERSION,
    DEFAULT_TAU,
    Posterior,
    Views,
    posterior,
)
from domain.analytics.optimization.bounds import (
    WeightBounds,
    max_expected_return,
    polish,
    resolve_bounds,
)
from domain.analytics.optimization.constraints import (
    Constraints,
    SectorLimit,
    check_tracking_cap,
    check_turnover,
    sector_limits,
    tracking_error,
    weights_of,
)
from domain.analytics.optimization.errors import (
    ConstraintNotSupported,
    InfeasibleBounds,
    InvalidOptimizationInput,
    MaxSharpeUnattainable,
    OptimizationFailed,
    TargetReturnUnattainable,
)
from domain.analytics.optimization.heuristics import equal_weight, inverse_volatility
from domain.analytics.optimization.measures import PortfolioMeasures, measure
from domain.analytics.optimization.problem import (
    CONSTRAINED_METHODS,
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
from domain.principals import Principal
from ports.analytics.optimization import PortfolioOptimizer

Rows = Sequence[Sequence[float | None]]
MAX_RISK_FREE = 1.0  # |annual fraction|
BUDGET_TOLERANCE = 1e-9
# Risk parity's answer is unique: a bound it breaks by more than this cannot be met.
RISK_PARITY_SLACK = 1e-9
# Minimum CVaR's confidence level: the share of scenarios outside its tail.
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.5, 0.999
# Mean-CVaR's default aversion to CVaR (per-period mean return - lambda x per-period CVaR).
DEFAULT_CVAR_AVERSION = 1.0
MAX_VIEWS = 100
MAX_RISK_AVERSION = 1_000.0


@dataclass(frozen=True, slots=True)
class View:
    """A Black-Litterman view: sum_i weights[i] x mu_i = expected_return (annual), held with
    `confidence` in (0, 1] (Idzorek) or None (He & Litterman's omega = p tau S p')."""

    weights: Mapping[str, float]
    expected_return: float
    confidence: float | None = None


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
    # constraints over the bounds (convex methods; constraints.py)
    sectors: Mapping[str, str] | None = None  # asset -> sector (else the instruments')
    sector_limits: Mapping[str, tuple[float | None, float | None]] | None = None
    current_weights: Mapping[str, float] | None = None  # w0 (stored: the holdings')
    max_turnover: float | None = None
    benchmark: Mapping[str, float] | None = None
    max_tracking_error: float | None = None  # annual
    # Black-Litterman
    market_weights: Mapping[str, float] | None = None
    market_caps: Mapping[str, float] | None = None
    views: Sequence[View] = ()
    tau: float = DEFAULT_TAU
    risk_aversion: float | None = None  # black_litterman: delta; mean_cvar: lambda
    target_return: float | None = None  # mean_cvar: annual
    # stored inputs instead of posted ones (optimization_inputs.py)
    portfolio_id: str | None = None
    account_id: str | None = None
    start: date | None = None
    end: date | None = None


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
    current: FloatArray | None = None  # w0
    benchmark: FloatArray | None = None
    turnover: float | None = None  # sum |w - w0|
    tracking_error: float | None = None  # annual, against the benchmark
    black_litterman: BlackLittermanInfo | None = None
    source: StoredSource | None = None  # a stored portfolio's or account's inputs


@dataclass(frozen=True, slots=True)
class BlackLittermanInfo:
    """The posterior Black-Litterman's weights rest on (annual), with its parameters."""

    posterior: Posterior
    market_weights: FloatArray
    risk_aversion: float
    tau: float


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
    constraints = _constraints(request, method, assets, bounds, market.covariance)
    budgets = _budgets(request, assets) if method is Method.RISK_PARITY else None
    bl = _black_litterman(request, assets, market) if method is Method.BLACK_LITTERMAN else None
    mu = market.mu if bl is None else bl.posterior.mean
    job = _Job(method, market, bounds, rf, assets, confidence, constraints, budgets, bl)
    raw = _solve(job, request, optimizer)
    try:
        weights = polish(raw, bounds)
    except ValueError as exc:
        raise OptimizationFailed(f"{method.value}: {exc}") from None
    current, benchmark = constraints.current, constraints.benchmark
    return OptimizationResult(
        method=method,
        assets=assets,
        weights=weights,
        bounds=bounds,
        asset_volatility=np.sqrt(np.diag(market.covariance)),
        asset_expected_return=mu,
        measures=measure(weights, market.covariance, mu, rf),
        covariance=market.info,
        periods_per_year=request.periods_per_year,
        risk_free_rate=rf,
        solver=optimizer.name,
        budgets=budgets,
        current=current,
        benchmark=benchmark,
        turnover=None if current is None else float(np.abs(weights - current).sum()),
        tracking_error=(
            None if benchmark is None else tracking_error(weights, benchmark, market.covariance)
        ),
        black_litterman=bl,
    )


@dataclass(frozen=True, slots=True)
class _Job:
    method: Method
    market: _Market
    bounds: WeightBounds
    rf: float
    assets: tuple[str, ...]
    confidence: float
    constraints: Constraints
    budgets: FloatArray | None
    bl: BlackLittermanInfo | None


def _constraints(
    request: OptimizationRequest,
    method: Method,
    assets: tuple[str, ...],
    bounds: WeightBounds,
    covariance: FloatArray,
) -> Constraints:
    """The constraints over the bounds, checked (constraints.py); the current weights and the
    benchmark are kept for the answer's turnover and tracking error even without a limit."""
    current = benchmark = None
    if request.current_weights is not None:
        current = weights_of(request.current_weights, assets, "current_weights", budget=False)
    if request.benchmark is not None:
        benchmark = weights_of(request.benchmark, assets, "benchmark", budget=True)
    sectors: tuple[SectorLimit, ...] = ()
    if request.sector_limits:
        if request.sectors is None:
            raise InvalidOptimizationInput(
                "sector_limits need each asset's sector: post sectors {asset: sector}",
                field="sectors",
            )
        sectors = sector_limits(assets, request.sectors, request.sector_limits, bounds)
    turnover = None
    if request.max_turnover is not None:
        if current is None:
            raise InvalidOptimizationInput(
                "max_turnover is measured from the current weights: post current_weights, or "
                "a portfolio_id / account_id",
                field="current_weights",
            )
        turnover = check_turnover(current, request.max_turnover, bounds)
    cap: float | None = None
    factor: FloatArray | None = None
    if request.max_tracking_error is not None:
        if benchmark is None:
            raise InvalidOptimizationInput(
                "max_tracking_error is measured against a benchmark: post benchmark weights",
                field="benchmark",
            )
        cap = check_tracking_cap(request.max_tracking_error)
        factor = np.asarray(np.linalg.cholesky(covariance), dtype=np.float64)
    found = Constraints(sectors, current, turnover, benchmark, cap, factor)
    if found.any and method not in CONSTRAINED_METHODS:
        raise ConstraintNotSupported(
            f"{method.value} is a rule or a unique answer: it cannot honour "
            f"{', '.join(found.fields())} (the convex methods can: "
            f"{', '.join(sorted(m.value for m in CONSTRAINED_METHODS))})",
            field=found.fields()[0],
        )
    return found


def _black_litterman(
    request: OptimizationRequest, assets: tuple[str, ...], market: _Market
) -> BlackLittermanInfo:
    """The posterior of the market weights (or caps, or the current weights) and the views."""
    if request.market_weights is not None and request.market_caps is not None:
        raise InvalidOptimizationInput(
            "post market_weights or market_caps, not both", field="market_caps"
        )
    if request.market_weights is not None:
        market_weights = weights_of(request.market_weights, assets, "market_weights", budget=True)
    elif request.market_caps is not None:
        caps = weights_of(request.market_caps, assets, "market_caps", budget=False)
        if np.any(caps < 0.0) or not caps.sum() > 0.0:
            raise InvalidOptimizationInput(
                "market_caps are >= 0 with a positive total", field="market_caps"
            )
        market_weights = caps / caps.sum()
    elif request.current_weights is not None:
        market_weights = weights_of(request.current_weights, assets, "current_weights", budget=True)
    else:
        raise InvalidOptimizationInput(
            "black_litterman's equilibrium needs market_weights or market_caps (or "
            "current_weights, or a stored portfolio_id / account_id)",
            field="market_weights",
        )
    delta = DEFAULT_RISK_AVERSION if request.risk_aversion is None else request.risk_aversion
    if not (math.isfinite(delta) and 0.0 < delta <= MAX_RISK_AVERSION):
        raise InvalidOptimizationInput(
            f"risk_aversion is within (0, {MAX_RISK_AVERSION:g}], got {delta!r}",
            field="risk_aversion",
        )
    tau = request.tau
    if not (math.isfinite(tau) and 0.0 < tau <= 1.0):
        raise InvalidOptimizationInput(f"tau is within (0, 1], got {tau!r}", field="tau")
    views = _views(request.views, assets)
    found = posterior(market.covariance, market_weights, delta, tau, views)
    return BlackLittermanInfo(found, market_weights, delta, tau)


def _views(given: Sequence[View], assets: tuple[str, ...]) -> Views | None:
    if not given:
        return None
    if len(given) > MAX_VIEWS:
        raise InvalidOptimizationInput(f"at most {MAX_VIEWS} views", field="views")
    picks = np.zeros((len(given), len(assets)))
    returns = np.zeros(len(given))
    confidences = np.full(len(given), math.nan)
    for k, view in enumerate(given):
        where = f"views[{k}]"
        if not view.weights:
            raise InvalidOptimizationInput("a view names its assets", field=f"{where}.weights")
        picks[k] = weights_of(view.weights, assets, f"{where}.weights", budget=False)
        if not np.any(picks[k] != 0.0):
            raise InvalidOptimizationInput("a view weighs some asset", field=f"{where}.weights")
        if not (math.isfinite(view.expected_return) and abs(view.expected_return) <= 10.0):
            raise InvalidOptimizationInput(
                "a view's expected_return is an annual fraction within [-10, 10]",
                field=f"{where}.expected_return",
            )
        returns[k] = view.expected_return
        if view.confidence is not None:
            if not (math.isfinite(view.confidence) and 0.0 < view.confidence <= 1.0):
                raise InvalidOptimizationInput(
                    f"a view's confidence is within (0, 1] (Idzorek), got {view.confidence!r}",
                    field=f"{where}.confidence",
                )
            confidences[k] = view.confidence
    return Views(picks, returns, confidences)


def _solve(job: _Job, request: OptimizationRequest, optimizer: PortfolioOptimizer) -> FloatArray:
    method, market, bounds, rf = job.method, job.market, job.bounds, job.rf
    constraints = job.constraints
    covariance = market.covariance
    if method is Method.EQUAL_WEIGHT:
        return equal_weight(bounds)
    if method is Method.INVERSE_VOLATILITY:
        return inverse_volatility(covariance, bounds)
    if method is Method.MAX_DIVERSIFICATION:
        # Choueifaty & Coignard (2008): the diversification ratio sigma'w / sqrt(w'Sw) is a
        # Sharpe ratio whose "excess returns" are the assets' volatilities, at a rate of 0.
        sigma = np.sqrt(np.diag(covariance))
        return optimizer.max_sharpe(sigma, covariance, 0.0, bounds, constraints)
    if method in (Method.MIN_CVAR, Method.MEAN_CVAR):
        if market.scenarios is None:
            raise InvalidOptimizationInput(
                f"{method.value} reads the scenarios' returns: post returns or prices, not a "
                "covariance",
                field="covariance",
            )
        if method is Method.MIN_CVAR:
            return optimizer.min_cvar(market.scenarios, job.confidence, bounds, constraints)
        return _mean_cvar(job, request, optimizer, market.scenarios)
    if method is Method.MIN_VARIANCE:
        return optimizer.min_variance(covariance, bounds, constraints)
    if method is Method.BLACK_LITTERMAN:
        assert job.bl is not None
        return optimizer.mean_variance(
            job.bl.posterior.mean, covariance, job.bl.risk_aversion, bounds, constraints
        )
    if method is Method.MIN_TRACKING_ERROR:
        if constraints.benchmark is None:
            raise InvalidOptimizationInput(
                "min_tracking_error needs benchmark weights {asset: weight}", field="benchmark"
            )
        return optimizer.min_tracking_error(covariance, constraints.benchmark, bounds, constraints)
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
        return optimizer.max_sharpe(market.mu, covariance, rf, bounds, constraints)
    if method is Method.RISK_PARITY:
        assert job.budgets is not None
        weights = optimizer.risk_parity(covariance, job.budgets)
        _within(weights, bounds, job.assets)
        return weights
    return optimizer.hrp(covariance, bounds)


def _mean_cvar(
    job: _Job, request: OptimizationRequest, optimizer: PortfolioOptimizer, scenarios: FloatArray
) -> FloatArray:
    """max mu'w - lambda CVaR, or min CVaR s.t. mu'w >= target; per period (mu / P)."""
    assert job.market.mu is not None  # scenarios give a mean
    periods = request.periods_per_year
    mu = job.market.mu / periods
    target = request.target_return
    if target is not None:
        if request.risk_aversion is not None:
            raise InvalidOptimizationInput(
                "mean_cvar takes a target_return or a risk_aversion, not both",
                field="risk_aversion",
            )
        if not (math.isfinite(target) and abs(target) <= 10.0):
            raise InvalidOptimizationInput(
                f"target_return is an annual fraction within [-10, 10], got {target!r}",
                field="target_return",
            )
        best = max_expected_return(job.market.mu, job.bounds)
        if best < target - 1e-12:
            raise TargetReturnUnattainable(
                f"no portfolio within the bounds expects {target:.6g} a year (at most {best:.6g})",
                field="target_return",
            )
        return optimizer.mean_cvar(
            scenarios, mu, job.confidence, job.bounds,
            target_return=target / periods, constraints=job.constraints,
        )  # fmt: skip
    aversion = DEFAULT_CVAR_AVERSION if request.risk_aversion is None else request.risk_aversion
    if not (math.isfinite(aversion) and 0.0 <= aversion <= MAX_RISK_AVERSION):
        raise InvalidOptimizationInput(
            f"risk_aversion (lambda) is within [0, {MAX_RISK_AVERSION:g}], got {aversion!r}",
            field="risk_aversion",
        )
    return optimizer.mean_cvar(
        scenarios, mu, job.confidence, job.bounds,
        risk_aversion=aversion, constraints=job.constraints,
    )  # fmt: skip


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
    """POST /api/v1/analytics/optimization: `optimize` within the compute budget, on posted
    inputs or (`stored`) a portfolio's or account's holdings and the bar store's closes."""

    optimizer: PortfolioOptimizer
    budget: ComputeBudget
    stored: StoredInputs | None = None
    _warm: bool = field(init=False, default=False)

    async def optimize(
        self, request: OptimizationRequest, principal: Principal | None = None
    ) -> OptimizationResult:
        source = None
        if request.portfolio_id is not None or request.account_id is not None:
            request, source = await self._stored(principal, request)
        elif request.sector_limits and request.sectors is None and self.stored is not None:
            assets = check_assets(request.assets)
            request = replace(request, sectors=await self.stored.sectors(assets))
        if not self._warm:  # the libraries' import, once, off the loop and outside the budget
            await asyncio.to_thread(self.optimizer.warm)
            self._warm = True
        label = f"{request.method[:32]} optimisation of {len(request.assets)} assets"
        ready = request
        result = await self.budget.run(label, lambda: optimize(ready, self.optimizer))
        return result if source is None else replace(result, source=source)

    async def resolve_stored(
        self, principal: Principal, request: OptimizationRequest
    ) -> tuple[OptimizationRequest, StoredSource]:
        """A stored portfolio's or account's request with its inputs read (assets, prices,
        current weights, sectors): what `optimize` does first, for a caller that optimises the
        same inputs more than once (the console's efficient frontier)."""
        return await self._stored(principal, request)

    async def _stored(
        self, principal: Principal | None, request: OptimizationRequest
    ) -> tuple[OptimizationRequest, StoredSource]:
        field = "portfolio_id" if request.portfolio_id is not None else "account_id"
        if self.stored is None or principal is None:
            raise InvalidOptimizationInput(
                "this instance optimises posted inputs only", field=field
            )
        parse_method(request.method)  # an unknown method before anything is read
        resolved, source = await self.stored.resolve(principal, request)
        if resolved.sector_limits and resolved.sectors is None:
            resolved = replace(resolved, sectors=await self.stored.sectors(resolved.assets))
        return resolved, source
