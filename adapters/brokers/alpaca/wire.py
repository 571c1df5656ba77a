"""Alpaca trading API v2 wire shapes (msgspec) and their mapping to the broker port's types."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Literal

import msgspec

from domain.trading.fills import Fill
from domain.trading.orders import Order, OrderType, Side
from ports.trading.broker import (
    BrokerAccount,
    BrokerOrder,
    BrokerOrderStatus,
    BrokerPosition,
)

ZERO = Decimal(0)

# Alpaca's order statuses (docs: "Order Lifecycle") -> the port's vocabulary. Anything
# still working, held or suspended counts as open, so the kill switch keeps cancelling it.
_STATUS: dict[str, BrokerOrderStatus] = {
    "new": BrokerOrderStatus.ACCEPTED,
    "accepted": BrokerOrderStatus.ACCEPTED,
    "pending_new": BrokerOrderStatus.ACCEPTED,
    "accepted_for_bidding": BrokerOrderStatus.ACCEPTED,
    "held": BrokerOrderStatus.ACCEPTED,
    "suspended": BrokerOrderStatus.ACCEPTED,
    "stopped": BrokerOrderStatus.ACCEPTED,
    "pending_replace": BrokerOrderStatus.ACCEPTED,
    "done_for_day": BrokerOrderStatus.ACCEPTED,
    "calculated": BrokerOrderStatus.ACCEPTED,
    "partially_filled": BrokerOrderStatus.PARTIALLY_FILLED,
    "filled": BrokerOrderStatus.FILLED,
    "pending_cancel": BrokerOrderStatus.PENDING_CANCEL,
    "canceled": BrokerOrderStatus.CANCELED,
    # A replaced order is closed; its replacement is a new order with its own id.
    "replaced": BrokerOrderStatus.CANCELED,
    "expired": BrokerOrderStatus.EXPIRED,
    "rejected": BrokerOrderStatus.REJECTED,
}


def order_status(status: str, quantity: Decimal, filled: Decimal) -> BrokerOrderStatus:
    """Map an Alpaca status; an unknown one is open (fail closed: it may still trade)."""
    mapped = _STATUS.get(status, BrokerOrderStatus.ACCEPTED)
    if status == "calculated" and quantity > ZERO and filled >= quantity:
        return BrokerOrderStatus.FILLED
    if mapped is BrokerOrderStatus.ACCEPTED and filled > ZERO:
        return BrokerOrderStatus.PARTIALLY_FILLED
    return mapped


class OrderRequest(msgspec.Struct, omit_defaults=True):
    """POST /v2/orders body; quantities and prices travel as strings."""

    symbol: str
    qty: str
    side: str
    type: str
    time_in_force: str
    client_order_id: str
    limit_price: str | None = None
    stop_price: str | None = None

    @classmethod
    def from_domain(cls, order: Order) -> OrderRequest:
        return cls(
            symbol=order.symbol,
            qty=_text(order.quantity),
            side=order.side.value,
            type=order.order_type.value,
            time_in_force=order.time_in_force.value,
            client_order_id=order.client_order_id,
            limit_price=_text(order.limit_price) if order.limit_price is not None else None,
            stop_price=_text(order.stop_price) if order.stop_price is not None else None,
        )


class AlpacaOrder(msgspec.Struct):
    """An order as Alpaca returns it (the fields Bulwark reads)."""

    id: str
    client_order_id: str
    symbol: str
    side: Literal["buy", "sell"]
    status: str
    type: str | None = None
    order_type: str | None = None
    qty: Decimal | None = None
    notional: Decimal | None = None
    filled_qty: Decimal = ZERO
    filled_avg_price: Decimal | None = None
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    time_in_force: str | None = None
    submitted_at: datetime | None = None

    def to_domain(self, account_id: str) -> BrokerOrder:
        quantity = self.qty if self.qty is not None else self.filled_qty
        return BrokerOrder(
            broker_order_id=self.id,
            client_order_id=self.client_order_id,
            account_id=account_id,
            symbol=self.symbol,
            side=Side(self.side),
            order_type=_order_type(self.type or self.order_type),
            quantity=quantity,
            filled_quantity=self.filled_qty,
            status=order_status(self.status, quantity, self.filled_qty),
            limit_price=self.limit_price,
            stop_price=self.stop_price,
            average_fill_price=self.filled_avg_price,
        )


class AlpacaPosition(msgspec.Struct):
    symbol: str
    qty: Decimal
    avg_entry_price: Decimal
    side: str = "long"

    def to_domain(self, account_id: str) -> BrokerPosition:
        # Alpaca signs qty for shorts already; trust `side` when an old answer does not.
        quantity = -abs(self.qty) if self.side == "short" else self.qty
        return BrokerPosition(account_id, self.symbol, quantity, self.avg_entry_price)


class AlpacaAccount(msgspec.Struct):
    id: str
    cash: Decimal
    equity: Decimal
    buying_power: Decimal
    currency: str = "USD"
    status: str = "ACTIVE"

    def to_domain(self, account_id: str) -> BrokerAccount:
        return BrokerAccount(account_id, self.cash, self.equity, self.buying_power, self.currency)


class OrderStatusItem(msgspec.Struct):
    """One entry of DELETE /v2/orders' 207 answer: the cancel of order `id`."""

    id: str
    status: int
    body: Any = None


class PositionStatusItem(msgspec.Struct):
    """One entry of DELETE /v2/positions' 207 answer: the closing of `symbol`."""

    symbol: str
    status: int
    body: Any = None


class FillActivity(msgspec.Struct):
    """GET /v2/account/activities/FILL entry; its id is "<time>::<execution id>"."""

    id: str
    transaction_time: datetime
    type: str
    price: Decimal
    qty: Decimal
    side: Literal["buy", "sell"]
    symbol: str
    order_id: str

    @property
    def execution_id(self) -> str:
        return self.id.rpartition("::")[2]


class TradeUpdate(msgspec.Struct):
    """The `data` of a trade_updates message."""

    event: str
    order: AlpacaOrder
    execution_id: str | None = None
    timestamp: datetime | None = None
    price: Decimal | None = None
    qty: Decimal | None = None


class StreamMessage(msgspec.Struct):
    """Any message on the trading stream: authorization, listening or trade_updates."""

    stream: str
    data: Any = None


ORDER = msgspec.json.Decoder(AlpacaOrder)
ORDERS = msgspec.json.Decoder(list[AlpacaOrder])
POSITIONS = msgspec.json.Decoder(list[AlpacaPosition])
ACCOUNT = msgspec.json.Decoder(AlpacaAccount)
CANCELS = msgspec.json.Decoder(list[OrderStatusItem])
CLOSES = msgspec.json.Decoder(list[PositionStatusItem])
ACTIVITIES = msgspec.json.Decoder(list[FillActivity])
MESSAGE = msgspec.json.Decoder(StreamMessage)


def order_body(body: Any) -> AlpacaOrder | None:
    """The order inside a 207 entry's body, None when the body is an error or unreadable."""
    try:
        return msgspec.convert(body, AlpacaOrder)
    except msgspec.ValidationError:
        return None


def error_message(body: Any, status: int) -> str:
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])
    return f"HTTP {status}"


def trade_update(data: Any) -> TradeUpdate:
    """Convert a trade_updates payload; raises msgspec.ValidationError when it is not one."""
    return msgspec.convert(data, TradeUpdate)


def fill_from_update(
    update: TradeUpdate, order_id: str, account_id: str, at: datetime
) -> Fill | None:
    """A fill or partial_fill event as a domain Fill (its own size and price), else None."""
    if update.event not in ("fill", "partial_fill"):
        return None
    if update.execution_id is None or update.qty is None or update.price is None:
        return None
    return Fill(
        id=update.execution_id,
        order_id=order_id,
        account_id=account_id,
        symbol=update.order.symbol,
        side=Side(update.order.side),
        quantity=abs(update.qty),
        price=update.price,
        at=_utc(update.timestamp or at),
    )


def fill_from_activity(activity: FillActivity, order_id: str, account_id: str) -> Fill:
    return Fill(
        id=activity.execution_id,
        order_id=order_id,
        account_id=account_id,
        symbol=activity.symbol,
        side=Side(activity.side),
        quantity=abs(activity.qty),
        price=activity.price,
        at=_utc(activity.transaction_time),
    )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _order_type(value: str | None) -> OrderType:
    try:
        return OrderType(value or "market")
    except ValueError:
        # trailing_stop has no domain twin; it behaves as a stop.
        return OrderType.STOP


def _text(value: Decimal) -> str:
    """A Decimal as Alpaca wants it: plain notation, no exponent."""
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
