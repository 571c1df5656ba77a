"""domain/analytics/scenarios/stress.py: hedge sufficiency, liquidity stress, recovery."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.scenarios.factors import InvalidScenario
from domain.analytics.scenarios.stress import (
    LiquidAsset,
    hedge_sufficiency,
    liquidation_terms,
    liquidity_stress,
    recovery,
    run_outflows,
)

pytestmark = pytest.mark.blas  # goes through BLAS/LAPACK: `make kernels` runs it per core type

D = Decimal


def test_hedge_sufficiency_by_hand() -> None:
    # Act / Assert: a 100 loss with a 40 hedge gain covers 40 %; more than the loss: 1;
    # a losing hedge: 0; no loss to cover: 1
    assert hedge_sufficiency(D(-100), D(40)) == pytest.approx(0.4)
    assert hedge_sufficiency(D(-100), D(150)) == 1.0
    assert hedge_sufficiency(D(-100), D(-5)) == 0.0
    assert hedge_sufficiency(D(20), D(-5)) == 1.0


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2),
    st.decimals(min_value=-(10**9), max_value=10**9, places=2),
)
def test_hedge_sufficiency_lies_in_the_unit_interval(core: Decimal, hedge: Decimal) -> None:
    # Act
    score = hedge_sufficiency(core, hedge)

    # Assert
    assert 0.0 <= score <= 1.0


def test_a_bank_run_by_hand() -> None:
    # Arrange: cash 100 (day 1), bonds 300 with a 10 % haircut over 3 days (90 a day), a
    # building 1,000 with a 40 % haircut over 10 days (60 a day); obligations 250, 150, 150
    assets = [
        LiquidAsset("cash", D(100), D(0), 1),
        LiquidAsset("bonds", D(300), D("0.10"), 3),
        LiquidAsset("building", D(1000), D("0.40"), 10),
    ]

    # Act
    stress = liquidity_stress(assets, [D(250), D(150), D(150)])

    # Assert: day 1 raises 100 + 90 + 60 = 250 (surplus 0); day 2: 150 (cum 400, owed 400);
    # day 3: 150 (cum 550 vs 550): no shortfall, just covered each day
    assert [d.raised for d in stress.days] == [D("250.00"), D("150.00"), D("150.00")]
    assert [d.surplus for d in stress.days] == [D("0.00")] * 3
    assert stress.first_shortfall_day is None and stress.days_survived == 3
    assert stress.total_raisable == D("970.00")  # 100 + 270 + 600 over all horizons
    assert stress.coverage == pytest.approx(970 / 550)


def test_a_run_that_outpaces_the_sales_runs_short_on_day_two() -> None:
    # Arrange: 50 cash and a loan book sold over 5 days, against a 30 % run on 1,000 deposits
    assets = [LiquidAsset("cash", D(50), D(0), 1), LiquidAsset("loans", D(1000), D("0.5"), 5)]
    outflows = run_outflows(D(1000), D("0.30"), 3)

    # Act
    stress = liquidity_stress(assets, outflows)

    # Assert: withdrawals 300, 210, 147; raised 150, then 100 a day: cum 150 < 300 on day 1
    assert outflows == [D("300.00"), D("210.000"), D("147.0000")]
    assert stress.first_shortfall_day == 1 and stress.days_survived == 0
    assert stress.days[0].surplus == D("-150.00")


def test_liquidity_inputs_out_of_range_are_refused_naming_the_field() -> None:
    # Act / Assert
    with pytest.raises(InvalidScenario) as haircut:
        liquidity_stress([LiquidAsset("x", D(1), D(1), 1)], [D(1)])
    assert haircut.value.field == "assets[0].haircut"
    with pytest.raises(InvalidScenario) as horizon:
        liquidity_stress([LiquidAsset("x", D(1), D(0), 0)], [D(1)])
    assert horizon.value.field == "assets[0].horizon_days"
    with pytest.raises(InvalidScenario) as negative:
        liquidity_stress([LiquidAsset("x", D(1), D(0), 1)], [D(-1)])
    assert negative.value.field == "obligations[0]"
    with pytest.raises(InvalidScenario):
        liquidity_stress([], [D(1)])


def test_recovery_months_by_hand() -> None:
    # Act: a 20 % loss at 8 % a year
    result = recovery(0.20, 0.08)

    # Assert: 12 ln(1 / 0.8) / ln(1.08) = 34.793 months -> regained in month 35; the gain
    # needed on what is left is 25 %
    assert result.months == pytest.approx(12 * math.log(1.25) / math.log(1.08))
    assert result.months == pytest.approx(34.793, abs=1e-3)
    assert result.whole_months == 35
    assert result.required_gain == pytest.approx(0.25)


def test_a_loss_is_never_regained_at_a_return_of_zero_or_less() -> None:
    # Act / Assert
    assert recovery(0.1, 0.0).months is None
    assert recovery(0.1, -0.05).whole_months is None
    assert recovery(0.0, 0.05).whole_months == 0
    with pytest.raises(InvalidScenario) as refused:
        recovery(1.0, 0.05)
    assert refused.value.field == "loss"


@given(st.floats(0.01, 0.9), st.floats(0.005, 1.0))
def test_compounding_the_recovery_months_regains_the_peak(loss: float, rate: float) -> None:
    # Act
    result = recovery(loss, rate)

    # Assert: (1 - L)(1 + r)^(m / 12) = 1, and the whole month is the first at or past it
    assert result.months is not None and result.whole_months is not None
    assert (1 - loss) * (1 + rate) ** (result.months / 12) == pytest.approx(1.0)
    assert result.whole_months - 1 < result.months <= result.whole_months + 1e-9


@given(
    st.lists(
        st.tuples(
            st.decimals(min_value=0, max_value=10**9, places=2),
            st.decimals(min_value=0, max_value=D("0.99"), places=2),
            st.integers(min_value=1, max_value=30),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_everything_raisable_is_raised_by_the_longest_horizon(
    book: list[tuple[Decimal, Decimal, int]],
) -> None:
    # Arrange
    assets = [LiquidAsset(f"a{i}", v, h, n) for i, (v, h, n) in enumerate(book)]

    # Act
    stress = liquidity_stress(assets, [D(0)] * 30)

    # Assert: cash raised never falls, and by day 30 all of it is in (to the cent)
    raised = [d.cumulative_raised for d in stress.days]
    assert raised == sorted(raised)
    assert abs(raised[-1] - stress.total_raisable) <= D("0.01")
    assert stress.first_shortfall_day is None and stress.coverage is None


def test_a_stored_holdings_liquidation_terms_come_from_its_class_unless_posted() -> None:
    # Arrange
    posted = {"BTC": (Decimal("0.4"), 3), "equity": (Decimal("0.2"), 5)}

    # Act
    crypto = liquidation_terms("ETH", "crypto")
    unknown = liquidation_terms("ZZZ", None)
    by_symbol = liquidation_terms("BTC", "crypto", posted)
    by_class = liquidation_terms("AAPL", "equity", posted)

    # Assert
    assert crypto == (Decimal("0.25"), 2, "asset class crypto default")
    assert unknown == (Decimal("0.10"), 2, "no stored instrument: the equity default")
    assert by_symbol == (Decimal("0.4"), 3, "posted for BTC")
    assert by_class == (Decimal("0.2"), 5, "posted for asset class equity")
