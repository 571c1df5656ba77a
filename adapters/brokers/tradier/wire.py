"""Tradier brokerage API shapes (msgspec) and their mapping to the broker port's types.

Documented quirks handled here: an empty list is the string "null" ({"orders": "null"},
{"positions": "null"}), and a list of one is that one object, not a list. Numbers come as
JSON numbers; they are decoded straight from the text into Decimal, never through float.
"""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import TypeVar

import msgspec

from domain.trading.fills import Fill
from domain.trading.orders import OrderType, Side, TimeInForce
from ports.trading.broker import (
    BrokerAccount,
    BrokerError,
    BrokerErrorCode,
    BrokerOrder,
    BrokerOrderStatus,
    BrokerPosition,
)

T = TypeVar("T")
ZERO = Decimal(0)
# An option's quantity is in contracts of 100 shares; its prices are per share.
OPTION_MULTIPLIER = Decimal(100)

# Tradier's order statuses -> the port's. Unknown ones are open (fail closed: they may trade).
_STATUS: dict[str, BrokerOrderStatus] = {
    "open": BrokerOrderStatus.ACCEPTED,
    "pending": BrokerOrderStatus.ACCEPTED,
    "calculated": BrokerOrderStatus.ACCEPTED,
    "accepted_for_bidding": BrokerOrderStatus.ACCEPTED,
    "held": BrokerOrderStatus.ACCEPTED,
    "partially_filled": BrokerOrderStatus.PARTIALLY_FILLED,
    "filled": BrokerOrderStatus.FILLED,
    "expired": BrokerOrderStatus.EXPIRED,
    "canceled": BrokerOrderStatus.CANCELED,
    "rejected": BrokerOrderStatus.REJECTED,
    "error": BrokerOrderStatus.REJECTED,
}
_DURATIONS = {TimeInForce.DAY: "day", TimeInForce.GTC: "gtc"}
# An OCC option symbol: root (1-6), expiry YYMMDD, C or P, strike x 1000 in 8 digits.
_OCC = re.compile(r"^([A-Z]{1,6})(\d{6})([CP])(\d{8})$")
# A tag is letters, digits and dashes (at most 255); a client order id made of words of
# letters and digits joined by single dashes is its own tag, any other is encoded.
_PLAIN_TAG = re.compile(r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
_ENCODED = "b32--"  # holds "--", which no plain tag does
MAX_TAG = 255


def order_status(status: str, filled: Decimal) -> BrokerOrderStatus:
    mapped = _STATUS.get(status, BrokerOrderStatus.ACCEPTED)
    if mapped is BrokerOrderStatus.ACCEPTED and filled > ZERO:
        return BrokerOrderStatus.PARTIALLY_FILLED
    return mapped


def underlying(symbol: str) -> str | None:
    """The underlying of an OCC option symbol ("AAPL250117C00150000" -> "AAPL"), else None."""
    found = _OCC.match(symbol)
    return found.group(1) if found else None


def to_tag(client_order_id: str) -> str:
    """The Tradier tag carrying a client order id (reversible: see `from_tag`)."""
    if _PLAIN_TAG.match(client_order_id) and len(client_order_id) <= MAX_TAG:
        return client_order_id
    encoded = base64.b32encode(client_order_id.encode()).decode().rstrip("=")
    tag = _ENCODED + encoded
    if len(tag) > MAX_TAG:
        raise BrokerError(
            BrokerErrorCode.REJECTED,
            f"tradier: client order id {client_order_id[:40]!r}... is too long for a tag",
        )
    return tag


def from_tag(tag: str | None) -> str:
    """The client order id a tag carries ('' when the order has none)."""
    if not tag:
        return ""
    if not tag.startswith(_ENCODED):
        return tag
    body = tag.removeprefix(_ENCODED)
    try:
        return base64.b32decode(body + "=" * (-len(body) % 8)).decode()
    except ValueError:
        return tag


def order_form(
    symbol: str,
    side: Side,
    quantity: Decimal,
    client_order_id: str,
    *,
    held: Decimal,
    order_type: OrderType = OrderType.MARKET,
    time_in_force: TimeInForce = TimeInForce.DAY,
    limit: Decimal | None = None,
    stop: Decimal | None = None,
) -> dict[str, str]:
    """POST /accounts/{id}/orders form fields, given the position `held` in the symbol:
    Tradier tells a sell of what is held from a short sale (and, for options, opening from
    closing), so the side it is sent depends on it. An OCC symbol is an option order."""
    duration = _DURATIONS.get(time_in_force)
    if duration is None:
        raise BrokerError(
            BrokerErrorCode.REJECTED,
            f"tradier takes day or gtc orders, not {time_in_force.value} ({client_order_id})",
        )
    if held != ZERO and (held < ZERO) == (side is Side.BUY) and quantity > abs(held):
        raise BrokerError(
            BrokerErrorCode.REJECTED,
            f"tradier cannot {side.value} {text(quantity)} {symbol} through a position of "
            f"{text(held)} in one order: close the position first ({client_order_id})",
        )
    root = underlying(symbol)
    form = {
        "class": "equity" if root is None else "option",
        "symbol": symbol if root is None else root,
        "side": tradier_side(side, held, option=root is not None),
        "quantity": text(quantity),
        "type": order_type.value,
        "duration": duration,
        "tag": to_tag(client_order_id),
    }
    if root is not None:
        form["option_symbol"] = symbol
    if limit is not None:
        form["price"] = text(limit)
    if stop is not None:
        form["stop"] = text(stop)
    return form


def tradier_side(side: Side, held: Decimal, *, option: bool) -> str:
    """Tradier's side: a buy covers a short held, a sell sells what is held, else they open."""
    closing = held < ZERO if side is Side.BUY else held > ZERO
    if option:
        return f"{side.value}_to_{'close' if closing else 'open'}"
    if side is Side.BUY:
        return "buy_to_cover" if closing else "buy"
    return "sell" if closing else "sell_short"


class TradierOrder(msgspec.Struct):
    """An order as GET /accounts/{id}/orders lists it (the fields Bulwark reads)."""

    id: int
    symbol: str
    side: str
    status: str
    type: str = "market"
    quantity: Decimal = ZERO
    exec_quantity: Decimal = ZERO
    avg_fill_price: Decimal = ZERO
    last_fill_price: Decimal = ZERO
    last_fill_quantity: Decimal = ZERO
    remaining_quantity: Decimal = ZERO
    price: Decimal | None = None
    stop_price: Decimal | None = None
    option_symbol: str | None = None
    asset_class: str = msgspec.field(name="class", default="equity")
    tag: str | None = None
    create_date: datetime | None = None
    transaction_date: datetime | None = None

    @property
    def broker_id(self) -> str:
        return str(self.id)

    @property
    def instrument(self) -> str:
        """Bulwark's symbol: the OCC symbol of an option order, else the equity's."""
        return self.option_symbol or self.symbol

    @property
    def buy(self) -> bool:
        return self.side.startswith("buy")

    @property
    def client_order_id(self) -> str:
        return from_tag(self.tag)

    @property
    def is_open(self) -> bool:
        return order_status(self.status, self.exec_quantity).is_open

    def to_domain(self, account_id: str) -> BrokerOrder:
        limit = self.price if self.type in ("limit", "stop_limit") else None
        return BrokerOrder(
            broker_order_id=self.broker_id,
            client_order_id=self.client_order_id,
            account_id=account_id,
            symbol=self.instrument,
            side=Side.BUY if self.buy else Side.SELL,
            order_type=_order_type(self.type),
            quantity=self.quantity,
            filled_quantity=self.exec_quantity,
            status=order_status(self.status, self.exec_quantity),
            limit_price=limit,
            stop_price=self.stop_price,
            average_fill_price=self.avg_fill_price if self.exec_quantity > ZERO else None,
        )

    def fill(
        self, order_id: str, account_id: str, reported: Decimal, notional: Decimal, at: datetime
    ) -> Fill:
        """The execution since `reported` shares (worth `notional`) were: its size, and its
        price, the last fill's when it is all of it, else what the average price implies."""
        quantity = self.exec_quantity - reported
        if quantity == self.last_fill_quantity and self.last_fill_price > ZERO:
            price = self.last_fill_price
        else:
            price = (self.avg_fill_price * self.exec_quantity - notional) / quantity
        return Fill(
            id=f"{self.id}-{self.exec_quantity.normalize():f}",
            order_id=order_id,
            account_id=account_id,
            symbol=self.instrument,
            side=Side.BUY if self.buy else Side.SELL,
            quantity=quantity,
            price=price,
            at=_utc(self.transaction_date or at),
        )


class _OrderList(msgspec.Struct):
    order: list[TradierOrder] | TradierOrder = msgspec.field(default_factory=list)


class OrdersAnswer(msgspec.Struct):
    """GET /accounts/{id}/orders: {"orders": {"order": [...] | {...}}} or {"orders": "null"}."""

    orders: _OrderList | str | None = None

    def listed(self) -> list[TradierOrder]:
        return [] if not isinstance(self.orders, _OrderList) else _as_list(self.orders.order)


class OrderAnswer(msgspec.Struct):
    """GET /accounts/{id}/orders/{order_id}: {"order": {...}}."""

    order: TradierOrder


class _Placed(msgspec.Struct):
    id: int
    status: str = "ok"


class Errors(msgspec.Struct):
    """{"errors": {"error": ...}}: one message as a string, several as a list."""

    error: list[str] | str = msgspec.field(default_factory=list)

    def line(self) -> str:
        listed = [self.error] if isinstance(self.error, str) else self.error
        return "; ".join(m.strip() for m in listed if m.strip())


class PlacedAnswer(msgspec.Struct):
    """POST (or DELETE) /accounts/{id}/orders: {"order": {"id": ..., "status": "ok"}}, or
    the refusal {"errors": {"error": [...]}} some validations answer with a 200."""

    order: _Placed | None = None
    errors: Errors | None = None


class TradierPosition(msgspec.Struct):
    symbol: str
    quantity: Decimal
    cost_basis: Decimal = ZERO
    id: int | None = None
    date_acquired: datetime | None = None

    def to_domain(self, account_id: str) -> BrokerPosition:
        """A position with its average price per share (an option's cost is per contract)."""
        units = self.quantity * (OPTION_MULTIPLIER if underlying(self.symbol) else 1)
        return BrokerPosition(account_id, self.symbol, self.quantity, self.cost_basis / units)


class _PositionList(msgspec.Struct):
    position: list[TradierPosition] | TradierPosition = msgspec.field(default_factory=list)


class PositionsAnswer(msgspec.Struct):
    """GET /accounts/{id}/positions: {"positions": {"position": ...}} or {"positions": "null"}."""

    positions: _PositionList | str | None = None

    def listed(self) -> list[TradierPosition]:
        if not isinstance(self.positions, _PositionList):
            return []
        return [p for p in _as_list(self.positions.position) if p.quantity != ZERO]


class _BuyingPower(msgspec.Struct):
    stock_buying_power: Decimal = ZERO


class _Cash(msgspec.Struct):
    cash_available: Decimal = ZERO


class Balances(msgspec.Struct):
    """The `balances` of GET /accounts/{id}/balances: one of `margin`, `pdt` or `cash` is
    present, as the account's type is."""

    total_cash: Decimal
    total_equity: Decimal
    account_type: str = "margin"
    margin: _BuyingPower | None = None
    pdt: _BuyingPower | None = None
    cash: _Cash | None = None

    def to_domain(self, account_id: str) -> BrokerAccount:
        margin = self.margin or self.pdt
        if margin is not None:
            power = margin.stock_buying_power
        elif self.cash is not None:
            power = self.cash.cash_available
        else:
            power = self.total_cash
        return BrokerAccount(account_id, self.total_cash, self.total_equity, power)


class BalancesAnswer(msgspec.Struct):
    balances: Balances


ORDERS = msgspec.json.Decoder(OrdersAnswer)
ORDER = msgspec.json.Decoder(OrderAnswer)
PLACED = msgspec.json.Decoder(PlacedAnswer)
POSITIONS = msgspec.json.Decoder(PositionsAnswer)
BALANCES = msgspec.json.Decoder(BalancesAnswer)


def refusal(answer: PlacedAnswer) -> str | None:
    """The refusal a 200 answer carries instead of an order, as one line."""
    if answer.errors is None and answer.order is not None:
        return None
    if answer.errors is None:
        return "no order in the answer"
    return answer.errors.line() or "refused"


def text(value: Decimal) -> str:
    """A Decimal as a plain decimal string (no exponent)."""
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


def _as_list(items: list[T] | T) -> list[T]:
    """A list as Tradier sends it: a list of one is that one object alone."""
    return items if isinstance(items, list) else [items]


def _order_type(value: str) -> OrderType:
    try:
        return OrderType(value)
    except ValueError:
        # Multileg debit/credit/even orders have no domain twin; they rest like a limit.
        return OrderType.LIMIT


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
