"""The control inventory, read from the live configuration: which Bulwark control covers which
regulatory requirement, for the caller's accounts and books.

Who sees what (docs/roles.md): a person their own accounts and books; a risk officer, an admin
or the viewer (a desk observer: an auditor reads this) every owner's, or one owner's with
`owner_id`; an agent nothing (Forbidden). An `account_id` the caller may not see answers
NotFound, as an unknown one does.

Reads are bounded: one unit of work reads the accounts, the rules, the agents and their keys,
and the kill switch's states; the last breach of every control of an account comes from **one**
search of the account's latest denied orders (at most `denials_read` of them), never one per
rule; the drills, from one read of the drill records per owner and route (paper, or a venue
connection).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from application.core.access import account_seen, sees_everything
from domain.books.book import Book
from domain.compliance.controls import DrillRecord
from domain.compliance.findings import AccountFacts, AgentGrant, BookFacts, PlatformControls
from domain.compliance.inventory import Inventory, account_inventory, book_inventory
from domain.errors import Forbidden, NotFound
from domain.killswitch.state import Scope, TradingState
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.orders import OrderStatus
from ports.account_rules.settings import AccountRuleSettingsStore
from ports.books.store import BookStore
from ports.compliance.drills import DrillRecords
from ports.core.clock import Clock
from ports.core.repositories import OrderSearch
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

# How many of an account's latest denied orders are read for its controls' last breaches.
DENIALS_READ = 200
# The most accounts (and books) one inventory lists; past it, `truncated` says so.
MAX_ACCOUNTS = 200
_DENIED = frozenset({OrderStatus.DENIED})
_ACTIVE = TradingState.ACTIVE.value


@dataclass(frozen=True, slots=True)
class InventoryQuery:
    """Whose inventory: `owner_id` (a supervisor's choice; a person's own id or none) and
    `account_id` (one account, with the books it is a member of)."""

    owner_id: str | None = None
    account_id: str | None = None


@dataclass(eq=False)
class ControlInventory:
    """Builds the inventory (see the module docstring)."""

    uow_factory: UnitOfWorkFactory
    books: BookStore
    account_rules: AccountRuleSettingsStore
    drills: DrillRecords
    platform: PlatformControls
    clock: Clock
    denials_read: int = DENIALS_READ
    max_accounts: int = MAX_ACCOUNTS

    async def inventory(self, principal: Principal, query: InventoryQuery) -> Inventory:
        if principal.role is Role.AGENT:
            raise Forbidden("an agent may not read the control inventory")
        now = self.clock.now()
        async with self.uow_factory() as uow:
            accounts, owner_accounts = await self._accounts(uow, principal, query)
            books = await self._books(principal, query, accounts)
            truncated = len(accounts) > self.max_accounts or len(books) > self.max_accounts
            accounts, books = accounts[: self.max_accounts], books[: self.max_accounts]
            rules = tuple(await uow.risk_rules.list())
            grants = await _grants(uow, {a.owner_id for a in accounts})
            keys = [Scope.account(a.id).key for a in accounts] + [
                Scope.book(b.id).key for b in books
            ]
            states = await _states(uow, keys)
            members = await _members(uow, books, accounts, query)
            breaches = {a.id: await self._breaches(uow, a.id) for a in members.values()}
        routes = {(a.owner_id, a.broker) for a in members.values()}
        found = {route: await self.drills.latest(*route) for route in sorted(routes)}
        drills = {a.id: found[(a.owner_id, a.broker)] for a in members.values()}
        listed = []
        for account in accounts:
            in_books = tuple(b for b in books if account.id in b.members)
            settings = await self.account_rules.get(account.id)
            level = None if settings is None else settings.options_level
            facts = AccountFacts(
                account_id=account.id,
                owner_id=account.owner_id,
                margin=not account.cash_only,
                owner_accounts=owner_accounts.get(account.owner_id, 1),
                rules=rules,
                platform=self.platform,
                agents=grants.get(account.id, ()),
                books=in_books,
                options_level=None if level is None else int(level),
                trading_state=states.get(Scope.account(account.id).key, _ACTIVE),
                breaches=breaches.get(account.id, {}),
                drill=drills.get(account.id),
            )
            listed.append(account_inventory(facts, account.name, now))
        shown = [
            book_inventory(
                BookFacts(
                    book,
                    states.get(Scope.book(book.id).key, _ACTIVE),
                    _merged(breaches.get(m, {}) for m in book.members),
                    _newest(drills.get(m) for m in book.members),
                ),
                self.platform,
                now,
            )
            for book in books
        ]
        return Inventory(now, tuple(listed), tuple(shown), self.denials_read, truncated)

    async def _accounts(
        self, uow: UnitOfWork, principal: Principal, query: InventoryQuery
    ) -> tuple[list[Account], dict[str, int]]:
        """The accounts listed, and how many accounts each of their owners has."""
        supervisor = sees_everything(principal)
        if not supervisor and query.owner_id not in (None, principal.id):
            raise NotFound(f"owner {query.owner_id} not found")
        if query.account_id is not None:
            account = await account_seen(uow, principal, query.account_id)
            if query.owner_id is not None and account.owner_id != query.owner_id:
                raise NotFound(f"account {query.account_id} not found")
            owned = await uow.accounts.list(account.owner_id)
            return [account], {account.owner_id: len(owned)}
        owner = query.owner_id if supervisor else principal.id
        accounts = sorted(await uow.accounts.list(owner), key=lambda a: a.id)
        counts: dict[str, int] = {}
        for account in accounts:
            counts[account.owner_id] = counts.get(account.owner_id, 0) + 1
        return accounts, counts

    async def _books(
        self, principal: Principal, query: InventoryQuery, accounts: Sequence[Account]
    ) -> list[Book]:
        if query.account_id is not None:
            account = accounts[0]
            owned = await self.books.owned_by(account.owner_id)
            return sorted((b for b in owned if account.id in b.members), key=lambda b: b.id)
        if sees_everything(principal) and query.owner_id is None:
            return sorted(await self.books.every(), key=lambda b: b.id)
        return sorted(await self.books.owned_by(query.owner_id or principal.id), key=lambda b: b.id)

    async def _breaches(self, uow: UnitOfWork, account_id: str) -> dict[str, datetime]:
        """Reason code -> its latest denial, from one search of the account's latest denials."""
        search = OrderSearch(account_ids=(account_id,), statuses=_DENIED, limit=self.denials_read)
        latest: dict[str, datetime] = {}
        for order in await uow.orders.search(search):  # newest first
            if order.created_at is None:
                continue
            for code in order.deny_reasons:
                latest.setdefault(code, order.created_at)
        return latest


async def _grants(uow: UnitOfWork, owners: set[str]) -> dict[str, tuple[AgentGrant, ...]]:
    """Account id -> the agents granted it, each with its live keys' scopes."""
    agents, keys = [], []
    if len(owners) > 1:  # every owner's: one read of each
        agents, keys = await uow.agents.list(), await uow.api_keys.list()
    for owner in sorted(owners) if len(owners) == 1 else ():
        agents += await uow.agents.list(owner)
        keys += await uow.api_keys.list(owner)
    scopes: dict[str, list[frozenset[str]]] = {}
    for key in sorted(keys, key=lambda k: k.id):
        if not key.is_revoked:
            scopes.setdefault(key.agent_id, []).append(frozenset(p.value for p in key.scopes))
    found: dict[str, list[AgentGrant]] = {}
    for agent in sorted(agents, key=lambda a: a.id):
        grant = AgentGrant(agent.id, tuple(scopes.get(agent.id, ())))
        for account_id in agent.account_ids:
            found.setdefault(account_id, []).append(grant)
    return {account_id: tuple(grants) for account_id, grants in found.items()}


async def _states(uow: UnitOfWork, keys: Sequence[str]) -> dict[str, str]:
    if not keys:
        return {}
    found = await uow.trading_states.get_many(keys)
    return {key: state.state.value for key, state in zip(keys, found, strict=True) if state}


async def _members(
    uow: UnitOfWork, books: Sequence[Book], accounts: Sequence[Account], query: InventoryQuery
) -> dict[str, Account]:
    """The accounts whose denials and drills are read: those listed, and, when one account is
    asked for, the other members of its books (otherwise a book's figures come from the
    members listed: a truncated list reads no more)."""
    found = {a.id: a for a in accounts}
    if query.account_id is not None:
        for member in sorted({m for b in books for m in b.members} - set(found)):
            account = await uow.accounts.get(member)
            if account is not None:
                found[member] = account
    return found


def _newest(drills: Iterable[DrillRecord | None]) -> DrillRecord | None:
    """The most recent of the drills (a book's: the newest that reached one of its members)."""
    return max((d for d in drills if d is not None), key=lambda d: d.at, default=None)


def _merged(maps: Iterable[Mapping[str, datetime]]) -> dict[str, datetime]:
    merged: dict[str, datetime] = {}
    for found in maps:
        for code, at in found.items():
            if code not in merged or at > merged[code]:
                merged[code] = at
    return merged
