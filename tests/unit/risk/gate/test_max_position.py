"""Max position: quantity, notional and % of equity, with open orders."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from tests.kit.gate import (
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
