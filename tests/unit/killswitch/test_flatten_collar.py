"""The flatten's price collar: a close never trades past the collar's edge, and lies within
one tick of it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from application.safety.killswitch_closes import collared_limit
from domain.trading.orders import Side

D = Decimal
marks = st.decimals(min_value=D("0.000001"), max_value=D("1000000"), places=6)
collars = st.decimals(min_value=D("0.001"), max_value=D("0.5"), places=3)


def test_a_long_is_sold_no_lower_than_95_percent_of_its_mark() -> None:
    assert collared_limit(Side.SELL, D("100.00"), D("0.05")) == D("95.00")
    assert collared_limit(Side.SELL, D("100"), D("0.05")) == D("95.00")


def test_a_short_is_bought_back_no_higher_and_rounded_inward() -> None:
    # 33.33 x 1.05 = 34.9965: a buy's edge rounds down to the cent
    assert collared_limit(Side.BUY, D("33.33"), D("0.05")) == D("34.99")
    # a sell's edge rounds up, at the mark's own places: 0.123456 x 0.95 = 0.1172832
    assert collared_limit(Side.SELL, D("0.123456"), D("0.05")) == D("0.117284")


@given(marks, collars)
def test_the_limit_is_inside_the_collar_within_one_tick_of_its_edge(
    mark: Decimal, collar: Decimal
) -> None:
    # Act
    sell = collared_limit(Side.SELL, mark, collar)
    buy = collared_limit(Side.BUY, mark, collar)

    # Assert
    tick = D(1).scaleb(min(mark.as_tuple().exponent, -2))  # type: ignore[arg-type]
    low, high = mark * (1 - collar), mark * (1 + collar)
    assert low <= sell < low + tick
    assert high - tick < buy <= high
