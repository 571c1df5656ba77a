"""How the gate combines verdicts: chained reductions, warnings and denials."""

from __future__ import annotations

from domain.risk.reasons import Action, ReasonCode
from domain.risk.rules import RuleType
from tests.kit.gate import (
    BUY,
    SELL,
    D,
    account,
    decide,
    order,
    rule,
    verdict,
    view,
)

QTY = RuleType.MAX_ORDER_QUANTITY
GROSS = RuleType.GROSS_EXPOSURE


def test_reductions_chain_and_each_control_sees_the_reduced_size() -> None:
    # Arrange: r-1 caps at 100 units; r-2 caps gross at 6,000 → 60 AAPL at 100.
    rules = (
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="r-1"),
        rule(GROSS, {"max_gross": 6_000}, action=Action.REDUCE, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert: 250 → 100 → 60.
    assert (decision.approved, decision.requested_quantity, decision.quantity) == (
        True,
        D(250),
        D(60),
    )
    assert verdict(decision, "MaxOrderQuantity").allowed_quantity == D(100)
    assert verdict(decision, "GrossExposure").allowed_quantity == D(60)


def test_every_reduction_the_request_breaches_is_reported_whatever_the_rule_order() -> None:
    # Arrange: the same two limits, gross first this time: both cut 250 (to 100 and to 60).
    rules = (
        rule(GROSS, {"max_gross": 6_000}, action=Action.REDUCE, rule_id="r-1"),
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert: the smallest cut wins, and each control says what it allowed, as above.
    assert decision.quantity == D(60)
    assert verdict(decision, "MaxOrderQuantity").allowed_quantity == D(100)
    assert verdict(decision, "GrossExposure").allowed_quantity == D(60)


def test_a_warning_does_not_change_the_quantity_a_reduction_set() -> None:
    # Arrange: reduce to 100, then warn on gross above 5,000 (100 × 100 = 10,000).
    rules = (
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="r-1"),
        rule(GROSS, {"max_gross": 5_000}, action=Action.WARN, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(100))
    assert decision.warnings == (ReasonCode.GROSS_EXPOSURE,)
    assert decision.reduced is True


def test_a_denial_after_a_reduction_reports_the_requested_quantity() -> None:
    # Arrange: reduce to 100, then a BLOCK gross cap of 5,000 refuses 10,000.
    rules = (
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="r-1"),
        rule(GROSS, {"max_gross": 5_000}, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 250), view(account()), *rules)

    # Assert
    assert (decision.approved, decision.quantity) == (False, D(250))
    assert decision.reasons == (ReasonCode.GROSS_EXPOSURE,)
    assert decision.reduced is False
    assert verdict(decision, "GrossExposure").allowed_quantity == D(50)  # 5,000 / 100


def test_reduction_outcome_does_not_depend_on_rule_ids_for_a_flip() -> None:
    # Arrange: short 500; a buy of 600 would flip to +100 > 50 allowed.
    # Max position alone: room = 50 − (100 − 600) = 550 → +50 after the fill.
    # Max order quantity then cuts 550 → 100, which only covers part of the short.
    rules = (
        rule(RuleType.MAX_POSITION_SIZE, {"max_quantity": 50}, action=Action.REDUCE, rule_id="a"),
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="b"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 600), view(account(100_000, ("AAPL", -500))), *rules)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(100))


def test_reduction_outcome_does_not_depend_on_rule_ids_for_a_flip_reversed() -> None:
    # Arrange: the same rules with ids swapped: max order quantity runs first
    # (600 → 100); buying 100 against a short of 500 only reduces it (−400),
    # which MaxPosition lets pass.
    rules = (
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="a"),
        rule(RuleType.MAX_POSITION_SIZE, {"max_quantity": 50}, action=Action.REDUCE, rule_id="b"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 600), view(account(100_000, ("AAPL", -500))), *rules)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(100))


def test_a_pure_reduction_passes_a_gross_cap_that_is_already_exceeded() -> None:
    # Arrange: short 500 AAPL @100 → gross 50,000 > cap 40,000; buying 100 covers part.
    cap = rule(GROSS, {"max_gross": 40_000})

    # Act
    decision = decide(order("AAPL", BUY, 100), view(account(100_000, ("AAPL", -500))), cap)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(100))


def test_an_order_reduced_into_a_pure_reduction_is_treated_as_one() -> None:
    # Arrange: same book and cap as above, plus max order quantity 100 (REDUCE).
    # Buy 600 would flip −500 → +100 (not a reduction); cut to 100 it is exactly the
    # order of the previous test: −500 → −400, which the gross cap lets pass.
    rules = (
        rule(QTY, {"max_quantity": 100}, action=Action.REDUCE, rule_id="r-1"),
        rule(GROSS, {"max_gross": 40_000}, rule_id="r-2"),
    )

    # Act
    decision = decide(order("AAPL", BUY, 600), view(account(100_000, ("AAPL", -500))), *rules)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(100))


def test_a_marketable_sell_limit_is_valued_at_least_at_the_mark() -> None:
    # Arrange: equity 100,000 → at most 200,000 of new notional at 50% initial margin.
    # Sell 1,000,000 AAPL limit 0.01 with the mark at 100: it fills near 100, a
    # 100,000,000 short (margin 50,000,000); valued at 0.01 it looks like 10,000.
    risk_view = view(account())

    # Act
    decision = decide(order("AAPL", SELL, 1_000_000, limit="0.01"), risk_view, with_defaults=True)

    # Assert
    assert decision.approved is False
    assert ReasonCode.INSUFFICIENT_BUYING_POWER in decision.reasons
