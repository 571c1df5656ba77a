"""Drop copy messages (domain/drop_copy/messages.py): what each event becomes, and ids that
stay the same whenever the same event is copied again."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.drop_copy.messages import (
    NAMESPACE,
    SCHEMA,
    CopyKind,
    OrderFacts,
    copy_of,
    decimal_text,
    lifecycle_order,
    message_id,
    with_sent_at,
)
from domain.killswitch.switch import EmergencyHalt
from domain.trading.fills import Fill, FillBooked
from domain.trading.orders import (
    Channel,
    Order,
    OrderAccepted,
    OrderApprovalRecorded,
    OrderCanceled,
    OrderDenied,
    OrderFilled,
    OrderType,
    Origin,
    OriginKind,
    Side,
)

T0 = datetime(2026, 3, 2, 14, 30, 0, 123456, tzinfo=UTC)
LATER = T0 + timedelta(milliseconds=3)
KEYS = {
    "schema", "v", "id", "kind", "event_at", "recorded_at", "account_id", "order_id",
    "client_order_id", "broker", "broker_order_id", "symbol", "side", "order_type",
    "time_in_force", "quantity", "limit_price", "stop_price", "status", "filled_quantity",
    "fill_id", "fill_quantity", "fill_price", "commission", "reasons", "actor", "origin",
}  # fmt: skip


def order(**changes: object) -> Order:
    fields: dict[str, object] = {
        "id": "o-1",
        "client_order_id": "c-1",
        "account_id": "acc-1",
        "symbol": "AAPL",
        "side": Side.BUY,
        "quantity": Decimal("10"),
        "origin": Origin(OriginKind.AGENT, "agent-7", Channel.MCP),
        "order_type": OrderType.LIMIT,
        "limit_price": Decimal("187.50"),
        "broker": "alpaca",
        "created_at": T0,
    }
    fields.update(changes)
    return Order(**fields)  # type: ignore[arg-type]


FACTS = OrderFacts.of(order())


def fill_booked(fill_id: str = "f-1", quantity: str = "4", price: str = "1.875E+2") -> FillBooked:
    fill = Fill(
        fill_id, "o-1", "acc-1", "AAPL", Side.BUY, Decimal(quantity), Decimal(price), T0,
        commission=Decimal("0.0100"),
    )  # fmt: skip
    return FillBooked("acc-1", fill, owner_id="u-1", order_id="o-1")


def document(event: object, facts: OrderFacts | None = FACTS) -> dict[str, object]:
    message = copy_of(event, facts, LATER)  # type: ignore[arg-type]
    assert message is not None
    decoded: dict[str, object] = json.loads(message.body)
    return decoded


def test_a_fill_tells_the_order_its_origin_and_the_execution_as_decimal_strings() -> None:
    # Act
    doc = document(fill_booked())

    # Assert
    assert set(doc) == KEYS
    assert (doc["schema"], doc["v"], doc["kind"]) == (SCHEMA, 1, "fill")
    assert (doc["order_id"], doc["client_order_id"], doc["account_id"]) == ("o-1", "c-1", "acc-1")
    assert (doc["symbol"], doc["side"], doc["quantity"], doc["limit_price"]) == (
        "AAPL", "buy", "10", "187.5"
    )  # fmt: skip
    assert (doc["fill_id"], doc["fill_quantity"], doc["fill_price"], doc["commission"]) == (
        "f-1", "4", "187.5", "0.01"
    )  # fmt: skip
    assert doc["origin"] == {"kind": "agent", "id": "agent-7", "channel": "mcp"}
    assert doc["broker"] == "alpaca"
    assert doc["event_at"] == "2026-03-02T14:30:00.123456+00:00"  # the execution's time
    assert doc["recorded_at"] == "2026-03-02T14:30:00.126456+00:00"


def test_the_same_event_copied_again_has_the_same_id_and_body() -> None:
    # Arrange
    event = fill_booked()

    # Act
    first = copy_of(event, FACTS, LATER)
    again = copy_of(fill_booked(), FACTS, LATER)

    # Assert
    assert first is not None and again is not None
    assert first.id == again.id == message_id(CopyKind.FILL, "acc-1", "", "f-1")
    assert first.id == str(uuid.uuid5(NAMESPACE, "fill|acc-1||f-1"))  # the documented UUIDv5
    assert first.body == again.body
    assert first.order_key == "o-1"  # a fill goes in turn with its order's events


def test_each_fill_and_each_partial_fill_of_an_order_has_an_id_of_its_own() -> None:
    # Arrange
    partial = OrderFilled("o-1", "acc-1", "AAPL", "buy", Decimal(4), Decimal(100), Decimal(4),
                          "partially_filled")  # fmt: skip
    second = OrderFilled("o-1", "acc-1", "AAPL", "buy", Decimal(3), Decimal(100), Decimal(7),
                         "partially_filled")  # fmt: skip
    last = OrderFilled("o-1", "acc-1", "AAPL", "buy", Decimal(3), Decimal(100), Decimal(10),
                       "filled")  # fmt: skip

    # Act
    messages = [copy_of(e, FACTS, LATER) for e in (partial, second, last, fill_booked("f-2"))]

    # Assert
    assert all(m is not None for m in messages)
    ids = [m.id for m in messages if m is not None]
    assert len(set(ids)) == 4
    kinds = [m.kind for m in messages if m is not None]
    assert kinds[:3] == [
        CopyKind.ORDER_PARTIALLY_FILLED, CopyKind.ORDER_PARTIALLY_FILLED, CopyKind.ORDER_FILLED
    ]  # fmt: skip
    doc = document(second)
    assert (doc["fill_quantity"], doc["filled_quantity"], doc["status"]) == (
        "3", "7", "partially_filled"
    )  # fmt: skip


def test_order_events_tell_their_reasons_actor_and_broker_order_id() -> None:
    # Act
    denied = document(OrderDenied("o-1", "acc-1", ("MAX_NOTIONAL", "TRADING_HALTED")))
    accepted = document(
        OrderAccepted("o-1", "acc-1", "B-77", at=T0, quantity=Decimal(8), order_type="limit"),
        FACTS,
    )
    approvals = [
        document(OrderApprovalRecorded("o-1", "acc-1", f"ro-{n}", n, 2, T0)) for n in (1, 2)
    ]
    canceled = document(OrderCanceled("o-1", "acc-1", at=T0, requested=False))

    # Assert
    assert (denied["kind"], denied["status"], denied["reasons"]) == (
        "order.denied", "denied", ["MAX_NOTIONAL", "TRADING_HALTED"]
    )  # fmt: skip
    assert denied["event_at"] == denied["recorded_at"]  # the event carries no time of its own
    assert (accepted["broker_order_id"], accepted["quantity"], accepted["event_at"]) == (
        "B-77", "8", "2026-03-02T14:30:00.123456+00:00"
    )  # fmt: skip
    assert [a["actor"] for a in approvals] == ["ro-1", "ro-2"]
    assert approvals[0]["id"] != approvals[1]["id"]
    assert (canceled["kind"], canceled["status"]) == ("order.canceled", "canceled")


def test_an_event_of_an_order_not_found_still_tells_what_the_event_carries() -> None:
    # Act
    doc = document(OrderCanceled("o-gone", "acc-1", at=T0), None)
    fill = document(FillBooked("acc-1", fill_booked().fill), None)

    # Assert
    assert (doc["order_id"], doc["client_order_id"], doc["origin"]) == ("o-gone", None, None)
    assert (fill["order_id"], fill["symbol"], fill["fill_id"]) == (None, "AAPL", "f-1")


def test_events_that_are_not_about_orders_or_fills_are_not_copied() -> None:
    # Act
    copied = copy_of(EmergencyHalt("global", "manual", "u-1", "drill"), None, LATER)

    # Assert
    assert copied is None


def test_decimals_are_plain_and_sent_at_joins_the_document() -> None:
    # Act
    texts = [decimal_text(Decimal(v)) for v in ("1.875E+2", "100.000", "-0", "0.00001")]
    message = copy_of(fill_booked(), FACTS, LATER)
    assert message is not None
    sent = json.loads(with_sent_at(message.body, LATER + timedelta(seconds=1)))

    # Assert
    assert texts == ["187.5", "100", "0", "0.00001"]
    assert sent["sent_at"] == "2026-03-02T14:30:01.126456+00:00"
    assert sent["id"] == message.id


def test_a_commits_fills_follow_their_orders_fill_events_and_nothing_else_moves() -> None:
    # Arrange: the order path may record the account's fills before the order's events
    accepted = OrderAccepted("o-1", "acc-1", "B-1", at=T0)
    first = OrderFilled("o-1", "acc-1", "AAPL", "buy", Decimal(4), Decimal(100), Decimal(4),
                        "partially_filled")  # fmt: skip
    second = OrderFilled("o-1", "acc-1", "AAPL", "buy", Decimal(6), Decimal(100), Decimal(10),
                         "filled")  # fmt: skip
    f1, f2 = fill_booked("f-1", "4", "100"), fill_booked("f-2", "6", "100")
    other = OrderCanceled("o-2", "acc-1", at=T0)
    unknown = FillBooked("acc-1", fill_booked("f-9").fill)  # its order not known

    # Act
    ordered = lifecycle_order([f1, unknown, f2, accepted, first, other, second])
    already = lifecycle_order([accepted, first, f1, second, f2])

    # Assert
    assert ordered == [unknown, accepted, first, f1, other, second, f2]
    assert already == [accepted, first, f1, second, f2]
