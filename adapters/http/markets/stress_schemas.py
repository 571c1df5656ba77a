"""/api/v1/analytics/scenarios DTOs: shocks and replays, liquidity stress, recovery
(docs/scenarios.md). Ranges are checked by the domain: 422 naming the field."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, Output, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut
from adapters.wire.numbers import SignedMoney
from application.markets.scenario_betas import BetaSettings
from application.markets.scenarios import (
    CorrelationInput,
    ReplayCatalog,
    ScenarioInput,
    ScenarioOutcome,
    ShockReport,
    ShockRequest,
    StoredAsset,
    StoredLiquidity,
    SymbolBetas,
)
from domain.analytics.scenarios.factor_betas import (
    BETA_FACTORS,
    DEFAULT_PROXIES,
    MAX_WINDOW,
    MIN_OBSERVATIONS,
    WINDOW,
    BetaEstimate,
)
from domain.analytics.scenarios.factors import MAX_SCENARIOS, Factor, InvalidScenario, unit_of
from domain.analytics.scenarios.repricing import MAX_POSITIONS, Sensitivities, StressPosition
from domain.analytics.scenarios.stress import (
    LIQUIDITY_TERMS,
    MAX_ASSETS,
    MAX_DAYS,
    LiquidAsset,
    LiquidityStress,
    Recovery,
)
from ports.markets.scenarios import HistoricalReplay

SHOCK_CONVENTIONS = {
    **{f"shock.{f.value}": unit_of(f) for f in Factor},
    "pnl": "P&L = V x (beta_equity equity - duration dy + 1/2 convexity dy^2 + beta_oil oil "
    "+ beta_usd usd - spread_duration ds), dy and ds in decimal (bp / 10,000); money in the "
    "positions' (base) currency, computed in float64, reported to the cent",
    "pnl_fraction": "pnl / gross value (sum of |market value|)",
    "by_factor": "each factor's share of the P&L; rates includes the convexity term",
    "hedge_sufficiency": "in [0, 1]: hedge P&L / loss of the other positions, clipped; 1 "
    "when they do not lose",
    "mahalanobis": "sqrt(x' S^-1 x) under the correlation model in use (null without one)",
    "filled": "factors a scenario did not name, set to their conditional expectation given the "
    "named ones (with a correlation model), else 0",
    "recovery": "months to regain the loss (a fraction of the net value) at expected_return a "
    "year, compounded monthly",
    "not": "a deterministic revaluation; POST /api/v1/risk/scenario-simulation simulates "
    "random regime-switching paths instead",
}


class SensitivitiesIn(Input):
    """A position's sensitivities; 0 where it has none."""

    beta_equity: Annotated[float, doc("Return per unit equity-market return")] = 0.0
    duration: Annotated[float, doc("Modified duration to yields, years")] = 0.0
    convexity: Annotated[float, doc("Convexity to yields, years^2")] = 0.0
    beta_oil: Annotated[float, doc("Return per unit crude-oil return")] = 0.0
    beta_usd: Annotated[float, doc("Return per unit U.S.-dollar return")] = 0.0
    spread_duration: Annotated[float, doc("Duration to credit spreads, years")] = 0.0

    def to_domain(self) -> Sensitivities:
        return self.into(Sensitivities)


class StressPositionIn(Input):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    market_value: Annotated[SignedMoney, doc("Signed (a short is negative), base currency")]
    sensitivities: SensitivitiesIn = msgspec.field(default_factory=SensitivitiesIn)
    hedge: Annotated[bool, doc("Counted as a hedge by hedge_sufficiency")] = False

    def to_domain(self) -> StressPosition:
        return StressPosition(
            self.name, Decimal(self.market_value), self.sensitivities.to_domain(), self.hedge
        )


class MacroScenarioIn(Input):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    shocks: Annotated[
        dict[str, float],
        msgspec.Meta(
            max_length=5,
            description="factor -> move: equity, oil, usd as fractions (-0.2 = -20 %); rates, "
            "credit in basis points",
        ),
    ]


class CorrelationIn(Input):
    volatilities: Annotated[
        dict[str, float],
        msgspec.Meta(max_length=5, description="factor -> volatility in its unit, >= 0"),
    ]
    correlations: Annotated[
        list[list[float]],
        msgspec.Meta(max_length=5, description="5 x 5, order equity, rates, oil, usd, credit"),
    ]


class ShockIn(Input):
    """`positions` or `portfolio_id` (yours); `scenarios` and / or `replays`."""

    positions: (
        Annotated[
            list[StressPositionIn],
            msgspec.Meta(max_length=MAX_POSITIONS, description=f"At most {MAX_POSITIONS:,}"),
        ]
        | None
    ) = None
    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    sensitivities: Annotated[
        dict[str, SensitivitiesIn],
        msgspec.Meta(max_length=MAX_POSITIONS, description="Per symbol, for a portfolio"),
    ] = msgspec.field(default_factory=dict)
    default_sensitivities: SensitivitiesIn | None = None
    hedges: Annotated[
        list[str], msgspec.Meta(max_length=MAX_POSITIONS, description="Symbols that are hedges")
    ] = msgspec.field(default_factory=list)
    scenarios: Annotated[list[MacroScenarioIn], msgspec.Meta(max_length=MAX_SCENARIOS)] = (
        msgspec.field(default_factory=list)
    )
    replays: Annotated[
        list[str],
        msgspec.Meta(max_length=100, description='Historical replay names, or ["all"]'),
    ] = msgspec.field(default_factory=list)
    correlation: CorrelationIn | None = None
    fill_missing: Annotated[
        bool, doc("Fill the factors a scenario leaves out (default model without correlation)")
    ] = False
    expected_return: Annotated[
        float | None, doc("A year, fraction: adds each loss's recovery months")
    ] = None
    estimate_betas: Annotated[
        bool,
        doc(
            "With portfolio_id: estimate the equity, oil and USD betas of symbols without "
            "posted sensitivities from stored daily bars (OLS on the factor proxies)"
        ),
    ] = False
    beta_window: Annotated[
        int, msgspec.Meta(ge=1, le=MAX_WINDOW, description="Daily returns the fit uses")
    ] = WINDOW
    beta_min_observations: Annotated[
        int,
        msgspec.Meta(ge=2, le=MAX_WINDOW, description="Fewer common returns: no estimate"),
    ] = MIN_OBSERVATIONS
    beta_proxies: Annotated[
        dict[str, Annotated[str, msgspec.Meta(min_length=1, max_length=32)]] | None,
        msgspec.Meta(
            description="Factor (equity, oil, usd) -> proxy symbol; default "
            + ", ".join(f"{f.value} {s}" for f, s in DEFAULT_PROXIES.items())
        ),
    ] = None

    def beta_settings(self) -> BetaSettings:
        proxies = DEFAULT_PROXIES
        if self.beta_proxies is not None:
            proxies = {
                _factor_named(k, f"beta_proxies.{k}"): v.upper()
                for k, v in self.beta_proxies.items()
            }
        return BetaSettings(self.beta_window, self.beta_min_observations, proxies)

    def to_request(self) -> ShockRequest:
        return ShockRequest(
            scenarios=[ScenarioInput(s.name, s.shocks) for s in self.scenarios],
            replays=list(self.replays),
            positions=None if self.positions is None else [p.to_domain() for p in self.positions],
            portfolio_id=self.portfolio_id,
            sensitivities={k.upper(): v.to_domain() for k, v in self.sensitivities.items()},
            default_sensitivities=(
                None
                if self.default_sensitivities is None
                else self.default_sensitivities.to_domain()
            ),
            hedges=frozenset(h.upper() for h in self.hedges),
            correlation=None
            if self.correlation is None
            else CorrelationInput(self.correlation.volatilities, self.correlation.correlations),
            fill_missing=self.fill_missing,
            expected_return=self.expected_return,
            estimate_betas=self.estimate_betas,
            beta_settings=self.beta_settings(),
        )


def _factor_named(name: str, where: str) -> Factor:
    try:
        return Factor(name)
    except ValueError:
        raise InvalidScenario(
            f"{where}: one of {', '.join(f.value for f in BETA_FACTORS)}", field=where[:64]
        ) from None


class ReplayOut(Output):
    name: str
    title: str
    start: dt.date
    end: dt.date
    shocks: dict[str, AnalyticOut]
    sources: list[str]
    notes: str

    @classmethod
    def from_domain(cls, r: HistoricalReplay) -> ReplayOut:
        return cls.from_attributes(
            r,
            shocks={f.value: v for f, v in r.shocks.items()},
            sources=list(r.sources),
        )


class FactorModelOut(Output):
    horizon: str
    source: str


class ReplayCatalogOut(Output):
    source: str
    replays: list[ReplayOut]
    factor_model: FactorModelOut | None
    units: dict[str, str]

    @classmethod
    def from_view(cls, view: ReplayCatalog) -> ReplayCatalogOut:
        model = None
        if view.model_horizon is not None and view.model_source is not None:
            model = FactorModelOut(horizon=view.model_horizon, source=view.model_source)
        return cls(
            source=view.source, replays=[ReplayOut.from_domain(r) for r in view.replays],
            factor_model=model, units={f.value: unit_of(f) for f in Factor},
        )  # fmt: skip


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


class RecoveryOut(Output):
    loss: AnalyticOut
    expected_return: AnalyticOut
    months: AnalyticOut | None
    whole_months: int | None
    required_gain: AnalyticOut | None
    conventions: dict[str, str]

    @classmethod
    def from_domain(cls, r: Recovery) -> RecoveryOut:
        return cls.from_attributes(
            r,
            required_gain=_finite(r.required_gain),
            conventions=RECOVERY_CONVENTIONS,
        )


RECOVERY_CONVENTIONS = {
    "loss": "a fraction of the peak value",
    "expected_return": "a year, compounded monthly: (1 + r)^(1/12) - 1 a month",
    "months": "m with (1 - loss)(1 + r)^(m/12) = 1; null: never at this return",
    "whole_months": "ceil(months): the month the peak is regained",
    "required_gain": "loss / (1 - loss): the gain on what is left that regains the peak",
}


class PositionPnlOut(Output):
    name: str
    pnl: MoneyOut


class ScenarioResultOut(Output):
    name: str
    replay: ReplayOut | None
    shocks: dict[str, AnalyticOut]
    given: list[str]
    pnl: MoneyOut
    pnl_fraction: AnalyticOut
    by_factor: dict[str, MoneyOut]
    core_pnl: MoneyOut
    hedge_pnl: MoneyOut
    hedge_sufficiency: AnalyticOut
    mahalanobis: AnalyticOut | None
    recovery: RecoveryOut | None
    worst_positions: list[PositionPnlOut]

    @classmethod
    def from_domain(cls, o: ScenarioOutcome) -> ScenarioResultOut:
        p = o.pnl
        return cls.from_attributes(
            p,
            name=p.scenario.name,
            replay=None if o.replay is None else ReplayOut.from_domain(o.replay),
            shocks={f.value: p.scenario.shocks.get(f, 0.0) for f in Factor},
            given=sorted(f.value for f in p.scenario.given),
            by_factor={f.value: v for f, v in p.by_factor.items()},
            hedge_sufficiency=o.hedge_sufficiency,
            mahalanobis=_finite(o.mahalanobis),
            recovery=None if o.recovery is None else RecoveryOut.from_domain(o.recovery),
            worst_positions=[PositionPnlOut(name=n, pnl=v) for n, v in p.worst_positions],
        )


class ExcludedOut(Output):
    symbol: str
    reason: str


class BetaEstimateOut(Output):
    """What a symbol's estimate was read from: the returns found and their days; the betas,
    intercept and R^2 when fitted, else why not."""

    observations: int
    first_day: dt.date | None
    last_day: dt.date | None
    betas: dict[str, AnalyticOut] | None
    alpha: AnalyticOut | None
    r_squared: AnalyticOut | None
    reason: str | None


class SymbolBetasOut(Output):
    symbol: str
    basis: Annotated[
        str,
        doc(
            "posted (the request's sensitivities), estimated (from stored bars), default "
            "(default_sensitivities: no estimate) or none (no estimate: excluded)"
        ),
    ]
    estimate: BetaEstimateOut | None

    @classmethod
    def from_domain(cls, b: SymbolBetas) -> SymbolBetasOut:
        e = b.estimate
        if e is None:
            return cls(symbol=b.symbol, basis=b.basis, estimate=None)
        if isinstance(e, BetaEstimate):
            out = BetaEstimateOut(
                observations=e.observations, first_day=e.first_day, last_day=e.last_day,
                betas={f.value: v for f, v in e.betas.items()}, alpha=e.alpha,
                r_squared=e.r_squared, reason=None,
            )  # fmt: skip
        else:
            out = BetaEstimateOut(
                observations=e.observations, first_day=e.first_day, last_day=e.last_day,
                betas=None, alpha=None, r_squared=None, reason=e.reason,
            )  # fmt: skip
        return cls(symbol=b.symbol, basis=b.basis, estimate=out)


class BetaEstimationOut(Output):
    """The estimation's terms: daily bars of the bar history store (split- and
    dividend-adjusted closes), OLS of simple daily returns on the proxies' with an intercept."""

    source: str
    window: int
    min_observations: int
    proxies: dict[str, str]

    @classmethod
    def from_domain(cls, s: BetaSettings) -> BetaEstimationOut:
        return cls(
            source="stored daily bars (adjusted closes), OLS of simple daily returns on the "
            "proxies' with an intercept; rates and credit sensitivities are not estimated",
            window=s.window,
            min_observations=s.min_observations,
            proxies={f.value: p for f, p in s.proxies.items()},
        )


class ShockOut(Output):
    """Each scenario's P&L with its factor split, hedges and recovery."""

    portfolio_id: str | None
    base_currency: str | None
    positions: int
    gross_value: MoneyOut
    net_value: MoneyOut
    excluded: list[ExcludedOut]
    model: str | None
    model_source: str | None
    worst_scenario: str
    min_hedge_sufficiency: AnalyticOut
    scenarios: list[ScenarioResultOut]
    conventions: dict[str, str]
    betas: list[SymbolBetasOut] | None = None  # with estimate_betas
    beta_estimation: BetaEstimationOut | None = None  # with estimate_betas

    @classmethod
    def from_report(cls, r: ShockReport) -> ShockOut:
        estimated = r.beta_settings is not None
        return cls.from_attributes(
            r,
            betas=[SymbolBetasOut.from_domain(b) for b in r.betas] if estimated else None,
            beta_estimation=(
                None if r.beta_settings is None else BetaEstimationOut.from_domain(r.beta_settings)
            ),
            excluded=[ExcludedOut(symbol=s, reason=why) for s, why in r.excluded],
            worst_scenario=r.worst.pnl.scenario.name,
            min_hedge_sufficiency=min(o.hedge_sufficiency for o in r.outcomes),
            scenarios=[ScenarioResultOut.from_domain(o) for o in r.outcomes],
            conventions=SHOCK_CONVENTIONS,
        )


# How an asset turns into cash in a stress: what a forced sale loses, and how long it takes.
_Haircut = Annotated[float, doc("Fraction lost in a forced sale, [0, 1)")]
_HorizonDays = Annotated[int, doc(f"Business days to sell all of it, 1..{MAX_DAYS}")]


class LiquidAssetIn(Input):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    value: Annotated[SignedMoney, doc("Market value, >= 0")]
    haircut: _Haircut = 0.0
    horizon_days: _HorizonDays = 1

    def to_domain(self) -> LiquidAsset:
        haircut = Decimal(repr(self.haircut)) if math.isfinite(self.haircut) else Decimal("NaN")
        return LiquidAsset(self.name, Decimal(self.value), haircut, self.horizon_days)


def _fraction(value: float) -> Decimal:
    return Decimal(repr(value)) if math.isfinite(value) else Decimal("NaN")


class RunIn(Input):
    deposits: Annotated[SignedMoney, doc("Deposits (or redeemable capital) at risk, >= 0")]
    daily_rate: Annotated[float, doc("Fraction of what is left withdrawn each day, (0, 1]")]
    days: Annotated[int, doc(f"Days of the run, 1..{MAX_DAYS}")]


class LiquidityTermsIn(Input):
    haircut: _Haircut
    horizon_days: _HorizonDays


class LiquidityIn(Input):
    """Assets to sell against `obligations` (one amount a day) or a `run`: exactly one of
    posted `assets`, a ledger `portfolio_id` of yours or a trading `account_id`."""

    assets: Annotated[list[LiquidAssetIn], msgspec.Meta(max_length=MAX_ASSETS)] | None = None
    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    account_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    liquidity: (
        Annotated[
            dict[Annotated[str, msgspec.Meta(min_length=1, max_length=32)], LiquidityTermsIn],
            msgspec.Meta(
                max_length=MAX_ASSETS,
                description="With portfolio_id or account_id: liquidation terms by symbol or "
                "by asset class (cash, equity, option, crypto, fx, future), overriding the "
                "defaults ("
                + ", ".join(f"{c} {h} over {d}d" for c, (h, d) in LIQUIDITY_TERMS.items())
                + "; a future is left out unless given terms); a symbol's terms win over its "
                "class's",
            ),
        ]
        | None
    ) = None
    obligations: (
        Annotated[list[SignedMoney], msgspec.Meta(max_length=MAX_DAYS, description="A day each")]
        | None
    ) = None
    run: RunIn | None = None

    def to_terms(self) -> dict[str, tuple[Decimal, int]] | None:
        if self.liquidity is None:
            return None
        return {k: (_fraction(t.haircut), t.horizon_days) for k, t in self.liquidity.items()}

    def to_run(self) -> tuple[Decimal, Decimal, int] | None:
        if self.run is None:
            return None
        rate = self.run.daily_rate
        return (
            Decimal(self.run.deposits),
            Decimal(repr(rate)) if math.isfinite(rate) else Decimal("NaN"),
            self.run.days,
        )


class LiquidityDayOut(Output):
    day: int
    raised: MoneyOut
    cumulative_raised: MoneyOut
    obligation: MoneyOut
    cumulative_obligations: MoneyOut
    surplus: MoneyOut


class StoredLiquidAssetOut(Output):
    name: str
    asset_class: str
    value: MoneyOut
    haircut: AnalyticOut
    horizon_days: int
    basis: str

    @classmethod
    def from_domain(cls, a: StoredAsset) -> StoredLiquidAssetOut:
        return cls(
            name=a.asset.name, asset_class=a.asset_class or "unknown", value=a.asset.value,
            haircut=float(a.asset.haircut), horizon_days=a.asset.horizon_days, basis=a.basis,
        )  # fmt: skip


class LiquiditySourceOut(Output):
    """The stored holdings stressed: each asset with its terms and why, what was left out."""

    kind: str
    portfolio_id: str | None
    account_id: str | None
    currency: str
    assets: list[StoredLiquidAssetOut]
    left_out: list[str]

    @classmethod
    def from_domain(cls, s: StoredLiquidity) -> LiquiditySourceOut:
        return cls(
            kind="portfolio" if s.portfolio_id else "account",
            portfolio_id=s.portfolio_id, account_id=s.account_id, currency=s.currency,
            assets=[StoredLiquidAssetOut.from_domain(a) for a in s.assets],
            left_out=list(s.left_out),
        )  # fmt: skip


class LiquidityOut(Output):
    first_shortfall_day: int | None
    days_survived: int
    total_raisable: MoneyOut
    total_obligations: MoneyOut
    coverage: AnalyticOut | None
    days: list[LiquidityDayOut]
    conventions: dict[str, str]
    source: LiquiditySourceOut | None = None  # null for posted assets

    @classmethod
    def from_domain(cls, s: LiquidityStress, stored: StoredLiquidity | None = None) -> LiquidityOut:
        conventions = {
            "raised": "each asset: value x (1 - haircut) / horizon_days on each of days "
            "1..horizon_days",
            "surplus": "cumulative raised - cumulative obligations; the first day below "
            "zero is the first shortfall",
            "run": "day d withdraws deposits x rate x (1 - rate)^(d-1)",
            "coverage": "everything raisable after haircuts / all obligations",
            "money": "the assets' currency, to the cent",
        }
        if stored is not None:
            conventions["stored"] = (
                "each long holding at its market value (a portfolio: reference prices in its "
                "base currency; an account: marks in its currency) with the terms of its "
                "instrument's asset class, or those posted for its symbol or class; cash sold "
                "on day 1 at no haircut; shorts, futures and unpriced positions left out"
            )
        return cls.from_attributes(
            s,
            days=[LiquidityDayOut.from_attributes(d) for d in s.days],
            conventions=conventions,
            source=None if stored is None else LiquiditySourceOut.from_domain(stored),
        )


class RecoveryIn(Input):
    """`loss` (a fraction), or `peak_value` and `current_value`; `expected_return` a year."""

    expected_return: Annotated[float, doc("A year, fraction, (-1, 10]")]
    loss: Annotated[float | None, doc("Fraction of the peak, [0, 1)")] = None
    peak_value: SignedMoney | None = None
    current_value: SignedMoney | None = None
