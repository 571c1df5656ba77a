"""Polygon's financial statements: GET /vX/reference/financials (from companies' XBRL filings).

Asked with `ticker`, `timeframe` (annual or quarterly), `limit`, `order=desc` and
`sort=period_of_report_date`. Each result has `end_date`, `fiscal_period` ("FY", "Q1".."Q4"),
`fiscal_year` and `financials` with `income_statement`, `balance_sheet` and
`cash_flow_statement`, each a map of line items {"value", "unit", "label", "order"}; an item
the filing lacks is absent. An unknown ticker answers an empty `results`. Choices:

- EBIT is income before taxes + interest expense (Polygon states no EBIT line); interest
  expense is `interest_expense_operating`.
- Equity is the parent's (`equity_attributable_to_parent`), else `equity`; total debt is
  `long_term_debt` (+ `current_debt` when stated): the financials state no short-term debt line.
- Cash, receivables and short-term investments are read when a filing states them (`cash`,
  `accounts_receivable`, `short_term_investments`); capital expenditure is not stated.
- The currency is the unit of the revenue line (else of any money line).
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

GetJson = Callable[[str, dict[str, Any]], Awaitable[Any]]
FINANCIALS = "/vX/reference/financials"
_MAX_LIMIT = 100  # Polygon's largest page of financials


async def polygon_statements(
    get_json: GetJson, provider: str, symbol: str, period: StatementPeriod, limit: int
) -> FinancialStatements:
    """The statements of `symbol` through `get_json(path, params)` (the adapter's client)."""
    params = {
        "ticker": symbol,
        "timeframe": period.value,
        "limit": min(limit, _MAX_LIMIT),
        "order": "desc",
        "sort": "period_of_report_date",
    }
    body = await get_json(FINANCIALS, params)
    with parsing(provider, "financials"):
        results = body.get("results") or []
        periods = [_period(result) for result in results]
    if not periods:
        raise QuoteUnavailable(f"{provider}: no financial statements for {symbol}")
    return FinancialStatements(symbol, provider, period, newest_first(periods, limit))


def _line(items: dict[str, Any], *keys: str) -> Decimal | None:
    """The value of the first of `keys` the statement states."""
    for key in keys:
        item = items.get(key)
        if isinstance(item, dict) and item.get("value") is not None:
            return dec(item["value"])
    return None


def _sum(*values: Decimal | None) -> Decimal | None:
    if values[0] is None:
        return None
    return sum((v for v in values if v is not None), Decimal(0))


def _currency(*statements: dict[str, Any]) -> str:
    for statement in statements:
        revenue = statement.get("revenues")
        if isinstance(revenue, dict) and revenue.get("unit"):
            return str(revenue["unit"])
    for statement in statements:
        for item in statement.values():
            unit = item.get("unit") if isinstance(item, dict) else None
            if isinstance(unit, str) and unit.isalpha() and len(unit) == 3:
                return unit
    return ""


def _period(result: dict[str, Any]) -> PeriodStatements:
    financials = result["financials"]
    income = financials.get("income_statement") or {}
    balance = financials.get("balance_sheet") or {}
    cash = financials.get("cash_flow_statement") or {}
    interest = _line(income, "interest_expense_operating", "interest_expense")
    pre_tax = _line(income, "income_loss_from_continuing_operations_before_tax")
    year = result.get("fiscal_year")
    return PeriodStatements(
        period_end=parse_day(result["end_date"]),
        fiscal_period=str(result.get("fiscal_period") or ""),
        fiscal_year=None if year is None or year == "" else int(year),
        currency=_currency(income, balance, cash),
        income=IncomeStatement(
            revenue=_line(income, "revenues"),
            cost_of_revenue=_line(income, "cost_of_revenue"),
            gross_profit=_line(income, "gross_profit"),
            operating_income=_line(income, "operating_income_loss"),
            interest_expense=None if interest is None else abs(interest),
            net_income=_line(income, "net_income_loss_attributable_to_parent", "net_income_loss"),
            ebit=None if pre_tax is None or interest is None else pre_tax + abs(interest),
            diluted_eps=_line(income, "diluted_earnings_per_share"),
        ),
        balance=BalanceSheet(
            cash=_line(balance, "cash"),
            short_term_investments=_line(balance, "short_term_investments"),
            receivables=_line(balance, "accounts_receivable"),
            inventory=_line(balance, "inventory"),
            current_assets=_line(balance, "current_assets"),
            total_assets=_line(balance, "assets"),
            current_liabilities=_line(balance, "current_liabilities"),
            total_liabilities=_line(balance, "liabilities"),
            total_debt=_sum(_line(balance, "long_term_debt"), _line(balance, "current_debt")),
            shareholders_equity=_line(balance, "equity_attributable_to_parent", "equity"),
        ),
        cash_flow=CashFlowStatement.of(
            _line(cash, "net_cash_flow_from_operating_activities"), None
        ),
    )
