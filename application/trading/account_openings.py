"""What other contexts add to a new account, in the unit of work that opens it.

The trading context cannot know them (they are above it): live trading gives every new account
its default limits (application/live_trading/limits.py). Each adds its step to the
`AccountOpenings` AccountAdmin holds (bootstrap/containers/<context>.py: `prepare`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from domain.trading.accounts import Account
from ports.core.unit_of_work import UnitOfWork


class AccountOpening(Protocol):
    """A step another context adds to opening an account."""

    async def opened(self, uow: UnitOfWork, account: Account) -> Mapping[str, object]:
        """Its writes for the new `account`, in `uow` (committed with the account, or not at
        all); what it returns joins the details of the opening's audit entry."""
        ...


class AccountOpenings:
    """Where other contexts add their steps, each built on first use (after the composition's
    overrides); every one runs, in the order they were added."""

    def __init__(self) -> None:
        self._factories: list[Callable[[], AccountOpening]] = []
        self._built: tuple[AccountOpening, ...] | None = None

    def add(self, factory: Callable[[], AccountOpening]) -> None:
        self._factories.append(factory)
        self._built = None

    async def opened(self, uow: UnitOfWork, account: Account) -> dict[str, object]:
        if self._built is None:
            self._built = tuple(factory() for factory in self._factories)
        details: dict[str, object] = {}
        for step in self._built:
            details.update(await step.opened(uow, account))
        return details
