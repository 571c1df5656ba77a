"""TWR, Modified Dietz and XIRR on cash-flow series worked by hand, and Excel's XIRR example."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from domain.errors import InvalidTransaction
from domain.portfolio.returns import (
    annualize,
    daily_returns,
    modified_dietz,
    money_weighted_return,
    time_weighted_return,
    xirr,
)

D = Decimal


def test_twr_chains_daily_returns_with_flows_at_the_start_of_the_day() -> None:
    # Arrange: day 0 deposit 1000 ends at 1000 (0 %); day 1 +500 at the open, 1575 at the
    # close: 1575 / 1500 - 1 = +5 %; day 2 -200 at the open, 1306.25 / 1375 - 1 = -5 %.
    values = [D("1000"), D("1575"), D("1306.25")]
    flows = [D("1000"), D("500"), D("-200")]

    # Act
    daily = daily_returns(values, flows)
    twr = time_weighted_return(values, flows)

    # Assert: 1.05 x 0.95 - 1 = -0.0025, exactly
    assert daily == [D(0), D("0.05"), D("-0.05")]
    assert twr == D("-0.0025")


def test_twr_ignores_flow_size_where_money_weighted_returns_do_not() -> None:
    # Arrange: the same +10 % then -10 % market, a large deposit before the bad day
    values = [D("110"), D("9999")]  # day 1: (110 + 10000) x 0.9 = 9099
    values[1] = (D("110") + D("10000")) * D("0.9")
    flows = [D("100"), D("10000")]

    # Act
    twr = time_weighted_return(values, flows)
    mwr_total = modified_dietz(
        D("100"), values[1], [(date(2025, 1, 2), D("10000"))], date(2025, 1, 1), date(2025, 1, 2)
    )

    # Assert: TWR = 1.1 x 0.9 - 1 = -1 %; the dollar-weighted return is near the -10 % day
    assert twr == D("-0.01")
    assert mwr_total is not None and mwr_total < D("-0.09")


def test_twr_of_a_day_with_nothing_invested_is_zero_and_an_unmeasurable_day_is_none() -> None:
    assert time_weighted_return([D(0), D(100), D(110)], [D(0), D(100), D(0)]) == D("0.1")
    assert time_weighted_return([D(0), D(100)], [D(0), D(0)]) is None
    with pytest.raises(InvalidTransaction):
        time_weighted_return([D(1)], [])


def test_modified_dietz_weights_a_flow_by_the_days_it_was_invested() -> None:
    # Arrange: 30-day period (close of Jan 1 -> close of Jan 31), +50 at the open of Jan 16:
    # invested Jan 16..31 = 16 days, w = 16/30. R = (160 - 100 - 50) / (100 + 50 x 16/30)
    # = 10 / (380/3) = 3/38.
    flows = [(date(2025, 1, 16), D("50"))]

    # Act
    r = modified_dietz(D("100"), D("160"), flows, date(2025, 1, 1), date(2025, 1, 31))

    # Assert
    assert r is not None and abs(r - D(3) / D(38)) < D("1e-25")


def test_modified_dietz_without_flows_is_the_simple_return_and_checks_its_dates() -> None:
    assert modified_dietz(D(200), D(230), [], date(2025, 1, 1), date(2025, 3, 1)) == D("0.15")
    with pytest.raises(InvalidTransaction) as outside:
        modified_dietz(D(1), D(1), [(date(2025, 1, 1), D(1))], date(2025, 1, 1), date(2025, 2, 1))
    assert outside.value.field == "flows"
    with pytest.raises(InvalidTransaction):
        modified_dietz(D(1), D(1), [], date(2025, 2, 1), date(2025, 1, 1))


def test_mwr_of_one_deposit_over_a_year_is_its_growth_act_365() -> None:
    # 365 days: 1000 -> 1100 is 10 %; over the 366 days of 2024 it is 1.1^(365/366) - 1.
    common = money_weighted_return([(date(2023, 1, 1), D(1000))], D(1100), date(2024, 1, 1))
    leap = money_weighted_return([(date(2024, 1, 1), D(1000))], D(1100), date(2025, 1, 1))

    assert common == D("0.1000000000")
    assert leap is not None and abs(float(leap) - (1.1 ** (365 / 366) - 1)) < 1e-10


def test_mwr_matches_excels_documented_xirr_example() -> None:
    # Microsoft's XIRR documentation: -10000 on 2008-01-01; 2750 on 2008-03-01; 4250 on
    # 2008-10-30; 3250 on 2009-02-15; 2750 on 2009-04-01 -> 0.373362535 (37.34 %).
    # As a portfolio: a 10000 deposit, three withdrawals, worth 2750 at the end.
    flows = [
        (date(2008, 1, 1), D(10000)),
        (date(2008, 3, 1), D(-2750)),
        (date(2008, 10, 30), D(-4250)),
        (date(2009, 2, 15), D(-3250)),
    ]

    r = money_weighted_return(flows, D(2750), date(2009, 4, 1))

    assert r is not None and abs(r - D("0.373362535")) < D("5e-9")


def test_mwr_is_none_without_a_sign_change_and_handles_a_total_loss() -> None:
    assert money_weighted_return([(date(2025, 1, 1), D(1000))], D(0), date(2025, 6, 1)) is None
    assert money_weighted_return([], D(10), date(2025, 1, 1)) is None
    assert money_weighted_return([(date(2025, 1, 1), D(-5))], D(10), date(2026, 1, 1)) is None
    near_total_loss = money_weighted_return([(date(2025, 1, 1), D(1000))], D(1), date(2026, 1, 1))
    assert near_total_loss is not None and abs(near_total_loss - D("-0.999")) < D("1e-9")


def test_annualize_is_act_365() -> None:
    assert annualize(D("0.21"), 730) == D("0.1000000000")
    assert annualize(D("-1.5"), 10) == D(-1)


@settings(max_examples=60, deadline=None)
@given(
    deposits=st.lists(
        st.tuples(st.integers(0, 2000), st.integers(1, 1_000_000)), min_size=1, max_size=12
    ),
    growth=st.floats(0.2, 5.0),
    tail=st.integers(1, 400),
)
def test_xirr_agrees_with_scipys_brentq_when_the_root_is_unique(
    deposits: list[tuple[int, int]], growth: float, tail: int
) -> None:
    # Arrange: deposits only, then one terminal value: one sign change, so one root (Descartes)
    start = date(2020, 1, 1)
    flows = [(start + timedelta(days=d), D(a)) for d, a in deposits]
    end = max(day for day, _ in flows) + timedelta(days=tail)
    terminal = D(repr(float(sum(a for _, a in deposits)) * growth))
    first = min(day for day, _ in flows)
    times = [(day - first).days / 365 for day, _ in flows] + [(end - first).days / 365]
    amounts = [-float(a) for _, a in flows] + [float(terminal)]

    def npv(r: float) -> float:
        return sum(a * (1 + r) ** -t for t, a in zip(times, amounts, strict=True))

    assume((npv(-0.9999) > 0) != (npv(1e4) > 0))  # the reference's bracket holds the root

    # Act
    ours = money_weighted_return(flows, terminal, end)
    reference = brentq(npv, -0.9999, 1e4, xtol=1e-14)

    # Assert: within what the solver's stop allows. It stops at |NPV| <= 1e-12 x the flows'
    # scale, which moves the rate by that over the NPV's slope at the root (flat at very high
    # rates); the answer is then quantized to 1e-10.
    assert ours is not None
    scale = max(abs(a) for a in amounts)  # the solver's own scale
    slope = abs(
        sum(-t * a * (1 + reference) ** (-t - 1) for t, a in zip(times, amounts, strict=True))
    )
    allowed = 2 * 1e-12 * scale / slope + 1e-10
    assert abs(float(ours) - reference) <= max(allowed, 1e-8 * abs(reference))


def test_xirr_picks_the_root_nearest_zero_when_several_exist() -> None:
    # -1, +2.65, -1.68 at t = 0, 1, 2: with x = 1 + r, -x^2 + 2.65x - 1.68 = 0 has the
    # roots x = 1.05 and x = 1.6, so r = 5 % and r = 60 %.
    r = xirr([0.0, 1.0, 2.0], [-1.0, 2.65, -1.68])
    assert r is not None and abs(r - 0.05) < 1e-10
