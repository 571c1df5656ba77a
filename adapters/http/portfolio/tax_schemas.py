"""Tax DTOs: open lots, realized gains, wash sales, harvesting (docs/tax.md).

Money is a decimal string in the row's `currency`; rates and fractions are decimals
(0.24 = 24%); dates are ISO trade dates. Every answer carries `conventions`: the lot method of
each account involved, the term rule, the currency and the tax year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, Mirror, Output, doc
from adapters.http.wire_format import MoneyOut, PriceOut, QuantityOut
from adapters.wire.numbers import Fraction, Money, SignedMoney, UnitInterval
from application.portfolio.tax import (
    TERM_RULE,
    LotsPage,
    LotView,
    RealizedPage,
    TermTotals,
    WashSalesPage,
)
from application.portfolio.tax_harvesting import DEFAULT_MOVES, HarvestRequest
from domain.tax.brackets import (
    CAPITAL_LOSS_LIMIT,
    Bracket,
    BracketSchedule,
    InvalidTaxInput,
    TaxBrackets,
    check_schedule,
    flat_rates,
)
from domain.tax.lots import RealizedLot
from domain.tax.methods import LotMethod, Term

_SYMBOL = msgspec.Meta(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9.\-/_:]+$")
BASIS = "adjusted cost basis: price x quantity + buy fees + wash-sale disallowed losses added"


class TaxConventionsOut(Output):
    """How to read the figures: lot relief per account, the term rule, currency, tax year."""

    lot_methods: Annotated[
        dict[str, LotMethod], doc("Account id -> its default lot method (a sale may override)")
    ]
    term_rule: Annotated[str, doc("Long term when held more than one year (IRS Pub. 550)")]
    currency: Annotated[str, doc("Each row's money is in its own `currency` (8949: USD)")]
    tax_year: Annotated[int | None, doc("Calendar tax year by trade date (null: none)")]
    basis: str = BASIS


def conventions(methods: dict[str, LotMethod], year: int | None) -> TaxConventionsOut:
    return TaxConventionsOut(
        lot_methods=methods, term_rule=TERM_RULE, currency="per row", tax_year=year
    )


class TaxLotOut(Output):
    id: Annotated[str, doc("The id of the BUY / TRANSFER_IN that opened the lot")]
    account_id: str
    portfolio_id: str | None
    symbol: str
    quantity: QuantityOut
    cost_basis: Annotated[MoneyOut, doc(BASIS)]
    cost_per_share: PriceOut
    acquired: Annotated[date, doc("Holding-period start (carried over by a wash sale)")]
    purchased: Annotated[date, doc("The real trade date of the purchase")]
    wash_adjustment: Annotated[MoneyOut, doc("Disallowed losses added to the basis so far")]
    currency: str
    tax_type: str
    lot_method: LotMethod
    term_today: Annotated[Term, doc("The term if sold today")]
    price: Annotated[PriceOut | None, doc("Reference price now (null: unpriced)")]
    unrealized_gain: Annotated[MoneyOut | None, doc("quantity x price - cost_basis")]

    @classmethod
    def from_view(cls, view: LotView) -> TaxLotOut:
        lot = view.lot
        return cls.from_attributes(
            lot,
            portfolio_id=view.portfolio_id,
            tax_type=view.tax_type.value,
            lot_method=view.lot_method,
            term_today=view.term_today,
            price=view.price,
            unrealized_gain=view.unrealized,
        )


class TaxLotPageOut(Output):
    """Open lots by account, symbol, acquisition date; pass `next_cursor` back as `cursor`."""

    items: list[TaxLotOut]
    next_cursor: str | None
    as_of: date
    conventions: TaxConventionsOut

    @classmethod
    def from_page(cls, page: LotsPage) -> TaxLotPageOut:
        methods = {v.lot.account_id: v.lot_method for v in page.items}
        return cls(
            items=[TaxLotOut.from_view(v) for v in page.items],
            next_cursor=page.next_cursor,
            as_of=page.as_of,
            conventions=conventions(dict(sorted(methods.items())), page.as_of.year),
        )


class TaxRealizedLotOut(Mirror[RealizedLot]):
    """One Form 8949 row (columns b-h)."""

    sale_id: str
    lot_id: str
    account_id: str
    symbol: str
    quantity: QuantityOut
    acquired: Annotated[date, doc("Column (b)")]
    sold: Annotated[date, doc("Column (c)")]
    proceeds: Annotated[MoneyOut, doc("Column (d), net of the sale's fees pro rata")]
    cost_basis: Annotated[MoneyOut, doc("Column (e)")]
    wash_disallowed: Annotated[MoneyOut, doc("Column (g), code W")]
    gain: Annotated[MoneyOut, doc("Column (h) = d - e + g")]
    term: Term
    currency: str
    lot_method: LotMethod
    reportable: Annotated[bool, doc("False in an IRA")]


class TaxTermTotalsOut(Mirror[TermTotals]):
    proceeds: MoneyOut
    cost_basis: MoneyOut
    wash_disallowed: MoneyOut
    gain: MoneyOut


class TaxRealizedTotalsOut(Output):
    """The whole year's reportable rows in one currency (not only this page's)."""

    currency: str
    short_term: TaxTermTotalsOut
    long_term: TaxTermTotalsOut
    net_gain: MoneyOut


class TaxRealizedPageOut(Output):
    year: int
    items: list[TaxRealizedLotOut]
    next_cursor: str | None
    totals: list[TaxRealizedTotalsOut]
    conventions: TaxConventionsOut

    @classmethod
    def from_page(cls, page: RealizedPage) -> TaxRealizedPageOut:
        totals = []
        for currency, terms in sorted(page.totals.items()):
            short, long = terms[Term.SHORT], terms[Term.LONG]
            totals.append(
                TaxRealizedTotalsOut(
                    currency=currency,
                    short_term=TaxTermTotalsOut.from_domain(short),
                    long_term=TaxTermTotalsOut.from_domain(long),
                    net_gain=short.gain + long.gain,
                )
            )
        return cls(
            year=page.year,
            items=[TaxRealizedLotOut.from_domain(r) for r in page.items],
            next_cursor=page.next_cursor,
            totals=totals,
            conventions=conventions(page.lot_methods, page.year),
        )


class TaxWashSaleOut(Output):
    sale_id: str
    sale_date: date | None
    symbol: str | None
    sold_lot_id: str
    replacement_lot_id: str
    replacement_account_id: str
    quantity: QuantityOut
    disallowed_loss: Annotated[MoneyOut, doc("Added to the replacement lot's basis (> 0)")]
    holding_days_carried: Annotated[int, doc("Days of holding added to the replacement")]
    permanent: Annotated[bool, doc("Replacement in an IRA: the loss is lost for good")]
    currency: str | None


class TaxWashSalePageOut(Output):
    year: int
    items: list[TaxWashSaleOut]
    next_cursor: str | None
    conventions: TaxConventionsOut

    @classmethod
    def from_page(cls, page: WashSalesPage) -> TaxWashSalePageOut:
        return cls(
            year=page.year,
            items=[
                TaxWashSaleOut.from_attributes(
                    v.wash, sale_date=v.sale_date, symbol=v.symbol, currency=v.currency
                )
                for v in page.items
            ],
            next_cursor=page.next_cursor,
            conventions=conventions(page.lot_methods, page.year),
        )


class TaxBracketIn(Input):
    lower: Annotated[SignedMoney, doc("Taxable income (dollars) where the rate starts, >= 0")]
    rate: Annotated[UnitInterval, doc("Marginal rate, 0..1")]


class TaxBracketsIn(Input):
    """Custom schedules: lowers start at 0 and increase; LTCG bands by total taxable income."""

    ordinary: Annotated[list[TaxBracketIn], msgspec.Meta(min_length=1, max_length=16)]
    long_term: Annotated[list[TaxBracketIn], msgspec.Meta(min_length=1, max_length=16)]
    loss_limit: Annotated[Money, doc("Net capital loss deductible a year")] = Money(
        CAPITAL_LOSS_LIMIT
    )

    def to_domain(self) -> TaxBrackets:
        def sched(rows: list[TaxBracketIn], field: str) -> BracketSchedule:
            brackets = tuple(Bracket(Decimal(b.lower), Decimal(b.rate)) for b in rows)
            return check_schedule(BracketSchedule(brackets), field)

        return TaxBrackets(
            name="custom",
            tax_year=None,
            filing_status="custom",
            ordinary=sched(self.ordinary, "brackets.ordinary"),
            capital_gains=sched(self.long_term, "brackets.long_term"),
            loss_limit=Decimal(self.loss_limit),
        )


class HarvestIn(Input):
    """A harvesting question (docs/tax.md). Thresholds: a lot qualifies when its loss is at
    least `min_loss` dollars AND at least `min_loss_fraction` of its basis (each if given).
    Rates: `brackets`, else flat `short_term_rate` + `long_term_rate`, else the 2025 brackets
    of `filing_status` (default: your investor profile's, else single)."""

    portfolio_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] | None = None
    min_loss: Annotated[Money | None, doc("Dollars")] = None
    min_loss_fraction: Annotated[Fraction | None, doc("Of the lot's basis: 0.1 = 10%")] = None
    filing_status: Annotated[
        Literal["single", "married_joint"] | None,
        doc("Default: your investor profile's filing status, else single"),
    ] = None
    brackets: TaxBracketsIn | None = None
    short_term_rate: UnitInterval | None = None
    long_term_rate: UnitInterval | None = None
    ordinary_income: Annotated[
        SignedMoney, doc("This year's taxable ordinary income, gains excluded, >= 0")
    ] = SignedMoney(0)
    carryover_short: Annotated[SignedMoney, doc("Prior-year short-term loss carryover >= 0")] = (
        SignedMoney(0)
    )
    carryover_long: Annotated[SignedMoney, doc("Prior-year long-term loss carryover >= 0")] = (
        SignedMoney(0)
    )
    returns_days: Annotated[int, doc("Daily returns in the correlation window, 20..1260")] = 252
    min_correlation: Annotated[float, msgspec.Meta(ge=-1.0, le=1.0)] = 0.9
    max_replacements: Annotated[int, msgspec.Meta(ge=0, le=20)] = 5
    universe: Annotated[
        list[Annotated[str, _SYMBOL]],
        msgspec.Meta(max_length=200, description="Extra symbols to search for replacements"),
    ] = msgspec.field(default_factory=list)
    identical_groups: Annotated[
        list[Annotated[list[Annotated[str, _SYMBOL]], msgspec.Meta(max_length=50)]],
        msgspec.Meta(max_length=200, description="Symbols substantially identical to each other"),
    ] = msgspec.field(default_factory=list)
    scenarios: Annotated[
        list[Annotated[float, msgspec.Meta(ge=-1.0, le=10.0)]],
        msgspec.Meta(min_length=1, max_length=21, description="Price moves: -0.2 = -20%"),
    ] = msgspec.field(default_factory=lambda: [float(m) for m in DEFAULT_MOVES])

    def to_request(self) -> HarvestRequest:
        brackets = None
        if self.brackets is not None:
            brackets = self.brackets.to_domain()
        elif self.short_term_rate is not None or self.long_term_rate is not None:
            if self.short_term_rate is None or self.long_term_rate is None:
                missing = "short_term_rate" if self.short_term_rate is None else "long_term_rate"
                raise InvalidTaxInput(missing, "is needed with the other flat rate")
            brackets = flat_rates(Decimal(self.short_term_rate), Decimal(self.long_term_rate))
        return self.onto(
            HarvestRequest,
            brackets=brackets,
            ordinary_income=Decimal(self.ordinary_income),
            carryover_short=Decimal(self.carryover_short),
            carryover_long=Decimal(self.carryover_long),
            universe=tuple(self.universe),
            identical_groups=tuple(tuple(g) for g in self.identical_groups),
            scenarios=tuple(Decimal(repr(m)) for m in self.scenarios),
        )
