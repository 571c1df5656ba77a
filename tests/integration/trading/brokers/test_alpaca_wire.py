"""Alpaca wire shapes: documented fixtures decode, statuses map, requests keep exact values."""

from __future__ import annotations

import json
from decimal import Decimal

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.brokers.alpaca import wire
from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side, TimeInForce
from ports.trading.broker import BrokerOrderStatus
from tests.alpaca_server import fixture

D = Decimal
S = BrokerOrderStatus

ALPACA_STATUSES = [
    ("new", S.ACCEPTED),
    ("accepted", S.ACCEPTED),
    ("pending_new", S.ACCEPTED),
    ("accepted_for_bidding", S.ACCEPTED),
    ("held", S.ACCEPTED),
    ("suspended", S.ACCEPTED),
    ("stopped", S.ACCEPTED),
    ("pending_replace", S.ACCEPTED),
    ("done_for_day", S.ACCEPTED),
    ("calculated", S.ACCEPTED),
    ("partially_filled", S.PARTIALLY_FILLED),
    ("filled", S.FILLED),
    ("pending_cancel", S.PENDING_CANCEL),
    ("canceled", S.CANCELED),
    ("replaced", S.CANCELED),
    ("expired", S.EXPIRED),
    ("rejected", S.REJECTED),
]
_TERMINAL = {"filled", "canceled", "replaced", "expired", "rejected"}


def _order(**terms: object) -> Order:
    base: dict[str, object] = {
        "id": "ord-1",
        "client_order_id": "cl-1",
        "account_id": "acc-1",
        "symbol": "AAPL",
        "side": Side.BUY,
        "quantity": D(10),
        "origin": Origin(OriginKind.USER, "u-1"),
    }
    return Order(**{**base, **terms})  # type: ignore[arg-type]


@pytest.mark.parametrize(("status", "expected"), ALPACA_STATUSES)
def test_every_documented_status_maps(status: str, expected: BrokerOrderStatus) -> None:
    assert wire.order_status(status, D(10), D(0)) is expected


def test_an_unknown_status_counts_as_open_so_the_kill_switch_keeps_at_it() -> None:
    assert wire.order_status("some_future_status", D(10), D(0)).is_open


@pytest.mark.parametrize("status", ["new", "accepted", "done_for_day", "held", "stopped"])
def test_a_working_order_with_fills_is_partially_filled(status: str) -> None:
    assert wire.order_status(status, D(10), D(4)) is S.PARTIALLY_FILLED


def test_calculated_and_fully_filled_is_filled() -> None:
    assert wire.order_status("calculated", D(10), D(10)) is S.FILLED


@given(
    st.sampled_from([s for s, _ in ALPACA_STATUSES]),
    st.decimals(min_value=1, max_value=10_000, places=2),
    st.decimals(min_value=0, max_value=1, places=2),
)
def test_only_terminal_or_fully_calculated_orders_are_closed(
    status: str, quantity: Decimal, filled_share: Decimal
) -> None:
    # Arrange
    filled = quantity * filled_share
    done = status in _TERMINAL or (status == "calculated" and filled >= quantity)

    # Act
    mapped = wire.order_status(status, quantity, filled)

    # Assert
    assert mapped.is_open is not done


def test_the_documented_order_decodes_to_a_broker_order() -> None:
    # Arrange
    raw = json.dumps(fixture("order")).encode()

    # Act
    order = wire.ORDER.decode(raw).to_domain("acc-1")

    # Assert
    assert order.broker_order_id == "61e69015-8549-4bfd-b9c3-01e75843f47d"
    assert order.client_order_id == "eb9e2aaa-f71a-4f51-b5b4-52a6c565dad4"
    assert (order.account_id, order.symbol, order.side) == ("acc-1", "AAPL", Side.BUY)
    assert (order.order_type, order.quantity, order.filled_quantity) == (
        OrderType.MARKET,
        D(15),
        D(0),
    )
    assert order.status is S.ACCEPTED
    assert order.limit_price is None
    assert order.average_fill_price is None


def test_the_documented_position_and_account_decode() -> None:
    # Arrange
    short = {**fixture("position"), "qty": "-5", "side": "short"}

    # Act
    [long_, short_] = wire.POSITIONS.decode(json.dumps([fixture("position"), short]))
    account = wire.ACCOUNT.decode(json.dumps(fixture("account"))).to_domain("acc-1")

    # Assert
    assert long_.to_domain("acc-1").quantity == D(5)
    assert long_.to_domain("acc-1").average_price == D(100)
    assert short_.to_domain("acc-1").quantity == D(-5)
    assert (account.cash, account.equity, account.buying_power) == (
        D(100_000),
        D(100_000),
        D(200_000),
    )
    assert account.currency == "USD"


def test_an_order_with_an_unknown_side_is_malformed() -> None:
    raw = json.dumps({**fixture("order"), "side": "sideways"})
    with pytest.raises(msgspec.ValidationError):
        wire.ORDER.decode(raw)


def test_a_stream_fill_and_its_rest_activity_share_one_execution_id() -> None:
    # Arrange
    message = wire.MESSAGE.decode(json.dumps(fixture("trade_update_fill")))
    update = wire.trade_update(message.data)
    [activity] = wire.ACTIVITIES.decode(json.dumps([fixture("activity_fill")]))

    # Act
    streamed = wire.fill_from_update(update, "ord-1", "acc-1", update.timestamp)  # type: ignore[arg-type]
    polled = wire.fill_from_activity(activity, "ord-1", "acc-1")

    # Assert
    assert streamed is not None
    assert streamed == polled
    assert (streamed.quantity, streamed.price, streamed.side) == (D(2), D("174.78"), Side.BUY)


def test_only_fill_events_become_fills() -> None:
    data = fixture("trade_update_fill")["data"]
    update = wire.trade_update({**data, "event": "canceled"})
    assert wire.fill_from_update(update, "o", "a", update.timestamp) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "tif", "limit", "stop"),
    [
        (OrderType.MARKET, TimeInForce.DAY, None, None),
        (OrderType.LIMIT, TimeInForce.GTC, D("95.5"), None),
        (OrderType.STOP, TimeInForce.DAY, None, D("105")),
        (OrderType.STOP_LIMIT, TimeInForce.GTC, D("106.25"), D("105")),
        (OrderType.LIMIT, TimeInForce.IOC, D("95"), None),
        (OrderType.LIMIT, TimeInForce.FOK, D("95"), None),
    ],
)
def test_the_request_uses_alpacas_names_and_string_numbers(
    kind: OrderType, tif: TimeInForce, limit: Decimal | None, stop: Decimal | None
) -> None:
    # Arrange
    order = _order(order_type=kind, time_in_force=tif, limit_price=limit, stop_price=stop)

    # Act
    body = msgspec.to_builtins(wire.OrderRequest.from_domain(order))

    # Assert
    expected = {
        "symbol": "AAPL",
        "qty": "10",
        "side": "buy",
        "type": kind.value,
        "time_in_force": tif.value,
        "client_order_id": "cl-1",
    }
    if limit is not None:
        expected["limit_price"] = str(limit)
    if stop is not None:
        expected["stop_price"] = str(stop)
    assert body == expected


@given(
    st.decimals(min_value=D("0.000001"), max_value=D(10**9), places=6),
    st.decimals(min_value=D("0.0001"), max_value=D(10**6), places=4),
)
def test_request_numbers_round_trip_exactly_without_exponents(
    quantity: Decimal, price: Decimal
) -> None:
    # Arrange
    order = _order(quantity=quantity, order_type=OrderType.LIMIT, limit_price=price)

    # Act
    body = wire.OrderRequest.from_domain(order)

    # Assert
    assert "E" not in body.qty and "E" not in (body.limit_price or "")
    assert D(body.qty) == quantity
    assert D(body.limit_price or "nan") == price
