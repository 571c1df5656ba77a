"""Portfolio metrics: exposures, leverage, sector weights, drawdown and day P&L."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.risk.metrics import SectorWeight, portfolio_metrics
from domain.trading.accounts import Account, MissingMark
from domain.trading.instruments import Instrument
from domain.trading.positions import Position

INSTRUMENTS = {
    "AAPL": Instrument("AAPL", sector="Technology"),
    "MSFT": Instrument("MSFT", sector="Technology"),
    "XOM": Instrument("XOM", sector="Energy"),
}


def make_account() -> Account:
    """Long 100 AAPL, short 100 XOM, long 10 ZZZ (no instrument), a flat MSFT."""
    return Account(
        id="acc-1",
        owner_id="owner-1",
        cash=Decimal(89_500),
        positions={
            "AAPL": Position("AAPL", Decimal(100), Decimal(180)),
            "XOM": Position("XOM", Decimal(-100), Decimal(110)),
            "ZZZ": Position("ZZZ", Decimal(10), Decimal(40)),
            "MSFT": Position("MSFT", Decimal(0)),
        },
        start_of_day_equity=Decimal(80_000),
        peak_equity=Decimal(125_000),
    )


MARKS = {"AAPL": Decimal(200), "XOM": Decimal(100), "ZZZ": Decimal(50)}


def test_long_and_short_in_two_sectors_plus_an_unclassified_symbol() -> None:
    # Arrange
    account = make_account()

    # Act
    metrics = portfolio_metrics(account, INSTRUMENTS, MARKS)

    # Assert
    # market values: AAPL 100 × 200 = 20,000; XOM −100 × 100 = −10,000; ZZZ 10 × 50 = 500
    # equity = 89,500 + 20,000 − 10,000 + 500 = 100,000
    assert metrics.equity == Decimal(100_000)
    assert metrics.long_exposure == Decimal(20_500)  # 20,000 + 500
    assert metrics.short_exposure == Decimal(10_000)
    assert metrics.gross_exposure == Decimal(30_500)  # 20,500 + 10,000
    assert metrics.net_exposure == Decimal(10_500)  # 20,500 − 10,000
    assert metrics.leverage == Decimal("0.305")  # 30,500 / 100,000
    assert metrics.sector_weights == (
        SectorWeight("Technology", Decimal(20_000), Decimal("0.2")),  # 20,000 / 100,000
        SectorWeight("Energy", Decimal(10_000), Decimal("0.1")),  # 10,000 / 100,000
        SectorWeight("UNCLASSIFIED", Decimal(500), Decimal("0.005")),  # 500 / 100,000
    )
    assert metrics.drawdown == Decimal("0.2")  # (125,000 − 100,000) / 125,000
    assert metrics.day_pnl == Decimal(20_000)  # 100,000 − 80,000
    assert metrics.day_pnl_percent == Decimal(25)  # 20,000 / 80,000 × 100
    assert metrics.largest_position_weight == Decimal("0.2")  # AAPL 20,000 / 100,000
    assert metrics.position_count == 3  # MSFT is flat


def test_long_and_short_in_one_sector_add_up_gross() -> None:
    # Arrange: long 50 AAPL at 200, short 40 MSFT at 250, cash 100,000.
    account = Account(
        id="acc-2",
        owner_id="owner-1",
        cash=Decimal(100_000),
        positions={
            "AAPL": Position("AAPL", Decimal(50), Decimal(200)),
            "MSFT": Position("MSFT", Decimal(-40), Decimal(250)),
        },
        start_of_day_equity=Decimal(100_000),
    )
    marks = {"AAPL": Decimal(200), "MSFT": Decimal(250)}

    # Act
    metrics = portfolio_metrics(account, INSTRUMENTS, marks)

    # Assert: 50 × 200 = 10,000 long, 40 × 250 = 10,000 short; equity 100,000 + 0.
    assert metrics.net_exposure == Decimal(0)
    assert metrics.gross_exposure == Decimal(20_000)
    assert metrics.sector_weights == (
        SectorWeight("Technology", Decimal(20_000), Decimal("0.2")),  # 20,000 / 100,000
    )
    assert metrics.largest_position_weight == Decimal("0.1")  # 10,000 / 100,000
    assert metrics.day_pnl == Decimal(0)
    assert metrics.day_pnl_percent == Decimal(0)
    assert metrics.drawdown == Decimal(0)  # no peak recorded


def test_equal_sector_weights_are_ordered_by_name() -> None:
    # Arrange: XOM (Energy) and AAPL (Technology) both 10,000 gross.
    account = Account(
        id="acc-3",
        owner_id="owner-1",
        cash=Decimal(0),
        positions={
            "AAPL": Position("AAPL", Decimal(50), Decimal(200)),
            "XOM": Position("XOM", Decimal(100), Decimal(100)),
        },
    )
    marks = {"AAPL": Decimal(200), "XOM": Decimal(100)}

    # Act
    metrics = portfolio_metrics(account, INSTRUMENTS, marks)

    # Assert: equity 0 + 10,000 + 10,000 = 20,000; each sector 10,000 / 20,000 = 0.5.
    assert [w.sector for w in metrics.sector_weights] == ["Energy", "Technology"]
    assert metrics.leverage == Decimal(1)  # 20,000 / 20,000
    assert metrics.day_pnl_percent is None  # no start-of-day equity


def test_non_positive_equity_leaves_ratios_undefined() -> None:
    # Arrange: cash −30,000, long 100 AAPL at 200 → equity −10,000.
    account = Account(
        id="acc-4",
        owner_id="owner-1",
        cash=Decimal(-30_000),
        positions={"AAPL": Position("AAPL", Decimal(100), Decimal(300))},
        start_of_day_equity=Decimal(10_000),
        peak_equity=Decimal(10_000),
    )

    # Act
    metrics = portfolio_metrics(account, INSTRUMENTS, {"AAPL": Decimal(200)})

    # Assert
    assert metrics.equity == Decimal(-10_000)  # −30,000 + 20,000
    assert metrics.leverage is None
    assert metrics.largest_position_weight is None
    assert metrics.sector_weights == (SectorWeight("Technology", Decimal(20_000), None),)
    assert metrics.drawdown == Decimal(2)  # (10,000 − (−10,000)) / 10,000
    assert metrics.day_pnl_percent == Decimal(-200)  # −20,000 / 10,000 × 100


def test_multiplier_scales_exposure() -> None:
    # Arrange: 2 futures contracts at 4,000 with multiplier 50, cash 600,000.
    account = Account(
        id="acc-5",
        owner_id="owner-1",
        cash=Decimal(600_000),
        positions={"ES": Position("ES", Decimal(2), Decimal(4_000), multiplier=Decimal(50))},
    )

    # Act
    metrics = portfolio_metrics(account, {}, {"ES": Decimal(4_000)})

    # Assert: 2 × 4,000 × 50 = 400,000 gross; equity 600,000 + 400,000 = 1,000,000.
    assert metrics.gross_exposure == Decimal(400_000)
    assert metrics.sector_weights == (
        SectorWeight("UNCLASSIFIED", Decimal(400_000), Decimal("0.4")),
    )
    assert metrics.leverage == Decimal("0.4")  # 400,000 / 1,000,000


def test_empty_account() -> None:
    # Arrange
    account = Account(id="acc-6", owner_id="owner-1", cash=Decimal(5_000))

    # Act
    metrics = portfolio_metrics(account, INSTRUMENTS, {})

    # Assert
    assert metrics.equity == Decimal(5_000)
    assert metrics.gross_exposure == Decimal(0)
    assert metrics.leverage == Decimal(0)
    assert metrics.sector_weights == ()
    assert metrics.largest_position_weight == Decimal(0)
    assert metrics.position_count == 0


def test_missing_mark_for_a_held_symbol_raises() -> None:
    # Arrange
    account = make_account()
    marks = {"AAPL": Decimal(200), "XOM": Decimal(100)}

    # Act / Assert
    with pytest.raises(MissingMark):
        portfolio_metrics(account, INSTRUMENTS, marks)
