"""Opening, renaming, retargeting, closing and archiving an account, by its owner.

Only the owner changes an account: another user's account (or an unknown one) answers
NotFound, an agent Forbidden. Every change runs under the account's lock (the one the order
path decides under) and then drops the copy the order path holds, so the next order reads
the account as changed (a closed account's orders are denied by the gate).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from application.core.access import ensure_may_change, owned_account
from application.core.concurrency import KeyedLocks
from application.trading.account_openings import AccountOpenings
from application.trading.risk_books import RiskBooks
from domain.connections.connection import is_connection_id
from domain.errors import CapabilityNotConfigured, Forbidden
from domain.principals import Principal, Role
from domain.trading.account_profile import (
    AccountClosed,
    AccountType,
    InvalidAccount,
    TradingType,
    check_allocation,
    clean_name,
)
from domain.trading.accounts import Account
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory

ZERO = Decimal(0)
MAX_INITIAL_CASH = Decimal(1_000_000_000_000)
PAPER = "paper"
_CURRENCY = re.compile(r"[A-Z]{3}")

# Opens the paper broker's book of a new paper account with its cash (PaperBroker.seed_account).
PaperOpener = Callable[[str, Decimal], None]
# Checks that a venue connection is the principal's own and not revoked (NotFound, Conflict).
ConnectionCheck = Callable[[Principal, str], Awaitable[object]]


class BrokerNotConfigured(InvalidAccount):
    """The account names a broker no deployment routes to (a broker this one could route to
    once configured is CapabilityNotConfigured)."""

    code = "BROKER_NOT_CONFIGURED"


@dataclass(frozen=True, slots=True)
class OpenAccount:
    """A new account of `principal`; `initial_cash` is for paper accounts only."""

    principal: Principal
    name: str
    broker: str
    base_currency: str
    account_type: AccountType
    trading_type: TradingType
    initial_cash: Decimal | None = None


@dataclass(frozen=True, slots=True)
class UpdateAccount:
    """What PATCH changes; None leaves a field as it is."""

    principal: Principal
    account_id: str
    name: str | None = None
    target_allocation: Mapping[str, Decimal] | None = None


class AccountAdmin:
    """The owner's changes to accounts (see the module docstring)."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        locks: KeyedLocks,
        brokers: frozenset[str],
        *,
        books: RiskBooks | None = None,
        open_paper: PaperOpener | None = None,
        brokers_off: Mapping[str, CapabilityNotConfigured] | None = None,
        connections: ConnectionCheck | None = None,
        openings: AccountOpenings | None = None,
    ) -> None:
        """`brokers`: those this deployment routes to; `brokers_off`: those it could route to
        once configured, each with its refusal naming the settings that would add it;
        `connections` checks an owner's venue connection an account names instead;
        `openings`: what other contexts add to a new account (its default limits)."""
        self._uow = uow_factory
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._locks = locks
        self._brokers = brokers
        self._brokers_off = dict(brokers_off or {})
        self._books = books
        self._open_paper = open_paper
        self._connections = connections
        self._openings = openings

    async def open(self, command: OpenAccount) -> Account:
        """Create the account; a paper account's book opens at the paper broker with its cash."""
        ensure_may_change(command.principal)
        principal = command.principal
        _refuse_agents(principal)
        cash = _initial_cash(command.broker, command.initial_cash)
        await self._check_route(principal, command.broker)
        account = Account(
            id=self._ids.new("acc-"),
            owner_id=principal.id,
            cash=cash,
            currency=_currency(command.base_currency),
            broker=command.broker,
            start_of_day_equity=cash,
            peak_equity=cash,
            name=clean_name(command.name),
            account_type=command.account_type,
            trading_type=command.trading_type,
            created_at=self._clock.now(),
        )
        async with self._uow() as uow:
            await uow.accounts.add(account)
            added = {} if self._openings is None else await self._openings.opened(uow, account)
            await uow.commit()
        if account.broker == PAPER and self._open_paper is not None:
            with contextlib.suppress(ValueError):  # already open: the book keeps its cash
                self._open_paper(account.id, cash)
        await self._record(principal, "account.open", account, {"broker": account.broker, **added})
        return account

    async def _check_route(self, principal: Principal, broker: str) -> None:
        """The broker is one this deployment routes to, or the principal's own connection."""
        if is_connection_id(broker) and self._connections is not None:
            await self._connections(principal, broker)
            return
        off = self._brokers_off.get(broker)
        if broker not in self._brokers and off is not None:
            raise off.again()
        if broker not in self._brokers:
            raise BrokerNotConfigured(
                f"broker {broker!r} is not configured here "
                f"(configured: {', '.join(sorted(self._brokers))})",
                field="broker",
            )

    async def update(self, command: UpdateAccount) -> Account:
        """Rename and/or replace the target allocation (a closed account is refused)."""
        ensure_may_change(command.principal)
        name = None if command.name is None else clean_name(command.name)
        allocation = (
            None
            if command.target_allocation is None
            else check_allocation(command.target_allocation)
        )

        def change(account: Account) -> None:
            if not account.is_open:
                raise AccountClosed(f"account {account.id} is {account.status.value}")
            if name is not None:
                account.rename(name)
            if allocation is not None:
                account.set_target_allocation(allocation)

        return await self._change(command.principal, command.account_id, "account.update", change)

    async def close(self, principal: Principal, account_id: str) -> Account:
        """Close for good: 409 ACCOUNT_NOT_EMPTY while it holds positions or open orders."""
        ensure_may_change(principal)
        return await self._change(principal, account_id, "account.close", Account.close)

    async def archive(self, principal: Principal, account_id: str) -> Account:
        """As close, and hidden from `?status=open` listings; a closed account may be archived."""
        ensure_may_change(principal)
        return await self._change(principal, account_id, "account.archive", Account.archive)

    async def _change(
        self,
        principal: Principal,
        account_id: str,
        action: str,
        change: Callable[[Account], object],
    ) -> Account:
        _refuse_agents(principal)
        async with self._locks.hold(account_id):
            try:
                async with self._uow() as uow:
                    account = await owned_account(uow, principal, account_id)
                    change(account)
                    await uow.commit()
            finally:
                if self._books is not None:
                    self._books.forget(account_id)
        await self._record(principal, action, account)
        return account

    async def _record(
        self,
        principal: Principal,
        action: str,
        account: Account,
        details: dict[str, object] | None = None,
    ) -> None:
        entry = AuditEntry(
            principal.id,
            action,
            f"account:{account.id}",
            account.status.value,
            self._clock.now(),
            details or {},
        )
        await self._audit.record(entry)


def _refuse_agents(principal: Principal) -> None:
    if principal.role is Role.AGENT:
        raise Forbidden("agents may not open or change accounts")


def _initial_cash(broker: str, cash: Decimal | None) -> Decimal:
    if broker != PAPER:
        if cash is not None:
            raise InvalidAccount(
                f"initial_cash is for paper accounts; a {broker} account's cash comes from "
                "the broker (link its credentials, then POST .../sync)",
                field="initial_cash",
            )
        return ZERO
    if cash is None:
        raise InvalidAccount("initial_cash is required for a paper account", field="initial_cash")
    if not cash.is_finite() or not ZERO <= cash <= MAX_INITIAL_CASH:
        raise InvalidAccount(
            f"initial_cash must be between 0 and {MAX_INITIAL_CASH}", field="initial_cash"
        )
    return cash


def _currency(code: str) -> str:
    cleaned = code.strip().upper()
    if not _CURRENCY.fullmatch(cleaned):
        raise InvalidAccount(
            f"base_currency must be an ISO 4217 code (three letters), got {code!r}",
            field="base_currency",
        )
    return cleaned
