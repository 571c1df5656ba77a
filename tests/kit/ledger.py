"""An account's books changed straight in the store, with no order and no broker: what a
reporting test (performance, equity snapshots) arranges before it reads."""

from __future__ import annotations

from decimal import Decimal

from domain.trading.fills import Fill
from ports.core.unit_of_work import UnitOfWorkFactory


async def book_fill(uow_factory: UnitOfWorkFactory, fill: Fill) -> None:
    """`fill` applied to its account (cash, position) and kept among the fills, in one unit of
    work."""
    async with uow_factory() as uow:
        account = await uow.accounts.get(fill.account_id)
        assert account is not None
        account.apply_fill(fill)
        await uow.accounts.add(account)
        await uow.fills.add(fill)
        await uow.commit()


async def move_cash(uow_factory: UnitOfWorkFactory, account_id: str, amount: Decimal) -> None:
    """`amount` added to the account's cash (a negative amount takes it out)."""
    async with uow_factory() as uow:
        account = await uow.accounts.get(account_id)
        assert account is not None
        account.cash += amount
        await uow.accounts.add(account)
        await uow.commit()
