"""Matching rules of the paper broker: its order record, fill prices, stop triggers, liquidity."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.trading.orders import OrderType, Side, TimeInForce
from ports.market_data.marketdata import Quote
from ports.trading.broker import BrokerOrder, BrokerOrderStatus

ZERO = Decimal(0)
ONE = Decimal(1)
BPS = Decimal(10_000)
STOP_TYPES = frozenset({OrderType.STOP, OrderType.STOP_LIMIT})


@dataclass(slots=True, eq=False)
class PaperOrder:
    """The paper broker's own, mutable record of an order it accepted."""

    broker_order_id: str
    order_id: str
    client_order_id: str
    account_id: str
    symbol: str
    side: Side
    order_type: OrderType
    time_in_force: TimeInForce
    quantity: Decimal
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    status: BrokerOrderStatus = BrokerOrderStatus.ACCEPTED
    filled_quantity: Decimal = ZERO
    average_fill_price: Decimal | None = None
    triggered: bool = False

    @property
    def remaining(self) -> Decimal:
        return self.quantity - self.filled_quantity

    @property
    def awaiting_trigger(self) -> bool:
        return self.order_type in STOP_TYPES and not self.triggered

    def record_fill(self, quantity: Decimal, price: Decimal) -> None:
        filled = self.filled_quantity + quantity
        previous = self.average_fill_price or ZERO
        self.average_fill_price = (previous * self.filled_quantity + price * quantity) / filled
        self.filled_quantity = filled
        self.status = (
            BrokerOrderStatus.FILLED
            if filled == self.quantity
            else BrokerOrderStatus.PARTIALLY_FILLED
        )

    def snapshot(self) -> BrokerOrder:
        return BrokerOrder(
            broker_order_id=self.broker_order_id,
            client_order_id=self.client_order_id,
            account_id=self.account_id,
            symbol=self.symbol,
            side=self.side,
            order_type=self.order_type,
            quantity=self.quantity,
            filled_quantity=self.filled_quantity,
            status=self.status,
            limit_price=self.limit_price,
            stop_price=self.stop_price,
            average_fill_price=self.average_fill_price,
        )


def is_triggered(side: Side, stop: Decimal, quote: Quote) -> bool:
    """A buy stop triggers when the last trade or the ask reaches the stop; a sell stop mirrors it.

    Either price touching is enough: a protective stop should rather fire early than late.
    """
    if side is Side.BUY:
        return quote.last >= stop or quote.ask >= stop  # stop > 0: a missing (0) price never counts
    return ZERO < quote.last <= stop or ZERO < quote.bid <= stop


def execution_price(
    side: Side, limit: Decimal | None, quote: Quote, slippage_bps: Decimal
) -> Decimal | None:
    """The price an order fills at against `quote` now, or None when it is not marketable.

    Buys take the ask and sells the bid, moved against the order by the slippage but
    never past the order's limit.
    """
    slip = slippage_bps / BPS
    if side is Side.BUY:
        touch = quote.ask
        if touch <= ZERO or (limit is not None and touch > limit):
            return None
        price = touch * (ONE + slip)
        return price if limit is None else min(price, limit)
    touch = quote.bid
    if touch <= ZERO or (limit is not None and touch < limit):
        return None
    price = touch * (ONE - slip)
    if limit is not None:
        price = max(price, limit)
    return price if price > ZERO else None


@dataclass(slots=True)
class Liquidity:
    """What is left of one quote's displayed size; None means the size is not limited."""

    quote: Quote
    bid_left: Decimal | None
    ask_left: Decimal | None

    @classmethod
    def of(cls, quote: Quote) -> Liquidity:
        return cls(
            quote,
            quote.bid_size if quote.bid_size > ZERO else None,
            quote.ask_size if quote.ask_size > ZERO else None,
        )

    def available(self, side: Side) -> Decimal | None:
        """Size an order of `side` can take: buys lift the ask, sells hit the bid."""
        return self.ask_left if side is Side.BUY else self.bid_left

    def take(self, side: Side, quantity: Decimal) -> None:
        if side is Side.BUY:
            if self.ask_left is not None:
                self.ask_left -= quantity
        elif self.bid_left is not None:
            self.bid_left -= quantity
