"""Builders for margin tests: accounts, instruments and marks from short literals."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import AssetClass, Instrument
from domain.trading.orders import Side
from domain.trading.positions import Position

D = Decimal
FIXED_AT = datetime(2024, 1, 2, 15, 30, tzinfo=UTC)


def account(cash: str | int, *holdings: tuple[str, str | int], mult: str | int = 1) -> Account:
    """An account with `cash` and (symbol, signed quantity) positions (average price 1)."""
    positions = {
        symbol: Position(symbol, D(quantity), average_price=D(1), multiplier=D(mult))
        for symbol, quantity in holdings
    }
    return Account(id="acc-1", owner_id="owner-1", cash=D(cash), positions=positions)


def instruments(
    *symbols: str,
    lot: str | int = 1,
    mult: str | int = 1,
    asset_class: AssetClass = AssetClass.EQUITY,
) -> dict[str, Instrument]:
    return {
        symbol: Instrument(symbol, asset_class=asset_class, lot_size=D(lot), multiplier=D(mult))
        for symbol in symbols
    }


def marks(**prices: str | int) -> dict[str, Decimal]:
    return {symbol: D(price) for symbol, price in prices.items()}


def fill(symbol: str, side: Side, quantity: Decimal, price: Decimal, n: int = 1) -> Fill:
    return Fill(
        id=f"fill-{n}",
        order_id=f"order-{n}",
        account_id="acc-1",
        symbol=symbol,
        side=side,
        quantity=quantity,
        price=price,
        at=FIXED_AT,
    )
