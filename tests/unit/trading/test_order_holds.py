"""A held order's reasons: what held it (`hold_reasons`) apart from what denied it
(`deny_reasons`), through approval, denial on approval, rejection and lapse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from domain.trading.orders import Order, OrderHeld, OrderStatus, Origin, OriginKind, Side

T0 = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
HOLD = ("MAX_ORDER_NOTIONAL",)


def held(reasons: tuple[str, ...] = HOLD) -> Order:
    order = Order("o1", "c1", "acc", "AAPL", Side.BUY, Decimal(50), Origin(OriginKind.AGENT, "a1"))
    order.hold(reasons, expires_at=T0)
    return order


def approved_and_filled(order: Order) -> None:
    order.approve_held("ro-1", name="rita", at=T0)
    order.mark_pending_submit()
    order.accept("b-1")
    order.apply_fill(order.quantity, Decimal(190))


def denied_on_approval(order: Order) -> None:
    order.approve_held("ro-1", at=T0)
    order.deny(("MAX_ORDER_QUANTITY",))


def rejected(order: Order) -> None:
    order.reject_held("ro-1", "not today", at=T0)


def lapsed(order: Order) -> None:
    order.expire(at=T0)


def approved_then_canceled(order: Order) -> None:
    order.approve_held("ro-1", at=T0)
    order.mark_pending_submit()
    order.accept("b-1")
    order.cancel(at=T0)


def approved_never_sent(order: Order) -> None:
    order.approve_held("ro-1", at=T0)
    order.mark_pending_submit()
    order.never_sent("NOT_AT_BROKER", at=T0)


# How each way out of a hold ends: its status and what denied or closed it.
ENDS: dict[Callable[[Order], None], tuple[OrderStatus, tuple[str, ...]]] = {
    approved_and_filled: (OrderStatus.FILLED, ()),
    denied_on_approval: (OrderStatus.DENIED, ("MAX_ORDER_QUANTITY",)),
    rejected: (OrderStatus.CANCELED, ("not today",)),
    lapsed: (OrderStatus.EXPIRED, ()),
    approved_then_canceled: (OrderStatus.CANCELED, ()),
    approved_never_sent: (OrderStatus.NEVER_SENT, ("NOT_AT_BROKER",)),
}


def test_a_held_order_is_held_not_denied() -> None:
    # Act
    order = held(("MAX_ORDER_NOTIONAL", "RESTRICTED_SYMBOLS"))

    # Assert
    assert order.status is OrderStatus.HELD
    assert order.deny_reasons == ()
    assert order.hold_reasons == ("MAX_ORDER_NOTIONAL", "RESTRICTED_SYMBOLS")
    [event] = order.events
    assert isinstance(event, OrderHeld)
    assert event.reasons == ("MAX_ORDER_NOTIONAL", "RESTRICTED_SYMBOLS")


def test_an_approved_and_filled_order_has_no_deny_reasons_and_keeps_its_hold() -> None:
    # Arrange
    order = held()

    # Act
    approved_and_filled(order)

    # Assert
    assert order.status is OrderStatus.FILLED
    assert (order.deny_reasons, order.hold_reasons) == ((), HOLD)
    assert [(a.approver_id, a.name) for a in order.approvals] == [("ro-1", "rita")]


def test_a_block_rule_on_approval_denies_with_its_codes_and_the_hold_stays() -> None:
    # Arrange
    order = held()

    # Act
    denied_on_approval(order)

    # Assert
    assert order.status is OrderStatus.DENIED
    assert (order.deny_reasons, order.hold_reasons) == (("MAX_ORDER_QUANTITY",), HOLD)


def test_a_rejected_hold_is_denied_by_the_reviewers_reason_and_keeps_its_hold() -> None:
    # Arrange
    order = held()

    # Act
    rejected(order)

    # Assert
    assert order.status is OrderStatus.CANCELED
    assert (order.deny_reasons, order.hold_reasons) == (("not today",), HOLD)


def test_a_lapsed_hold_keeps_its_hold_reasons() -> None:
    # Arrange
    order = held()

    # Act
    lapsed(order)

    # Assert
    assert order.status is OrderStatus.EXPIRED
    assert (order.deny_reasons, order.hold_reasons) == ((), HOLD)


def test_an_order_never_held_has_no_hold_reasons() -> None:
    # Arrange
    order = Order("o2", "c2", "acc", "AAPL", Side.BUY, Decimal(1), Origin(OriginKind.USER, "u"))

    # Act
    order.deny(("MAX_POSITION",))

    # Assert
    assert (order.deny_reasons, order.hold_reasons) == (("MAX_POSITION",), ())


@given(
    reasons=st.lists(st.sampled_from(["MAX_ORDER_NOTIONAL", "RESTRICTED_SYMBOLS", "MAX_POSITION"]))
    .filter(bool)
    .map(tuple),
    end=st.sampled_from(list(ENDS)),
)
def test_whatever_follows_a_hold_its_reasons_stay_and_only_a_denial_or_close_names_more(
    reasons: tuple[str, ...], end: Callable[[Order], None]
) -> None:
    # Arrange
    order = held(reasons)

    # Act
    end(order)

    # Assert
    assert order.hold_reasons == reasons
    assert (order.status, order.deny_reasons) == ENDS[end]
