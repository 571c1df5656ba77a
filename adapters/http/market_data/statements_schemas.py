"""A symbol's financial statements and the ratios computed from them, on the wire."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext
from typing import Literal

from adapters.http.schemas.common import Output
from adapters.http.wire_format import MoneyOut, PriceOut, RateOut
from application.market_data.statements import StatementsAnswer
from domain.market_data.statement_ratios import FORMULAS, ComputedRatio
from domain.market_data.statements import PeriodStatements

_PLACES = Decimal("1e-10")


def _plain(value: Decimal) -> str:
    """A plain decimal string, at most 10 decimal places, no trailing zeros."""
    with localcontext() as context:
        context.prec = 80
        return format(value.quantize(_PLACES).normalize(), "f")


class IncomeStatementOut(Output):
    """Flows over the period (null: the vendor stated none)."""

    revenue: MoneyOut | None
    cost_of_revenue: MoneyOut | None
    gross_profit: MoneyOut | None
    operating_income: MoneyOut | None
    interest_expense: MoneyOut | None
    net_income: MoneyOut | None
    ebit: MoneyOut | None
    diluted_eps: PriceOut | None


class BalanceSheetOut(Output):
    """Balances at the period's end (null: the vendor stated none)."""

    cash: MoneyOut | None
    short_term_investments: MoneyOut | None
    receivables: MoneyOut | None
    inventory: MoneyOut | None
    current_assets: MoneyOut | None
    total_assets: MoneyOut | None
    current_liabilities: MoneyOut | None
    total_liabilities: MoneyOut | None
    total_debt: MoneyOut | None
    shareholders_equity: MoneyOut | None
    shares_outstanding: MoneyOut | None


class CashFlowOut(Output):
    """Cash flows over the period; capital expenditure is a positive amount spent."""

    operating_cash_flow: MoneyOut | None
    capital_expenditure: MoneyOut | None
    free_cash_flow: MoneyOut | None


class PeriodOut(Output):
    """One fiscal period's statements, amounts in `currency`."""

    period_end: date
    fiscal_period: str
    fiscal_year: int | None
    currency: str
    income: IncomeStatementOut
    balance: BalanceSheetOut
    cash_flow: CashFlowOut

    @classmethod
    def from_domain(cls, p: PeriodStatements) -> PeriodOut:
        return cls(
            period_end=p.period_end,
            fiscal_period=p.fiscal_period,
            fiscal_year=p.fiscal_year,
            currency=p.currency,
            income=IncomeStatementOut.from_attributes(p.income),
            balance=BalanceSheetOut.from_attributes(p.balance),
            cash_flow=CashFlowOut.from_attributes(p.cash_flow),
        )


class ComputedRatioOut(Output):
    """One ratio of the latest period: `value` (null: `reason` says why), its `formula`, its
    `basis` (latest, average, ending, annual, trailing twelve months) and the `inputs` used."""

    name: str
    value: RateOut | None
    unit: Literal["multiple", "fraction"]
    formula: str
    basis: str
    inputs: dict[str, str]
    reason: str | None

    @classmethod
    def from_domain(cls, r: ComputedRatio) -> ComputedRatioOut:
        unit, formula = FORMULAS[r.name]
        return cls(
            name=r.name,
            value=r.value,
            unit="fraction" if unit == "fraction" else "multiple",
            formula=formula,
            basis=r.basis.value,
            inputs={label: _plain(v) for label, v in r.inputs},
            reason=r.reason,
        )


class StatementRatiosOut(Output):
    """The ratios of the period ending `period_end`; averages open with the balance sheet of
    `prior_period_end` (null: none was there, so they use the closing balance)."""

    period_end: date
    prior_period_end: date | None
    price: PriceOut | None
    price_note: str | None
    ratios: list[ComputedRatioOut]


class StatementsOut(Output):
    """The statements of `symbol` from the vendor `source`, newest period first:
    `periods_found` of the `periods_asked` wanted, and the ratios of the newest one."""

    symbol: str
    source: str
    period: Literal["annual", "quarterly"]
    periods_asked: int
    periods_found: int
    statements: list[PeriodOut]
    ratios: StatementRatiosOut

    @classmethod
    def from_domain(cls, answer: StatementsAnswer) -> StatementsOut:
        found, ratios = answer.statements, answer.ratios
        return cls(
            symbol=found.symbol,
            source=found.source,
            period="annual" if found.period.value == "annual" else "quarterly",
            periods_asked=answer.asked,
            periods_found=len(found.periods),
            statements=[PeriodOut.from_domain(p) for p in found.periods],
            ratios=StatementRatiosOut(
                period_end=ratios.period_end,
                prior_period_end=ratios.prior_period_end,
                price=answer.price,
                price_note=answer.price_note,
                ratios=[ComputedRatioOut.from_domain(r) for r in ratios.ratios],
            ),
        )
