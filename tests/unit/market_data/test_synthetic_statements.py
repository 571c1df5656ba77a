"""The offline demo's statements: seeded, consistent, periods that ended before today."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from adapters.market_data.synthetic_statements import synthetic_statements
from domain.market_data.statement_ratios import statement_ratios
from domain.market_data.statements import StatementPeriod

TODAY = date(2026, 1, 5)


def test_the_same_seed_gives_the_same_statements_and_another_symbol_others() -> None:
    first = synthetic_statements("AAPL", "synthetic", (7, 1), StatementPeriod.ANNUAL, 3, TODAY)
    again = synthetic_statements("AAPL", "synthetic", (7, 1), StatementPeriod.ANNUAL, 3, TODAY)
    other = synthetic_statements("MSFT", "synthetic", (7, 2), StatementPeriod.ANNUAL, 3, TODAY)

    assert first == again
    assert first.periods[0].income != other.periods[0].income
    assert [p.period_end for p in first.periods] == [
        date(2025, 12, 31),
        date(2024, 12, 31),
        date(2023, 12, 31),
    ]


def test_quarters_are_the_calendar_quarters_ended_before_today() -> None:
    found = synthetic_statements("X", "synthetic", (7, 1), StatementPeriod.QUARTERLY, 5, TODAY)

    assert [(p.period_end, p.fiscal_period) for p in found.periods] == [
        (date(2025, 12, 31), "Q4"),
        (date(2025, 9, 30), "Q3"),
        (date(2025, 6, 30), "Q2"),
        (date(2025, 3, 31), "Q1"),
        (date(2024, 12, 31), "Q4"),
    ]


@given(key=st.integers(0, 2**32), quarterly=st.booleans())
def test_every_period_adds_up_and_every_ratio_has_a_value(key: int, quarterly: bool) -> None:
    period = StatementPeriod.QUARTERLY if quarterly else StatementPeriod.ANNUAL

    found = synthetic_statements("X", "synthetic", (7, key), period, 8, TODAY)

    for p in found.periods:
        inc, bal = p.income, p.balance
        assert inc.revenue == inc.cost_of_revenue + inc.gross_profit  # type: ignore[operator]
        assert bal.total_assets == bal.total_liabilities + bal.shareholders_equity  # type: ignore[operator]
        parts = bal.cash + bal.short_term_investments + bal.receivables + bal.inventory  # type: ignore[operator]
        assert parts <= bal.current_assets  # type: ignore[operator]
    eps = found.periods[0].income.diluted_eps
    assert eps is not None
    ratios = statement_ratios(found, price=eps * 20)
    missing = {r.name: r.reason for r in ratios.ratios if r.value is None}
    assert set(missing) <= {"peg"}  # PEG only when EPS did not grow
