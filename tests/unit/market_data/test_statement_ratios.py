"""Ratios from statements on a worked example computed by hand, and their stated reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from domain.market_data.statement_ratios import FORMULAS, Basis, statement_ratios
from domain.market_data.statements import (
    BalanceSheet,
    CashFlowStatement,
    FinancialStatements,
    IncomeStatement,
    PeriodStatements,
    StatementPeriod,
)

D = Decimal

# Widget Co, fiscal years ending 31 December (amounts in millions of USD).
# FY2024 income: revenue 1000, cost of revenue 600, gross profit 400, operating income 150,
#   interest expense 25, net income 90, EBIT 150, diluted EPS 2.40.
# FY2024 balance: cash 80, short-term investments 20, receivables 120, inventory 150,
#   current assets 400, total assets 1100, current liabilities 250, total liabilities 600,
#   total debt 330, equity 500.
# FY2023 balance: receivables 80, inventory 90, total assets 900, equity 400; EPS 2.00.
FY2024 = PeriodStatements(
    date(2024, 12, 31), "FY", 2024, "USD",
    IncomeStatement(D(1000), D(600), D(400), D(150), D(25), D(90), D(150), D("2.40")),
    BalanceSheet(D(80), D(20), D(120), D(150), D(400), D(1100), D(250), D(600), D(330), D(500)),
    CashFlowStatement.of(D(130), D(40)),
)  # fmt: skip
FY2023 = PeriodStatements(
    date(2023, 12, 31), "FY", 2023, "USD",
    IncomeStatement(D(900), D(560), D(340), D(120), D(25), D(70), D(120), D("2.00")),
    BalanceSheet(D(60), D(10), D(80), D(90), D(300), D(900), D(200), D(500), D(300), D(400)),
    CashFlowStatement.of(D(100), D(30)),
)  # fmt: skip


def _widget(
    *periods: PeriodStatements, period: StatementPeriod = StatementPeriod.ANNUAL
) -> FinancialStatements:
    return FinancialStatements("WIDG", "test", period, periods)


def test_each_ratio_of_the_worked_example_is_exact() -> None:
    # Act: priced at 36
    ratios = statement_ratios(_widget(FY2024, FY2023), price=D(36))

    # Assert: by hand
    values = {r.name: r.value for r in ratios.ratios}
    assert values == {
        "current_ratio": D("1.6"),  # 400 / 250
        "quick_ratio": D(1),  # (400 - 150) / 250
        "cash_ratio": D("0.4"),  # (80 + 20) / 250
        "return_on_assets": D("0.09"),  # 90 / ((900 + 1100) / 2 = 1000)
        "return_on_equity": D("0.2"),  # 90 / ((400 + 500) / 2 = 450)
        "gross_margin": D("0.4"),  # 400 / 1000
        "operating_margin": D("0.15"),  # 150 / 1000
        "net_margin": D("0.09"),  # 90 / 1000
        "asset_turnover": D(1),  # 1000 / 1000
        "inventory_turnover": D(5),  # 600 / ((90 + 150) / 2 = 120)
        "receivables_turnover": D(10),  # 1000 / ((80 + 120) / 2 = 100)
        "interest_coverage": D(6),  # 150 / 25
        "debt_to_equity": D("0.66"),  # 330 / 500
        "debt_to_assets": D("0.3"),  # 330 / 1100
        "peg": D("0.75"),  # P/E 36 / 2.40 = 15; growth (2.40 / 2.00 - 1) x 100 = 20; 15 / 20
    }
    assert list(values) == list(FORMULAS)
    assert (ratios.period_end, ratios.prior_period_end) == (date(2024, 12, 31), date(2023, 12, 31))
    assert all(r.reason is None for r in ratios.ratios)


def test_the_averaged_ratios_say_so_and_name_the_average_they_used() -> None:
    ratios = statement_ratios(_widget(FY2024, FY2023), price=D(36))

    roa = ratios.of("return_on_assets")
    assert roa.basis is Basis.AVERAGE
    assert dict(roa.inputs) == {"net income": D(90), "average total assets": D(1000)}
    assert ratios.of("current_ratio").basis is Basis.LATEST
    peg = ratios.of("peg")
    assert peg.basis is Basis.ANNUAL
    assert dict(peg.inputs) == {
        "price": D(36), "EPS": D("2.40"), "prior EPS": D("2.00"), "P/E": D(15),
        "EPS growth percent": D(20),
    }  # fmt: skip


def test_one_period_uses_the_closing_balance_and_says_so() -> None:
    ratios = statement_ratios(_widget(FY2024), price=D(36))

    roa = ratios.of("return_on_assets")
    assert (roa.value, roa.basis) == (D(90) / D(1100), Basis.ENDING)
    assert ratios.prior_period_end is None
    peg = ratios.of("peg")
    assert peg.value is None and peg.reason == "needs 2 periods of statements, had 1"


def test_a_zero_denominator_is_none_with_its_reason() -> None:
    broke = replace(FY2024, balance=replace(FY2024.balance, current_liabilities=D(0)))

    ratios = statement_ratios(_widget(broke, FY2023), price=D(36))

    current = ratios.of("current_ratio")
    assert (current.value, current.reason) == (None, "current liabilities is zero")


def test_a_missing_input_is_none_naming_it() -> None:
    no_inventory = replace(FY2024, balance=replace(FY2024.balance, inventory=None))

    ratios = statement_ratios(_widget(no_inventory, FY2023), price=D(36))

    quick = ratios.of("quick_ratio")
    assert quick.value is None
    assert quick.reason == "not stated: current assets - inventory (missing inventory)"
    assert ratios.of("current_ratio").value == D("1.6")


@pytest.mark.parametrize(
    ("eps", "price", "reason"),
    [
        (D("1.80"), D(36), "EPS did not grow"),
        (D("-1"), D(36), "P/E is undefined: EPS is not positive"),
        (D("2.40"), None, "not stated: price"),
    ],
)
def test_an_undefined_peg_says_why(eps: Decimal, price: Decimal | None, reason: str) -> None:
    latest = replace(FY2024, income=replace(FY2024.income, diluted_eps=eps))

    peg = statement_ratios(_widget(latest, FY2023), price=price).of("peg")

    assert (peg.value, peg.reason) == (None, reason)


def test_quarterly_peg_compares_the_last_four_quarters_with_the_four_before() -> None:
    # Arrange: quarterly EPS 0.60 each of the last four quarters (2.40), 0.50 before (2.00);
    # the EPS comes from net income / shares outstanding (no EPS stated).
    quarters = []
    for i, eps in enumerate([D("0.6")] * 4 + [D("0.5")] * 4):
        end = date(2024 - i // 4, 12 - 3 * (i % 4), 28)
        quarters.append(
            replace(
                FY2024, period_end=end, fiscal_period=f"Q{4 - i % 4}",
                income=replace(FY2024.income, diluted_eps=None, net_income=eps * 100),
                balance=replace(FY2024.balance, shares_outstanding=D(100)),
            )
        )  # fmt: skip

    # Act
    peg = statement_ratios(_widget(*quarters, period=StatementPeriod.QUARTERLY), D(36)).of("peg")

    # Assert: P/E 36 / 2.4 = 15, growth 20 %: 0.75
    assert (peg.value, peg.basis) == (D("0.75"), Basis.TRAILING)


def test_free_cash_flow_is_derived_only_when_the_vendor_states_none() -> None:
    assert CashFlowStatement.of(D(130), D(40)).free_cash_flow == D(90)
    assert CashFlowStatement.of(D(130), D(40), D(95)).free_cash_flow == D(95)
    assert CashFlowStatement.of(D(130), None).free_cash_flow is None


def test_statements_must_be_newest_first() -> None:
    with pytest.raises(ValueError, match="newest first"):
        _widget(FY2023, FY2024)
