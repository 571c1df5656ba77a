"""Account margin status: requirements, buffer, buying power, liquidation distance, calls."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.margin import (
    MarginCallDetected,
    MarginInputError,
    MarginRates,
    MarginSchedule,
    assess_margin,
    detect_margin_call,
    liquidation_distance,
    position_requirement,
)
from domain.trading.instruments import AssetClass, Instrument
from tests.kit.margin import account, instruments, marks

D = Decimal
SCHEDULE = MarginSchedule()
TOLERANCE = D("1e-9")


def test_position_requirement_uses_the_side_s_maintenance_rate() -> None:
    # Arrange
    rates = MarginRates()

    # Act
    long = position_requirement(D(200), D(150), D(1), rates)
    short = position_requirement(D(-100), D(200), D(1), rates)

    # Assert: long 200 × 150 = 30,000 → 15,000 initial, 7,500 maintenance;
    # short 100 × 200 = 20,000 → 10,000 initial, 6,000 maintenance (30%).
    assert (long.initial, long.maintenance) == (D(15_000), D(7_500))
    assert (short.initial, short.maintenance) == (D(10_000), D(6_000))


def test_status_of_a_long_and_a_short() -> None:
    # Arrange: cash 50,000; long 200 AAPL at 150; short 100 TSLA at 200.
    acct = account(50_000, ("AAPL", 200), ("TSLA", -100))

    prices = marks(AAPL=150, TSLA=200)

    # Act
    status = assess_margin(acct, instruments("AAPL", "TSLA"), prices, SCHEDULE)

    # Assert
    assert status.account_id == "acc-1"
    assert status.equity == acct.equity(prices)
    assert status.equity == D(60_000)  # 50,000 + 30,000 − 20,000
    assert status.gross_exposure == D(50_000)  # 30,000 + 20,000
    assert status.initial_requirement == D(25_000)  # 0.5 × 50,000
    assert status.maintenance_requirement == D(13_500)  # 0.25 × 30,000 + 0.30 × 20,000
    assert status.excess_liquidity == D(46_500)  # 60,000 − 13,500
    assert status.margin_buffer == D("0.775")  # 46,500 / 60,000
    assert status.buying_power == D(70_000)  # (60,000 − 25,000) / 0.5
    assert status.margin_call is False
    assert status.margin_deficit == D(0)
    assert [line.symbol for line in status.positions] == ["AAPL", "TSLA"]


def test_position_lines_carry_requirements_and_distances() -> None:
    # Arrange: same book as above; excess 46,500.
    acct = account(50_000, ("TSLA", -100), ("AAPL", 200))

    # Act
    status = assess_margin(acct, instruments("AAPL", "TSLA"), marks(AAPL=150, TSLA=200), SCHEDULE)

    # Assert
    aapl, tsla = status.position("AAPL"), status.position("TSLA")
    assert aapl is not None
    assert tsla is not None
    assert (aapl.notional, aapl.initial_requirement, aapl.maintenance_requirement) == (
        D(30_000),
        D(15_000),
        D(7_500),
    )
    assert aapl.maintenance_rate == D("0.25")
    # Long: 46,500 / (30,000 × 0.75) = 2.07 ≥ 1: the price would have to go below zero.
    assert aapl.liquidation_distance is None
    assert aapl.liquidation_price is None
    # Short: 46,500 / (20,000 × 1.30) = 46,500 / 26,000.
    assert tsla.maintenance_rate == D("0.30")
    assert tsla.liquidation_distance == D(46_500) / D(26_000)
    assert status.position("MSFT") is None


@pytest.mark.parametrize(
    ("cash", "symbol", "quantity", "mark", "distance", "price"),
    [
        # Long: cash −10,000, long 200 at 150 → equity 20,000, maintenance 7,500.
        # x = 12,500 / (30,000 × 0.75) = 5/9; price 150 × (1 − 5/9) = 66.67;
        # check: −10,000 + 200p = 0.25 × 200p ⇔ 150p = 10,000 ⇔ p = 66.666…
        pytest.param(
            -10_000, "AAPL", 200, 150, D(12_500) / D(22_500), D(10_000) / D(150), id="long"
        ),
        # Short: cash 50,000, short 100 at 200 → equity 30,000, maintenance 6,000.
        # x = 24,000 / (20,000 × 1.3) = 12/13; price 200 × 25/13 = 384.615…;
        # check: 50,000 − 100p = 0.30 × 100p ⇔ 130p = 50,000.
        pytest.param(
            50_000, "TSLA", -100, 200, D(24_000) / D(26_000), D(50_000) / D(130), id="short"
        ),
    ],
)
def test_liquidation_distance_and_price_plug_back_to_equity_equals_maintenance(
    cash: int, symbol: str, quantity: int, mark: int, distance: Decimal, price: Decimal
) -> None:
    # Arrange
    acct = account(cash, (symbol, quantity))
    insts = instruments(symbol)

    # Act
    line = assess_margin(acct, insts, {symbol: D(mark)}, SCHEDULE).positions[0]

    # Assert
    assert line.liquidation_distance == distance
    assert line.liquidation_price is not None
    assert abs(line.liquidation_price - price) < TOLERANCE
    moved = assess_margin(acct, insts, {symbol: line.liquidation_price}, SCHEDULE)
    assert abs(moved.equity - moved.maintenance_requirement) < TOLERANCE


def test_liquidation_distance_holds_other_positions_constant() -> None:
    # Arrange: cash −40,000; long 200 AAPL at 150 and 100 MSFT at 300 → equity 20,000,
    # maintenance 7,500 + 7,500 = 15,000, excess 5,000.
    acct = account(-40_000, ("AAPL", 200), ("MSFT", 100))
    insts = instruments("AAPL", "MSFT")
    prices = marks(AAPL=150, MSFT=300)

    # Act
    line = assess_margin(acct, insts, prices, SCHEDULE).position("AAPL")

    # Assert: x = 5,000 / (30,000 × 0.75) = 2/9; p = 150 × 7/9 = 116.67;
    # check: 200p − 10,000 = 50p + 7,500 ⇔ 150p = 17,500.
    assert line is not None
    assert line.liquidation_distance == D(5_000) / D(22_500)
    assert line.liquidation_price is not None
    moved = assess_margin(acct, insts, {**prices, "AAPL": line.liquidation_price}, SCHEDULE)
    assert abs(moved.equity - moved.maintenance_requirement) < TOLERANCE
    assert abs(line.liquidation_price - D(17_500) / D(150)) < TOLERANCE


def test_margin_call_with_deficit_and_zero_distance() -> None:
    # Arrange: cash −25,000, long 200 at 150 → equity 5,000, maintenance 7,500.
    acct = account(-25_000, ("AAPL", 200))

    # Act
    status = assess_margin(acct, instruments("AAPL"), marks(AAPL=150), SCHEDULE)
    event = detect_margin_call(status)

    # Assert
    assert status.margin_call is True
    assert status.margin_deficit == D(2_500)  # 7,500 − 5,000
    assert status.excess_liquidity == D(-2_500)
    assert status.margin_buffer == D("-0.5")  # −2,500 / 5,000
    assert status.buying_power == D(0)  # (5,000 − 15,000) / 0.5 < 0 → floored
    assert status.positions[0].liquidation_distance == D(0)
    assert status.positions[0].liquidation_price == D(150)
    assert event == MarginCallDetected(
        account_id="acc-1", equity=D(5_000), maintenance_requirement=D(7_500), deficit=D(2_500)
    )
    assert event.aggregate_id == "acc-1"


def test_no_margin_call_event_when_equity_covers_maintenance() -> None:
    # Arrange: equity 20,000 ≥ maintenance 7,500.
    acct = account(-10_000, ("AAPL", 200))

    # Act
    status = assess_margin(acct, instruments("AAPL"), marks(AAPL=150), SCHEDULE)

    # Assert
    assert detect_margin_call(status) is None


def test_equity_exactly_at_maintenance_is_not_a_call_and_distance_is_zero() -> None:
    # Arrange: cash −22,500, long 200 at 150 → equity 7,500 = maintenance 7,500.
    acct = account(-22_500, ("AAPL", 200))

    # Act
    status = assess_margin(acct, instruments("AAPL"), marks(AAPL=150), SCHEDULE)

    # Assert
    assert status.margin_call is False
    assert status.positions[0].liquidation_distance == D(0)


def test_buffer_is_zero_when_equity_is_not_positive() -> None:
    # Arrange: cash −35,000, long 200 at 150 → equity −5,000.
    acct = account(-35_000, ("AAPL", 200))

    # Act
    status = assess_margin(acct, instruments("AAPL"), marks(AAPL=150), SCHEDULE)

    # Assert
    assert status.equity == D(-5_000)
    assert status.margin_buffer == D(0)
    assert status.margin_deficit == D(12_500)  # 7,500 − (−5,000)


def test_overrides_and_multiplier_feed_the_requirements() -> None:
    # Arrange: 2 ES futures at 5,000 × 50; futures 10%/8%, ES itself 12%/9%;
    # 100 AAPL at 100 on the default rates; cash 100,000.
    schedule = MarginSchedule(
        by_asset_class={AssetClass.FUTURE: MarginRates(D("0.10"), D("0.08"), D("0.08"))},
        by_symbol={"ES": MarginRates(D("0.12"), D("0.09"), D("0.09"))},
    )
    acct = account(100_000, ("ES", 2), mult=50)
    acct.positions.update(account(0, ("AAPL", 100)).positions)
    insts = {
        **instruments("ES", mult=50, asset_class=AssetClass.FUTURE),
        **instruments("AAPL"),
    }

    # Act
    status = assess_margin(acct, insts, marks(ES=5_000, AAPL=100), schedule)

    # Assert: ES notional 2 × 5,000 × 50 = 500,000 → 60,000 initial, 45,000 maintenance;
    # AAPL 10,000 → 5,000 initial, 2,500 maintenance.
    assert status.gross_exposure == D(510_000)
    assert status.initial_requirement == D(65_000)  # 60,000 + 5,000
    assert status.maintenance_requirement == D(47_500)  # 45,000 + 2,500
    assert status.equity == D(610_000)  # 100,000 + 500,000 + 10,000
    assert status.buying_power == D(1_090_000)  # (610,000 − 65,000) / 0.5 (default rate)


def test_long_with_full_maintenance_rate_cannot_be_liquidated_by_its_own_move() -> None:
    # Act: with m = 1 value and requirement fall together; excess never shrinks.
    distance = liquidation_distance(D(10), D(100), D(1), D(1), D(500))

    # Assert
    assert distance is None


def test_flat_positions_are_ignored() -> None:
    # Arrange: a flat position with no mark or instrument must not fail the assessment.
    acct = account(1_000, ("GONE", 0))

    # Act
    status = assess_margin(acct, {}, {}, SCHEDULE)

    # Assert
    assert status.equity == D(1_000)
    assert status.positions == ()
    assert status.buying_power == D(2_000)  # (1,000 − 0) / 0.5


@pytest.mark.parametrize(
    ("insts", "prices"),
    [
        ({}, {"AAPL": D(150)}),
        (instruments("AAPL"), {}),
        (instruments("AAPL"), {"AAPL": D(0)}),
        (instruments("AAPL"), {"AAPL": D("NaN")}),
        (instruments("AAPL", mult=100), {"AAPL": D(150)}),
    ],
    ids=["unknown-instrument", "missing-mark", "zero-mark", "nan-mark", "multiplier-mismatch"],
)
def test_inputs_that_cannot_be_valued_fail_closed(
    insts: dict[str, Instrument], prices: dict[str, Decimal]
) -> None:
    # Arrange
    acct = account(10_000, ("AAPL", 10))

    # Act / Assert
    with pytest.raises(MarginInputError) as caught:
        assess_margin(acct, insts, prices, SCHEDULE)
    assert caught.value.code == "MARGIN_INPUT_INVALID"
