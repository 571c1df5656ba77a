"""Brinson-Fachler from holdings, Carino linking, and factor attribution."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.portfolio.factor_attribution import factor_attribution
from domain.portfolio.holdings_attribution import HoldingsPeriod, attribute_holdings
from domain.portfolio.linking import LinkingMethod

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

# The three-sector example of Carl Bacon, "Practical Portfolio Performance Measurement and
# Attribution" (Wiley, 2nd ed. 2008), chapter 5 (Brinson-Fachler): UK, Japanese and US
# equities with portfolio weights 40/30/30%, benchmark weights 40/20/40%, portfolio returns
# 20/-5/6% and benchmark returns 10/-4/8%. R_p = 8.3%, R_b = 6.4%, active 1.9% =
# allocation -1.2% (Japan (0.3-0.2)(-4%-6.4%) = -1.04%, US (0.3-0.4)(8%-6.4%) = -0.16%)
# + selection 3.0% (UK 0.4 x 10% = 4%, Japan 0.2 x -1% = -0.2%, US 0.4 x -2% = -0.8%)
# + interaction 0.1% (Japan 0.1 x -1% = -0.1%, US -0.1 x -2% = 0.2%).
# The UK holding is split over two symbols (20% at 30% and 20% at 10%: 20% for the sector).
SECTOR_OF = {
    "UK1": "UK",
    "UK2": "UK",
    "UKB": "UK",
    "JP1": "Japan",
    "JPB": "Japan",
    "US1": "US",
    "USB": "US",
}
BACON = HoldingsPeriod(
    portfolio_weights={"UK1": 0.2, "UK2": 0.2, "JP1": 0.3, "US1": 0.3},
    benchmark_weights={"UKB": 0.4, "JPB": 0.2, "USB": 0.4},
    returns={
        "UK1": 0.3,
        "UK2": 0.1,
        "UKB": 0.1,
        "JP1": -0.05,
        "JPB": -0.04,
        "US1": 0.06,
        "USB": 0.08,
    },
)


def test_bacon_brinson_fachler_example_from_holdings() -> None:
    result = attribute_holdings([BACON], SECTOR_OF)

    (period,) = result.periods
    assert period.portfolio_return == pytest.approx(0.083, abs=1e-12)
    assert period.benchmark_return == pytest.approx(0.064, abs=1e-12)
    assert period.totals.allocation == pytest.approx(-0.012, abs=1e-12)
    assert period.totals.selection == pytest.approx(0.030, abs=1e-12)
    assert period.totals.interaction == pytest.approx(0.001, abs=1e-12)
    japan = result.sectors.index("Japan")
    assert period.allocation[japan] == pytest.approx(-0.0104, abs=1e-12)
    # one period: Carino's coefficient is 1, the linked effects are the period's
    assert result.linked.total == pytest.approx(0.019, abs=1e-12)


def test_a_sector_the_portfolio_does_not_hold_has_no_selection() -> None:
    period = HoldingsPeriod(
        {"UK1": 1.0}, {"UKB": 0.5, "USB": 0.5}, {"UK1": 0.1, "UKB": 0.05, "USB": 0.02}
    )

    result = attribute_holdings([period], SECTOR_OF)

    us = result.sectors.index("US")
    assert result.periods[0].selection[us] == 0.0
    assert result.periods[0].interaction[us] == 0.0


weights = st.lists(st.floats(min_value=0.01, max_value=1.0), min_size=4, max_size=4)
rets = st.lists(st.floats(min_value=-0.5, max_value=0.5), min_size=7, max_size=7)


@settings(max_examples=100, deadline=None)
@given(
    periods=st.lists(st.tuples(weights, weights, rets), min_size=1, max_size=12),
    method=st.sampled_from(list(LinkingMethod)),
)
def test_linked_effects_sum_to_the_compounded_active_return(
    periods: list[tuple[list[float], list[float], list[float]]], method: LinkingMethod
) -> None:
    symbols = sorted(SECTOR_OF)
    built = [
        HoldingsPeriod(
            dict(zip(("UK1", "UK2", "JP1", "US1"), wp, strict=True)),
            dict(zip(("UKB", "JPB", "USB", "UK2"), wb, strict=True)),
            dict(zip(symbols, r, strict=True)),
        )
        for wp, wb, r in periods
    ]

    result = attribute_holdings(built, SECTOR_OF, linking=method)

    compounded_p = math.prod(1 + p.portfolio_return for p in result.periods) - 1
    compounded_b = math.prod(1 + p.benchmark_return for p in result.periods) - 1
    assert result.active_return == pytest.approx(compounded_p - compounded_b, abs=1e-12)
    assert result.linked.total == pytest.approx(result.active_return, abs=1e-12)
    by_sector = math.fsum(e.total for e in result.linked_by_sector.values())
    assert by_sector == pytest.approx(result.active_return, abs=1e-12)


def test_factor_attribution_recovers_exact_exposures_and_splits_the_return() -> None:
    market = [0.01, -0.02, 0.03, 0.005, -0.01, 0.02, 0.0, 0.015]
    value = [0.002, 0.001, -0.003, 0.004, 0.0, -0.001, 0.002, 0.001]
    returns = [0.001 + 1.2 * m - 0.5 * v for m, v in zip(market, value, strict=True)]

    result = factor_attribution(returns, {"market": market, "value": value})

    assert result.alpha == pytest.approx(0.001, abs=1e-12)
    assert result.betas == pytest.approx({"market": 1.2, "value": -0.5}, abs=1e-10)
    assert result.r_squared == pytest.approx(1.0, abs=1e-12)
    assert result.contributions["market"] == pytest.approx(1.2 * sum(market), abs=1e-12)
    parts = math.fsum([result.alpha_contribution, *result.contributions.values(), result.residual])
    assert parts == pytest.approx(result.total, abs=1e-15)
    assert abs(result.residual) < 1e-12


def test_factor_attribution_needs_more_periods_than_factors() -> None:
    with pytest.raises(ValueError, match="more periods"):
        factor_attribution([0.01, 0.02], {"market": [0.01, 0.02]})
