"""Alpha Vantage's financial statements: INCOME_STATEMENT, BALANCE_SHEET and CASH_FLOW.

Each function answers {"symbol", "annualReports": [...], "quarterlyReports": [...]}, newest
first, every amount a string and "None" for one not stated. An unknown symbol answers {} (or
empty report lists). The three statements are joined by `fiscalDateEnding`; a period missing
from one of them has that statement empty (all None). Quarters are not numbered by the vendor
(`fiscal_period` "Q", `fiscal_year` None); a year's fiscal year is the year it ends.
Total debt is `shortLongTermDebtTotal`; capital expenditure `capitalExpenditures` (positive).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any

from adapters.market_data.vendors.common import dec, parse_day, parsing
from domain.market_data.statements import (
    BalanceSheet,
    CashFlowStatement,
    FinancialStatements,
    IncomeStatement,
    PeriodStatements,
    StatementPeriod,
    newest_first,
)
from ports.market_data.marketdata import QuoteUnavailable

Query = Callable[..., Awaitable[Any]]
_REPORTS = {StatementPeriod.ANNUAL: "annualReports", StatementPeriod.QUARTERLY: "quarterlyReports"}


async def alphavantage_statements(
    query: Query, provider: str, symbol: str, period: StatementPeriod, limit: int
) -> FinancialStatements:
    """The statements of `symbol` through `query(function, **params)` (the adapter's call)."""
    reports: dict[str, dict[str, dict[str, Any]]] = {}
    for function in ("INCOME_STATEMENT", "BALANCE_SHEET", "CASH_FLOW"):
        body = await query(function, symbol=symbol)
        with parsing(provider, function):
            rows = body.get(_REPORTS[period]) or []
            reports[function] = {str(row["fiscalDateEnding"]): row for row in rows}
    if not reports["INCOME_STATEMENT"] and not reports["BALANCE_SHEET"]:
        raise QuoteUnavailable(f"{provider}: no financial statements for {symbol}")
    ends = set().union(*(rows.keys() for rows in reports.values()))
    with parsing(provider, "financial statements"):
        periods = [
            _period(
                end, period,
                reports["INCOME_STATEMENT"].get(end, {}),
                reports["BALANCE_SHEET"].get(end, {}),
                reports["CASH_FLOW"].get(end, {}),
            )
            for end in ends
        ]  # fmt: skip
    return FinancialStatements(symbol, provider, period, newest_first(periods, limit))


def _amount(row: dict[str, Any], key: str) -> Decimal | None:
    value = row.get(key)
    if value is None or value in ("None", "", "-"):
        return None
    return dec(value)


def _period(
    end: str,
    period: StatementPeriod,
    income: dict[str, Any],
    balance: dict[str, Any],
    cash: dict[str, Any],
) -> PeriodStatements:
    day = parse_day(end)
    currency = next(
        (str(r["reportedCurrency"]) for r in (income, balance, cash) if r.get("reportedCurrency")),
        "",
    )
    annual = period is StatementPeriod.ANNUAL
    return PeriodStatements(
        period_end=day,
        fiscal_period="FY" if annual else "Q",
        fiscal_year=day.year if annual else None,
        currency=currency,
        income=IncomeStatement(
            revenue=_amount(income, "totalRevenue"),
            cost_of_revenue=_amount(income, "costOfRevenue"),
            gross_profit=_amount(income, "grossProfit"),
            operating_income=_amount(income, "operatingIncome"),
            interest_expense=_amount(income, "interestExpense"),
            net_income=_amount(income, "netIncome"),
            ebit=_amount(income, "ebit"),
        ),
        balance=BalanceSheet(
            cash=_amount(balance, "cashAndCashEquivalentsAtCarryingValue"),
            short_term_investments=_amount(balance, "shortTermInvestments"),
            receivables=_amount(balance, "currentNetReceivables"),
            inventory=_amount(balance, "inventory"),
            current_assets=_amount(balance, "totalCurrentAssets"),
            total_assets=_amount(balance, "totalAssets"),
            current_liabilities=_amount(balance, "totalCurrentLiabilities"),
            total_liabilities=_amount(balance, "totalLiabilities"),
            total_debt=_amount(balance, "shortLongTermDebtTotal"),
            shareholders_equity=_amount(balance, "totalShareholderEquity"),
            shares_outstanding=_amount(balance, "commonStockSharesOutstanding"),
        ),
        cash_flow=CashFlowStatement.of(
            _amount(cash, "operatingCashflow"), _amount(cash, "capitalExpenditures")
        ),
    )
