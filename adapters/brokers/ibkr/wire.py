"""The Client Portal API's JSON shapes mapped to the port's types, and orders to its body.

IBKR sends most quantities and prices as JSON numbers (`totalSize`, `position`, `avgPrice`
of positions) and some as strings (`price` and `commission` of trades): each is read as
Decimal from its shortest text (a float's repr), never through arithmetic on floats. Orders
go out with their quantity and prices as JSON numbers written from the Decimal's own digits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderType, Side, TimeInForce
from ports.trading.broker import BrokerAccount, BrokerOrder, BrokerOrderStatus, BrokerPosition

ZERO = Decimal(0)

# IBKR's order statuses (live orders' `status`, an order reply's `order_status`). PreSubmitted
# rests at IBKR (a stop not triggered, outside hours); Inactive is refused or not transmitted.
# An unknown status counts as open (fail closed: the order may still trade).
_STATUS = {
    "pendingsubmit": BrokerOrderStatus.ACCEPTED,
    "presubmitted": BrokerOrderStatus.ACCEPTED,
    "submitted": BrokerOrderStatus.ACCEPTED,
    "warnstate": BrokerOrderStatus.ACCEPTED,
    "filled": BrokerOrderStatus.FILLED,
    "pendingcancel": BrokerOrderStatus.PENDING_CANCEL,
    "cancelled": BrokerOrderStatus.CANCELED,
    "apicancelled": BrokerOrderStatus.CANCELED,
    "inactive": BrokerOrderStatus.REJECTED,
}
# Bulwark's order types -> the orderType the orders endpoint takes; live orders name them in
# `origOrderType` (MARKET, LIMIT, STOP, STOP_LIMIT).
_ORDER_TYPES = {
    OrderType.MARKET: "MKT",
    OrderType.LIMIT: "LMT",
    OrderType.STOP: "STP",
    OrderType.STOP_LIMIT: "STOP_LIMIT",
}
_LISTED_TYPES = {
    "market": OrderType.MARKET,
    "mkt": OrderType.MARKET,
    "limit": OrderType.LIMIT,
    "lmt": OrderType.LIMIT,
    "stop": OrderType.STOP,
    "stp": OrderType.STOP,
    "stop_limit": OrderType.STOP_LIMIT,
    "stop limit": OrderType.STOP_LIMIT,
}
# The tif values the orders endpoint documents (GTC, OPG, DAY, IOC, PAX): no FOK.
TIME_IN_FORCE = {TimeInForce.DAY: "DAY", TimeInForce.GTC: "GTC", TimeInForce.IOC: "IOC"}


def number(value: object) -> Decimal | None:
    """A number IBKR sent (JSON number or string) as Decimal; missing or blank is None."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    text = repr(value) if isinstance(value, float) else str(value).replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def amount(value: object) -> Decimal:
    found = number(value)
    return ZERO if found is None else found


def order_status(status: object, quantity: Decimal, filled: Decimal) -> BrokerOrderStatus:
    key = str(status or "").replace("_", "").replace(" ", "").lower()
    mapped = _STATUS.get(key, BrokerOrderStatus.ACCEPTED)
    if mapped is BrokerOrderStatus.ACCEPTED and ZERO < filled < quantity:
        return BrokerOrderStatus.PARTIALLY_FILLED
    return mapped


@dataclass(frozen=True, slots=True)
class OrderTerms:
    """What the broker sends of an order (a domain order's, or a closing order's)."""

    client_order_id: str
    account_id: str
    symbol: str
    side: Side
    order_type: OrderType
    quantity: Decimal
    time_in_force: TimeInForce = TimeInForce.DAY
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None

    @classmethod
    def of(cls, order: Order) -> OrderTerms:
        return cls(
            order.client_order_id,
            order.account_id,
            order.symbol,
            order.side,
            order.order_type,
            order.quantity,
            order.time_in_force,
            order.limit_price,
            order.stop_price,
        )


def order_body(order: OrderTerms, conid: int, account: str, *, outside_rth: bool = False) -> bytes:
    """The orders endpoint's body for one order, its numbers exactly the Decimal's digits."""
    entry: dict[str, Any] = {
        "acctId": account,
        "conid": conid,
        "secType": f"{conid}:STK",
        "cOID": order.client_order_id,
        "orderType": _ORDER_TYPES[order.order_type],
        "side": order.side.value.upper(),
        "quantity": order.quantity,
        "tif": TIME_IN_FORCE[order.time_in_force],
        "outsideRTH": outside_rth,
    }
    if order.order_type is OrderType.STOP:
        entry["price"] = order.stop_price  # a stop's trigger goes in `price`
    elif order.order_type in (OrderType.LIMIT, OrderType.STOP_LIMIT):
        entry["price"] = order.limit_price
        if order.order_type is OrderType.STOP_LIMIT:
            entry["auxPrice"] = order.stop_price
    return exact_json({"orders": [entry]})


def exact_json(payload: Any) -> bytes:
    """`payload` as JSON with each Decimal written as a number of its own digits."""
    decimals: list[Decimal] = []

    def mark(value: object) -> str:
        if not isinstance(value, Decimal):
            raise TypeError(f"{type(value).__name__} is not JSON")
        decimals.append(value)
        return f"\x00{len(decimals) - 1}\x00"

    text = json.dumps(payload, default=mark, separators=(",", ":"))
    for index, value in enumerate(decimals):
        text = text.replace(f'"\\u0000{index}\\u0000"', format(value, "f"))
    return text.encode()


def listed_order(found: dict[str, Any], account_id: str, symbol: str) -> BrokerOrder:
    """One of `/iserver/account/orders`' live orders as the port's BrokerOrder."""
    filled = amount(found.get("filledQuantity"))
    quantity = number(found.get("totalSize"))
    if quantity is None:
        quantity = filled + amount(found.get("remainingQuantity"))
    kind = _LISTED_TYPES.get(
        str(found.get("origOrderType") or found.get("orderType") or "market").lower(),
        OrderType.MARKET,
    )
    limited = kind in (OrderType.LIMIT, OrderType.STOP_LIMIT)
    stop = number(found.get("auxPrice"))
    if kind is OrderType.STOP and stop is None:
        stop = number(found.get("price"))
    average = number(found.get("avgPrice"))
    return BrokerOrder(
        broker_order_id=str(found["orderId"]),
        client_order_id=str(found.get("order_ref") or ""),
        account_id=account_id,
        symbol=symbol,
        side=_side(found.get("side")),
        order_type=kind,
        quantity=quantity,
        filled_quantity=filled,
        status=order_status(found.get("status"), quantity, filled),
        limit_price=number(found.get("price")) if limited else None,
        stop_price=stop if kind in (OrderType.STOP, OrderType.STOP_LIMIT) else None,
        average_fill_price=average if filled > ZERO else None,
    )


def placed_order(ack: dict[str, Any], order: OrderTerms) -> BrokerOrder:
    """The order as the reply to its placement tells: `order_id` and `order_status`."""
    status = order_status(ack.get("order_status"), order.quantity, ZERO)
    filled = order.quantity if status is BrokerOrderStatus.FILLED else ZERO
    return BrokerOrder(
        broker_order_id=str(ack["order_id"]),
        client_order_id=order.client_order_id,
        account_id=order.account_id,
        symbol=order.symbol,
        side=order.side,
        order_type=order.order_type,
        quantity=order.quantity,
        filled_quantity=filled,
        status=status,
        limit_price=order.limit_price,
        stop_price=order.stop_price,
    )


def position(found: dict[str, Any], account_id: str, symbol: str) -> BrokerPosition | None:
    """One of `/portfolio/{accountId}/positions/0`; None when it holds nothing."""
    quantity = amount(found.get("position"))
    if quantity == ZERO:
        return None
    return BrokerPosition(account_id, symbol, quantity, amount(found.get("avgPrice")))


def fill(trade: dict[str, Any], order_id: str, account_id: str, symbol: str) -> Fill:
    """One of `/iserver/account/trades`' executions as a domain Fill."""
    stamp = trade.get("trade_time_r")
    at = datetime.fromtimestamp(int(stamp) / 1000, UTC) if stamp is not None else datetime.now(UTC)
    return Fill(
        id=str(trade["execution_id"]),
        order_id=order_id,
        account_id=account_id,
        symbol=symbol,
        side=_side(trade.get("side")),
        quantity=amount(trade.get("size")),
        price=amount(trade.get("price")),
        at=at,
        commission=amount(trade.get("commission")),
    )


def account(summary: dict[str, Any], account_id: str, currency: str) -> BrokerAccount:
    """`/portfolio/{accountId}/summary`: total cash, net liquidation and buying power."""

    def value(key: str) -> Decimal:
        return amount((summary.get(key) or {}).get("amount"))

    found = (summary.get("netliquidation") or {}).get("currency") or currency
    return BrokerAccount(
        account_id,
        cash=value("totalcashvalue"),
        equity=value("netliquidation"),
        buying_power=value("buyingpower"),
        currency=str(found),
    )


def _side(value: object) -> Side:
    """BUY / SELL (orders) or B / S (trades)."""
    return Side.SELL if str(value or "").upper().startswith("S") else Side.BUY
