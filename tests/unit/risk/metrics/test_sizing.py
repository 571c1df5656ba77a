"""Position sizing: the 2% rule, the position cap, lot rounding, volatility stops."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.numbers import NumberOutOfRange
from domain.risk.sizing import InvalidSizingInput, fixed_fractional, volatility_sized


def test_two_percent_rule_is_capped_at_ten_percent_of_equity() -> None:
    # Arrange: equity 100,000, long at 50 with a stop at 48.
    equity, entry, stop = Decimal(100_000), Decimal(50), Decimal(48)

    # Act
    result = fixed_fractional(equity, entry, stop)

    # Assert: by risk 100,000 × 0.02 / (50 − 48) = 1,000 shares (50,000 notional);
    # the cap 0.10 × 100,000 / 50 = 200 shares binds.
    assert result.quantity == Decimal(200)
    assert result.capped is True
    assert result.notional == Decimal(10_000)  # 200 × 50
    assert result.risk_amount == Decimal(400)  # 200 × 2
    assert result.risk_fraction_used == Decimal("0.004")  # 400 / 100,000
    assert result.stop_distance == Decimal(2)
    assert "capped" in result.explanation


def test_two_percent_rule_without_a_binding_cap() -> None:
    # Arrange
    equity, entry, stop = Decimal(100_000), Decimal(50), Decimal(48)

    # Act
    result = fixed_fractional(equity, entry, stop, max_position_fraction=Decimal(1))

    # Assert: 100,000 × 0.02 / 2 = 1,000 shares; 1,000 × 50 = 50,000 ≤ 100,000.
    assert result.quantity == Decimal(1_000)
    assert result.capped is False
    assert result.notional == Decimal(50_000)
    assert result.risk_amount == Decimal(2_000)  # 1,000 × 2
    assert result.risk_fraction_used == Decimal("0.02")
    assert "capped" not in result.explanation


def test_short_side_uses_the_absolute_stop_distance() -> None:
    # Arrange: short at 50 with the stop above, at 52.
    equity, entry, stop = Decimal(100_000), Decimal(50), Decimal(52)

    # Act
    result = fixed_fractional(equity, entry, stop, max_position_fraction=Decimal(1))

    # Assert: |50 − 52| = 2 → 2,000 / 2 = 1,000 shares.
    assert result.quantity == Decimal(1_000)


def test_quantity_is_rounded_down_to_the_lot_size() -> None:
    # Arrange: stop distance 3 gives a fractional quantity.
    equity, entry, stop = Decimal(100_000), Decimal(50), Decimal(47)

    # Act
    result = fixed_fractional(
        equity, entry, stop, max_position_fraction=Decimal(1), lot_size=Decimal(100)
    )

    # Assert: 2,000 / 3 = 666.67 shares → 6 whole lots of 100 = 600 shares.
    assert result.quantity == Decimal(600)
    assert result.risk_amount == Decimal(1_800)  # 600 × 3
    assert result.risk_fraction_used == Decimal("0.018")  # 1,800 / 100,000
    assert result.capped is False


def test_fractional_lot_size_for_crypto() -> None:
    # Arrange: BTC at 60,000, stop at 57,000, lots of 0.001.
    equity, entry, stop = Decimal(50_000), Decimal(60_000), Decimal(57_000)

    # Act
    result = fixed_fractional(
        equity, entry, stop, max_position_fraction=Decimal(1), lot_size=Decimal("0.001")
    )

    # Assert: 50,000 × 0.02 / 3,000 = 0.33333… → 0.333 (333 lots of 0.001).
    assert result.quantity == Decimal("0.333")
    assert result.risk_amount == Decimal("999.000")  # 0.333 × 3,000


def test_futures_multiplier_enters_risk_and_cap() -> None:
    # Arrange: ES-style future at 4,000, stop 3,980, multiplier 50, risk 1%, cap 100%.
    equity, entry, stop = Decimal(1_000_000), Decimal(4_000), Decimal(3_980)

    # Act
    result = fixed_fractional(
        equity,
        entry,
        stop,
        risk_fraction=Decimal("0.01"),
        max_position_fraction=Decimal(1),
        multiplier=Decimal(50),
    )

    # Assert: by risk 10,000 / (20 × 50) = 10 contracts; cap 1,000,000 / (4,000 × 50) = 5.
    assert result.quantity == Decimal(5)
    assert result.capped is True
    assert result.notional == Decimal(1_000_000)  # 5 × 4,000 × 50
    assert result.risk_amount == Decimal(5_000)  # 5 × 20 × 50
    assert result.risk_fraction_used == Decimal("0.005")


def test_quantity_can_round_down_to_zero() -> None:
    # Arrange: one lot of 100 at 50 is 5,000, above the 10% cap of 4,000 on equity 40,000.
    equity, entry, stop = Decimal(40_000), Decimal(50), Decimal(48)

    # Act
    result = fixed_fractional(equity, entry, stop, lot_size=Decimal(100))

    # Assert: cap 4,000 / 50 = 80 shares → 0 whole lots.
    assert result.quantity == Decimal(0)
    assert result.risk_amount == Decimal(0)
    assert result.notional == Decimal(0)


def test_volatility_sized_uses_a_multiple_of_atr_as_the_stop() -> None:
    # Arrange: ATR 1.5, default multiple 2 → stop distance 3.
    equity, entry, atr = Decimal(100_000), Decimal(50), Decimal("1.5")

    # Act
    uncapped = volatility_sized(equity, entry, atr, max_position_fraction=Decimal(1))
    capped = volatility_sized(equity, entry, atr)

    # Assert: 2,000 / 3 = 666.67 → 666 shares; the 10% cap gives 10,000 / 50 = 200.
    assert uncapped.stop_distance == Decimal(3)
    assert uncapped.quantity == Decimal(666)
    assert uncapped.risk_amount == Decimal(1_998)  # 666 × 3
    assert capped.quantity == Decimal(200)
    assert capped.capped is True


def test_volatility_sized_with_custom_multiple_and_risk() -> None:
    # Arrange: ATR 2, multiple 1.5 → distance 3; risk 1% of 300,000 = 3,000.
    equity, entry, atr = Decimal(300_000), Decimal(20), Decimal(2)

    # Act
    result = volatility_sized(
        equity,
        entry,
        atr,
        risk_fraction=Decimal("0.01"),
        volatility_multiple=Decimal("1.5"),
        max_position_fraction=Decimal("0.5"),
    )

    # Assert: 3,000 / 3 = 1,000 shares; 1,000 × 20 = 20,000 ≤ 150,000 cap.
    assert result.quantity == Decimal(1_000)
    assert result.capped is False


VALID: dict[str, Decimal] = {
    "equity": Decimal(100_000),
    "entry": Decimal(50),
    "stop": Decimal(48),
    "risk_fraction": Decimal("0.02"),
    "max_position_fraction": Decimal("0.1"),
    "lot_size": Decimal(1),
    "multiplier": Decimal(1),
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("stop", Decimal(50)),
        ("equity", Decimal(0)),
        ("equity", Decimal(-1)),
        ("equity", Decimal("NaN")),
        ("entry", Decimal(0)),
        ("entry", Decimal(-5)),
        ("entry", Decimal("Infinity")),
        ("stop", Decimal(-1)),
        ("risk_fraction", Decimal(0)),
        ("risk_fraction", Decimal("1.01")),
        ("max_position_fraction", Decimal(0)),
        ("max_position_fraction", Decimal(2)),
        ("lot_size", Decimal(0)),
        ("multiplier", Decimal(-50)),
    ],
)
def test_invalid_inputs_raise_invalid_sizing_input(field: str, value: Decimal) -> None:
    # Arrange
    inputs = {**VALID, field: value}

    # Act / Assert
    with pytest.raises(InvalidSizingInput) as caught:
        fixed_fractional(**inputs)
    assert isinstance(caught.value, DomainError)
    assert caught.value.code == "INVALID_SIZING_INPUT"


@pytest.mark.parametrize(
    ("volatility", "multiple"),
    [(Decimal(0), Decimal(2)), (Decimal(-1), Decimal(2)), (Decimal(1), Decimal(0))],
)
def test_volatility_sized_rejects_non_positive_volatility(
    volatility: Decimal, multiple: Decimal
) -> None:
    # Arrange / Act / Assert
    with pytest.raises(InvalidSizingInput):
        volatility_sized(Decimal(100_000), Decimal(50), volatility, volatility_multiple=multiple)


def test_full_fractions_are_accepted() -> None:
    # Arrange: both fractions at the closed upper bound 1.
    equity, entry, stop = Decimal(1_000), Decimal(10), Decimal(5)

    # Act
    result = fixed_fractional(
        equity, entry, stop, risk_fraction=Decimal(1), max_position_fraction=Decimal(1)
    )

    # Assert: by risk 1,000 / 5 = 200; cap 1,000 / 10 = 100 binds.
    assert result.quantity == Decimal(100)


@given(
    equity=st.decimals(min_value=1_000, max_value=10_000_000, places=2),
    entry=st.decimals(min_value=1, max_value=5_000, places=2),
    distance=st.decimals(min_value="0.01", max_value=500, places=2),
    risk=st.decimals(min_value="0.001", max_value="0.05", places=3),
    cap=st.decimals(min_value="0.01", max_value=1, places=2),
    lot=st.sampled_from([Decimal(1), Decimal(10), Decimal(100), Decimal("0.01")]),
)
def test_sizing_never_exceeds_risk_budget_or_cap(
    equity: Decimal,
    entry: Decimal,
    distance: Decimal,
    risk: Decimal,
    cap: Decimal,
    lot: Decimal,
) -> None:
    # Arrange
    stop = entry + distance

    # Act
    result = fixed_fractional(
        equity, entry, stop, risk_fraction=risk, max_position_fraction=cap, lot_size=lot
    )

    # Assert: within both limits, whole lots, and less than one lot below the binding limit.
    assert result.quantity >= 0
    assert result.risk_amount <= equity * risk
    assert result.notional <= equity * cap
    assert result.quantity % lot == 0
    binding = min(equity * risk / distance, equity * cap / entry)
    assert binding - result.quantity < lot


# -- bounded arithmetic ----------------------------------------------------------------------


def test_sizing_beyond_the_bounded_context_is_number_out_of_range_not_a_decimal_error() -> None:
    # Arrange: the lot count needs more digits than the context's 28 (inputs below)

    # Act
    with pytest.raises(NumberOutOfRange, match="position size") as caught:
        fixed_fractional(
            Decimal("1e15"),
            Decimal("2e-10"),
            Decimal("1e-10"),
            max_position_fraction=Decimal(1),
            lot_size=Decimal("1e-10"),
            multiplier=Decimal("1e-10"),
        )

    # Assert
    assert caught.value.code == "NUMBER_OUT_OF_RANGE"


def test_absurd_magnitudes_are_refused_instead_of_answered() -> None:
    # Act / Assert: the request that once answered "0E+999999"
    with pytest.raises(NumberOutOfRange):
        fixed_fractional(Decimal("1e999999"), Decimal("1e999999"), Decimal(1))


def test_sizing_in_the_bounded_context_gives_the_same_figures() -> None:
    # Act
    sized = fixed_fractional(Decimal(100_000), Decimal(50), Decimal(30))

    # Assert: 2% of 100,000 over a 20 stop -> 100 shares, as in the default context
    assert (sized.quantity, sized.risk_amount, sized.notional) == (
        Decimal(100),
        Decimal(2000),
        Decimal(5000),
    )
