"""Fail closed: control errors, unknown instruments and missing prices deny the order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.killswitch.state import TradingState
from domain.risk.controls.base import Control
from domain.risk.controls.limits import MaxOrderQuantity
from domain.risk.gate import Policy
from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView
from domain.trading.orders import Order
from tests.kit.gate import (
    ACCOUNT_ID,
    BUY,
    D,
    account,
    controls,
    decide,
    marks,
    order,
    rule,
    verdict,
    view,
)


class Exploding(Control):
    """A control whose check raises, as a bug or bad data would."""

    __slots__ = ()
    code = ReasonCode.MAX_POSITION

    def breach(
        self,
        order: Order,
        quantity: Decimal,
        unit: Decimal,
        value: Decimal,
        reduces: bool,
        view: AccountRiskView,
    ) -> Decimal | None:
        raise ZeroDivisionError("boom")


@pytest.mark.parametrize("action", [Action.BLOCK, Action.WARN, Action.REDUCE])
def test_a_control_that_raises_denies_with_risk_check_error(action: Action) -> None:
    # Arrange: whatever its action, an exploding control denies.
    gate = Policy(
        ACCOUNT_ID,
        [Exploding(action=action, rule_id="r-boom"), MaxOrderQuantity(D(100), rule_id="r-qty")],
    )

    # Act
    decision = gate.evaluate(order("AAPL", BUY, 10), view(account()))

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.RISK_CHECK_ERROR,)
    assert decision.quantity == D(10)
    failed = verdict(decision, "Exploding")
    assert (failed.outcome, failed.rule_id) == (Outcome.DENY, "r-boom")
    assert failed.message == "Exploding failed: ZeroDivisionError: boom"


def test_every_other_control_still_leaves_its_verdict_after_an_error() -> None:
    # Arrange
    gate = Policy(ACCOUNT_ID, [Exploding(), MaxOrderQuantity(D(100), rule_id="r-qty")])

    # Act
    decision = gate.evaluate(order("AAPL", BUY, 10), view(account()))

    # Assert
    assert [(v.control, v.outcome) for v in decision.verdicts] == [
        ("TradingStateControl", Outcome.PASS),
        ("ReduceOnlyFlag", Outcome.PASS),
        ("Exploding", Outcome.DENY),
        ("MaxOrderQuantity", Outcome.PASS),
    ]


def test_a_nan_mark_is_not_a_reference_price() -> None:
    # Arrange: a NaN mark cannot price anything; the gate refuses before any control.
    limit = rule(RuleType.MAX_ORDER_NOTIONAL, {"max_notional": 1_000})
    risk_view = view(account(), marks(AAPL="NaN"))

    # Act
    decision = decide(order("AAPL", BUY, 1), risk_view, limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.NO_REFERENCE_PRICE,)


def test_unknown_instrument_is_denied_before_any_control() -> None:
    # Arrange: ZZZ has a mark but no instrument.
    risk_view = view(account(), marks(ZZZ=10))

    # Act
    decision = decide(order("ZZZ", BUY, 5), risk_view, with_defaults=True)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.UNKNOWN_INSTRUMENT,)
    assert decision.quantity == D(5)
    assert [(v.control, v.rule_id, v.message) for v in decision.verdicts] == [
        ("ReferenceData", None, "UNKNOWN_INSTRUMENT: ZZZ"),
    ]


def test_missing_mark_is_denied_with_no_reference_price() -> None:
    # Arrange: AAPL is known but has no mark.
    prices = marks()
    del prices["AAPL"]

    # Act
    decision = decide(order("AAPL", BUY, 5), view(account(), prices), with_defaults=True)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.NO_REFERENCE_PRICE,)
    assert decision.verdicts[0].message == "NO_REFERENCE_PRICE: AAPL"


def test_missing_mark_denies_even_a_limit_order() -> None:
    # Arrange: a limit price is no substitute for a reference price.
    prices = marks()
    del prices["AAPL"]

    # Act
    decision = decide(order("AAPL", BUY, 5, limit=100), view(account(), prices))

    # Assert
    assert decision.reasons == (ReasonCode.NO_REFERENCE_PRICE,)


def test_the_view_refuses_to_value_a_position_without_a_mark() -> None:
    # Arrange: the account holds MSFT, which has no mark.
    prices = marks()
    del prices["MSFT"]

    # Act / Assert: the caller must fail closed rather than guess a price.
    with pytest.raises(KeyError, match="MSFT"):
        view(account(100_000, ("MSFT", 10)), prices)


def test_a_decision_lists_one_verdict_per_control_pass_included() -> None:
    # Arrange
    rules = [
        rule(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 1_000}, rule_id="r-1"),
        rule(RuleType.PRICE_COLLAR, {"max_pct": "0.1"}, rule_id="r-2"),
        rule(RuleType.GROSS_EXPOSURE, {"max_gross": 1_000_000}, rule_id="r-3"),
        rule(RuleType.TRADING_HOURS, {}, rule_id="r-4"),
    ]

    # Act
    decision = decide(
        order("AAPL", BUY, 10, limit=100), view(account()), *rules, with_defaults=True
    )

    # Assert: guards first, then size controls, each once; the rules by what they say
    # (their type), never by their ids, then the defaults.
    assert controls(decision) == [
        "TradingStateControl",
        "ReduceOnlyFlag",
        "PriceCollar",
        "TradingHours",
        "SelfMatch",
        "GrossExposure",
        "MaxOrderQuantity",
        "BuyingPower",
        "SectorConcentration",
    ]
    assert all(v.outcome is Outcome.PASS and v.code is ReasonCode.OK for v in decision.verdicts)
    assert [v.rule_id for v in decision.verdicts][2:7] == ["r-2", "r-4", None, "r-3", "r-1"]


def test_every_control_runs_after_a_denial() -> None:
    # Arrange: halted, and the order also breaches the quantity limit.
    limit = rule(RuleType.MAX_ORDER_QUANTITY, {"max_quantity": 5})

    # Act
    decision = decide(order("AAPL", BUY, 10), view(account(), state=TradingState.HALTED), limit)

    # Assert
    assert decision.reasons == (ReasonCode.TRADING_HALTED, ReasonCode.MAX_ORDER_QUANTITY)


def test_a_zero_mark_is_not_a_reference_price() -> None:
    # Arrange: equity 100,000; a million AAPL at a bogus mark of 0.
    risk_view = view(account(), marks(AAPL=0))

    # Act
    decision = decide(order("AAPL", BUY, 1_000_000), risk_view, with_defaults=True)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.NO_REFERENCE_PRICE,)
