"""What other contexts check after an account's own gate approved an order.

The trading context cannot know them (they are above it): a book's limits over a group of
accounts, a connection whose credentials the venue refused. Each adds its check to the
`GateChecks` the gate holds (bootstrap/containers/<context>.py: `prepare`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import (
    AbstractAsyncContextManager,
    AsyncExitStack,
    asynccontextmanager,
    nullcontext,
)
from decimal import Decimal
from typing import Protocol

from domain.risk.verdicts import Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.orders import Order
from ports.core.unit_of_work import UnitOfWork


class GateCheck(Protocol):
    """A check another context adds after an account's own gate approved an order: a book's
    limits (application/books/check.py), a connection's health
    (application/connections/gate_check.py)."""

    def serial(self, account_id: str) -> AbstractAsyncContextManager[None] | None:
        """Held around the account's decisions, inside its own lock; None: nothing to hold
        for this account (the order path then enters no context for the check)."""
        ...

    async def check(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        *,
        count: bool = True,
        revision: int | None = None,
    ) -> tuple[Verdict, ...]:
        """Its denials as of the risk rules' `revision` (a book's limits are written with
        it); empty: the order passes."""
        ...


class GroupScopes(Protocol):
    """The group scopes (books) an account is a member of, whose trading states the gate
    reads with the account's own: a halted book halts its members, those that join later
    too (application/books/check.py)."""

    async def scopes(self, account_id: str, revision: int | None = None) -> tuple[str, ...]:
        """The keys of the account's group scopes as of the rules' `revision`."""
        ...


class GateChecks:
    """Where other contexts add their checks, each built on first use (after the
    composition's overrides); the gate asks every one, in the order they were added."""

    def __init__(self) -> None:
        self._factories: list[Callable[[], GateCheck]] = []
        self._built: tuple[GateCheck, ...] | None = None
        self._group_factories: list[Callable[[], GroupScopes]] = []
        self._groups: tuple[GroupScopes, ...] | None = None

    def add(self, factory: Callable[[], GateCheck]) -> None:
        self._factories.append(factory)
        self._built = None

    def add_groups(self, factory: Callable[[], GroupScopes]) -> None:
        """Where an account's group scopes come from (built on first use)."""
        self._group_factories.append(factory)
        self._groups = None

    @property
    def has_groups(self) -> bool:
        """Whether any context adds group scopes (a cheap test on the order path)."""
        return bool(self._group_factories)

    async def scopes(self, account_id: str, revision: int | None = None) -> tuple[str, ...]:
        """The keys of every group scope the account is a member of."""
        groups = self._groups
        if groups is None:
            groups = self._groups = tuple(factory() for factory in self._group_factories)
        if len(groups) == 1:
            return await groups[0].scopes(account_id, revision)
        keys: tuple[str, ...] = ()
        for source in groups:
            keys += await source.scopes(account_id, revision)
        return keys

    def _checks(self) -> tuple[GateCheck, ...]:
        if self._built is None:
            self._built = tuple(factory() for factory in self._factories)
        return self._built

    def serial(self, account_id: str) -> AbstractAsyncContextManager[None]:
        """What the checks hold around the account's decisions, in the order they were added."""
        held = [m for check in self._checks() if (m := check.serial(account_id)) is not None]
        if not held:
            return nullcontext()
        return held[0] if len(held) == 1 else _each_of(held)

    async def check(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView,
        quantity: Decimal,
        *,
        count: bool = True,
        revision: int | None = None,
    ) -> tuple[Verdict, ...]:
        denials: list[Verdict] = []
        for check in self._checks():
            denials += await check.check(
                uow, account, order, view, quantity, count=count and not denials,
                revision=revision,
            )  # fmt: skip
        return tuple(denials)


@asynccontextmanager
async def _each_of(held: list[AbstractAsyncContextManager[None]]) -> AsyncIterator[None]:
    async with AsyncExitStack() as stack:
        for context in held:
            await stack.enter_async_context(context)
        yield
