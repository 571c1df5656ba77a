"""What level an option order needs: long options 2, covered calls and cash-secured puts 1,
spreads 3, uncovered 4; closing needs none."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.account_rules.options_level import (
    InvalidOptionsLevel,
    OptionsLevel,
    options_level,
    options_level_denial,
    required_level,
)
from domain.trading.instruments import AssetClass, Instrument, OptionRight
from domain.trading.orders import Side

D = Decimal
BUY, SELL = Side.BUY, Side.SELL
MARCH, JUNE = date(2026, 3, 20), date(2026, 6, 19)


def option(right: OptionRight, strike: int = 200, expiry: date = MARCH) -> Instrument:
    return Instrument(
        f"AAPL-{right.value}-{strike}-{expiry:%m}", asset_class=AssetClass.OPTION,
        multiplier=D(100), underlying="AAPL", strike=D(strike), expiry=expiry, right=right,
    )  # fmt: skip


CALL, PUT = option(OptionRight.CALL), option(OptionRight.PUT)
UNIVERSE = {i.symbol: i for i in (CALL, PUT, option(OptionRight.CALL, 210, JUNE))}


def needs(
    instrument: Instrument, side: Side, qty: int, cash: str = "0", **held: int
) -> OptionsLevel:
    positions = {symbol.replace("_", "-"): D(q) for symbol, q in held.items()}
    return required_level(instrument, side, D(qty), positions, UNIVERSE, D(cash))


def test_buying_a_call_needs_level_2_denied_at_1() -> None:
    # Act
    needed = needs(CALL, BUY, 1)

    # Assert
    assert needed is OptionsLevel.LONG
    assert options_level_denial(needed, OptionsLevel.COVERED) is not None
    assert options_level_denial(needed, OptionsLevel.LONG) is None


def test_a_call_is_covered_by_100_shares_not_by_99() -> None:
    assert needs(CALL, SELL, 1, AAPL=100) is OptionsLevel.COVERED
    assert needs(CALL, SELL, 1, AAPL=99) is OptionsLevel.UNCOVERED


def test_shares_already_covering_a_short_call_do_not_cover_another() -> None:
    assert needs(CALL, SELL, 1, AAPL=100, AAPL_call_200_03=-1) is OptionsLevel.UNCOVERED


def test_a_put_is_cash_secured_by_strike_times_multiplier_and_not_a_cent_less() -> None:
    assert needs(PUT, SELL, 2, cash="40000") is OptionsLevel.COVERED
    assert needs(PUT, SELL, 2, cash="39999.99") is OptionsLevel.UNCOVERED


def test_a_short_call_covered_by_a_longer_long_call_is_a_spread() -> None:
    assert needs(CALL, SELL, 1, AAPL_call_210_06=1) is OptionsLevel.SPREADS


def test_closing_an_option_position_needs_no_level() -> None:
    assert needs(CALL, BUY, 2, AAPL_call_200_03=-2) is OptionsLevel.NONE
    assert needs(CALL, SELL, 2, AAPL_call_200_03=2) is OptionsLevel.NONE
    assert options_level_denial(OptionsLevel.NONE, OptionsLevel.NONE) is None


def test_the_part_beyond_a_close_is_judged_as_opening() -> None:
    assert needs(CALL, SELL, 3, AAPL_call_200_03=2) is OptionsLevel.UNCOVERED


def test_an_account_without_a_level_is_not_checked() -> None:
    assert options_level_denial(OptionsLevel.UNCOVERED, None) is None


@pytest.mark.parametrize("value", [-1, 5, True])
def test_a_level_outside_0_to_4_is_refused(value: int) -> None:
    with pytest.raises(InvalidOptionsLevel):
        options_level(value)
