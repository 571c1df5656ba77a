"""Helpers of the account, risk and margin HTTP tests: holdings booked straight into the store."""

from __future__ import annotations

from decimal import Decimal

from domain.trading.instruments import Instrument
from domain.trading.positions import Position
from tests.http.harness import Harness

D = Decimal


async def hold(harness: Harness, account_id: str, symbol: str, quantity: str, price: str) -> None:
    """Book a position bought (or sold short) at `price`: cash pays for it, equity is unchanged."""
    async with harness.container.core.uow_factory()() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None
        account.positions[symbol] = Position(symbol, D(quantity), D(price))
        account.touch(symbol)  # changed by hand, not through apply_fill: tell the risk book
        account.cash -= D(quantity) * D(price)
        await uow.accounts.add(account)
        await uow.commit()


async def unpriced_instrument(harness: Harness, symbol: str) -> None:
    """An instrument the market has no price for."""
    async with harness.container.core.uow_factory()() as uow:
        await uow.instruments.add(Instrument(symbol, sector="Tech"))
        await uow.commit()


def api_key(key: str) -> dict[str, str]:
    return {"X-API-Key": key}
