"""The HOLD action: a breach holds the order for a person; BLOCK > HOLD > WARN / REDUCE."""

from __future__ import annotations

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType, compile_rule
from tests.kit.gate import BUY, D, account, decide, order, rule, verdict, view

NOTIONAL = RuleType.MAX_ORDER_NOTIONAL
QTY = RuleType.MAX_ORDER_QUANTITY
GROSS = RuleType.GROSS_EXPOSURE


def test_a_hold_rule_breached_holds_the_order_without_denying_it() -> None:
    # Arrange: 250 AAPL at 100 = 25,000 above a 10,000 notional held for a person.
    hold = rule(NOTIONAL, {"max_notional": 10_000}, action=Action.HOLD)

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), hold)

    # Assert
    assert (decision.approved, decision.held) == (True, True)
    assert decision.holds == (ReasonCode.MAX_ORDER_NOTIONAL,)
    assert decision.reasons == ()
    assert verdict(decision, "MaxOrderNotional").outcome is Outcome.HOLD


def test_a_hold_rule_within_its_limit_does_not_hold() -> None:
    # Arrange
    hold = rule(NOTIONAL, {"max_notional": 100_000}, action=Action.HOLD)

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), hold)

    # Assert
    assert (decision.approved, decision.held, decision.holds) == (True, False, ())


def test_block_wins_over_hold() -> None:
    # Arrange: the notional holds, the quantity cap blocks.
    rules = (
        rule(NOTIONAL, {"max_notional": 10_000}, action=Action.HOLD, rule_id="r-1"),
        rule(QTY, {"max_quantity": 100}, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert
    assert (decision.approved, decision.held) == (False, False)
    assert decision.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)


def test_hold_wins_over_warn_and_both_are_reported() -> None:
    # Arrange
    rules = (
        rule(NOTIONAL, {"max_notional": 10_000}, action=Action.HOLD, rule_id="r-1"),
        rule(GROSS, {"max_gross": 5_000}, action=Action.WARN, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert
    assert decision.held is True
    assert decision.warnings == (ReasonCode.GROSS_EXPOSURE,)


def test_hold_wins_over_reduce() -> None:
    # Arrange: a REDUCE cap and a HOLD cap both breached.
    rules = (
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="r-1"),
        rule(GROSS, {"max_gross": 5_000}, action=Action.HOLD, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert: held (the reduction is decided again when a person approves it).
    assert decision.held is True
    assert decision.holds == (ReasonCode.GROSS_EXPOSURE,)
    assert decision.requested_quantity == D(250)


@pytest.mark.parametrize(
    ("rule_type", "params"),
    [
        (RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 1}),
        (RuleType.RESTRICTED_SYMBOLS, {"symbols": ["AAPL"]}),
        (RuleType.TRADING_HOURS, {"calendar": False}),
    ],
)
def test_any_rule_type_may_hold(rule_type: RuleType, params: dict[str, object]) -> None:
    # Act
    compiled = compile_rule(rule(rule_type, params, action=Action.HOLD))

    # Assert
    assert compiled.action is Action.HOLD
