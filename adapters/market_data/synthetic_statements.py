"""The offline demo's financial statements: seeded per symbol, internally consistent, and named
`synthetic` as their source (never a company's figures).

A company is drawn once per symbol (its size, margins, growth, balance-sheet shape); its
periods are the fiscal years (ending 31 December) or calendar quarters that ended before
`today`, newest first, the company shrinking by its growth rate going back. Amounts are whole
units of USD; EPS is net income / shares to the cent.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np

from domain.market_data.statements import (
    BalanceSheet,
    CashFlowStatement,
    FinancialStatements,
    IncomeStatement,
    PeriodStatements,
    StatementPeriod,
)

_CENT = Decimal("0.01")
_QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


def synthetic_statements(
    symbol: str,
    source: str,
    seed: tuple[int, int],
    period: StatementPeriod,
    limit: int,
    today: date,
) -> FinancialStatements:
    """`limit` periods of statements of `symbol`, the same for the same seed and day."""
    rng = np.random.default_rng(list(seed))
    draw = {
        name: float(rng.uniform(low, high))
        for name, (low, high) in {
            "revenue": (2e9, 9e10), "gross": (0.25, 0.7), "operating": (0.08, 0.3),
            "interest": (0.005, 0.03), "tax": (0.15, 0.25), "growth": (0.02, 0.15),
            "cash": (0.05, 0.15), "investments": (0.0, 0.1), "receivables": (0.08, 0.18),
            "inventory": (0.02, 0.12), "current": (0.3, 0.5), "turnover": (0.5, 1.2),
            "current_debt": (0.4, 0.8), "liabilities": (0.4, 0.75), "debt": (0.3, 0.6),
            "conversion": (1.0, 1.3), "capex": (0.03, 0.08), "shares": (2e8, 8e9),
        }.items()
    }  # fmt: skip
    ends = _period_ends(period, limit, today)
    per_year = 1 if period is StatementPeriod.ANNUAL else 4
    periods = tuple(
        _period(draw, end, period, (1 + draw["growth"]) ** (-i / per_year) / per_year)
        for i, end in enumerate(ends)
    )
    return FinancialStatements(symbol, source, period, periods)


def _period_ends(period: StatementPeriod, limit: int, today: date) -> list[date]:
    if period is StatementPeriod.ANNUAL:
        return [date(today.year - 1 - i, 12, 31) for i in range(limit)]
    ends: list[date] = []
    year = today.year
    while len(ends) < limit:
        ends += [date(year, m, d) for m, d in reversed(_QUARTER_ENDS) if date(year, m, d) < today]
        year -= 1
    return ends[:limit]


def _period(
    draw: dict[str, float], end: date, period: StatementPeriod, scale: float
) -> PeriodStatements:
    def money(value: float) -> Decimal:
        return Decimal(round(value))

    revenue = draw["revenue"] * scale
    ebit = revenue * draw["operating"]
    interest = revenue * draw["interest"]
    net = (ebit - interest) * (1 - draw["tax"])
    # Balance sheets scale with the year's size, not the period's length.
    per_year = 1 if period is StatementPeriod.ANNUAL else 4
    assets = revenue * per_year / draw["turnover"]
    current = assets * draw["current"]
    parts = {k: current * draw[k] for k in ("cash", "investments", "receivables", "inventory")}
    liabilities = assets * draw["liabilities"]
    ocf = net * draw["conversion"]
    shares = Decimal(round(draw["shares"]))
    return PeriodStatements(
        period_end=end,
        fiscal_period="FY" if period is StatementPeriod.ANNUAL else f"Q{(end.month + 2) // 3}",
        fiscal_year=end.year,
        currency="USD",
        income=IncomeStatement(
            revenue=money(revenue),
            cost_of_revenue=money(revenue) - money(revenue * draw["gross"]),
            gross_profit=money(revenue * draw["gross"]),
            operating_income=money(ebit),
            interest_expense=money(interest),
            net_income=money(net),
            ebit=money(ebit),
            diluted_eps=(money(net) / shares).quantize(_CENT),
        ),
        balance=BalanceSheet(
            cash=money(parts["cash"]),
            short_term_investments=money(parts["investments"]),
            receivables=money(parts["receivables"]),
            inventory=money(parts["inventory"]),
            current_assets=money(current),
            total_assets=money(assets),
            current_liabilities=money(current * draw["current_debt"]),
            total_liabilities=money(liabilities),
            total_debt=money(liabilities * draw["debt"]),
            shareholders_equity=money(assets) - money(liabilities),
            shares_outstanding=shares,
        ),
        cash_flow=CashFlowStatement.of(money(ocf), money(revenue * draw["capex"])),
    )
