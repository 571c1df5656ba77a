"""The boundary's strict number parser, its field specs and the bounded arithmetic context."""

from __future__ import annotations

import contextlib
import re
import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.numbers import (
    ALL_SPECS,
    MAX_EXPONENT,
    MAX_RETURNS,
    MAX_SIGNIFICANT_DIGITS,
    MAX_TEXT_LENGTH,
    NUMBER_PATTERN,
    OPEN_ORDERS,
    PRICE,
    QUANTITY,
    InvalidNumber,
    NumberOutOfRange,
    NumberSpec,
    bounded_arithmetic,
    check_returns,
    decimal_places,
    parse_decimal,
)

ACCEPTED = re.compile(NUMBER_PATTERN)

# Text the parser accepts by construction: a mantissa of few digits and a small exponent.
_digits = st.text("0123456789", min_size=1, max_size=12)
plain_text = st.builds(
    lambda sign, whole, fraction, exponent: sign
    + whole
    + (f".{fraction}" if fraction else "")
    + (f"e{exponent}" if exponent is not None else ""),
    st.sampled_from(["", "+", "-"]),
    _digits,
    st.one_of(st.none(), _digits),
    st.one_of(st.none(), st.integers(-20, 20)),
)


@given(plain_text)
def test_every_accepted_text_round_trips_to_the_same_decimal(text: str) -> None:
    # Act
    value = parse_decimal(text, "x")

    # Assert
    assert value == Decimal(text)
    assert ACCEPTED.match(text)


@given(st.text(max_size=MAX_TEXT_LENGTH))
def test_any_text_is_either_refused_or_matches_the_documented_pattern(text: str) -> None:
    # Act
    try:
        value: Decimal | None = parse_decimal(text, "x")
    except InvalidNumber as exc:
        value, refused = None, exc

    # Assert: accepted text matches the pattern; a refusal names the field
    if value is None:
        assert refused.field == "x"
    else:
        assert ACCEPTED.fullmatch(text), text
        assert value == Decimal(text)


@given(plain_text, st.sampled_from(["_", " ", "\t", "\n", "\u00a0", "\u2007"]), st.data())
def test_nothing_with_an_underscore_or_whitespace_is_accepted(
    text: str, junk: str, data: st.DataObject
) -> None:
    # Arrange
    at = data.draw(st.integers(0, len(text)))
    spoiled = text[:at] + junk + text[at:]

    # Act / Assert
    with pytest.raises(InvalidNumber, match="plain decimal number"):
        parse_decimal(spoiled, "x")


@given(st.text("١٢٣٤٥٦٧٨٩٠۱۲۳४५६０１２３𝟙𝟚", min_size=1, max_size=10))
def test_non_ascii_digits_are_refused(text: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidNumber):
        parse_decimal(text, "x")


@pytest.mark.parametrize(
    "text",
    ["NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf", ".5", "5.", "1e", "e5", "+", "", "0x10",
     "1,5", "1.2.3", "--1", "1e+-2", "١٢٣", "１２", "1_000"],
)  # fmt: skip
def test_malformed_text_is_refused_with_the_field_named(text: str) -> None:
    # Act
    with pytest.raises(InvalidNumber) as caught:
        parse_decimal(text, "quantity")

    # Assert
    assert caught.value.field == "quantity"
    assert caught.value.code == "INVALID_NUMBER"


@given(st.integers(MAX_EXPONENT + 1, 10**60), st.sampled_from(["", "-"]))
def test_an_exponent_beyond_the_bound_is_refused(exponent: int, sign: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidNumber, match="between"):
        parse_decimal(f"1e{sign}{exponent}"[:MAX_TEXT_LENGTH], "x")


def test_the_bounds_of_the_exponent_are_inclusive() -> None:
    # Act / Assert
    assert parse_decimal(f"1e{MAX_EXPONENT}", "x") == Decimal(f"1e{MAX_EXPONENT}")
    assert parse_decimal(f"1e-{MAX_EXPONENT}", "x") == Decimal(f"1e-{MAX_EXPONENT}")
    with pytest.raises(InvalidNumber):
        parse_decimal(f"10e{MAX_EXPONENT}", "x")
    with pytest.raises(InvalidNumber):
        parse_decimal(f"0.1e-{MAX_EXPONENT}", "x")


def test_zero_with_any_exponent_is_plain_zero() -> None:
    # Act / Assert
    assert parse_decimal("0e-9999", "x") == 0
    assert parse_decimal("-0.000", "x") == 0


def test_text_longer_than_the_cap_and_too_many_digits_are_refused() -> None:
    # Act / Assert
    with pytest.raises(InvalidNumber, match="characters"):
        parse_decimal("1" * (MAX_TEXT_LENGTH + 1), "x")
    with pytest.raises(InvalidNumber, match="significant digits"):
        parse_decimal("1." + "1" * MAX_SIGNIFICANT_DIGITS, "x")
    assert parse_decimal("1." + "1" * (MAX_SIGNIFICANT_DIGITS - 1), "x")


@given(st.text(alphabet=st.characters(codec="ascii"), min_size=1, max_size=MAX_TEXT_LENGTH))
def test_the_time_per_text_is_bounded(text: str) -> None:
    # Arrange
    started = time.perf_counter()

    # Act
    with contextlib.suppress(InvalidNumber):
        parse_decimal(text, "x")

    # Assert: generous for a shared CI machine; the unbounded parse took tens of seconds
    assert time.perf_counter() - started < 0.05


def test_a_huge_exponent_is_refused_at_once() -> None:
    # Arrange
    started = time.perf_counter()

    # Act
    with pytest.raises(InvalidNumber):
        OPEN_ORDERS.parse_int("1e100000000", "max_open")

    # Assert
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(10, Decimal(10)), (-3, Decimal(-3)), (0.1, Decimal("0.1")), (1.5e-7, Decimal("1.5e-7")),
     (Decimal("2.50"), Decimal("2.5"))],
)  # fmt: skip
def test_json_integers_floats_and_decimals_take_the_same_path(
    raw: object, expected: Decimal
) -> None:
    # Act / Assert
    assert parse_decimal(raw, "x") == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [(True, "boolean"), (10**200, "between"), (1e300, "between"), (float("nan"), "finite"),
     (float("inf"), "finite"), (Decimal("NaN"), "finite"), (Decimal("1e999999"), "between"),
     (None, "string"), ([1], "string")],
)  # fmt: skip
def test_other_json_values_are_refused(raw: object, message: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidNumber, match=message):
        parse_decimal(raw, "x")


def test_decimal_places_ignore_trailing_zeros() -> None:
    # Act / Assert
    assert decimal_places(Decimal("1.50")) == 1
    assert decimal_places(Decimal("100")) == 0
    assert decimal_places(Decimal("1E+2")) == 0
    assert decimal_places(Decimal("0.000")) == 0
    assert decimal_places(Decimal("1e-10")) == 10


@given(st.sampled_from(ALL_SPECS), plain_text)
def test_a_spec_accepts_only_values_within_its_bounds(spec: NumberSpec, text: str) -> None:
    # Act
    try:
        value = spec.parse(text, "field")
    except InvalidNumber:
        return  # refused: the parametrised cases below check the reasons

    # Assert
    if spec.minimum is not None:
        assert value > spec.minimum if spec.exclusive_minimum else value >= spec.minimum
    if spec.maximum is not None:
        assert value <= spec.maximum
    if spec.places is not None:
        assert decimal_places(value) <= spec.places
    if spec.integer:
        assert value == value.to_integral_value()


@pytest.mark.parametrize(
    ("spec", "text", "message"),
    [(QUANTITY, "0", "greater than 0"), (QUANTITY, "-1", "greater than 0"),
     (QUANTITY, "1e-20", "10 decimal places"), (QUANTITY, "1e13", "at most 1000000000000"),
     (PRICE, "1e-30", "10 decimal places"), (OPEN_ORDERS, "2.5", "whole number"),
     (OPEN_ORDERS, "0", "at least 1")],
)  # fmt: skip
def test_a_spec_refuses_with_its_reason(spec: NumberSpec, text: str, message: str) -> None:
    # Act / Assert
    with pytest.raises(InvalidNumber, match=message):
        spec.parse(text, "field")


def test_every_spec_lies_within_the_parsers_limits() -> None:
    # Act / Assert
    for spec in ALL_SPECS:
        assert spec.maximum is not None and spec.maximum < Decimal(f"1e{MAX_EXPONENT}")
        assert spec.description


def test_returns_must_be_finite_bounded_and_not_too_many() -> None:
    # Act / Assert
    assert check_returns([0.01, -0.02]) == [0.01, -0.02]
    with pytest.raises(InvalidNumber) as caught:
        check_returns([0.01, 1e308, -1e308])
    assert caught.value.field == "returns[1]"
    with pytest.raises(InvalidNumber):
        check_returns([0.01, float("nan")])
    with pytest.raises(InvalidNumber):
        check_returns([0.0] * (MAX_RETURNS + 1))
    with pytest.raises(InvalidNumber):
        check_returns([0.0])


@pytest.mark.parametrize(
    ("compute", "message"),
    [(lambda: Decimal(1) / Decimal(0), "division by zero"),
     (lambda: Decimal("1e90") * Decimal("1e90"), "too large"),
     (lambda: Decimal(0) / Decimal(0), "not a number"),
     (lambda: Decimal("1e30").quantize(Decimal(1)), "not a number")],
)  # fmt: skip
def test_bounded_arithmetic_turns_traps_into_a_domain_error(compute: object, message: str) -> None:
    # Act / Assert
    with pytest.raises(NumberOutOfRange, match=message) as caught, bounded_arithmetic("sizing"):
        compute()  # type: ignore[operator]
    assert caught.value.code == "NUMBER_OUT_OF_RANGE"


def test_bounded_arithmetic_rounds_an_underflow_to_zero() -> None:
    # Act
    with bounded_arithmetic("tiny"):
        value = Decimal("1e-90") * Decimal("1e-90")

    # Assert
    assert value == 0


def test_zeros_beyond_a_specs_places_are_dropped() -> None:
    # Act
    value = QUANTITY.parse("1." + "0" * 60, "quantity")

    # Assert
    assert value == 1
    assert str(value) == "1"
    assert str(QUANTITY.parse("2.5000", "quantity")) == "2.5000"  # within places: as sent
