"""/api/v1/analytics/futures, /macro and /insiders DTOs (docs/markets-macro.md).

Prices come in as decimal strings (a JSON number is read too) and are checked by the domain,
so a price at or below zero is 422 NEGATIVE_PRICE naming it rather than a schema 400.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output, doc
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import SignedMoney
from application.markets.futures import CrackView, CurveView
from application.markets.insiders import InsiderRows, NetBuyingView
from application.markets.macro import Dashboard, SeriesView
from domain.analytics.futures import MAX_CONTRACTS, FuturesQuote
from domain.analytics.insiders import InsiderTransaction, NetInsiderActivity
from domain.analytics.macro import Figure, MacroSeries, Observation
from ports.markets.futures import ContractSpec

CURVE_CONVENTIONS = {
    "prices": "the product's quote unit (contracts[].quote_unit); spot when the source has it",
    "years": "ACT/365F from the curve's date to each contract's last trading day",
    "roll_yield": "ln(near / far) / (years between expiries): annualized, continuously "
    "compounded; positive in backwardation, negative in contango",
    "spot_roll_yield": "ln(spot / front) / front years",
    "calendar_spread": "near - far, in the quote unit",
    "shape": "contango: each later contract dearer; backwardation: each cheaper; flat: all "
    "equal; mixed otherwise",
}
CRACK_CONVENTIONS = {
    "products": "USD per gallon x 42 gallons per barrel",
    "crude": "USD per barrel",
    "total": "USD for ratio[0] barrels of crude: gasoline_bbl x gasoline + distillate_bbl x "
    "distillate - crude_bbl x crude",
    "per_barrel": "total / crude barrels, to a millionth of a dollar",
    "contracts": "from the source: CL / RB / HO of the same delivery month, the earliest all "
    "three list on the day",
}


class ContractSpecOut(Mirror[ContractSpec]):
    root: str
    name: str
    exchange: str
    quote_unit: str
    size: QuantityOut
    size_unit: str


class ContractListOut(Output):
    items: list[ContractSpecOut]
    source: str


class FuturesQuoteIn(Input):
    contract: Annotated[str, msgspec.Meta(min_length=1, max_length=16, description="CLZ24")]
    expiry: Annotated[dt.date, doc("Last trading day")]
    price: Annotated[SignedMoney, doc("Settlement, in the quote unit; must be above zero")]

    def to_domain(self) -> FuturesQuote:
        return FuturesQuote(self.contract, self.expiry, Decimal(self.price))


class FuturesCurveIn(Input):
    """A curve to analyse: contracts (any order) on `as_of`, optionally the spot price."""

    as_of: dt.date
    contracts: Annotated[
        list[FuturesQuoteIn], msgspec.Meta(description=f"1 to {MAX_CONTRACTS} contracts")
    ]
    spot: Annotated[SignedMoney | None, doc("Spot price, above zero")] = None


class FuturesCurvePointOut(Output):
    contract: str
    expiry: dt.date
    price: PriceOut
    years: AnalyticOut


class CalendarSpreadOut(Output):
    near: str
    far: str
    spread: PriceOut
    days: int
    roll_yield: AnalyticOut
    state: str


class TermStructureOut(Output):
    """A futures curve, its shape, calendar spreads and roll yields."""

    root: str | None
    name: str | None
    quote_unit: str | None
    date: dt.date
    as_of: dt.date
    source: str
    spot: PriceOut | None
    shape: str
    points: list[FuturesCurvePointOut]
    spreads: list[CalendarSpreadOut]
    front_to_back_roll_yield: AnalyticOut | None
    spot_roll_yield: AnalyticOut | None
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: CurveView) -> TermStructureOut:
        s = view.structure
        return cls(
            root=None if view.spec is None else view.spec.root,
            name=None if view.spec is None else view.spec.name,
            quote_unit=None if view.spec is None else view.spec.quote_unit,
            date=view.requested,
            as_of=s.as_of,
            source=view.source,
            spot=s.spot,
            shape=s.shape.value,
            points=[
                FuturesCurvePointOut(
                    contract=p.quote.contract,
                    expiry=p.quote.expiry,
                    price=p.quote.price,
                    years=p.years,
                )
                for p in s.points
            ],
            spreads=[CalendarSpreadOut.from_attributes(c, state=c.state.value) for c in s.spreads],
            front_to_back_roll_yield=s.front_to_back_roll_yield,
            spot_roll_yield=s.spot_roll_yield,
            conventions=CURVE_CONVENTIONS,
        )


class CrackSpreadIn(Input):
    """Prices of the three legs; `ratio` [crude, gasoline, distillate] barrels (3-2-1)."""

    crude_usd_per_bbl: Annotated[SignedMoney, doc("Crude oil, USD per barrel, above zero")]
    gasoline_usd_per_gal: Annotated[SignedMoney, doc("Gasoline, USD per gallon, above zero")]
    distillate_usd_per_gal: Annotated[
        SignedMoney, doc("Heating oil / diesel, USD per gallon, above zero")
    ]
    ratio: Annotated[
        list[int],
        msgspec.Meta(min_length=3, max_length=3, description="[3, 2, 1] (default), [5, 3, 2] ..."),
    ] = msgspec.field(default_factory=lambda: [3, 2, 1])
    as_of: dt.date | None = None


class CrackSpreadOut(Output):
    date: dt.date
    as_of: dt.date | None
    source: str
    ratio: list[int]
    contracts: list[str] | None
    crude_usd_per_bbl: PriceOut
    gasoline_usd_per_bbl: PriceOut
    distillate_usd_per_bbl: PriceOut
    total_usd: MoneyOut
    per_barrel_usd: PriceOut
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: CrackView) -> CrackSpreadOut:
        c = view.crack
        return cls(
            date=view.requested, as_of=view.as_of, source=view.source, ratio=list(c.ratio),
            contracts=None if view.contracts is None else list(view.contracts),
            crude_usd_per_bbl=c.crude_usd_per_bbl, gasoline_usd_per_bbl=c.gasoline_usd_per_bbl,
            distillate_usd_per_bbl=c.distillate_usd_per_bbl, total_usd=c.total,
            per_barrel_usd=c.per_barrel, conventions=CRACK_CONVENTIONS,
        )  # fmt: skip


# -- macro ---------------------------------------------------------------------------------
MACRO_CONVENTIONS = {
    "yoy": "percent change over 12 months, (v_t / v_t-12 - 1) x 100",
    "period_annualized": "percent a year over the series' period (a month or a quarter), "
    "compounded: ((v_t / v_t-1) ^ (12 / months) - 1) x 100; GDP's is the SAAR growth",
    "three_month_annualized": "the same over three months",
    "change / change_yoy": "difference over one period / 12 months, in percentage points",
    "yields": "Treasury constant-maturity yields of the rates source, percent",
    "spreads": "2s10s = 10Y - 2Y, 3m10y = 10Y - 3M, percentage points",
    "real_10y": "10Y yield - CPI year-on-year inflation (ex post), percent",
    "sahm": "3-month average unemployment rate - its lowest 3-month average of the prior 12 "
    "months; >= 0.50 percentage points: triggered",
}


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


class MacroFigureOut(Output):
    name: str
    date: dt.date | None
    value: AnalyticOut | None


class MacroReadingOut(Output):
    series_id: str
    title: str
    units: str
    frequency: str
    seasonal_adjustment: str
    date: dt.date | None
    value: RateOut | None
    figures: list[MacroFigureOut]


class SahmOut(Output):
    date: dt.date
    three_month_average: RateOut
    prior_twelve_month_low: RateOut
    value: RateOut
    triggered: bool


class MacroDashboardOut(Output):
    date: dt.date
    source: str
    rates_source: str
    series: list[MacroReadingOut]
    missing: list[str]
    sahm_rule: SahmOut | None
    curve_date: dt.date | None
    yields: dict[str, RateOut]
    spreads: dict[str, RateOut]
    real_10y: AnalyticOut | None
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: Dashboard) -> MacroDashboardOut:
        return cls(
            date=view.requested, source=view.source, rates_source=view.rates_source,
            series=[_reading(r.series, r.latest, r.figures) for r in view.readings],
            missing=list(view.missing),
            sahm_rule=None if view.sahm is None
            else SahmOut.from_attributes(view.sahm, date=view.sahm.day),
            curve_date=None if view.curve is None else view.curve.day,
            yields=view.yields, spreads=view.spreads, real_10y=_finite(view.real_10y),
            conventions=MACRO_CONVENTIONS,
        )  # fmt: skip


def _reading(
    series: MacroSeries, latest: Observation | None, figures: dict[str, Figure]
) -> MacroReadingOut:
    return MacroReadingOut.from_attributes(
        series,
        frequency="monthly" if series.frequency_months == 1 else "quarterly",
        date=None if latest is None else latest.day,
        value=None if latest is None else latest.value,
        figures=[
            MacroFigureOut(name=k, date=f.day, value=_finite(f.value)) for k, f in figures.items()
        ],
    )


class MacroPointOut(Output):
    date: dt.date
    value: AnalyticOut | RateOut | None


class MacroSeriesOut(Output):
    series_id: str
    title: str
    transform: str
    units: str
    start: dt.date
    end: dt.date
    source: str
    items: list[MacroPointOut]

    @classmethod
    def from_view(cls, view: SeriesView) -> MacroSeriesOut:
        return cls.from_attributes(
            view,
            series_id=view.series.series_id,
            title=view.series.title,
            transform=view.transform.value,
            items=[
                MacroPointOut(date=d, value=_finite(v) if isinstance(v, float) else v)
                for d, v in view.points
            ],
        )


# -- insiders ------------------------------------------------------------------------------
INSIDER_CONVENTIONS = {
    "counted": "codes P (purchase) and S (sale) of Form 4 Table I; other codes (grants A, "
    "exercises M / X / C, tax withholding F, gifts G, ...) are counted in `other` only",
    "values": "USD: shares x price per share as reported",
    "window": "inclusive, by transaction date",
}


class NetInsiderOut(Output):
    symbol: str
    buys: int
    sells: int
    other: int
    buyers: int
    sellers: int
    shares_bought: QuantityOut
    shares_sold: QuantityOut
    net_shares: QuantityOut
    value_bought_usd: MoneyOut
    value_sold_usd: MoneyOut
    net_value_usd: MoneyOut

    @classmethod
    def from_domain(cls, a: NetInsiderActivity) -> NetInsiderOut:
        return cls.from_attributes(
            a,
            value_bought_usd=a.value_bought,
            value_sold_usd=a.value_sold,
            net_value_usd=a.net_value,
        )


class NetInsiderBuyingOut(ItemsOut):
    start: dt.date
    end: dt.date
    source: str
    items: list[NetInsiderOut]
    conventions: dict[str, str]

    @classmethod
    def from_view(cls, view: NetBuyingView) -> NetInsiderBuyingOut:
        return cls.of(
            view.activity, start=view.start, end=view.end, source=view.source,
            conventions=INSIDER_CONVENTIONS,
        )  # fmt: skip


class InsiderTransactionOut(Mirror[InsiderTransaction]):
    symbol: str
    issuer_cik: str
    owner_name: str
    owner_cik: str
    relationship: str
    transaction_date: dt.date
    code: str
    shares: QuantityOut
    price: PriceOut | None
    acquired_disposed: str
    shares_owned_after: QuantityOut | None
    filed: dt.date | None

    enum_values = ("acquired_disposed",)


class InsiderTransactionsOut(Output):
    symbol: str
    start: dt.date
    end: dt.date
    source: str
    truncated: bool
    items: list[InsiderTransactionOut]

    @classmethod
    def from_view(cls, view: InsiderRows) -> InsiderTransactionsOut:
        return cls.from_attributes(
            view,
            items=[InsiderTransactionOut.from_domain(r) for r in view.rows],
        )
