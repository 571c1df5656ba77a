"""The figure kinds: fixed scale, half-even, plain digits, no negative zero; floats rounded."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.http.schemas.common import Output
from adapters.http.wire_format import (
    ANALYTIC,
    MONEY,
    PRICE,
    QUANTITY,
    RATE,
    AnalyticOut,
    MoneyOut,
    PriceOut,
    QuantityOut,
    decimal_text,
    json_number,
    rounded,
)
from tests.unit.core.http_wire.strategies import DECIMALS, FLOATS
from tests.unit.core.http_wire.wire_checks import breaches

_WIDE = Context(prec=100, rounding=ROUND_HALF_EVEN)


class _Figures(Output):
    cash: MoneyOut
    mark: PriceOut | None
    quantities: list[QuantityOut]
    weights: dict[str, MoneyOut]
    ratio: float
    score: AnalyticOut | None = None


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (Decimal("5.000E+5"), MONEY, "500000.00"),
        (Decimal("125.0000000000"), MONEY, "125.00"),
        (Decimal("1000"), MONEY, "1000.00"),
        (Decimal("0.125"), MONEY, "0.12"),  # half-even: down to the even digit
        (Decimal("0.135"), MONEY, "0.14"),  # half-even: up to the even digit
        (Decimal("-0.004"), MONEY, "0.00"),  # rounds to zero: never "-0.00"
        (Decimal("-0"), MONEY, "0.00"),
        (Decimal("1E-9"), QUANTITY, "0.00000000"),
        (Decimal("1.2E-7"), QUANTITY, "0.00000012"),
        (Decimal("125.25"), PRICE, "125.25000000"),
        (Decimal("0.05"), RATE, "0.0500000000"),
        (Decimal("1E+20"), MONEY, "100000000000000000000.00"),
    ],
)
def test_a_decimal_leaves_at_its_kinds_scale_in_plain_digits(
    value: Decimal, kind: object, expected: str
) -> None:
    # Act
    text = decimal_text(value, kind)  # type: ignore[arg-type]

    # Assert
    assert text == expected


def test_a_non_finite_decimal_is_refused() -> None:
    # Act / Assert: NaN is a bug upstream, not a figure
    with pytest.raises(ValueError, match="finite"):
        decimal_text(Decimal("NaN"), MONEY)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-0.0, "0.0"), (8.7e-19, "0.0"), (-8.7e-19, "0.0"), (0.1 + 0.2, "0.3"), (1e22, "1e+22")],
)
def test_a_float_leaves_rounded_and_never_negative_zero(value: float, expected: str) -> None:
    # Act
    result = rounded(value, ANALYTIC.decimals)

    # Assert
    assert repr(result) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1e-7, b"0.0000001"),
        (-2.5e-9, b"-0.0000000025"),
        (1e-11, b"0.0"),
        (1e22, b"10000000000000000000000"),
        (0.00012345, b"0.00012345"),
        (float("nan"), b"null"),
    ],
)
def test_a_float_leaves_as_a_json_number_in_plain_digits(value: float, expected: bytes) -> None:
    # Act
    encoded = msgspec.json.encode(json_number(value, ANALYTIC.decimals))

    # Assert
    assert encoded == expected


def test_a_dto_formats_its_figures_when_built() -> None:
    # Arrange / Act
    figures = _Figures(
        cash=Decimal("5.000E+5"),
        mark=None,
        quantities=[Decimal("1E+1"), Decimal("-0")],
        weights={"AAPL": Decimal("0.125")},
        ratio=-0.0,
        score=-3e-8,
    )

    # Assert
    assert msgspec.json.encode(figures) == (
        b'{"cash":"500000.00","mark":null,"quantities":["10.00000000","0.00000000"],'
        b'"weights":{"AAPL":"0.12"},"ratio":0.0,"score":-0.00000003}'
    )


def test_a_dto_rebuilt_from_its_own_text_keeps_it() -> None:
    # Arrange
    first = _Figures(cash=Decimal("12.345"), mark=Decimal(1), quantities=[], weights={}, ratio=1.0)

    # Act
    again = msgspec.structs.replace(first, ratio=2.0)

    # Assert
    assert (again.cash, again.mark) == ("12.34", "1.00000000")


@given(cash=DECIMALS, ratio=FLOATS, quantities=st.lists(DECIMALS, max_size=3))
def test_any_figure_leaves_by_the_convention(
    cash: Decimal, ratio: float, quantities: list[Decimal]
) -> None:
    # Arrange
    figures = _Figures(
        cash=cash, mark=cash, quantities=quantities, weights={"x": cash}, ratio=ratio
    )

    # Act
    encoded = msgspec.json.decode(msgspec.json.encode(figures))

    # Assert
    assert breaches(encoded, _Figures) == []
    assert Decimal(encoded["cash"]) == cash.quantize(Decimal("0.01"), context=_WIDE)
