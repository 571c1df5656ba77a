"""The underwater curve: zero at every new peak, never above zero, and its lowest point is the
maximum drawdown."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.analytics.performance import drawdown, drawdown_curve

EQUITY = st.lists(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2), min_size=1
)


def test_a_curve_falls_from_its_peak_and_recovers() -> None:
    curve = drawdown_curve([Decimal(100), Decimal(120), Decimal(90), Decimal(130)])

    assert curve == [0.0, 0.0, -0.25, 0.0]


@given(EQUITY)
def test_the_curve_is_never_above_zero_and_bottoms_at_the_max_drawdown(
    equity: list[Decimal],
) -> None:
    curve = drawdown_curve(equity)

    assert len(curve) == len(equity)
    assert all(v <= 0 for v in curve)
    assert curve[0] == 0.0
    assert min(curve) == pytest.approx(-drawdown(equity).max_fraction)


def test_a_value_that_is_not_positive_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        drawdown_curve([Decimal(100), Decimal(0)])
