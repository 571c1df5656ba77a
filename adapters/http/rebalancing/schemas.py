"""Rebalancing DTOs: drift, proposals, executions, autopilot limits, stored attribution."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, attributes, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import SignedMoney, UnitInterval
from application.rebalancing.attribution import (
    Constituent,
    StoredAttribution,
    StoredAttributionRequest,
)
from application.rebalancing.service import DriftView, Execution, TradeOutcome
from domain.portfolio.attribution import EffectTotals
from domain.portfolio.linking import LinkingMethod
from domain.rebalancing.model import Drift
from domain.rebalancing.proposal import RebalanceSettings, Trade
from ports.rebalancing.rebalancing import AutopilotLimits, StoredProposal


class RebalanceSymbolDriftOut(Output):
    symbol: str
    value: MoneyOut
    target_value: MoneyOut
    drift_value: MoneyOut
    weight: RateOut
    target_weight: RateOut
    drift_weight: RateOut
    out_of_band: bool


class RebalanceDriftOut(Output):
    account_id: str | None
    value: MoneyOut
    cash: MoneyOut
    symbols: list[RebalanceSymbolDriftOut]

    @classmethod
    def from_domain(cls, d: Drift) -> RebalanceDriftOut:
        return cls(
            account_id=d.account_id,
            value=d.value,
            cash=d.cash,
            symbols=[
                RebalanceSymbolDriftOut.from_attributes(s)
                for s in d.symbols
            ],
        )  # fmt: skip


class DriftViewOut(Output):
    band: RateOut
    household: RebalanceDriftOut
    accounts: list[RebalanceDriftOut]

    @classmethod
    def from_view(cls, view: DriftView) -> DriftViewOut:
        return cls(
            band=view.band,
            household=RebalanceDriftOut.from_domain(view.household),
            accounts=[RebalanceDriftOut.from_domain(a) for a in view.accounts],
        )


class ProposalIn(Input):
    """A dry run: nothing is traded. Omitted fields take the server's defaults
    (BULWARK_REBALANCE_BAND, BULWARK_REBALANCE_FRACTIONAL)."""

    band: Annotated[UnitInterval | None, doc("Absolute weight tolerance, a fraction in [0, 1)")] = (
        None
    )
    fractional: Annotated[bool | None, doc("Fractional shares (else whole shares)")] = None

    def to_settings(self, defaults: RebalanceSettings) -> RebalanceSettings:
        band = defaults.band if self.band is None else self.band
        fractional = defaults.fractional if self.fractional is None else self.fractional
        return RebalanceSettings(band, fractional)


class RebalanceLotSaleOut(Output):
    lot_id: str
    quantity: QuantityOut
    proceeds: MoneyOut
    basis: MoneyOut
    realised_gain: MoneyOut
    term: Annotated[str, doc("short, long, or sheltered (a tax-advantaged account)")]


class RebalanceTradeOut(Output):
    account_id: str
    symbol: str
    side: Literal["buy", "sell"]
    quantity: QuantityOut
    price: PriceOut
    value: MoneyOut
    lots: list[RebalanceLotSaleOut]

    @classmethod
    def from_domain(cls, t: Trade) -> RebalanceTradeOut:
        return cls.from_attributes(
            t,
            side="buy" if t.side == "buy" else "sell",
            lots=[RebalanceLotSaleOut.from_attributes(s, realised_gain=s.gain) for s in t.lots],
        )


class RebalanceUnresolvedOut(Output):
    symbol: str
    reason: Annotated[str, doc("WASH_SALE, NO_CASH, NOT_TRADABLE or WHOLE_SHARES")]
    drift_weight: RateOut


class ProposalOut(Output):
    id: str
    portfolio_id: str
    status: str
    created_at: datetime
    executed_at: datetime | None
    by_autopilot: bool
    trade_day: date
    band: RateOut
    fractional: bool
    lot_method: str
    value: MoneyOut
    turnover: RateOut
    realised_gain: MoneyOut
    realised_gain_short: MoneyOut
    realised_gain_long: MoneyOut
    trades: list[RebalanceTradeOut]
    unresolved: list[RebalanceUnresolvedOut]
    wash_free_after: dict[str, date]
    order_ids: list[str]

    @classmethod
    def from_stored(cls, s: StoredProposal) -> ProposalOut:
        p = s.proposal
        return cls.from_attributes(
            s,
            **attributes(p, "trade_day", "lot_method", "value", "turnover"),
            **attributes(p.settings, "band", "fractional"),
            status=s.status.value,
            realised_gain=p.realised_gain(),
            realised_gain_short=p.realised_gain("short"),
            realised_gain_long=p.realised_gain("long"),
            trades=[RebalanceTradeOut.from_domain(t) for t in p.trades],
            unresolved=[RebalanceUnresolvedOut.from_attributes(u) for u in p.unresolved],
            wash_free_after=dict(p.wash_free_after),
            order_ids=list(s.order_ids),
        )


class RebalanceOrderOut(Output):
    account_id: str
    symbol: str
    side: str
    quantity: QuantityOut
    order_id: str | None
    status: str
    reasons: list[str]

    @classmethod
    def from_domain(cls, o: TradeOutcome) -> RebalanceOrderOut:
        return cls.from_attributes(
            o.trade, order_id=o.order_id, status=o.status, reasons=list(o.reasons)
        )


class ExecutionOut(Output):
    proposal: ProposalOut
    replayed: bool
    orders: list[RebalanceOrderOut]

    @classmethod
    def from_domain(cls, e: Execution) -> ExecutionOut:
        return cls(
            proposal=ProposalOut.from_stored(e.stored),
            replayed=e.replayed,
            orders=[RebalanceOrderOut.from_domain(o) for o in e.outcomes],
        )


class AutopilotLimitsIn(Input):
    max_turnover: Annotated[UnitInterval, doc("Largest turnover the autopilot executes")]
    max_realised_gain: Annotated[
        SignedMoney, doc("Largest estimated taxable realised gain it executes")
    ]


class AutopilotLimitsOut(Mirror[AutopilotLimits]):
    max_turnover: RateOut
    max_realised_gain: MoneyOut
    updated_at: datetime


class BenchmarkConstituentIn(Input):
    symbol: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    weight: Annotated[float, doc("Weight in the benchmark (normalised to sum to 1)")]
    sector: Annotated[str, msgspec.Meta(max_length=64)] | None = None


class StoredAttributionIn(Input):
    boundaries: Annotated[
        list[date], doc("Period boundaries d_0 < d_1 < ... <= today; period i is d_i..d_i+1")
    ]
    benchmark: list[BenchmarkConstituentIn]
    factors: Annotated[
        dict[str, list[float]], doc("Factor returns (fractions), one per period")
    ] = msgspec.field(default_factory=dict)
    linking: Literal["carino", "menchero"] = "carino"

    def to_request(self, portfolio_id: str) -> StoredAttributionRequest:
        return StoredAttributionRequest(
            portfolio_id=portfolio_id,
            boundaries=tuple(self.boundaries),
            benchmark=tuple(Constituent(c.symbol, c.weight, c.sector) for c in self.benchmark),
            factors={k: tuple(v) for k, v in self.factors.items()},
            linking=LinkingMethod(self.linking),
        )


class StoredEffectsOut(Output):
    allocation: AnalyticOut
    selection: AnalyticOut
    interaction: AnalyticOut
    total: AnalyticOut


class StoredFactorOut(Output):
    alpha: AnalyticOut
    alpha_contribution: AnalyticOut
    betas: dict[str, AnalyticOut]
    contributions: dict[str, AnalyticOut]
    residual: AnalyticOut
    total: AnalyticOut
    r_squared: AnalyticOut


class StoredAttributionOut(Output):
    portfolio_id: str
    model: str
    linking: str
    portfolio_return: AnalyticOut
    benchmark_return: AnalyticOut
    active_return: AnalyticOut
    linked: StoredEffectsOut
    linked_by_sector: dict[str, StoredEffectsOut]
    period_returns: list[AnalyticOut]
    factors: StoredFactorOut | None

    @classmethod
    def from_domain(cls, a: StoredAttribution) -> StoredAttributionOut:
        b = a.brinson

        def eff(e: EffectTotals) -> StoredEffectsOut:
            return StoredEffectsOut.from_attributes(e)  # fmt: skip

        f = a.factors
        return cls(
            portfolio_id=a.portfolio_id, model="brinson_fachler", linking=b.linking.value,
            portfolio_return=b.portfolio_return, benchmark_return=b.benchmark_return,
            active_return=b.active_return, linked=eff(b.linked),
            linked_by_sector={k: eff(v) for k, v in b.linked_by_sector.items()},
            period_returns=[p.portfolio_return for p in b.periods],
            factors=None if f is None else StoredFactorOut.from_attributes(f),
        )  # fmt: skip
