"""Deleverage plans: fewest reductions, partial last step, lots, ties, unreachable targets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.margin import InvalidMarginTarget, MarginSchedule, plan_deleverage
from domain.trading.accounts import Account
from domain.trading.orders import Side
from tests.kit.margin import account, instruments, marks

D = Decimal
SCHEDULE = MarginSchedule()


def four_position_account() -> Account:
    # Cash −20,000; long 100 KO at 100 (maintenance 2,500), 100 MSFT at 300 (7,500),
    # 100 AAPL at 200 (5,000); short 100 TSLA at 100 (3,000, at 30%).
    # Equity −20,000 + 10,000 + 30,000 + 20,000 − 10,000 = 30,000; maintenance 18,000;
    # buffer (30,000 − 18,000) / 30,000 = 40%.
    return account(-20_000, ("KO", 100), ("MSFT", 100), ("AAPL", 100), ("TSLA", -100))


FOUR_INSTRUMENTS = instruments("KO", "MSFT", "AAPL", "TSLA")
FOUR_MARKS = marks(KO=100, MSFT=300, AAPL=200, TSLA=100)


def test_one_partial_reduction_of_the_largest_position_suffices() -> None:
    # Arrange: target 60% → maintenance may be at most 0.4 × 30,000 = 12,000: release 6,000.
    acct = four_position_account()

    # Act
    plan = plan_deleverage(acct, FOUR_INSTRUMENTS, FOUR_MARKS, SCHEDULE, D("0.60"))

    # Assert: MSFT releases 75 per share: 6,000 / 75 = 80 shares.
    assert plan.reaches_target is True
    assert len(plan.steps) == 1
    step = plan.steps[0]
    assert (step.symbol, step.side, step.quantity) == ("MSFT", Side.SELL, D(80))
    assert step.position_quantity == D(100)
    assert step.notional == D(24_000)  # 80 × 300
    assert step.maintenance_released == D(6_000)
    assert (step.buffer_before, step.buffer_after) == (D("0.4"), D("0.6"))
    assert plan.maintenance_after == D(12_000)
    assert plan.buffer_after == D("0.6")


def test_fewest_steps_close_the_largest_whole_then_part_of_the_next() -> None:
    # Arrange: target 80% → maintenance at most 6,000: release 12,000.
    acct = four_position_account()

    # Act
    plan = plan_deleverage(acct, FOUR_INSTRUMENTS, FOUR_MARKS, SCHEDULE, D("0.80"))

    # Assert: close MSFT (7,500; M 10,500, buffer 19,500 / 30,000 = 65%), then 4,500 of
    # AAPL's 5,000 at 50 a share = 90 shares (M 6,000, buffer 80%). Two is the fewest: no
    # single position holds 12,000, and without MSFT the rest hold only 10,500.
    assert [(s.symbol, s.side, s.quantity) for s in plan.steps] == [
        ("MSFT", Side.SELL, D(100)),
        ("AAPL", Side.SELL, D(90)),
    ]
    assert [s.maintenance_released for s in plan.steps] == [D(7_500), D(4_500)]
    assert plan.steps[0].explanation == (
        "Sell 100 MSFT (of 100 long): releases 7,500.00 maintenance; buffer 40.0% → 65.0%"
    )
    assert plan.steps[1].explanation == (
        "Sell 90 AAPL (of 100 long): releases 4,500.00 maintenance; buffer 65.0% → 80.0%"
    )
    assert plan.maintenance_released == D(12_000)
    assert plan.reaches_target is True


def test_partial_step_rounds_up_to_whole_lots() -> None:
    # Arrange: cash −10,000, long 1,000 MSFT at 30 in lots of 100 → equity 20,000,
    # maintenance 7,500, buffer 62.5%. Target 69.5% → maintenance ≤ 0.305 × 20,000 = 6,100:
    # release 1,400; a lot releases 100 × 30 × 0.25 = 750, so ⌈1,400 / 750⌉ = 2 lots.
    acct = account(-10_000, ("MSFT", 1_000))

    # Act
    plan = plan_deleverage(acct, instruments("MSFT", lot=100), marks(MSFT=30), SCHEDULE, D("0.695"))

    # Assert: 200 shares release 1,500 → maintenance 6,000, buffer 14,000 / 20,000 = 70%.
    (step,) = plan.steps
    assert step.quantity == D(200)
    assert step.maintenance_released == D(1_500)
    assert step.buffer_after == D("0.7")
    assert step.explanation == (
        "Sell 200 MSFT (of 1,000 long): releases 1,500.00 maintenance; buffer 62.5% → 70.0%"
    )
    assert plan.reaches_target is True


def test_lot_rounding_never_trades_more_than_the_position() -> None:
    # Arrange: cash −2,000, long 150 X at 20 in lots of 100 → equity 1,000, maintenance 750.
    # Target 90% → maintenance ≤ 100: release 650 = 130 shares → 2 lots = 200 > 150.
    acct = account(-2_000, ("X", 150))

    # Act
    plan = plan_deleverage(acct, instruments("X", lot=100), marks(X=20), SCHEDULE, D("0.9"))

    # Assert: the whole 150 is sold; buffer (1,000 − 0) / 1,000 = 100%.
    (step,) = plan.steps
    assert step.quantity == D(150)
    assert step.maintenance_released == D(750)
    assert plan.buffer_after == D(1)
    assert plan.reaches_target is True


def test_ties_are_broken_by_symbol() -> None:
    # Arrange: BBB inserted first; both long 100 at 100 (maintenance 2,500 each).
    # Cash −15,000 → equity 5,000, maintenance 5,000, buffer 0.
    # Target 20% → maintenance ≤ 4,000: release 1,000 = 40 shares at 25 a share.
    acct = account(-15_000, ("BBB", 100), ("AAA", 100))

    # Act
    plan = plan_deleverage(
        acct, instruments("AAA", "BBB"), marks(AAA=100, BBB=100), SCHEDULE, D("0.2")
    )

    # Assert
    assert [(s.symbol, s.quantity) for s in plan.steps] == [("AAA", D(40))]
    assert plan.buffer_after == D("0.2")


def test_reducing_a_short_buys_it_back() -> None:
    # Arrange: cash 50,000, short 100 TSLA at 200 → equity 30,000, maintenance 6,000 (80%).
    # Target 90% → maintenance ≤ 3,000: release 3,000 at 60 a share = 50 shares.
    acct = account(50_000, ("TSLA", -100))

    # Act
    plan = plan_deleverage(acct, instruments("TSLA"), marks(TSLA=200), SCHEDULE, D("0.9"))

    # Assert
    (step,) = plan.steps
    assert (step.side, step.quantity) == (Side.BUY, D(50))
    assert step.explanation == (
        "Buy 50 TSLA (of 100 short): releases 3,000.00 maintenance; buffer 80.0% → 90.0%"
    )


def test_target_zero_lifts_an_account_out_of_a_margin_call() -> None:
    # Arrange: cash −25,000, long 200 at 150 → equity 5,000, maintenance 7,500.
    # Target 0 → maintenance ≤ 5,000: release 2,500 at 37.5 a share = 66.67 → 67 shares.
    acct = account(-25_000, ("AAPL", 200))

    # Act
    plan = plan_deleverage(acct, instruments("AAPL"), marks(AAPL=150), SCHEDULE, D(0))

    # Assert: 67 × 37.5 = 2,512.5 released; maintenance 4,987.5; buffer 12.5 / 5,000.
    (step,) = plan.steps
    assert step.quantity == D(67)
    assert step.maintenance_released == D("2512.5")
    assert plan.maintenance_after == D("4987.5")
    assert plan.buffer_after == D("0.0025")
    assert plan.reaches_target is True


def test_already_at_target_gives_an_empty_plan() -> None:
    # Arrange: buffer exactly 40%.
    acct = four_position_account()

    # Act
    plan = plan_deleverage(acct, FOUR_INSTRUMENTS, FOUR_MARKS, SCHEDULE, D("0.4"))

    # Assert
    assert plan.steps == ()
    assert plan.reaches_target is True
    assert plan.buffer_before == plan.buffer_after == D("0.4")
    assert plan.maintenance_released == D(0)


def test_unreachable_target_closes_everything_and_says_so() -> None:
    # Arrange: cash −35,000, long 200 AAPL at 150, short 10 TSLA at 100
    # → equity −35,000 + 30,000 − 1,000 = −6,000: no reduction at the mark helps.
    acct = account(-35_000, ("AAPL", 200), ("TSLA", -10))

    # Act
    plan = plan_deleverage(
        acct, instruments("AAPL", "TSLA"), marks(AAPL=150, TSLA=100), SCHEDULE, D("0.1")
    )

    # Assert: AAPL releases 7,500 and goes first, then TSLA 300 (0.30 × 1,000).
    assert [(s.symbol, s.side, s.quantity) for s in plan.steps] == [
        ("AAPL", Side.SELL, D(200)),
        ("TSLA", Side.BUY, D(10)),
    ]
    assert plan.maintenance_after == D(0)
    assert plan.buffer_after == D(0)
    assert plan.reaches_target is False


@pytest.mark.parametrize("target", [D(1), D("1.5"), D("-0.01"), D("NaN")])
def test_target_outside_zero_to_one_is_rejected(target: Decimal) -> None:
    # Act / Assert
    with pytest.raises(InvalidMarginTarget) as caught:
        plan_deleverage(four_position_account(), FOUR_INSTRUMENTS, FOUR_MARKS, SCHEDULE, target)
    assert caught.value.code == "INVALID_MARGIN_TARGET"
