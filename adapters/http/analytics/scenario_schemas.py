"""POST /api/v1/risk/scenario-simulation DTOs (regime-switching Monte Carlo of a portfolio)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import msgspec

from adapters.http.analytics.risk_var_schemas import (
    CONVENTIONS,
    HillOut,
    MomentsOut,
    RiskRowOut,
    floats,
    report_fields,
)
from adapters.http.schemas.common import Ident, Input, Output
from adapters.http.wire_format import AnalyticOut, MoneyOut
from adapters.wire.numbers import Money
from application.analytics.scenario_calibration import (
    CalibrationOutcome,
    CalibrationStatus,
    VarianceReduction,
)
from application.analytics.scenario_simulation import (
    MAX_ASSETS,
    MAX_PATH_STEPS,
    ModelOverrides,
    RegimeOverride,
    RegimeSource,
    ScenarioRequest,
    ScenarioResult,
)
from domain.analytics.montecarlo.calibration import TailFit
from domain.analytics.montecarlo.regime import Regime
from domain.analytics.risk_report import DEFAULT_CONFIDENCES

Matrix = list[list[float]]


class RegimeOverrideIn(Input):
    """One regime's overrides: annual `drift` (continuous rate) and `volatility` as one number
    for every asset or one per asset; `correlation` one pairwise number or the full matrix."""

    drift: float | list[float] | None = None
    volatility: float | list[float] | None = None
    correlation: float | Matrix | None = None


class ModelIn(Input):
    """Overrides of the default model (docs/regime-monte-carlo.md); absent: the default."""

    correlation: Annotated[
        float | None, msgspec.Meta(description="Base pairwise correlation (default 0.3)")
    ] = None
    regimes: dict[Regime, RegimeOverrideIn] = msgspec.field(default_factory=dict)
    transition: Annotated[
        Matrix | None,
        msgspec.Meta(description="Per-step matrix, rows and columns: bull, bear, volatile, stable"),
    ] = None
    student_t_dof: Annotated[float | None, msgspec.Meta(description="> 2 (default 5)")] = None
    normal_shocks: Annotated[bool, msgspec.Meta(description="Gaussian shocks, no Student-t")] = (
        False
    )
    jump_intensity: Annotated[float | None, msgspec.Meta(description="Jumps per year")] = None
    jump_mean: Annotated[float | None, msgspec.Meta(description="Mean log jump")] = None
    jump_std: Annotated[float | None, msgspec.Meta(description="Std of the log jump")] = None
    black_swan_probability: Annotated[
        float | None, msgspec.Meta(description="Chance of at least one a year, in [0, 1)")
    ] = None
    black_swan_return: Annotated[
        float | None, msgspec.Meta(description="Log return of a black swan, e.g. -0.25")
    ] = None

    def to_domain(self) -> ModelOverrides:
        return self.into(
            ModelOverrides,
            regimes={
                regime: RegimeOverride(r.drift, r.volatility, r.correlation)
                for regime, r in self.regimes.items()
            },
        )


class ScenarioIn(Input):
    """Exactly one of `weights` (fractions summing to 1, one per asset, at most 50),
    `account_id` (its positions by market value) or `portfolio_id` (a ledger portfolio's
    priced positions by value). paths x steps <= 10,000,000."""

    weights: Annotated[
        list[float | str] | None, msgspec.Meta(description=f"At most {MAX_ASSETS}, sum 1")
    ] = None
    account_id: Ident | None = None
    portfolio_id: Annotated[
        Ident | None,
        msgspec.Meta(description="A ledger portfolio of yours: its priced positions by value"),
    ] = None
    portfolio_value: Annotated[
        Money | None, msgspec.Meta(description="With `weights`: money the returns apply to")
    ] = None
    model: ModelIn | None = None
    initial_regime: Regime | None = None
    prices: Annotated[
        list[float | str] | None,
        msgspec.Meta(description="Daily closes, oldest first (>= 200): detect the regime"),
    ] = None
    paths: Annotated[int, msgspec.Meta(description="100 to 1,000,000")] = 10_000
    steps: Annotated[
        int,
        msgspec.Meta(
            description=f"Trading days of the horizon, 1 to 2520; paths x steps <= "
            f"{MAX_PATH_STEPS:,}"
        ),
    ] = 21
    seed: int = 0
    antithetic: bool = True
    confidence_levels: list[float] = msgspec.field(
        default_factory=lambda: list(DEFAULT_CONFIDENCES)
    )
    symbols: Annotated[
        list[Ident] | None,
        msgspec.Meta(description="With `weights`: the assets' symbols, one per weight (fit)"),
    ] = None
    calibrate: Annotated[
        bool,
        msgspec.Meta(
            description="Fit the model to the assets' stored daily bars (an account's, or "
            "`symbols`) when no model, initial_regime nor prices is given"
        ),
    ] = True
    importance_sampling: Annotated[
        bool, msgspec.Meta(description="Also run the tail importance-sampled and compare")
    ] = True

    def to_request(self) -> ScenarioRequest:
        return self.onto(
            ScenarioRequest,
            weights=None if self.weights is None else floats(self.weights, "weights"),
            model=ModelOverrides() if self.model is None else self.model.to_domain(),
            prices=None if self.prices is None else floats(self.prices, "prices"),
            confidences=self.confidence_levels,
        )


class FanOut(Output):
    """Portfolio value V_t / V_0 percentiles at `steps` (0 .. horizon): one row per level."""

    steps: list[int]
    levels: list[AnalyticOut]
    values: list[list[AnalyticOut]]


class DetectionOut(Output):
    label: Regime
    scores: dict[str, AnalyticOut]
    volatility: AnalyticOut
    volatility_60d: AnalyticOut
    trend: AnalyticOut
    sma_50: AnalyticOut
    sma_200: AnalyticOut
    rsi: AnalyticOut
    drawdown: AnalyticOut
    observations: int


class DrawdownOut(Output):
    mean: AnalyticOut
    median: AnalyticOut
    p95: AnalyticOut
    p99: AnalyticOut
    worst: AnalyticOut


class ScenarioComputeOut(Output):
    """ComputePort backend (cpu / cuda) and device that ran the paths, and the runner."""

    backend: str
    device: str
    numba: bool
    runner: str


class KsOut(Output):
    """Kolmogorov-Smirnov sup |F_n - F| and its asymptotic p-value (conservative: fitted)."""

    statistic: AnalyticOut
    p_value: AnalyticOut


class TailFitOut(Output):
    """Normal and Student-t fits of a daily log-return series; `fat_tails` when the
    likelihood-ratio test rejects the normal at 5 %."""

    observations: int
    mean: AnalyticOut
    std: AnalyticOut
    student_t_dof: AnalyticOut
    student_t_loc: AnalyticOut
    student_t_scale: AnalyticOut
    ks_normal: KsOut
    ks_student_t: KsOut
    likelihood_ratio: AnalyticOut
    likelihood_ratio_p_value: AnalyticOut
    fat_tails: bool

    @classmethod
    def of(cls, fit: TailFit) -> TailFitOut:
        return cls.from_attributes(
            fit,
            student_t_dof=fit.student_t.dof,
            student_t_loc=fit.student_t.loc,
            student_t_scale=fit.student_t.scale,
            ks_normal=KsOut.from_attributes(fit.ks_normal),
            ks_student_t=KsOut.from_attributes(fit.ks_student_t),
        )


class AssetFitOut(Output):
    symbol: str
    drift: AnalyticOut
    volatility: AnalyticOut
    fit: TailFitOut


class CalibrationOut(Output):
    """`fitted`: the model below was fitted to `observations` common daily returns from
    `first_day` to `last_day`; `fallback`: the default model, `reason` says why;
    `not_requested`: the caller chose the model (`reason`)."""

    status: CalibrationStatus
    reason: str | None
    source: str
    window: int
    min_observations: int
    observations: int | None = None
    first_day: date | None = None
    last_day: date | None = None
    assets: list[AssetFitOut] | None = None
    portfolio: TailFitOut | None = None
    correlation: list[list[AnalyticOut]] | None = None
    correlation_shrinkage: AnalyticOut | None = None
    student_t_dof: AnalyticOut | None = None
    model: str | None = None
    conventions: dict[str, str] | None = None

    @classmethod
    def of(cls, outcome: CalibrationOutcome) -> CalibrationOut:
        base = {
            "status": outcome.status,
            "reason": outcome.reason,
            "source": outcome.source,
            "window": outcome.window,
            "min_observations": outcome.min_observations,
        }
        fit = outcome.calibration
        if fit is None:
            return cls(**base)  # type: ignore[arg-type]
        dof = fit.student_t_dof
        return cls(
            **base,  # type: ignore[arg-type]
            observations=fit.observations,
            first_day=fit.first_day,
            last_day=fit.last_day,
            assets=[AssetFitOut.from_attributes(a, fit=TailFitOut.of(a.tails)) for a in fit.assets],
            portfolio=TailFitOut.of(fit.portfolio),
            correlation=[[float(v) for v in row] for row in fit.correlation],
            correlation_shrinkage=fit.shrinkage,
            student_t_dof=dof,
            model="one regime (calibrated) with the fitted drift, volatility and correlation; "
            + (
                f"Student-t shocks with the portfolio's nu = {dof:.3g}"
                if dof is not None
                else "Gaussian shocks (the normal is not rejected)"
            )
            + "; no jumps, no black swans (the history's jumps are in the fitted tails)",
            conventions=CALIBRATION_CONVENTIONS,
        )


CALIBRATION_CONVENTIONS = {
    "returns": "daily log returns ln(c_t / c_(t-1)) of adjusted closes on the days every asset "
    "has one, the last `window` at most",
    "volatility": "sample standard deviation (n - 1) x sqrt(252)",
    "drift": "252 x mean daily log return + volatility^2 / 2: the continuous rate of the "
    "expected gross return, E[S_T / S_0] = exp(drift T)",
    "student_t": "location-scale Student-t by maximum likelihood (EM per nu, profile over nu "
    "in [2.05, 200]); the portfolio's is on sum_a w_a r_a and sets the model's nu",
    "fat_tails": "the likelihood-ratio test of the normal inside the t rejects it at 5 % "
    "(half chi-square(0), half chi-square(1))",
    "ks_p_value": "asymptotic Kolmogorov distribution at (sqrt n + 0.12 + 0.11 / sqrt n) D; "
    "conservative, the parameters being fitted to the same data",
    "correlation": "Pearson correlation of the log returns, shrunk towards the identity only "
    "if needed to be positive definite (correlation_shrinkage)",
}


class ControlVariateOut(Output):
    estimate: AnalyticOut
    standard_error: AnalyticOut
    standard_error_before: AnalyticOut
    variance_ratio: AnalyticOut
    coefficients: list[AnalyticOut]


class TailOut(Output):
    """At `confidence`: the tail probability at the plain run's historical VaR (`threshold`),
    plain and importance-sampled, with standard errors; the importance-sampled VaR / CVaR."""

    confidence: AnalyticOut
    threshold: AnalyticOut
    plain_probability: AnalyticOut
    plain_standard_error: AnalyticOut
    probability: AnalyticOut
    standard_error: AnalyticOut
    variance_ratio: AnalyticOut
    var: AnalyticOut
    cvar: AnalyticOut


class ImportanceSamplingOut(Output):
    shift: list[AnalyticOut]
    confidence: AnalyticOut
    paths: int
    tails: list[TailOut]


class VarianceReductionOut(Output):
    """Standard errors of the mean horizon return with and without each technique (variance
    ratios = (plain / with)^2, same paths), and the importance-sampled tail."""

    plain_standard_error: AnalyticOut
    antithetic_standard_error: AnalyticOut | None
    antithetic_variance_ratio: AnalyticOut | None
    control_variate: ControlVariateOut
    combined_variance_ratio: AnalyticOut
    importance_sampling: ImportanceSamplingOut | None
    importance_note: str | None
    conventions: dict[str, str]

    @classmethod
    def of(cls, reduction: VarianceReduction) -> VarianceReductionOut:
        cv = reduction.control_variate
        sampling = reduction.importance_sampling
        return cls(
            plain_standard_error=reduction.plain_standard_error,
            antithetic_standard_error=reduction.antithetic_standard_error,
            antithetic_variance_ratio=reduction.antithetic_variance_ratio,
            control_variate=ControlVariateOut.from_attributes(
                cv,
                standard_error_before=cv.plain_standard_error,
                coefficients=list(cv.coefficients),
            ),
            combined_variance_ratio=reduction.combined_variance_ratio,
            importance_sampling=None
            if sampling is None
            else ImportanceSamplingOut(
                shift=list(sampling.shift),
                confidence=sampling.confidence,
                paths=sampling.paths,
                tails=[TailOut.from_attributes(t) for t in sampling.tails],
            ),
            importance_note=reduction.importance_note,
            conventions=VARIANCE_CONVENTIONS,
        )


VARIANCE_CONVENTIONS = {
    "plain_standard_error": "std of the horizon returns (n - 1) / sqrt(paths): independent draws",
    "antithetic_standard_error": "over antithetic pair means",
    "control_variate": "regression estimator of the mean return with the controls "
    "sum_a w_a X_a and sum_a w_a (X_a - E X_a)^2 (X the log returns, moments exact under the "
    "model), over pair means when antithetic; standard_error_before is the same units' plain",
    "importance_sampling": "a second run, antithetic off, the same paths and seed, every step's "
    "normals drawn from N(shift, I) and weighted by dP/dQ; tail probability at the plain "
    "historical VaR; variance_ratio = (plain_standard_error / standard_error)^2",
}


class ScenarioOut(Output):
    """Risk of the simulated horizon return (fractions of the portfolio; money on
    `portfolio_value`): historical and Cornish-Fisher VaR / CVaR per confidence."""

    account_id: str | None
    portfolio_id: str | None
    left_out: Annotated[
        list[str], msgspec.Meta(description="A portfolio's positions not weighed: 'SYMBOL: why'")
    ]
    assets: list[str]
    weights: list[AnalyticOut]
    portfolio_value: MoneyOut | None
    paths: int
    steps: int
    seed: int
    antithetic: bool
    initial_regime: Regime
    regime_source: RegimeSource
    detected_regime: DetectionOut | None
    observations: int
    risk: list[RiskRowOut]
    moments: MomentsOut
    tail_index: HillOut | None
    worst: AnalyticOut
    best: AnalyticOut
    mean_return: AnalyticOut
    mean_return_standard_error: AnalyticOut
    fan_chart: FanOut
    regime_occupancy: dict[str, AnalyticOut]
    black_swan_paths: int
    black_swan_share: AnalyticOut
    drawdown: DrawdownOut
    compute: ScenarioComputeOut
    calibration: CalibrationOut
    variance_reduction: VarianceReductionOut
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, result: ScenarioResult, seed: int) -> ScenarioOut:
        sim, reading = result.simulation, result.detection
        fields = report_fields(result.report, result.portfolio_value)
        return cls(
            account_id=result.account_id,
            portfolio_id=result.portfolio_id,
            left_out=list(result.left_out),
            assets=list(result.assets),
            weights=list(result.weights),
            portfolio_value=result.portfolio_value,
            paths=sim.paths,
            steps=sim.steps,
            seed=seed,
            antithetic=sim.antithetic,
            initial_regime=result.initial_regime,
            regime_source=result.regime_source,
            detected_regime=None
            if reading is None
            else DetectionOut.from_attributes(
                reading, scores={r.value: s for r, s in reading.scores.items()}
            ),
            mean_return=sim.mean_return,
            mean_return_standard_error=sim.mean_return_standard_error,
            fan_chart=FanOut(
                steps=[int(s) for s in sim.checkpoint_steps],
                levels=list(sim.percentile_levels),
                values=[[float(v) for v in row] for row in sim.value_percentiles],
            ),
            regime_occupancy={
                r.value: float(share)
                for r, share in zip(sim.regimes, sim.regime_occupancy, strict=True)
            },
            black_swan_paths=sim.black_swan_paths,
            black_swan_share=sim.black_swan_paths / sim.paths,
            drawdown=DrawdownOut.from_attributes(sim.drawdown),
            compute=ScenarioComputeOut.from_attributes(result.compute),
            calibration=CalibrationOut.of(result.calibration),
            variance_reduction=VarianceReductionOut.of(result.variance_reduction),
            conventions={
                "sample": "the simulated horizon simple returns V_T / V_0 - 1, one per path",
                "historical": CONVENTIONS["historical"],
                "cornish_fisher": CONVENTIONS["cornish_fisher"],
                "tail_index": CONVENTIONS["tail_index"],
                "regime_source": "calibrated (the fitted one-regime model), else given "
                "initial_regime, else detected from prices, else the mode of the transition "
                "matrix's stationary distribution",
            },
            **fields,  # type: ignore[arg-type]
        )
