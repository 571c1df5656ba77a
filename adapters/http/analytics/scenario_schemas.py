"""POST /api/v1/risk/scenario-simulation DTOs (regime-switching Monte Carlo of a portfolio)."""

from __future__ import annotations

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
from adapters.http.schemas.common import Input, Output
from adapters.http.wire_format import AnalyticOut, MoneyOut
from adapters.wire.numbers import Money
from application.analytics.scenario_simulation import (
    MAX_ASSETS,
    MAX_PATH_STEPS,
    ModelOverrides,
    RegimeOverride,
    RegimeSource,
    ScenarioRequest,
    ScenarioResult,
)
from domain.analytics.montecarlo.regime import Regime
from domain.analytics.risk_report import DEFAULT_CONFIDENCES

Ident = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
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
    """Exactly one of `weights` (fractions summing to 1, one per asset, at most 50) or
    `account_id` (its positions by market value). paths x steps <= 10,000,000."""

    weights: Annotated[
        list[float | str] | None, msgspec.Meta(description=f"At most {MAX_ASSETS}, sum 1")
    ] = None
    account_id: Ident | None = None
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

    def to_request(self) -> ScenarioRequest:
        return ScenarioRequest(
            weights=None if self.weights is None else floats(self.weights, "weights"),
            account_id=self.account_id,
            portfolio_value=self.portfolio_value,
            model=ModelOverrides() if self.model is None else self.model.to_domain(),
            initial_regime=self.initial_regime,
            prices=None if self.prices is None else floats(self.prices, "prices"),
            paths=self.paths,
            steps=self.steps,
            seed=self.seed,
            antithetic=self.antithetic,
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


class ScenarioOut(Output):
    """Risk of the simulated horizon return (fractions of the portfolio; money on
    `portfolio_value`): historical and Cornish-Fisher VaR / CVaR per confidence."""

    account_id: str | None
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
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, result: ScenarioResult, seed: int) -> ScenarioOut:
        sim, reading = result.simulation, result.detection
        fields = report_fields(result.report, result.portfolio_value)
        return cls(
            account_id=result.account_id,
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
            conventions={
                "sample": "the simulated horizon simple returns V_T / V_0 - 1, one per path",
                "historical": CONVENTIONS["historical"],
                "cornish_fisher": CONVENTIONS["cornish_fisher"],
                "tail_index": CONVENTIONS["tail_index"],
                "regime_source": "given initial_regime, else detected from prices, else the "
                "mode of the transition matrix's stationary distribution",
            },
            **fields,  # type: ignore[arg-type]
        )
