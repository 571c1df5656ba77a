"""Margin impact of a prospective order: buy, sell, reduce, flip, limits crossed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.margin import MarginInputError, MarginSchedule, assess_margin, margin_impact
from domain.trading.accounts import Account
from domain.trading.orders import Side
from tests.kit.margin import account, fill, instruments, marks

D = Decimal
SCHEDULE = MarginSchedule()
INSTRUMENTS = instruments("AAPL", "TSLA", "NEW")
MARKS = marks(AAPL=150, TSLA=200)


def base_account() -> Account:
    # Cash 100,000 and long 100 AAPL at 150: equity 115,000, initial 7,500,
    # maintenance 3,750, buying power (115,000 − 7,500) / 0.5 = 215,000, excess 111,250.
    return account(100_000, ("AAPL", 100))


def test_buy_adding_to_a_long_raises_the_requirement() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.BUY, D(100), D(150))

    # Assert: 200 × 150 = 30,000 notional; cash 100,000 − 15,000 = 85,000.
    assert (impact.position_before, impact.position_after) == (D(100), D(200))
    assert (impact.equity_before, impact.equity_after) == (D(115_000), D(115_000))
    assert (impact.initial_before, impact.initial_after) == (D(7_500), D(15_000))
    assert impact.initial_change == D(7_500)
    assert (impact.maintenance_before, impact.maintenance_after) == (D(3_750), D(7_500))
    assert impact.buying_power_before == D(215_000)
    assert impact.buying_power_after == D(200_000)  # (115,000 − 15,000) / 0.5
    assert (impact.excess_before, impact.excess_after) == (D(111_250), D(107_500))
    assert impact.margin_call_after is False
    assert impact.causes_margin_call is False
    assert impact.exceeds_buying_power is False


def test_reducing_sell_lowers_the_requirement() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.SELL, D(60), D(150))

    # Assert: 40 left × 150 = 6,000 → initial 3,000, maintenance 1,500; cash 109,000.
    assert impact.position_after == D(40)
    assert impact.initial_after == D(3_000)
    assert impact.initial_change == D(-4_500)  # 3,000 − 7,500
    assert impact.buying_power_after == D(224_000)  # (115,000 − 3,000) / 0.5
    assert impact.excess_after == D(113_500)  # 115,000 − 1,500
    assert impact.exceeds_buying_power is False


def test_flip_counts_the_new_short_side() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.SELL, D(300), D(150))

    # Assert: −200 × 150 = 30,000 short; cash 100,000 + 45,000 = 145,000;
    # equity 145,000 − 30,000 = 115,000; initial 15,000; maintenance 0.30 × 30,000 = 9,000.
    assert impact.position_after == D(-200)
    assert impact.equity_after == D(115_000)
    assert impact.initial_after == D(15_000)
    assert impact.initial_change == D(7_500)
    assert impact.maintenance_after == D(9_000)
    assert impact.excess_after == D(106_000)  # 115,000 − 9,000
    assert impact.buying_power_after == D(200_000)  # (115,000 − 15,000) / 0.5


def test_short_sale_of_another_symbol_adds_its_short_requirement() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "TSLA", Side.SELL, D(50), D(200))

    # Assert: short 50 × 200 = 10,000: initial +5,000, maintenance +3,000; cash 110,000;
    # equity 110,000 + 15,000 − 10,000 = 115,000.
    assert (impact.position_before, impact.position_after) == (D(0), D(-50))
    assert impact.equity_after == D(115_000)
    assert impact.initial_after == D(12_500)  # 7,500 + 5,000
    assert impact.maintenance_after == D(6_750)  # 3,750 + 3,000
    assert impact.buying_power_after == D(205_000)  # (115,000 − 12,500) / 0.5


def test_buy_beyond_buying_power_is_flagged_without_a_margin_call() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.BUY, D(2_000), D(150))

    # Assert: 2,100 × 150 = 315,000; cash −200,000; equity 115,000;
    # initial 157,500 > 115,000; maintenance 78,750 < 115,000.
    assert impact.initial_after == D(157_500)
    assert impact.buying_power_after == D(0)
    assert impact.exceeds_buying_power is True
    assert impact.margin_call_after is False
    assert impact.causes_margin_call is False


def test_buy_that_pushes_equity_below_maintenance_causes_a_margin_call() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.BUY, D(6_000), D(150))

    # Assert: 6,100 × 150 = 915,000; maintenance 228,750 > equity 115,000.
    assert impact.maintenance_after == D(228_750)
    assert impact.excess_after == D(-113_750)
    assert impact.margin_call_after is True
    assert impact.causes_margin_call is True
    assert impact.exceeds_buying_power is True


def test_reducing_while_in_a_margin_call_does_not_cause_one() -> None:
    # Arrange: cash −25,000, long 200 at 150: equity 5,000, maintenance 7,500, deficit 2,500.
    acct = account(-25_000, ("AAPL", 200))

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.SELL, D(20), D(150))

    # Assert: 180 × 150 = 27,000; maintenance 6,750 > equity 5,000: still a call, but the
    # deficit shrank from 2,500 to 1,750, so this order did not cause it.
    assert impact.maintenance_after == D(6_750)
    assert impact.margin_call_after is True
    assert impact.causes_margin_call is False
    assert impact.exceeds_buying_power is False


def test_fill_away_from_the_mark_moves_equity() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.BUY, D(100), D(160))

    # Assert: cash 100,000 − 16,000 = 84,000; 200 valued at the 150 mark = 30,000.
    assert impact.equity_after == D(114_000)
    assert impact.initial_after == D(15_000)
    assert impact.buying_power_after == D(198_000)  # (114,000 − 15,000) / 0.5


def test_symbol_without_a_mark_is_valued_at_the_order_price() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "NEW", Side.BUY, D(10), D(40))

    # Assert: 10 × 40 = 400 → initial +200.
    assert impact.initial_change == D(200)
    assert impact.equity_after == D(115_000)


def test_after_figures_match_applying_the_fill_to_the_account() -> None:
    # Arrange
    acct = base_account()

    # Act
    impact = margin_impact(acct, INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.SELL, D(300), D(155))
    acct.apply_fill(fill("AAPL", Side.SELL, D(300), D(155)))
    actual = assess_margin(acct, INSTRUMENTS, MARKS, SCHEDULE)

    # Assert
    assert impact.equity_after == actual.equity
    assert impact.initial_after == actual.initial_requirement
    assert impact.excess_after == actual.excess_liquidity
    assert impact.buying_power_after == actual.buying_power


@pytest.mark.parametrize(
    ("quantity", "price"),
    [(D(0), D(150)), (D(-1), D(150)), (D(1), D(0)), (D("NaN"), D(150)), (D(1), D("Infinity"))],
)
def test_order_with_non_positive_quantity_or_price_is_rejected(
    quantity: Decimal, price: Decimal
) -> None:
    # Act / Assert
    with pytest.raises(MarginInputError):
        margin_impact(
            base_account(), INSTRUMENTS, MARKS, SCHEDULE, "AAPL", Side.BUY, quantity, price
        )


def test_order_for_an_unknown_instrument_is_rejected() -> None:
    # Act / Assert
    with pytest.raises(MarginInputError):
        margin_impact(base_account(), INSTRUMENTS, MARKS, SCHEDULE, "ZZZ", Side.BUY, D(1), D(1))
