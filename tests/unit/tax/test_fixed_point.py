"""The kernel's exact integer helpers (domain/tax/_fixed.py) against Python's unbounded ints
and the calendar (Hypothesis): 128-bit products and quotients, half-even rounding, holding
terms on ordinals."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.tax import _fixed
from domain.tax.holding import holding_term
from domain.tax.methods import Term

ONE_PATH = True  # no engine path involved (tests/unit/tax/conftest.py)
U64 = st.integers(0, 2**64 - 1)
I63 = st.integers(-(2**63) + 1, 2**63 - 1)


@given(U64, U64)
def test_mul_wide_is_the_128_bit_product(a: int, b: int) -> None:
    # Act
    high, low = _fixed.mul_wide(np.uint64(a), np.uint64(b))

    # Assert
    assert (int(high) << 64) | int(low) == a * b


@given(st.integers(1, 2**64 - 1), st.data())
def test_div_wide_divides_128_bits_by_64(v: int, data: st.DataObject) -> None:
    # Arrange: a dividend whose quotient fits 64 bits (high word below the divisor)
    high = data.draw(st.integers(0, v - 1))
    low = data.draw(U64)

    # Act
    q, r = _fixed.div_wide(np.uint64(high), np.uint64(low), np.uint64(v))

    # Assert
    assert (int(q), int(r)) == divmod((high << 64) | low, v)


def _half_even(a: int, b: int, c: int) -> int:
    with localcontext() as ctx:
        ctx.prec = 100
        return int((Decimal(a) * b / c).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


@given(I63, st.data())
def test_mul_div_round_is_decimal_half_even_rounding(a: int, data: st.DataObject) -> None:
    # Arrange: b <= c, as every caller has it (a share of a whole)
    c = data.draw(st.one_of(st.integers(1, 2**63 - 1), st.integers(1, 10**6)))
    b = data.draw(st.integers(0, c))

    # Act
    got = _fixed.mul_div_round(a, b, c)

    # Assert: compiled (128-bit path or not) and plain Python agree with Decimal
    assert got == _half_even(a, b, c) == _fixed._mul_div_round_py(a, b, c)


@pytest.mark.parametrize(
    ("a", "b", "c", "expected"),
    [(5, 1, 2, 2), (15, 1, 2, 8), (-5, 1, 2, -2), (-15, 1, 2, -8), (2**62, 3, 6, 2**61)],
)
def test_ties_go_to_the_even_neighbour(a: int, b: int, c: int, expected: int) -> None:
    # Act / Assert
    assert _fixed.mul_div_round(a, b, c) == expected


@given(*(st.integers(0, 2**63 - 1) for _ in range(4)))
def test_compare_products_is_the_sign_of_the_difference(a: int, b: int, c: int, d: int) -> None:
    # Act
    sign = _fixed.compare_products(a, b, c, d)

    # Assert
    assert sign == (a * b > c * d) - (a * b < c * d) == _fixed._compare_products_py(a, b, c, d)


@given(st.integers(-(2**62) + 1, 2**62 - 1), st.integers(-(2**62) + 1, 2**62 - 1))
def test_checked_sums_and_products_raise_outside_the_range(a: int, b: int) -> None:
    # Act / Assert
    for checked, exact in ((_fixed.add_checked, a + b), (_fixed.mul_checked, a * b)):
        if abs(exact) < _fixed.LIMIT * (1 - 2**-39):
            assert checked(a, b) == exact
        elif abs(exact) >= _fixed.LIMIT:
            with pytest.raises(OverflowError):
                checked(a, b)


@given(st.dates(date(1, 1, 1), date(9998, 12, 31)))
def test_ordinals_round_trip_through_year_month_day(day: date) -> None:
    # Act / Assert
    assert _fixed.ymd_of(day.toordinal()) == (day.year, day.month, day.day)
    assert _fixed.ordinal_of(day.year, day.month, day.day) == day.toordinal()


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(0, 800))
def test_the_holding_term_on_ordinals_is_holding_term(acquired: date, held: int) -> None:
    # Arrange
    sold = acquired + timedelta(days=held)

    # Act / Assert
    long_term = _fixed.is_long_term(acquired.toordinal(), sold.toordinal())
    assert long_term == (holding_term(acquired, sold) is Term.LONG)
