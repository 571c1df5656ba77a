"""POST /api/v1/risk/scenario-simulation: regime-switching Monte Carlo of a portfolio's horizon.

The portfolio is `weights` (fractions summing to 1, one per asset), an account the caller may
read (404 otherwise): its open positions weighted by market value over their net market value
(the invested part; cash does not move, so money figures are on that net value), or a ledger
portfolio of the caller's (404 otherwise; application/analytics/scenario_holdings.py: its
priced positions in its base currency over their total); `symbols` names the weights' assets.
The market model is fitted to the assets' stored daily closes when the portfolio names its
assets (an account's, a portfolio's, or `symbols`) and the caller leaves the model to
Bulwark (no `model`, `initial_regime` nor `prices`; `calibrate` true): one regime,
`Regime.CALIBRATED`, with the fitted drifts, volatilities, correlation and Student-t nu
(application/analytics/scenario_calibration.py); otherwise, or when the history is short, it
is `default_model(assets)` (domain/analytics/montecarlo/regime_model.py) with the overrides
given, and the answer's calibration says why. The regime model's run starts in
`initial_regime`, or the regime detected from `prices`
(domain/analytics/regime_detection.py), or else the model's most likely regime in the long run
(the stationary distribution's mode). The simulated horizon returns go through
domain/analytics/risk_report (historical and Cornish-Fisher VaR / CVaR, horizon already in the
sample). The kernel is ComputePort.regime (the CPU numba engine or the CUDA kernel, as the
container chose; the domain's simulate_regimes when no port is wired), run through the
ComputeBudget (off the event loop, bounded in time: 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET).
The fit, the control variates and the importance-sampled second run (antithetic off, the same
paths and seed, the normals shifted towards losses) run inside the same budgeted work.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import numpy as np

from application.analytics.scenario_calibration import (
    CalibrationOutcome,
    ImportanceSampling,
    StoredCloses,
    VarianceReduction,
    control_variates,
    fit,
    plain_standard_error,
    stored_closes,
)
from application.analytics.scenario_holdings import portfolio_weights
from application.analytics.value_at_risk import AccountValuation, check_confidences
from application.core.compute_budget import ComputeBudget
from application.portfolio.portfolios import PortfolioService
from application.trading.risk import NoReferencePrice
from domain.analytics.montecarlo.calibration import NoCalibration, calibrated_model
from domain.analytics.montecarlo.regime_model import (
    InvalidRegimeModel,
    Regime,
    RegimeModel,
    RegimeParameters,
    default_model,
    stationary_distribution,
)
from domain.analytics.montecarlo.variance_reduction import importance_shift, tail_estimates
from domain.analytics.regime_detection import InvalidPriceHistory, RegimeReading, detect_regime
from domain.analytics.risk_report import CORNISH_FISHER, HISTORICAL, RiskReport, risk_report
from domain.jit import NUMBA_ENABLED
from domain.principals import Principal
from domain.risk.metrics import InvalidRiskInput
from ports.core.clock import Clock
from ports.core.compute import ComputePort
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.market_data.marketdata import MarketDataPort

if TYPE_CHECKING:  # the simulation's kernel loads numba: imported when a scenario runs
    from domain.analytics.montecarlo.regime import RegimeSimulation

MAX_PATH_STEPS = 10_000_000  # paths x steps per request (422 naming `paths`)
MAX_ASSETS = 50
MIN_PATHS, MAX_PATHS = 100, 1_000_000
MAX_STEPS = 2520  # ten years of trading days
SCENARIO_METHODS = (HISTORICAL, CORNISH_FISHER)
RegimeSource = Literal["given", "detected", "stationary", "calibrated"]
DT = 1.0 / 252.0
# Plausibility bounds of the model overrides (annual rates, log sizes): wider than any market,
# narrow enough that no path overflows a float.
DRIFT_BOUND, VOLATILITY_BOUND = 5.0, 5.0
SCALAR_BOUNDS = {
    "student_t_dof": (2.0, 1000.0),  # > 2 checked by the model itself
    "jump_intensity": (0.0, 252.0),
    "jump_mean": (-2.0, 2.0),
    "jump_std": (0.0, 2.0),
    "black_swan_return": (-5.0, 5.0),
}


@dataclass(frozen=True, slots=True)
class RegimeOverride:
    """One regime's annual drift / volatility (a number for every asset, or one per asset)
    and its correlation (one pairwise number, or the assets x assets matrix)."""

    drift: float | Sequence[float] | None = None
    volatility: float | Sequence[float] | None = None
    correlation: float | Sequence[Sequence[float]] | None = None


@dataclass(frozen=True, slots=True)
class ModelOverrides:
    """Changes to default_model(assets, correlation=...); None keeps the default."""

    correlation: float | None = None
    regimes: Mapping[Regime, RegimeOverride] = field(default_factory=dict)
    transition: Sequence[Sequence[float]] | None = None  # rows/cols: bull, bear, volatile, stable
    student_t_dof: float | None = None
    normal_shocks: bool = False  # True: Gaussian shocks (no Student-t)
    jump_intensity: float | None = None
    jump_mean: float | None = None
    jump_std: float | None = None
    black_swan_probability: float | None = None
    black_swan_return: float | None = None


@dataclass(frozen=True, slots=True)
class ScenarioRequest:
    weights: Sequence[float] | None = None
    account_id: str | None = None
    portfolio_value: Decimal | None = None
    model: ModelOverrides = field(default_factory=ModelOverrides)
    initial_regime: Regime | None = None
    prices: Sequence[float] | None = None
    paths: int = 10_000
    steps: int = 21
    seed: int = 0
    antithetic: bool = True
    confidences: Sequence[float] = (0.95, 0.99)
    symbols: Sequence[str] | None = None
    calibrate: bool = True
    importance_sampling: bool = True
    portfolio_id: str | None = None


@dataclass(frozen=True, slots=True)
class ComputeUsed:
    """The ComputePort backend that ran the kernel (cpu / cuda), inside the ComputeBudget."""

    backend: str
    device: str
    numba: bool
    runner: str


@dataclass(frozen=True)
class ScenarioResult:
    simulation: RegimeSimulation
    report: RiskReport
    assets: tuple[str, ...]
    weights: tuple[float, ...]
    portfolio_value: Decimal | None
    account_id: str | None
    model: RegimeModel
    initial_regime: Regime
    regime_source: RegimeSource
    detection: RegimeReading | None
    compute: ComputeUsed
    calibration: CalibrationOutcome
    variance_reduction: VarianceReduction
    portfolio_id: str | None = None
    left_out: tuple[str, ...] = ()  # a portfolio's positions not weighed ("SYMBOL: why")


_Work = tuple[
    "RegimeSimulation", RiskReport, CalibrationOutcome, RegimeModel, Regime, RegimeSource,
    VarianceReduction,
]  # fmt: skip


class ScenarioSimulationService:
    """Regime-switching scenario risk of a portfolio (module doc)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        market_data: MarketDataPort,
        budget: ComputeBudget,
        compute: ComputePort | None = None,
        *,
        bars: Callable[[], BarStore] | None = None,
        clock: Clock | None = None,
        portfolios: PortfolioService | None = None,
    ) -> None:
        self._accounts = AccountValuation(uow_factory, market_data)
        self._portfolios = portfolios
        self._budget = budget
        self._compute = compute
        self._bars = bars
        self._clock = clock

    async def simulate(self, principal: Principal, request: ScenarioRequest) -> ScenarioResult:
        confidences = check_confidences(request.confidences)
        _check_sizes(request)
        given = [request.weights, request.account_id, request.portfolio_id]
        if sum(g is not None for g in given) != 1:
            raise InvalidRiskInput(
                "give exactly one of weights, account_id or portfolio_id", field="weights"
            )
        value = request.portfolio_value
        left_out: tuple[str, ...] = ()
        if request.weights is not None:
            weights = _check_weights(request.weights)
            assets = _check_symbols(request.symbols, len(weights))
        else:
            what = "an account" if request.account_id is not None else "a portfolio"
            if value is not None:
                raise InvalidRiskInput(
                    f"{what}'s value comes from its positions", field="portfolio_value"
                )
            if request.symbols is not None:
                raise InvalidRiskInput(f"{what}'s assets are its positions", field="symbols")
            if request.account_id is not None:
                assets, weights, value = await self._account_weights(principal, request.account_id)
            else:
                assert request.portfolio_id is not None
                held = await portfolio_weights(
                    self._portfolios, principal, request.portfolio_id, MAX_ASSETS
                )
                assets, weights, value, left_out = (
                    held.assets, held.weights, held.value, held.left_out
                )  # fmt: skip
        default = build_model(len(weights), request.model)
        detection = None
        if request.prices is not None:
            try:
                detection = detect_regime(list(request.prices))
            except InvalidPriceHistory as exc:
                raise InvalidRiskInput(exc.message, field="prices") from None
        if request.initial_regime is not None and request.initial_regime not in default.regimes:
            raise InvalidRiskInput(
                "initial_regime must be one of bull, bear, volatile, stable", field="initial_regime"
            )
        stored, outcome = await self._stored(request, assets)

        def work() -> _Work:
            chosen = outcome if stored is None else fit(stored, weights)
            source: RegimeSource = "calibrated"
            if chosen.calibration is not None:
                model, initial = calibrated_model(chosen.calibration), Regime.CALIBRATED
            else:
                model = default
                initial, source = _initial_regime(request, detection, model)
            w = np.asarray(weights, dtype=np.float64)
            simulation = self._engine()(
                model, w, steps=request.steps, paths=request.paths, initial_regime=initial,
                seed=request.seed, antithetic=request.antithetic,
            )  # fmt: skip
            report = _report(simulation.portfolio_returns, confidences)
            reduction = self._reduce(request, model, initial, w, simulation, report, confidences)
            return simulation, report, chosen, model, initial, source, reduction

        simulation, report, chosen, model, initial, source, reduction = await self._budget.run(
            "scenario simulation", work
        )
        return ScenarioResult(
            simulation=simulation,
            report=report,
            assets=assets,
            weights=tuple(weights),
            portfolio_value=value,
            account_id=request.account_id,
            model=model,
            initial_regime=initial,
            regime_source=source,
            detection=detection,
            compute=self._compute_used(),
            calibration=chosen,
            variance_reduction=reduction,
            portfolio_id=request.portfolio_id,
            left_out=left_out,
        )

    async def _stored(
        self, request: ScenarioRequest, assets: tuple[str, ...]
    ) -> tuple[StoredCloses | NoCalibration | None, CalibrationOutcome]:
        """The closes to fit (None: no fit, the outcome says why)."""
        if not request.calibrate:
            return None, CalibrationOutcome("not_requested", "calibrate is false")
        if request.account_id is None and request.portfolio_id is None and request.symbols is None:
            return None, CalibrationOutcome(
                "not_requested", "the weights name no symbols whose history could be fitted"
            )
        given = [
            name
            for name, unset in (
                ("model", request.model == ModelOverrides()),
                ("initial_regime", request.initial_regime is None),
                ("prices", request.prices is None),
            )
            if not unset
        ]
        if given:
            return None, CalibrationOutcome(
                "not_requested", f"the regime model was chosen ({', '.join(given)} given)"
            )
        if self._bars is None or self._clock is None:
            return NoCalibration("no bar history store is wired"), CalibrationOutcome("fallback")
        return await stored_closes(self._bars, assets, self._clock.now()), CalibrationOutcome(
            "fallback"
        )

    def _engine(self) -> Callable[..., RegimeSimulation]:
        if self._compute is None:  # the domain's engine (its kernel loads numba), imported now
            from domain.analytics.montecarlo.regime import simulate_regimes

            return simulate_regimes
        return self._compute.regime

    def _reduce(
        self,
        request: ScenarioRequest,
        model: RegimeModel,
        initial: Regime,
        weights: np.ndarray,
        simulation: RegimeSimulation,
        report: RiskReport,
        confidences: Sequence[float],
    ) -> VarianceReduction:
        """Control variates on the run, and the importance-sampled run beside it (CPU work)."""
        returns = simulation.portfolio_returns
        controlled = control_variates(
            model, initial, weights, simulation.asset_returns, returns,
            steps=request.steps, dt=DT, antithetic=request.antithetic,
        )  # fmt: skip
        sampling, note = None, None
        top = max(confidences)
        theta = importance_shift(model, weights, initial, request.steps, DT, top)
        if not request.importance_sampling:
            note = "importance_sampling is false"
        elif not np.any(theta):
            note = "the portfolio has no diffusion to shift"
        else:
            shifted = self._engine()(
                model, weights, steps=request.steps, paths=request.paths, initial_regime=initial,
                seed=request.seed, antithetic=False, shift=theta,
            )  # fmt: skip
            assert shifted.log_likelihood_ratio is not None
            historical = {r.confidence: r.var for r in report.rows if r.method == HISTORICAL}
            tails = tuple(
                tail_estimates(
                    returns,
                    historical[c],
                    request.antithetic,
                    shifted.portfolio_returns,
                    shifted.log_likelihood_ratio,
                    c,
                )
                for c in confidences
            )
            sampling = ImportanceSampling(tuple(float(t) for t in theta), top, request.paths, tails)
        return VarianceReduction(
            plain_standard_error=plain_standard_error(returns),
            antithetic_standard_error=simulation.mean_return_standard_error
            if request.antithetic
            else None,
            control_variate=controlled,
            importance_sampling=sampling,
            importance_note=note,
        )

    def _compute_used(self) -> ComputeUsed:
        if self._compute is None:
            return ComputeUsed("cpu", "domain simulate_regimes", NUMBA_ENABLED, "ComputeBudget")
        info = self._compute.info()
        return ComputeUsed(info.backend, info.device, info.numba, "ComputeBudget")

    async def _account_weights(
        self, principal: Principal, account_id: str
    ) -> tuple[tuple[str, ...], list[float], Decimal]:
        account, _ = await self._accounts.load(principal, account_id)
        held = sorted(s for s, p in account.positions.items() if not p.is_flat)
        if not held:
            raise InvalidRiskInput("the account holds no positions to simulate", field="account_id")
        if len(held) > MAX_ASSETS:
            raise InvalidRiskInput(
                f"at most {MAX_ASSETS} assets per simulation, the account holds {len(held)}",
                field="account_id",
            )
        marks = await self._accounts.marks(held)
        try:
            values = [account.positions[s].market_value(marks[s]) for s in held]
        except KeyError as exc:  # a mark gone between the valuation and now
            raise NoReferencePrice(f"no mark for {exc}", field="account_id") from None
        net = sum(values, Decimal(0))
        if net <= 0:
            raise InvalidRiskInput(
                "the positions' net market value must be positive to weight them",
                field="account_id",
            )
        return tuple(held), [float(v / net) for v in values], net


def _initial_regime(
    request: ScenarioRequest, detection: RegimeReading | None, model: RegimeModel
) -> tuple[Regime, RegimeSource]:
    if request.initial_regime is not None:
        return request.initial_regime, "given"
    if detection is not None:
        return detection.label, "detected"
    pi = stationary_distribution(model.transition)
    return model.regimes[int(np.argmax(pi))], "stationary"


def _report(returns: np.ndarray, confidences: Sequence[float]) -> RiskReport:
    try:
        return risk_report(returns, confidences, methods=SCENARIO_METHODS)
    except ValueError as exc:  # a model whose paths leave the floats
        raise InvalidRiskInput(f"the simulated returns: {exc}", field="model") from None


def _check_symbols(symbols: Sequence[str] | None, count: int) -> tuple[str, ...]:
    """The weights' asset names: `symbols` (one per weight, distinct), else asset_0, ..."""
    if symbols is None:
        return tuple(f"asset_{i}" for i in range(count))
    if len(symbols) != count:
        raise InvalidRiskInput(f"give one symbol per weight ({count})", field="symbols")
    if len(set(symbols)) != count or not all(s.strip() for s in symbols):
        raise InvalidRiskInput("symbols must be distinct and non-empty", field="symbols")
    return tuple(symbols)


def _check_sizes(request: ScenarioRequest) -> None:
    if not MIN_PATHS <= request.paths <= MAX_PATHS:
        raise InvalidRiskInput(f"paths must be {MIN_PATHS} to {MAX_PATHS:,}", field="paths")
    if not 1 <= request.steps <= MAX_STEPS:
        raise InvalidRiskInput(f"steps must be 1 to {MAX_STEPS}", field="steps")
    if request.paths * request.steps > MAX_PATH_STEPS:
        raise InvalidRiskInput(
            f"paths x steps must be at most {MAX_PATH_STEPS:,}, got "
            f"{request.paths * request.steps:,}",
            field="paths",
        )
    if not 0 <= request.seed < 2**63:
        raise InvalidRiskInput("seed must be in [0, 2^63)", field="seed")
    value = request.portfolio_value
    if value is not None and (not value.is_finite() or value < 0):
        raise InvalidRiskInput("must be finite and >= 0", field="portfolio_value")


def _check_weights(weights: Sequence[float]) -> list[float]:
    if not 1 <= len(weights) <= MAX_ASSETS:
        raise InvalidRiskInput(f"give 1 to {MAX_ASSETS} weights (one per asset)", field="weights")
    for index, weight in enumerate(weights):
        if not math.isfinite(weight):
            raise InvalidRiskInput("weights must be finite", field=f"weights[{index}]")
    if not math.isclose(math.fsum(weights), 1.0, rel_tol=0.0, abs_tol=1e-9):
        raise InvalidRiskInput("weights must sum to 1", field="weights")
    return [float(w) for w in weights]


def build_model(assets: int, overrides: ModelOverrides) -> RegimeModel:
    """default_model(assets) with `overrides`; 422 INVALID_RISK_INPUT naming the model field."""
    try:
        base = (
            default_model(assets)
            if overrides.correlation is None
            else default_model(assets, correlation=overrides.correlation)
        )
    except InvalidRegimeModel as exc:
        raise InvalidRiskInput(exc.message, field="model.correlation") from None
    for name, (lo, hi) in SCALAR_BOUNDS.items():
        value = getattr(overrides, name)
        if value is not None and not (math.isfinite(value) and lo <= value <= hi):
            raise InvalidRiskInput(f"must lie in [{lo:g}, {hi:g}]", field=f"model.{name}")
    unknown = set(overrides.regimes) - set(base.regimes)
    if unknown:
        raise InvalidRiskInput(f"unknown regimes {sorted(unknown)}", field="model.regimes")
    parameters = tuple(
        _parameters(regime, params, overrides.regimes.get(regime), assets)
        for regime, params in zip(base.regimes, base.parameters, strict=True)
    )
    dof = base.student_t_dof if overrides.student_t_dof is None else overrides.student_t_dof
    scalars = {
        name: getattr(base, name) if getattr(overrides, name) is None else getattr(overrides, name)
        for name in (
            "jump_intensity",
            "jump_mean",
            "jump_std",
            "black_swan_probability",
            "black_swan_return",
        )
    }
    try:
        return RegimeModel(
            regimes=base.regimes,
            parameters=parameters,
            transition=base.transition
            if overrides.transition is None
            else np.asarray(overrides.transition, dtype=np.float64),
            student_t_dof=None if overrides.normal_shocks else dof,
            **scalars,
        )
    except (InvalidRegimeModel, ValueError) as exc:
        name = getattr(exc, "field", None) or "transition"
        raise InvalidRiskInput(str(exc), field=f"model.{name}") from None


def _parameters(
    regime: Regime, base: RegimeParameters, override: RegimeOverride | None, assets: int
) -> RegimeParameters:
    if override is None:
        return base
    where = f"model.regimes.{regime.value}"
    try:
        drift = _per_asset(override.drift, base.drift, assets, f"{where}.drift", DRIFT_BOUND)
        vol = _per_asset(
            override.volatility, base.volatility, assets, f"{where}.volatility", VOLATILITY_BOUND
        )
        correlation = base.correlation
        if isinstance(override.correlation, int | float):
            correlation = np.full((assets, assets), float(override.correlation))
            np.fill_diagonal(correlation, 1.0)
        elif override.correlation is not None:
            correlation = np.asarray(override.correlation, dtype=np.float64)
        return RegimeParameters(drift, vol, correlation)
    except InvalidRegimeModel as exc:
        raise InvalidRiskInput(exc.message, field=f"{where}.{exc.field or 'correlation'}") from None
    except ValueError as exc:  # a ragged matrix
        raise InvalidRiskInput(str(exc), field=f"{where}.correlation") from None


def _per_asset(
    value: float | Sequence[float] | None,
    default: np.ndarray,
    assets: int,
    where: str,
    bound: float,
) -> np.ndarray:
    if value is None:
        return default
    if isinstance(value, int | float):
        array = np.full(assets, float(value))
    elif len(value) != assets:
        raise InvalidRiskInput(f"give one number or {assets} (one per asset)", field=where)
    else:
        array = np.asarray(value, dtype=np.float64)
    if not np.all(np.abs(array) <= bound):
        raise InvalidRiskInput(f"annual figures must lie within +-{bound:g}", field=where)
    return array
