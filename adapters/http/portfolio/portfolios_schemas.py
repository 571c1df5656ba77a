"""Portfolio ledger DTOs: portfolios, accounts, transactions, imports, holdings and
performance. Money and quantities are decimal strings; every figure names its convention."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output, attributes, doc
from adapters.http.schemas.risk import HeldCorrelationOut
from adapters.http.wire_format import AnalyticOut, MoneyOut, PriceOut, QuantityOut, RateOut
from adapters.wire.numbers import SignedMoney
from application.portfolio.portfolio_holdings import HoldingsView, PositionView
from application.portfolio.portfolio_risk import PortfolioRisk
from application.portfolio.portfolios import ImportReport, NewAccount
from application.portfolio.transaction_import import RowError
from application.portfolio.valuations import DAY_COUNT, Performance
from domain.portfolio.transactions import LotPick, Transaction, TransactionKind, TransactionSource
from domain.tax.lots import TaxLot
from domain.tax.methods import AccountTaxType, LotMethod
from ports.portfolio.portfolios import Portfolio, PortfolioAccount

_ID = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
_TEXT200 = Annotated[str, msgspec.Meta(max_length=200)]
_NUMBER = 'a decimal string such as "150.25" (a JSON number is read too); the sign is checked'


class PortfolioIn(Input):
    """A new portfolio of yours; valuations are stated in `base_currency`."""

    name: Annotated[str, doc("1 to 100 printable characters"), msgspec.Meta(max_length=200)]
    base_currency: Annotated[str, doc("ISO 4217 code"), msgspec.Meta(max_length=8)] = "USD"


class PortfolioAccountIn(Input):
    """An account to attach: a trading account of yours by `account_id` (`kind=trading`), or a
    new manual holding account by `name` (`kind=manual`)."""

    kind: Literal["trading", "manual"]
    account_id: Annotated[_ID | None, doc("kind=trading: your trading account's id")] = None
    name: Annotated[
        _TEXT200 | None,
        doc("kind=manual: its name, unique in the portfolio; kind=trading: a label"),
    ] = None
    tax_type: AccountTaxType = AccountTaxType.TAXABLE
    lot_method: Annotated[
        LotMethod, doc("Which lots a sale consumes unless the sale says otherwise")
    ] = LotMethod.FIFO

    def to_new(self) -> NewAccount:
        return NewAccount(self.kind, self.account_id, self.name, self.tax_type, self.lot_method)


class PortfolioAccountOut(Mirror[PortfolioAccount]):
    id: str
    name: str
    kind: str
    tax_type: AccountTaxType
    lot_method: LotMethod


class PortfolioOut(Output):
    id: str
    name: str
    base_currency: str
    created_at: datetime
    accounts: list[PortfolioAccountOut]

    @classmethod
    def from_domain(cls, p: Portfolio) -> PortfolioOut:
        return cls.from_attributes(
            p,
            accounts=[PortfolioAccountOut.from_domain(a) for a in p.accounts],
        )


class PortfolioPageOut(ItemsOut):
    items: list[PortfolioOut]
    next_cursor: str | None


class LedgerLotPickIn(Input):
    lot_id: _ID
    quantity: Annotated[SignedMoney, doc(f"Shares from that lot, > 0; {_NUMBER}")]


class LedgerTransactionIn(Input):
    """One ledger transaction (docs/ledger.md for the fields each kind uses). Quantities are
    shares (> 0, the kind gives the direction), `price` per share, `fees` >= 0 (added to a
    buy's basis, taken from a sale's proceeds), `amount` > 0 for cash kinds. 422
    INVALID_TRANSACTION names the field: a sale larger than the position (`quantity`), an
    unknown lot (`lot_picks`), an unknown currency, a date after today, a corporate action
    missing its `new_symbol`, `split_ratio`, `allocation` or `new_price`, ..."""

    account_id: Annotated[_ID, doc("An account of this portfolio")]
    kind: TransactionKind
    trade_date: Annotated[date, doc("The trade date (the tax date), not after today (UTC)")]
    currency: Annotated[
        Annotated[str, msgspec.Meta(max_length=8)] | None, doc("ISO 4217; null: the base currency")
    ] = None
    symbol: Annotated[str, msgspec.Meta(max_length=32)] | None = None
    quantity: Annotated[SignedMoney, doc(_NUMBER)] = SignedMoney(0)
    price: Annotated[SignedMoney, doc(_NUMBER)] = SignedMoney(0)
    amount: Annotated[SignedMoney, doc(_NUMBER)] = SignedMoney(0)
    fees: Annotated[SignedMoney, doc(_NUMBER)] = SignedMoney(0)
    split_ratio: Annotated[
        SignedMoney | None,
        doc("A split or corporate action: new shares per old share (2 = 2-for-1)"),
    ] = None
    lot_method: Annotated[LotMethod | None, doc("A sale: overrides the account's lot method")] = (
        None
    )
    lot_picks: Annotated[
        list[LedgerLotPickIn], doc("A sale: specific identification"), msgspec.Meta(max_length=500)
    ] = msgspec.field(default_factory=list)
    acquired: Annotated[
        date | None, doc("A transfer in: the original acquisition date (holding period)")
    ] = None
    external_id: Annotated[
        Annotated[str, msgspec.Meta(max_length=128)] | None,
        doc("Your reference, unique in the portfolio (409 DUPLICATE_TRANSACTION)"),
    ] = None
    note: Annotated[str, msgspec.Meta(max_length=500)] = ""
    new_symbol: Annotated[
        Annotated[str, msgspec.Meta(max_length=32)] | None,
        doc("A merger, spin-off or symbol change: the symbol the shares become"),
    ] = None
    new_price: Annotated[
        SignedMoney, doc(f"A mixed merger: fair market value of one new share; {_NUMBER}")
    ] = SignedMoney(0)
    allocation: Annotated[
        SignedMoney | None,
        doc("A spin-off: the fraction of basis the new shares get (Form 8937), 0 < a < 1"),
    ] = None
    cusip: Annotated[
        Annotated[str, msgspec.Meta(max_length=16)] | None,
        doc("The security's CUSIP, check digit checked (422 INVALID_TRANSACTION, field cusip)"),
    ] = None
    isin: Annotated[
        Annotated[str, msgspec.Meta(max_length=16)] | None,
        doc("The security's ISIN, check digit checked; a US ISIN embeds the CUSIP given"),
    ] = None
    settle_date: Annotated[
        date | None,
        doc(
            "The settlement date, not before trade_date (422 INVALID_TRANSACTION, field "
            "settle_date); null on a buy or sell in USD: T+1 on the NYSE calendar"
        ),
    ] = None

    def to_draft(self) -> Transaction:
        """The transaction without its id and portfolio (the use case sets them)."""
        return self.into(
            Transaction,
            id="",
            portfolio_id="",
            currency=self.currency or "",
            symbol=self.symbol.strip().upper() if self.symbol else None,
            new_symbol=self.new_symbol.strip().upper() if self.new_symbol else None,
            lot_picks=tuple(LotPick(p.lot_id, p.quantity) for p in self.lot_picks),
        )


class LedgerLotPickOut(Output):
    lot_id: str
    quantity: QuantityOut


class LedgerTransactionOut(Output):
    id: Annotated[str, doc("The ledger id; a buy's or transfer in's lot has this id")]
    portfolio_id: str
    account_id: str
    kind: TransactionKind
    trade_date: date
    currency: str
    symbol: str | None
    quantity: QuantityOut
    price: PriceOut
    amount: MoneyOut
    fees: MoneyOut
    split_ratio: RateOut | None
    lot_method: LotMethod | None
    lot_picks: list[LedgerLotPickOut]
    acquired: date | None
    source: TransactionSource
    external_id: str | None
    note: str
    new_symbol: str | None
    new_price: PriceOut
    allocation: RateOut | None
    cash_effect: Annotated[MoneyOut, doc("Signed change of the account's cash in `currency`")]
    cusip: str | None = None
    isin: str | None = None
    settle_date: Annotated[date | None, doc("The settlement date; null: not known")] = None

    @classmethod
    def from_domain(cls, t: Transaction) -> LedgerTransactionOut:
        return cls.from_attributes(
            t,
            lot_picks=[LedgerLotPickOut.from_attributes(p) for p in t.lot_picks],
        )


class LedgerTransactionPageOut(ItemsOut):
    items: list[LedgerTransactionOut]
    next_cursor: str | None


class PortfolioImportOut(Output):
    imported: Annotated[int, doc("Rows booked (every row of the file)")]
    by_kind: dict[str, int]
    by_account: dict[str, int]
    first_date: date
    last_date: date

    @classmethod
    def from_report(cls, r: ImportReport) -> PortfolioImportOut:
        return cls.from_attributes(r)


class CsvRowErrorOut(msgspec.Struct):
    """One bad cell or row: `row` as a spreadsheet numbers it (1 = the header), `field` the
    column ("row" for the row as a whole)."""

    row: int
    field: str
    message: str


class CsvInvalidProblem(msgspec.Struct, omit_defaults=True):
    """422 CSV_INVALID (RFC 9457): every row error (at most 1000 listed; `error_count` says
    how many there were). Nothing of the file was imported."""

    type: str
    title: str
    status: int
    code: str
    detail: str
    instance: str
    error_count: int
    errors: list[CsvRowErrorOut]

    @classmethod
    def of(cls, instance: str, detail: str, errors: list[RowError]) -> CsvInvalidProblem:
        return cls(
            type="https://bulwark.dev/problems/csv-invalid",
            title="CsvInvalid",
            status=422,
            code="CSV_INVALID",
            detail=detail,
            instance=instance,
            error_count=len(errors),
            errors=[CsvRowErrorOut(e.row, e.field, e.message) for e in errors[:1000]],
        )


class OpenLotOut(Output):
    lot_id: Annotated[str, doc("The id of the buy or transfer in that opened it")]
    quantity: QuantityOut
    cost_basis: Annotated[MoneyOut, doc("Total adjusted basis: buy fees and wash sales included")]
    cost_per_share: PriceOut
    acquired: Annotated[date, doc("Holding-period start (wash-sale carry-over included)")]
    purchased: Annotated[date, doc("The real trade date")]
    wash_adjustment: Annotated[MoneyOut, doc("Disallowed loss added to the basis so far")]

    @classmethod
    def from_domain(cls, lot: TaxLot) -> OpenLotOut:
        return cls.from_attributes(lot, lot_id=lot.id)


class HoldingPositionOut(Output):
    symbol: str
    quantity: QuantityOut
    currency: str
    cost_basis: MoneyOut
    price: Annotated[PriceOut | None, doc("Reference price; null when none is known")]
    market_value: MoneyOut | None
    unrealized_gain: MoneyOut | None
    lots: list[OpenLotOut]

    @classmethod
    def from_view(cls, p: PositionView) -> HoldingPositionOut:
        return cls.from_attributes(p, lots=[OpenLotOut.from_domain(lot) for lot in p.lots])


class HoldingAccountOut(Output):
    account: PortfolioAccountOut
    lot_method: Annotated[LotMethod, doc("The method the open lots were relieved under")]
    positions: list[HoldingPositionOut]
    cash: Annotated[dict[str, MoneyOut], doc("Balance per ISO 4217 currency")]


class HoldingsConventionsOut(Output):
    lot_method: str
    cost_basis: str
    prices: str
    currency: str


class HoldingsOut(Output):
    portfolio_id: str
    currency: Annotated[str, doc("The base currency of the totals")]
    market_value: Annotated[MoneyOut, doc("Cash + priced positions, base currency rows only")]
    cost_basis: MoneyOut
    unpriced: list[str]
    accounts: list[HoldingAccountOut]
    conventions: HoldingsConventionsOut

    @classmethod
    def from_view(cls, view: HoldingsView) -> HoldingsOut:
        return cls(
            portfolio_id=view.portfolio.id,
            currency=view.portfolio.base_currency,
            market_value=view.market_value,
            cost_basis=view.cost_basis,
            unpriced=list(view.unpriced),
            accounts=[
                HoldingAccountOut(
                    account=PortfolioAccountOut.from_domain(a.account),
                    lot_method=a.account.lot_method,
                    positions=[HoldingPositionOut.from_view(p) for p in a.positions],
                    cash=a.cash,
                )
                for a in view.accounts
            ],
            conventions=HoldingsConventionsOut(
                lot_method="each account's (accounts[].lot_method); a sale may override it",
                cost_basis="total adjusted basis of the open lots (buy fees, wash-sale additions)",
                prices="reference prices of the market data now; null when unknown",
                currency="totals count base-currency rows only (no FX conversion)",
            ),
        )


class ValuationPointOut(Output):
    day: date
    market_value: MoneyOut
    cash_flow: Annotated[MoneyOut, doc("External flows of the day: + in, - out")]


class PerformanceConventionsOut(Output):
    day_count: str
    twr: str
    mwr: str
    modified_dietz: str
    valuation: str
    cash_flows: str
    units: str


class PortfolioPerformanceOut(Output):
    portfolio_id: str
    currency: str
    start: date
    end: date
    days: int
    opening_value: Annotated[MoneyOut, doc("End-of-day value of the day before `start`")]
    closing_value: MoneyOut
    twr: Annotated[RateOut | None, doc("Time-weighted return over the window (0.05 = 5%)")]
    twr_annualized: Annotated[RateOut | None, doc("(1 + twr) ** (365 / days) - 1")]
    mwr: Annotated[RateOut | None, doc("Money-weighted return (XIRR), annualized ACT/365")]
    modified_dietz: Annotated[RateOut | None, doc("Modified Dietz return over the window")]
    excluded_currencies: Annotated[list[str], doc("Rows in these were left out (no FX)")]
    without_closes: Annotated[
        list[str], doc("Symbols without daily closes: valued at their last trade price")
    ]
    points: list[ValuationPointOut]
    conventions: PerformanceConventionsOut

    @classmethod
    def from_domain(cls, perf: Performance) -> PortfolioPerformanceOut:
        s = perf.series
        return cls.from_attributes(
            s,
            **attributes(perf, "days", "twr", "twr_annualized", "mwr", "modified_dietz"),
            closing_value=s.points[-1].market_value if s.points else s.opening_value,
            excluded_currencies=list(s.excluded_currencies),
            without_closes=list(s.without_closes),
            points=[ValuationPointOut.from_attributes(p) for p in s.points],
            conventions=PerformanceConventionsOut(
                day_count=DAY_COUNT,
                twr="daily-linked: r_t = V_t / (V_{t-1} + F_t) - 1, flows at the start of "
                "the day; twr_annualized = (1 + twr) ** (365 / days) - 1",
                mwr="XIRR of -opening value, -deposits, +withdrawals, +closing value; "
                "annualized, time in years = days / 365",
                modified_dietz="(V_end - V_start - sum F) / (V_start + sum w_i F_i), "
                "w_i = (end - day_i + 1) / (end - start) calendar days, start = the day "
                "before `start`",
                valuation="end of day: cash + quantity x the latest daily close on or before "
                "the day (else the latest trade price); base currency rows only",
                cash_flows="deposits +, withdrawals -, securities transferred in + / out - "
                "at the day's price; dividends, interest and fees are return",
                units="returns as fractions (0.05 = 5%); money in `currency`",
            ),
        )


class LedgerRiskHoldingOut(Output):
    symbol: str
    quantity: QuantityOut


class LedgerRiskIncomeOut(Output):
    short_term_gains: Annotated[MoneyOut, doc("Net short-term realised gains (negative: loss)")]
    long_term_gains: Annotated[MoneyOut, doc("Net long-term realised gains (negative: loss)")]
    dividends: MoneyOut
    interest: MoneyOut


class LedgerRiskConventionsOut(Output):
    series: str
    volatility: str
    sharpe: str
    max_drawdown: str
    beta: str
    tax_drag: str
    held_correlation: str
    cache: str


class LedgerRiskOut(Output):
    portfolio_id: str
    currency: str
    computed_at: Annotated[datetime, doc("When this answer was computed (it is cached)")]
    start: Annotated[date, doc("The window's first day: end - window_days")]
    end: date
    window_days: int
    benchmark: str
    risk_free: Annotated[AnalyticOut, doc("Annual risk-free rate of the Sharpe ratio")]
    short_term_rate: RateOut
    long_term_rate: RateOut
    dividend_rate: RateOut
    holdings: Annotated[list[LedgerRiskHoldingOut], doc("The backcast's fixed quantities")]
    left_out: Annotated[list[str], doc("Positions not in the backcast, 'SYMBOL: why'")]
    points: Annotated[int, doc("Days in the backcast series")]
    volatility_annual: AnalyticOut | None
    sharpe: AnalyticOut | None
    max_drawdown: Annotated[AnalyticOut | None, doc("A fraction of the running peak")]
    beta: AnalyticOut | None
    beta_points: Annotated[int, doc("Daily returns paired with the benchmark's")]
    average_value: Annotated[MoneyOut | None, doc("Mean of the backcast series")]
    realised: LedgerRiskIncomeOut
    tax_cost: Annotated[MoneyOut, doc("Estimated tax of `realised` at the rates")]
    tax_drag: Annotated[AnalyticOut | None, doc("tax_cost / average_value")]
    reasons: Annotated[list[str], doc("Why a figure is null")]
    held_correlation: HeldCorrelationOut | None
    held_correlation_note: Annotated[
        str | None, doc("Why `held_correlation` is null (no stored bars, too few days)")
    ]
    conventions: LedgerRiskConventionsOut

    @classmethod
    def from_domain(cls, risk: PortfolioRisk) -> LedgerRiskOut:
        r = risk.request
        return cls.from_attributes(
            risk,
            **attributes(
                r,
                "window_days",
                "benchmark",
                "risk_free",
                "short_term_rate",
                "long_term_rate",
                "dividend_rate",
            ),
            holdings=[LedgerRiskHoldingOut(symbol=s, quantity=q) for s, q in risk.holdings],
            left_out=list(risk.left_out),
            realised=LedgerRiskIncomeOut(
                short_term_gains=risk.income.short_term_gains,
                long_term_gains=risk.income.long_term_gains,
                dividends=risk.income.dividends,
                interest=risk.income.interest,
            ),
            reasons=list(risk.reasons),
            held_correlation=None
            if risk.held_correlation is None
            else HeldCorrelationOut.from_domain(risk.held_correlation),
            conventions=LedgerRiskConventionsOut(
                series="current-holdings backcast, not the realised history: today's "
                "quantities (base-currency positions, summed across accounts, cash left out) "
                "x each day's stored split- and dividend-adjusted close, on the days every "
                "held symbol has a close",
                volatility="sample stdev (n - 1) of simple daily returns x sqrt(252)",
                sharpe="(mean(r) - rf_d) / stdev(r) x sqrt(252), rf_d = (1 + risk_free) ** "
                "(1/252) - 1",
                max_drawdown="largest fall from a running peak, a fraction of that peak",
                beta="sample cov(r_p, r_b) / sample var(r_b) of daily returns on the days "
                "both have one; the benchmark's adjusted closes",
                tax_drag="(net short-term gains x short_term_rate + net long-term gains x "
                "long_term_rate + dividends x dividend_rate + interest x short_term_rate) / "
                "average_value; realised rows of the tax engine (proceeds - adjusted basis + "
                "wash-sale disallowed) sold in (start, end], taxable accounts and base "
                "currency only; a net loss of one term offsets the other's gain, a net loss "
                "costs 0 (no carryforward, no $3,000 offset)",
                held_correlation="daily log returns of the window's adjusted closes on the "
                "days every held symbol has one (at least 20); volatilities sample stdev "
                "(n - 1) x sqrt(252); weights each position's quantity x its last stored "
                "close over the gross; diversification_ratio sum(|w_i| sigma_i) / sigma_p "
                "(Choueifaty & Coignard), 1 for one position",
                cache="per portfolio in this process, until its ledger changes or the day ends",
            ),
        )
