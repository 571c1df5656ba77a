"""The backcast series and the tax cost of domain/portfolio/holdings_risk.py on worked examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.portfolio.holdings_risk import TaxableIncome, backcast_values, daily_returns, tax_cost

D = Decimal
RATES = {"short_term_rate": D("0.37"), "long_term_rate": D("0.20"), "dividend_rate": D("0.15")}


def test_the_backcast_holds_todays_quantities_on_the_days_every_symbol_closed() -> None:
    # Arrange: B has no close on the 3rd, so that day is left out.
    d1, d2, d3 = date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)
    closes = {"A": {d1: D(10), d2: D(11), d3: D(12)}, "B": {d1: D(5), d2: D(4)}}

    # Act
    values = backcast_values({"A": D(2), "B": D(3)}, closes)

    # Assert: 2 x 10 + 3 x 5 = 35, 2 x 11 + 3 x 4 = 34
    assert values == [(d1, D(35)), (d2, D(34))]
    assert daily_returns(values) == {d2: pytest.approx(34 / 35 - 1)}


@pytest.mark.parametrize(
    ("short", "long_", "expected"),
    [
        (D(100), D(200), D("77.00")),  # 100 x 0.37 + 200 x 0.20
        (D(-50), D(200), D("30.00")),  # the short-term loss offsets long-term gains: 150 x 0.20
        (D(100), D(-30), D("25.90")),  # 70 x 0.37
        (D(-300), D(200), D("0")),  # a net loss costs nothing
    ],
)
def test_the_tax_cost_nets_the_terms_against_each_other(
    short: Decimal, long_: Decimal, expected: Decimal
) -> None:
    # Act
    cost = tax_cost(TaxableIncome(short, long_, D(0), D(0)), **RATES)

    # Assert
    assert cost == expected


def test_dividends_and_interest_are_taxed_at_their_rates() -> None:
    # Act: 40 x 0.15 + 10 x 0.37
    cost = tax_cost(TaxableIncome(D(0), D(0), D(40), D(10)), **RATES)

    # Assert
    assert cost == D("9.70")
