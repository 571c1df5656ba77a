"""A company's financial statements as a vendor reports them: income, balance sheet, cash flow.

Amounts are Decimal in the statements' reporting currency; None means the vendor stated none
(not zero). Signs are normalised by the adapters: expenses, capital expenditure and debt are
positive amounts; income, cash flows and equity keep their sign (a loss is negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class StatementPeriod(StrEnum):
    """The length of the periods asked for: fiscal years or fiscal quarters."""

    ANNUAL = "annual"
    QUARTERLY = "quarterly"


@dataclass(frozen=True, slots=True)
class IncomeStatement:
    """Flows over the period."""

    revenue: Decimal | None = None
    cost_of_revenue: Decimal | None = None
    gross_profit: Decimal | None = None
    operating_income: Decimal | None = None
    interest_expense: Decimal | None = None
    net_income: Decimal | None = None
    ebit: Decimal | None = None  # earnings before interest and taxes
    diluted_eps: Decimal | None = None  # per share; None when the vendor states none


@dataclass(frozen=True, slots=True)
class BalanceSheet:
    """Stocks at the period's end."""

    cash: Decimal | None = None  # cash and cash equivalents
    short_term_investments: Decimal | None = None
    receivables: Decimal | None = None
    inventory: Decimal | None = None
    current_assets: Decimal | None = None
    total_assets: Decimal | None = None
    current_liabilities: Decimal | None = None
    total_liabilities: Decimal | None = None
    total_debt: Decimal | None = None  # short- and long-term borrowings
    shareholders_equity: Decimal | None = None
    shares_outstanding: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CashFlowStatement:
    """Cash flows over the period; capital expenditure is a positive amount spent."""

    operating_cash_flow: Decimal | None = None
    capital_expenditure: Decimal | None = None
    free_cash_flow: Decimal | None = None

    @classmethod
    def of(
        cls,
        operating_cash_flow: Decimal | None,
        capital_expenditure: Decimal | None,
        free_cash_flow: Decimal | None = None,
    ) -> CashFlowStatement:
        """The statement, its free cash flow derived (operating cash flow - capex) when the
        vendor states none and both inputs are there."""
        if free_cash_flow is None and None not in (operating_cash_flow, capital_expenditure):
            free_cash_flow = operating_cash_flow - capital_expenditure  # type: ignore[operator]
        return cls(operating_cash_flow, capital_expenditure, free_cash_flow)


@dataclass(frozen=True, slots=True)
class PeriodStatements:
    """The three statements of one fiscal period.

    `fiscal_period` is the vendor's label ("FY", "Q1".."Q4", or "Q" when the vendor does not
    number its quarters); `fiscal_year` is None when the vendor does not state it.
    """

    period_end: date
    fiscal_period: str
    fiscal_year: int | None
    currency: str
    income: IncomeStatement
    balance: BalanceSheet
    cash_flow: CashFlowStatement


@dataclass(frozen=True, slots=True)
class FinancialStatements:
    """A symbol's statements from `source`, newest period first (at most what was asked)."""

    symbol: str
    source: str
    period: StatementPeriod
    periods: tuple[PeriodStatements, ...]

    def __post_init__(self) -> None:
        ends = [p.period_end for p in self.periods]
        if ends != sorted(ends, reverse=True) or len(set(ends)) != len(ends):
            raise ValueError("statements must be newest first, one per period end")


def newest_first(periods: list[PeriodStatements], limit: int) -> tuple[PeriodStatements, ...]:
    """The `limit` newest periods, newest first, one per period end (the first one kept)."""
    seen: dict[date, PeriodStatements] = {}
    for period in sorted(periods, key=lambda p: p.period_end, reverse=True):
        seen.setdefault(period.period_end, period)
    return tuple(seen.values())[:limit]
