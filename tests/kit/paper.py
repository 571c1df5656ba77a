"""Builders shared by the paper broker tests."""

from __future__ import annotations

import itertools
from decimal import Decimal

from domain.trading.orders import Order, OrderType, Origin, OriginKind, Side, TimeInForce

_numbers = itertools.count(1)


def make_order(
    side: Side = Side.BUY,
    quantity: str = "10",
    *,
    symbol: str = "AAPL",
    account_id: str = "acc-1",
    order_type: OrderType = OrderType.MARKET,
    limit: str | None = None,
    stop: str | None = None,
    tif: TimeInForce = TimeInForce.DAY,
    client_order_id: str | None = None,
) -> Order:
    number = next(_numbers)
    return Order(
        id=f"ord-{number}",
        client_order_id=client_order_id or f"cli-{number}",
        account_id=account_id,
        symbol=symbol,
        side=side,
        quantity=Decimal(quantity),
        origin=Origin(OriginKind.USER, "u1"),
        order_type=order_type,
        time_in_force=tif,
        limit_price=Decimal(limit) if limit is not None else None,
        stop_price=Decimal(stop) if stop is not None else None,
    )


def limit_order(
    side: Side,
    quantity: str,
    limit: str,
    *,
    symbol: str = "AAPL",
    account_id: str = "acc-1",
    tif: TimeInForce = TimeInForce.DAY,
) -> Order:
    return make_order(
        side,
        quantity,
        symbol=symbol,
        account_id=account_id,
        order_type=OrderType.LIMIT,
        limit=limit,
        tif=tif,
    )
