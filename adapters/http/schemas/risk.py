"""Risk DTOs: rules, dry runs, position sizing, portfolio risk and pre-trade analysis."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

import msgspec

from adapters.http.schemas.common import DecisionOut, Ident, Input, ItemsOut, Mirror, Output, Symbol
from adapters.http.schemas.margin import MarginImpactOut
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import Fraction, Money, Multiple, Multiplier, Price, Quantity
from application.trading.risk import (
    PortfolioRisk,
    PositionSize,
    RuleDraft,
    RuleTestReport,
    SizePosition,
)
from domain.numbers import MAX_RETURNS, RETURN_BOUND, InvalidNumber, check_returns
from domain.risk.analysis import RuleHeadroom, TradeAnalysis
from domain.risk.held_correlation import HeldCorrelation, NoHeldCorrelation
from domain.risk.metrics import TailIndex, VaRLevel, VaRReport
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType
from domain.trading.orders import Order, OrderType, Origin, Side, TimeInForce

# The draft order of an analysis or a dry run: it is never stored or sent.
PROSPECTIVE = "prospective"


class RuleIn(Input):
    """A rule as the client writes it. Percentages in `params` are fractions (0.25 = 25%);
    `params` are validated against `rule_type` (422 INVALID_RULE naming the parameter)."""

    rule_type: RuleType
    params: dict[str, Any] = msgspec.field(default_factory=dict)
    scope: RuleScope = RuleScope.ACCOUNT
    action: Action = Action.BLOCK
    is_active: bool = True
    account_id: Ident | None = None
    strategy_id: Ident | None = None
    agent_id: Ident | None = None
    name: Annotated[str, msgspec.Meta(max_length=200)] = ""

    def to_domain(self) -> RuleDraft:
        return self.into(RuleDraft)


class RuleOut(Output):
    id: str
    owner_id: str
    rule_type: RuleType
    params: dict[str, Any]
    scope: RuleScope
    action: Action
    is_active: bool
    account_id: str | None
    strategy_id: str | None
    agent_id: str | None
    name: str

    @classmethod
    def from_domain(cls, rule: RiskRule) -> RuleOut:
        return cls.from_attributes(rule, params=dict(rule.params))


class RuleListOut(ItemsOut):
    items: list[RuleOut]


class _Terms(Input):
    """The terms of a prospective order, as an order's request body has them."""

    symbol: Symbol
    side: Side
    quantity: Quantity
    order_type: OrderType = OrderType.MARKET
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Price | None = None
    stop_price: Price | None = None
    reduce_only: bool = False
    strategy_id: Ident | None = None


class TradeIn(_Terms):
    """A prospective order: nothing is stored or sent."""

    def to_order(self, account_id: str, origin: Origin) -> Order:
        return prospective_order(self, account_id, origin)


def prospective_order(trade: _Terms, account_id: str, origin: Origin) -> Order:
    """Raises InvalidOrder (422) when quantity and prices do not fit the order type."""
    return Order(
        id=PROSPECTIVE,
        client_order_id=PROSPECTIVE,
        account_id=account_id,
        symbol=trade.symbol.strip().upper(),
        side=trade.side,
        quantity=trade.quantity,
        origin=origin,
        order_type=trade.order_type,
        time_in_force=trade.time_in_force,
        limit_price=trade.limit_price,
        stop_price=trade.stop_price,
        reduce_only=trade.reduce_only,
    )


class RuleTestIn(Input):
    """Dry-run `rule` against `account_id`'s portfolio and, optionally, one order."""

    account_id: Ident
    rule: RuleIn
    order: TradeIn | None = None


class RuleTestOut(Output):
    """`breaches`: holdings the rule would bind now (one more lot refused), one line each."""

    rule: RuleOut
    binding: bool
    breaches: list[str]
    holdings_checked: int
    order_decision: DecisionOut | None = None

    @classmethod
    def from_domain(cls, report: RuleTestReport) -> RuleTestOut:
        decision = report.order_decision
        return cls(
            rule=RuleOut.from_domain(report.rule),
            binding=bool(report.breaches),
            breaches=list(report.breaches),
            holdings_checked=report.holdings_checked,
            order_decision=None if decision is None else DecisionOut.from_domain(decision),
        )


class SizingIn(Input):
    """Give `equity` or `account_id` (equity at current marks), and `stop` or `volatility`.

    `entry` defaults to the mark of `symbol`; lot size and multiplier to its instrument.
    Fractions: `risk_fraction` 0.02 = risk 2% of equity; `max_position_fraction` 0.10 caps
    the position at 10% of equity. `volatility` is a per-unit price move (e.g. an ATR); the
    stop is then `volatility_multiple` × volatility away.
    """

    entry: Price | None = None
    stop: Price | None = None
    volatility: Price | None = None
    equity: Money | None = None
    account_id: Ident | None = None
    symbol: Symbol | None = None
    risk_fraction: Fraction = Fraction("0.02")
    max_position_fraction: Fraction = Fraction("0.10")
    volatility_multiple: Multiple = Multiple(2)
    lot_size: Quantity | None = None
    multiplier: Multiplier | None = None

    def to_domain(self) -> SizePosition:
        return self.into(SizePosition)


class SizingOut(Output):
    """A suggested unsigned quantity in whole lots, with the inputs it was computed from."""

    method: str
    quantity: QuantityOut
    notional: MoneyOut
    risk_amount: MoneyOut
    risk_fraction_used: RateOut
    stop_distance: PriceOut
    capped: bool
    explanation: str
    equity: MoneyOut
    entry: PriceOut
    lot_size: QuantityOut
    multiplier: RateOut

    @classmethod
    def from_domain(cls, sized: PositionSize, by_stop: bool) -> SizingOut:
        result, inputs = sized.result, sized.inputs
        return cls.from_attributes(
            result,
            method="fixed_fractional" if by_stop else "volatility",
            equity=inputs.equity,
            entry=inputs.entry,
            lot_size=inputs.lot_size,
            multiplier=inputs.multiplier,
        )


class PortfolioRiskIn(Input):
    """Periodic portfolio returns (fractions, oldest first) for VaR / CVaR at 95% and 99%."""

    account_id: Ident
    returns: Annotated[
        list[float],
        msgspec.Meta(
            min_length=2,
            max_length=MAX_RETURNS,
            description=f"Fractions (0.01 = +1%), each finite and within ±{RETURN_BOUND:g}",
        ),
    ]

    def __post_init__(self) -> None:
        super().__post_init__()
        try:
            check_returns(self.returns)
        except InvalidNumber as exc:
            raise ValueError(f"{exc.reason} - at `$.{exc.field}`") from None


class SectorWeightOut(Output):
    sector: str
    gross_notional: MoneyOut
    weight: RateOut | None


class VaRLevelOut(Mirror[VaRLevel]):
    """Loss fractions (0.023 = 2.3%) and the money they stand for on the portfolio value.

    Historical: the linear-interpolated loss quantile and the mean loss at or beyond it.
    Parametric: Gaussian with the sample mean and standard deviation. Cornish-Fisher: the
    Gaussian quantile corrected for sample skewness and excess kurtosis (null when the returns
    have no dispersion). All from domain/analytics/risk_measures.py (docs/risk-measures.md).
    """

    confidence: AnalyticOut
    historical_var: AnalyticOut
    historical_cvar: AnalyticOut
    parametric_var: AnalyticOut
    parametric_cvar: AnalyticOut
    historical_var_amount: MoneyOut
    historical_cvar_amount: MoneyOut
    parametric_var_amount: MoneyOut
    parametric_cvar_amount: MoneyOut
    cornish_fisher_var: AnalyticOut | None = None
    cornish_fisher_cvar: AnalyticOut | None = None
    cornish_fisher_var_amount: MoneyOut | None = None
    cornish_fisher_cvar_amount: MoneyOut | None = None


class TailIndexOut(Mirror[TailIndex]):
    """Hill estimate of the loss tail exponent: P(loss > x) ~ x^-alpha (smaller: fatter)."""

    alpha: AnalyticOut
    k: Annotated[int, msgspec.Meta(description="Largest losses used (k_rule says how chosen)")]
    losses: Annotated[int, msgspec.Meta(description="Losses (negative returns) in the sample")]
    k_rule: str


class VaROut(Output):
    observations: int
    portfolio_value: MoneyOut
    at_95: VaRLevelOut
    at_99: VaRLevelOut
    tail_index: Annotated[
        TailIndexOut | None,
        msgspec.Meta(description="Hill tail index; null with fewer than 10 losses"),
    ] = None

    @classmethod
    def from_domain(cls, report: VaRReport) -> VaROut:
        return cls(
            observations=report.observations,
            portfolio_value=report.portfolio_value,
            at_95=VaRLevelOut.from_domain(report.at_95),
            at_99=VaRLevelOut.from_domain(report.at_99),
            tail_index=None
            if report.tail_index is None
            else TailIndexOut.from_domain(report.tail_index),
        )


class HeldCorrelationOut(Output):
    """How the held positions move together, from their stored daily bars (split- and
    dividend-adjusted closes): daily log returns on the days every held symbol has a close,
    the last 252 at most; volatilities annualised by sqrt(252); `weights` are signed market
    value / gross exposure; `diversification_ratio` = sum(|w_i| sigma_i) / sigma_p
    (Choueifaty & Coignard; 1 for one position, null when the positions hedge to zero)."""

    symbols: list[str]
    weights: list[AnalyticOut]
    volatilities: list[AnalyticOut]
    correlation: Annotated[
        list[list[AnalyticOut]],
        msgspec.Meta(description="Pearson correlations, [i][j] in the order of `symbols`"),
    ]
    portfolio_volatility: AnalyticOut
    diversification_ratio: AnalyticOut | None
    observations: int
    first_day: date
    last_day: date

    @classmethod
    def from_domain(cls, estimate: HeldCorrelation) -> HeldCorrelationOut:
        return cls.from_attributes(
            estimate,
            symbols=list(estimate.symbols),
            weights=list(estimate.weights),
            volatilities=list(estimate.volatilities),
            correlation=[list(row) for row in estimate.correlation],
        )


class PortfolioRiskOut(Output):
    """Exposures at current marks; fractions for weights, leverage and drawdown, percent for
    `day_pnl_percent`. `var` comes from the returns sent (POST) or, on GET, from the account's
    stored daily returns; null with fewer than two."""

    account_id: str
    equity: MoneyOut
    gross_exposure: MoneyOut
    net_exposure: MoneyOut
    long_exposure: MoneyOut
    short_exposure: MoneyOut
    leverage: RateOut | None
    sector_weights: list[SectorWeightOut]
    drawdown: RateOut
    day_pnl: MoneyOut
    day_pnl_percent: RateOut | None
    largest_position_weight: RateOut | None
    position_count: int
    var: VaROut | None = None
    returns_source: Annotated[
        Literal["posted", "stored"] | None,
        msgspec.Meta(
            description=(
                "Where the VaR's returns came from: `posted` (POST body), `stored` (the "
                "account's daily snapshots, time-weighted, the last 252 at most); null when "
                "there were fewer than two (then `var` is null)"
            )
        ),
    ] = None
    returns_count: Annotated[
        int, msgspec.Meta(description="Returns available (used when `returns_source` is set)")
    ] = 0
    held_correlation: HeldCorrelationOut | None = None
    held_correlation_note: Annotated[
        str | None,
        msgspec.Meta(description="Why `held_correlation` is null (no stored bars, too few days)"),
    ] = None

    @classmethod
    def from_domain(cls, account_id: str, risk: PortfolioRisk) -> PortfolioRiskOut:
        m = risk.metrics
        return cls.from_attributes(
            m,
            account_id=account_id,
            sector_weights=[SectorWeightOut.from_attributes(w) for w in m.sector_weights],
            var=None if risk.var is None else VaROut.from_domain(risk.var),
            returns_source=risk.returns_source,
            returns_count=risk.returns_count,
            held_correlation=HeldCorrelationOut.from_domain(risk.held)
            if isinstance(risk.held, HeldCorrelation)
            else None,
            held_correlation_note=risk.held.reason
            if isinstance(risk.held, NoHeldCorrelation)
            else None,
        )


class AnalyzeIn(_Terms, kw_only=True):
    """A prospective order on `account_id` to analyse before it is sent (never stored)."""

    account_id: Ident

    def to_order(self, origin: Origin) -> Order:
        return prospective_order(self, self.account_id, origin)


class HeadroomOut(Mirror[RuleHeadroom]):
    """How much of one size limit the order would use (`used_fraction` 1 = all of it)."""

    control: str
    rule_id: str | None
    code: str
    capacity: QuantityOut
    used_fraction: RateOut

    enum_values = ("code",)


class AnalysisOut(Output):
    """The gate's decision, the margin impact, the sector weight after the fill and a rating."""

    rating: str
    reasons: list[str]
    decision: DecisionOut
    margin: MarginImpactOut
    sector: str
    sector_weight_after: RateOut | None
    sector_limit: RateOut
    headroom: list[HeadroomOut]
    # Which rater answered ("rules" or "model:<name>", BULWARK_RISK_RATER), a model's
    # probability per rating, and why the rules answered in its place (null: no fallback).
    rater: str = "rules"
    probabilities: dict[str, AnalyticOut] | None = None
    fallback: str | None = None

    @classmethod
    def from_domain(cls, analysis: TradeAnalysis) -> AnalysisOut:
        facts = analysis.facts
        assessment = analysis.assessment
        return cls(
            rater=assessment.rater,
            probabilities={r.value: p for r, p in assessment.probabilities} or None,
            fallback=assessment.fallback,
            rating=analysis.assessment.rating.value,
            reasons=list(analysis.assessment.reasons),
            decision=DecisionOut.from_domain(facts.decision),
            margin=MarginImpactOut.from_domain(facts.margin),
            sector=facts.sector,
            sector_weight_after=facts.sector_weight_after,
            sector_limit=facts.sector_limit,
            headroom=[HeadroomOut.from_domain(h) for h in facts.headroom],
        )
