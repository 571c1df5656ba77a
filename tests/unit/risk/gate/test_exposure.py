"""Exposure controls: gross and net exposure, absolute and % of equity."""

from __future__ import annotations

import pytest

from domain.risk.reasons import Action, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView
from tests.kit.gate import (
    BUY,
    SELL,
    D,
    account,
    decide,
    order,
    resting,
    rule,
    view,
)

GROSS = RuleType.GROSS_EXPOSURE
NET = RuleType.NET_EXPOSURE


# -- Gross and net exposure ---------------------------------------------------------


def book() -> AccountRiskView:
    """Cash 100,000; long 300 AAPL @100; short 100 XOM @50; resting buy 50 MSFT @200.

    equity = 100,000 + 30,000 − 5,000 = 125,000
    gross = 30,000 + 5,000 = 35,000, + open 50 × 200 = 10,000 → total 45,000
    net = 30,000 − 5,000 = 25,000, + open 10,000 → total 35,000
    """
    acct = account(
        100_000,
        ("AAPL", 300),
        ("XOM", -100),
        open_orders=[resting("MSFT", BUY, 50, limit=200)],
    )
    return view(acct)


def test_book_figures() -> None:
    # Act
    risk_view = book()

    # Assert
    assert risk_view.equity == D(125_000)
    assert (risk_view.gross_exposure, risk_view.total_gross) == (D(35_000), D(45_000))
    assert (risk_view.net_exposure, risk_view.total_net) == (D(25_000), D(35_000))


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(75, True, id="at-cap"),  # 45,000 + 75 × 200 = 60,000
        pytest.param(76, False, id="over-cap"),  # 45,000 + 15,200 = 60,200
    ],
)
def test_gross_exposure_absolute_counts_open_orders(quantity: int, approved: bool) -> None:
    # Arrange
    cap = rule(GROSS, {"max_gross": 60_000})

    # Act
    decision = decide(order("MSFT", BUY, quantity), book(), cap)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.GROSS_EXPOSURE,))


def test_gross_exposure_counts_a_sell_that_opens_a_short() -> None:
    # Arrange: short XOM 100 more adds 100 × 50 = 5,000: 45,000 + 5,000 = 50,000 > 48,000.
    cap = rule(GROSS, {"max_gross": 48_000})

    # Act
    decision = decide(order("XOM", SELL, 100), book(), cap)

    # Assert
    assert decision.reasons == (ReasonCode.GROSS_EXPOSURE,)


def test_gross_exposure_reduce() -> None:
    # Arrange: room = 60,000 − 45,000 = 15,000 → 15,000 / 200 = 75 MSFT.
    cap = rule(GROSS, {"max_gross": 60_000}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 100), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(75))


def test_gross_exposure_reduce_with_no_room_is_denied() -> None:
    # Arrange: cap 40,000 is already below 45,000.
    cap = rule(GROSS, {"max_gross": 40_000}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 1), book(), cap)

    # Assert
    assert decision.reasons == (ReasonCode.GROSS_EXPOSURE,)


def test_gross_exposure_lets_reductions_pass_above_the_cap() -> None:
    # Arrange: 45,000 > 40,000, but selling 100 AAPL of 300 only shrinks exposure.
    cap = rule(GROSS, {"max_gross": 40_000})

    # Act
    decision = decide(order("AAPL", SELL, 100), book(), cap)

    # Assert
    assert decision.approved is True


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        # cap = 0.4 × 125,000 = 50,000 → room 5,000 = 25 MSFT
        pytest.param(25, True, id="at-cap"),
        pytest.param(26, False, id="over-cap"),
    ],
)
def test_gross_exposure_pct_of_equity(quantity: int, approved: bool) -> None:
    # Arrange
    cap = rule(GROSS, {"max_gross_pct": "0.4"})

    # Act
    decision = decide(order("MSFT", BUY, quantity), book(), cap)

    # Assert
    assert decision.approved is approved


def test_gross_exposure_uses_the_smaller_of_absolute_and_pct() -> None:
    # Arrange: min(100,000, 0.4 × 125,000 = 50,000) = 50,000 → room 25 MSFT.
    cap = rule(GROSS, {"max_gross": 100_000, "max_gross_pct": "0.4"}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 40), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(25))


def test_gross_exposure_warn_approves_with_the_warning() -> None:
    # Arrange
    cap = rule(GROSS, {"max_gross": 40_000}, action=Action.WARN)

    # Act
    decision = decide(order("MSFT", BUY, 1), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(1))
    assert decision.warnings == (ReasonCode.GROSS_EXPOSURE,)


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(25, True, id="at-cap"),  # 35,000 + 25 × 200 = 40,000
        pytest.param(26, False, id="over-cap"),  # 35,000 + 5,200 = 40,200
    ],
)
def test_net_exposure_absolute_counts_open_orders(quantity: int, approved: bool) -> None:
    # Arrange
    cap = rule(NET, {"max_net": 40_000})

    # Act
    decision = decide(order("MSFT", BUY, quantity), book(), cap)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.NET_EXPOSURE,))


def test_net_exposure_reduce_on_a_buy() -> None:
    # Arrange: room = 40,000 − 35,000 = 5,000 → 25 MSFT.
    cap = rule(NET, {"max_net": 40_000}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 50), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(25))


def test_net_exposure_passes_a_sell_toward_zero_above_the_cap() -> None:
    # Arrange: net 35,000 > cap 20,000; sell 100 XOM → 30,000, closer to zero.
    cap = rule(NET, {"max_net": 20_000})

    # Act
    decision = decide(order("XOM", SELL, 100), book(), cap)

    # Assert
    assert decision.approved is True


def test_net_exposure_reduce_on_a_sell_that_overshoots() -> None:
    # Arrange: sell 1,500 XOM = 75,000 → net −40,000 (|40,000| > 35,000 and > 20,000);
    # room = 20,000 + 35,000 = 55,000 → 1,100 XOM → net −20,000.
    cap = rule(NET, {"max_net": 20_000}, action=Action.REDUCE)

    # Act
    decision = decide(order("XOM", SELL, 1_500), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(1_100))


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        # cap = 0.3 × 125,000 = 37,500; room 2,500 → 12.5 MSFT
        pytest.param(12, True, id="under-cap"),  # 37,400
        pytest.param(13, False, id="over-cap"),  # 37,600
    ],
)
def test_net_exposure_pct_of_equity(quantity: int, approved: bool) -> None:
    # Arrange
    cap = rule(NET, {"max_net_pct": "0.3"})

    # Act
    decision = decide(order("MSFT", BUY, quantity), book(), cap)

    # Assert
    assert decision.approved is approved


def test_net_exposure_pct_reduce_rounds_down() -> None:
    # Arrange: 2,500 / 200 = 12.5 → 12.
    cap = rule(NET, {"max_net_pct": "0.3"}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 20), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(12))


def test_net_exposure_reduce_with_no_room_is_denied() -> None:
    # Arrange: cap 30,000 < net 35,000 → room for a buy is negative.
    cap = rule(NET, {"max_net": 30_000}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 1), book(), cap)

    # Assert
    assert decision.reasons == (ReasonCode.NET_EXPOSURE,)


def test_net_exposure_warn_approves_with_the_warning() -> None:
    # Arrange
    cap = rule(NET, {"max_net": 30_000}, action=Action.WARN)

    # Act
    decision = decide(order("MSFT", BUY, 1), book(), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(1))
    assert decision.warnings == (ReasonCode.NET_EXPOSURE,)
