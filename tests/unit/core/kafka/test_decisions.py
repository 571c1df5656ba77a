"""Order decisions: built from the order so a replay says what the first answer said."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.kafka.envelope import (
    EMPTY_MESSAGE,
    INVALID_JSON,
    SCHEMA_VIOLATION,
    DecisionCodec,
    Envelope,
    OrderDecisionMessage,
    PoisonMessage,
    SubmitOrderCommand,
)
from application.trading.orders import OrderResult
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict
from domain.trading.orders import Order, OrderStatus, Origin, OriginKind, Side

TS = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _order(quantity: str = "10") -> Order:
    return Order(
        id="ord-1",
        client_order_id="cl-1",
        account_id="acc-1",
        symbol="AAPL",
        side=Side.BUY,
        quantity=Decimal(quantity),
        origin=Origin(OriginKind.AGENT, "agent-7"),
    )


def _envelope() -> Envelope:
    order = SubmitOrderCommand("AAPL", Side.BUY, Decimal("10"))
    return Envelope("msg-9", 1, "agent-7", TS, "acc-1", order, correlation_id="corr-1")


def _decision(approved: bool, quantity: str) -> Decision:
    outcome, code = (
        (Outcome.PASS, ReasonCode.OK) if approved else (Outcome.DENY, ReasonCode.MAX_POSITION)
    )
    verdict = Verdict(code, outcome, "position", None, "limit")
    return Decision(approved, Decimal("10"), Decimal(quantity), (verdict,))


def test_a_reduced_approval_reports_requested_and_decided_quantities() -> None:
    # Arrange
    order = _order()
    order.mark_pending_submit(Decimal("4"))

    # Act
    message = OrderDecisionMessage.from_result(
        _envelope(), OrderResult(order, _decision(True, "4")), TS
    )

    # Assert
    assert message.message_id == "msg-9"
    assert message.correlation_id == "corr-1"
    assert (message.order_id, message.client_order_id) == ("ord-1", "cl-1")
    assert message.approved
    assert message.status is OrderStatus.PENDING_SUBMIT
    assert (message.requested_quantity, message.decided_quantity) == (Decimal(10), Decimal(4))
    assert message.reason_codes == []
    assert not message.replayed


def test_a_denial_and_its_replay_report_the_same_reasons() -> None:
    # Arrange
    order = _order()
    order.deny(("MAX_POSITION",))

    # Act
    first = OrderDecisionMessage.from_result(
        _envelope(), OrderResult(order, _decision(False, "0")), TS
    )
    replay = OrderDecisionMessage.from_result(
        _envelope(), OrderResult(order, None, replayed=True), TS
    )

    # Assert
    assert not first.approved and not replay.approved
    assert first.reason_codes == replay.reason_codes == ["MAX_POSITION"]
    assert first.decided_quantity == replay.decided_quantity == Decimal(0)
    assert replay.replayed and not first.replayed


def test_a_held_order_and_its_replay_are_not_approved_and_name_what_holds_it() -> None:
    # Arrange
    order = _order()
    order.hold(("MAX_ORDER_NOTIONAL",))
    hold = Verdict(ReasonCode.MAX_ORDER_NOTIONAL, Outcome.HOLD, "notional", "r-1", "above")
    decision = Decision(True, Decimal("10"), Decimal("10"), (hold,))

    # Act
    first = OrderDecisionMessage.from_result(_envelope(), OrderResult(order, decision), TS)
    replay = OrderDecisionMessage.from_result(
        _envelope(), OrderResult(order, None, replayed=True), TS
    )

    # Assert
    assert not first.approved and not replay.approved
    assert first.status is replay.status is OrderStatus.HELD
    assert first.reason_codes == replay.reason_codes == ["MAX_ORDER_NOTIONAL"]
    assert first.hold_reasons == replay.hold_reasons == ["MAX_ORDER_NOTIONAL"]
    assert first.decided_quantity == replay.decided_quantity == Decimal(0)


def test_the_replay_of_an_order_held_then_approved_names_no_denial_only_its_hold() -> None:
    # Arrange: held, approved by a person, sent and filled
    order = _order()
    order.hold(("MAX_ORDER_NOTIONAL",))
    order.approve_held("ro-1")
    order.mark_pending_submit()
    order.accept("b-1")
    order.apply_fill(order.quantity, Decimal("190"))

    # Act
    replay = OrderDecisionMessage.from_result(
        _envelope(), OrderResult(order, None, replayed=True), TS
    )
    decoded = DecisionCodec().decode(DecisionCodec().encode(replay))

    # Assert
    assert replay.approved and replay.status is OrderStatus.FILLED
    assert (replay.reason_codes, replay.hold_reasons) == ([], ["MAX_ORDER_NOTIONAL"])
    assert decoded.hold_reasons == ["MAX_ORDER_NOTIONAL"]


def test_a_decision_survives_a_round_trip_keyed_by_client_order_id() -> None:
    # Arrange
    codec = DecisionCodec()
    order = _order()
    order.deny(("MAX_POSITION", "ORDER_RATE"))
    message = OrderDecisionMessage.from_result(
        _envelope(), OrderResult(order, None, replayed=True), TS
    )

    # Act
    value = codec.encode(message)
    decoded = codec.decode(value)

    # Assert
    assert decoded == message
    assert codec.key_of(message) == b"cl-1"
    assert json.loads(value)["requested_quantity"] == "10"


@pytest.mark.parametrize(
    ("value", "code"), [(None, EMPTY_MESSAGE), (b"{", INVALID_JSON), (b"{}", SCHEMA_VIOLATION)]
)
def test_a_bad_decision_record_is_poison(value: bytes | None, code: str) -> None:
    # Act
    with pytest.raises(PoisonMessage) as caught:
        DecisionCodec().decode(value)

    # Assert
    assert caught.value.code == code
