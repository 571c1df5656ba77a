"""Invariants of ratios from statements, over generated balance sheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.market_data.statement_ratios import statement_ratios
from domain.market_data.statements import (
    BalanceSheet,
    CashFlowStatement,
    FinancialStatements,
    IncomeStatement,
    PeriodStatements,
    StatementPeriod,
)

amounts = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False)
positive = st.decimals(min_value=Decimal("0.01"), max_value=10**12, places=2, allow_nan=False)


def _statements(*balances: BalanceSheet, net_income: Decimal = Decimal(1)) -> FinancialStatements:
    periods = tuple(
        PeriodStatements(
            date(2024 - i, 12, 31), "FY", 2024 - i, "USD",
            IncomeStatement(revenue=Decimal(100), net_income=net_income),
            balance, CashFlowStatement(),
        )
        for i, balance in enumerate(balances)
    )  # fmt: skip
    return FinancialStatements("X", "test", StatementPeriod.ANNUAL, periods)


@given(other=amounts, inventory=amounts, liabilities=positive)
def test_quick_ratio_is_at_most_the_current_ratio(
    other: Decimal, inventory: Decimal, liabilities: Decimal
) -> None:
    balance = BalanceSheet(
        inventory=inventory, current_assets=other + inventory, current_liabilities=liabilities
    )

    ratios = statement_ratios(_statements(balance), price=None)

    quick, current = ratios.of("quick_ratio").value, ratios.of("current_ratio").value
    assert quick is not None and current is not None
    assert quick <= current


@given(debt=amounts, liabilities=amounts, equity=positive)
def test_debt_to_assets_is_at_most_debt_to_equity(
    debt: Decimal, liabilities: Decimal, equity: Decimal
) -> None:
    balance = BalanceSheet(
        total_debt=debt, total_assets=liabilities + equity, shareholders_equity=equity
    )

    ratios = statement_ratios(_statements(balance), price=None)

    to_assets, to_equity = ratios.of("debt_to_assets").value, ratios.of("debt_to_equity").value
    assert to_assets is not None and to_equity is not None
    assert to_assets <= to_equity


@given(opening=positive, closing=positive, net_income=amounts)
def test_roa_on_average_assets_lies_between_roa_on_each_balance(
    opening: Decimal, closing: Decimal, net_income: Decimal
) -> None:
    ratios = statement_ratios(
        _statements(
            BalanceSheet(total_assets=closing),
            BalanceSheet(total_assets=opening),
            net_income=net_income,
        ),
        price=None,
    )

    roa = ratios.of("return_on_assets").value
    assert roa is not None
    low, high = sorted([net_income / opening, net_income / closing])
    assert low <= roa <= high
