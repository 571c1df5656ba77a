"""Position and exposure controls: max position, gross exposure, net exposure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView
from tests.unit.risk_gate.builders import (
    BUY,
    SELL,
    D,
    account,
    decide,
    instrument,
    instruments,
    order,
    resting,
    rule,
    verdict,
    view,
)

POSITION = RuleType.MAX_POSITION_SIZE
GROSS = RuleType.GROSS_EXPOSURE
NET = RuleType.NET_EXPOSURE


# -- MaxPosition --------------------------------------------------------------------


def test_max_position_quantity_passes_at_the_limit() -> None:
    # Arrange: long 300, buy 200 → 500 = limit.
    limit = rule(POSITION, {"max_quantity": 500})
    risk_view = view(account(100_000, ("AAPL", 300)))

    # Act
    decision = decide(order("AAPL", BUY, 200), risk_view, limit)

    # Assert
    assert decision.approved is True


def test_max_position_quantity_blocks_one_over() -> None:
    # Arrange: 300 + 201 = 501 > 500.
    limit = rule(POSITION, {"max_quantity": 500})
    risk_view = view(account(100_000, ("AAPL", 300)))

    # Act
    decision = decide(order("AAPL", BUY, 201), risk_view, limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_POSITION,)
    assert verdict(decision, "MaxPosition").allowed_quantity == D(200)  # 500 − 300


def test_max_position_counts_open_orders_of_the_same_side() -> None:
    # Arrange: long 300 + 150 resting to buy + 100 = 550 > 500.
    limit = rule(POSITION, {"max_quantity": 500})
    acct = account(100_000, ("AAPL", 300), open_orders=[resting("AAPL", BUY, 150, limit=99)])

    # Act
    decision = decide(order("AAPL", BUY, 100), view(acct), limit)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_POSITION,)


def test_max_position_reduce_leaves_room_for_open_orders() -> None:
    # Arrange: room = 500 − (300 + 150) = 50.
    limit = rule(POSITION, {"max_quantity": 500}, action=Action.REDUCE)
    acct = account(100_000, ("AAPL", 300), open_orders=[resting("AAPL", BUY, 150, limit=99)])

    # Act
    decision = decide(order("AAPL", BUY, 100), view(acct), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(50))
    assert verdict(decision, "MaxPosition").outcome is Outcome.REDUCE


def test_max_position_ignores_open_orders_of_the_other_side() -> None:
    # Arrange: resting sell 200 does not add to a long: 300 + 200 = 500.
    limit = rule(POSITION, {"max_quantity": 500})
    acct = account(100_000, ("AAPL", 300), open_orders=[resting("AAPL", SELL, 200, limit=120)])

    # Act
    decision = decide(order("AAPL", BUY, 200), view(acct), limit)

    # Assert
    assert decision.approved is True


def test_max_position_reduce_on_the_short_side() -> None:
    # Arrange: short 300, resting sell 100, sell 150 → −550; room = 500 − 400 = 100.
    limit = rule(POSITION, {"max_quantity": 500}, action=Action.REDUCE)
    acct = account(100_000, ("AAPL", -300), open_orders=[resting("AAPL", SELL, 100, limit=101)])

    # Act
    decision = decide(order("AAPL", SELL, 150), view(acct), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(100))


def test_max_position_lets_a_reduction_pass_when_already_above_the_limit() -> None:
    # Arrange: long 800 is above 500; selling 100 only shrinks it.
    limit = rule(POSITION, {"max_quantity": 500})
    risk_view = view(account(100_000, ("AAPL", 800)))

    # Act
    decision = decide(order("AAPL", SELL, 100), risk_view, limit)

    # Assert
    assert decision.approved is True
    assert verdict(decision, "MaxPosition").outcome is Outcome.PASS


def test_max_position_notional_reduce() -> None:
    # Arrange: 50,000 / 100 = 500 units; long 300 → room 200.
    limit = rule(POSITION, {"max_notional": 50_000}, action=Action.REDUCE)
    risk_view = view(account(100_000, ("AAPL", 300)))

    # Act
    decision = decide(order("AAPL", BUY, 250), risk_view, limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(200))


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(100, True, id="at-10pct"),  # 100 × 100 = 10,000 = 10% × 100,000
        pytest.param(101, False, id="over-10pct"),  # 10,100 > 10,000
    ],
)
def test_max_position_pct_of_equity(quantity: int, approved: bool) -> None:
    # Arrange: equity = cash 100,000.
    limit = rule(POSITION, {"max_pct_equity": "0.10"})

    # Act
    decision = decide(order("AAPL", BUY, quantity), view(account()), limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.MAX_POSITION,))


@pytest.mark.parametrize(
    ("lot", "expected"),
    [
        pytest.param(1, D(100), id="lot-1"),  # 10% × 100,000 / 100 = 100
        pytest.param(30, D(90), id="lot-30"),  # 100 // 30 = 3 lots → 90
    ],
)
def test_max_position_pct_of_equity_reduce(lot: int, expected: Decimal) -> None:
    # Arrange
    limit = rule(POSITION, {"max_pct_equity": "0.10"}, action=Action.REDUCE)
    risk_view = view(account(), universe=instruments(instrument("AAPL", lot=lot)))

    # Act
    decision = decide(order("AAPL", BUY, 150), risk_view, limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, expected)


def test_max_position_uses_the_tightest_limit() -> None:
    # Arrange: 500 units vs 20,000 / 100 = 200 units → 200.
    limit = rule(POSITION, {"max_quantity": 500, "max_notional": 20_000}, action=Action.REDUCE)

    # Act
    decision = decide(order("AAPL", BUY, 300), view(account()), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(200))


def test_max_position_reduce_with_no_room_is_denied() -> None:
    # Arrange: long 500 already at the limit.
    limit = rule(POSITION, {"max_quantity": 500}, action=Action.REDUCE)
    risk_view = view(account(100_000, ("AAPL", 500)))

    # Act
    decision = decide(order("AAPL", BUY, 10), risk_view, limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_POSITION,)
    assert verdict(decision, "MaxPosition").allowed_quantity == D(0)


def test_max_position_with_a_symbol_list_ignores_other_symbols() -> None:
    # Arrange
    limit = rule(POSITION, {"max_quantity": 10, "symbols": ["msft"]})

    # Act
    decision = decide(order("AAPL", BUY, 100), view(account()), limit)

    # Assert
    assert decision.approved is True


def test_position_limit_rule_type_is_the_same_control() -> None:
    # Arrange
    limit = rule(RuleType.POSITION_LIMIT, {"max_quantity": 10})

    # Act
    decision = decide(order("AAPL", BUY, 11), view(account()), limit)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_POSITION,)


def test_max_position_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(POSITION, {"max_quantity": 10}, action=Action.WARN)

    # Act
    decision = decide(order("AAPL", BUY, 11), view(account()), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(11))
    assert decision.warnings == (ReasonCode.MAX_POSITION,)


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
