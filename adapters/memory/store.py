"""In-memory repositories and unit of work over one shared store.

Adds are staged and become visible only on commit, so a unit of work left
without commit keeps nothing it added. Aggregates loaded in a unit of work are
the stored objects themselves (as an ORM's identity map would hand out), and
the events they record are collected from every aggregate the unit of work saw.
The kill switch's thread reads the same store as the API's event loop, so scans copy a
dict's values first (one C-level step) instead of iterating a dict another thread may grow.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Self

from adapters.memory import retention
from adapters.memory.identity import (
    ApiKeyRepo,
    LoginThrottleRepo,
    RefreshTokenRepo,
    RevokedTokenRepo,
    UserRepo,
    WorkspaceRepo,
)
from adapters.memory.instruments import instrument_matches
from adapters.memory.onboarding import InvitationRepo, PasswordResetRepo
from adapters.memory.order_journal import OrderJournalRepo
from adapters.memory.repos import MemoryRepo
from adapters.unit_of_work import FenceTally, Repository, UnitOfWorkBase
from domain.agents.heartbeat import Agent
from domain.errors import ConcurrentUpdate
from domain.events import DomainEvent
from domain.identity import ApiKey, LoginThrottle, RefreshToken, User
from domain.identity.onboarding import Invitation, PasswordResetToken
from domain.killswitch.switch import ActivationLockout, KillSwitchEvent, ScopeState
from domain.risk.rules import RiskRule
from domain.succession.beneficiaries import Beneficiary
from domain.succession.case import SuccessionCase
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import Instrument
from domain.trading.orders import Order
from domain.workspaces import Workspace
from ports.core.events import AuditEntry
from ports.core.repositories import ORDERS_EPOCH, InstrumentSearch, OrderPeriod, OrderSearch


@dataclass
class InMemoryStore:
    """The committed state every in-memory unit of work reads and writes."""

    accounts: dict[str, Account] = field(default_factory=dict)
    orders: dict[str, Order] = field(default_factory=dict)
    order_keys: dict[tuple[str, str], str] = field(default_factory=dict)
    client_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    fills: dict[str, Fill] = field(default_factory=dict)
    # The same fills by account (an account's fills are read without scanning everyone's).
    account_fills: dict[str, dict[str, Fill]] = field(default_factory=dict)
    inbox: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    fences: dict[str, int] = field(default_factory=dict)
    instruments: dict[str, Instrument] = field(default_factory=dict)
    risk_rules: dict[str, RiskRule] = field(default_factory=dict)
    risk_rule_revision: int = 0
    trading_states: dict[str, ScopeState] = field(default_factory=dict)
    kill_switch_events: list[KillSwitchEvent] = field(default_factory=list)
    lockouts: dict[str, ActivationLockout] = field(default_factory=dict)
    passcodes: dict[str, str] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    succession: dict[str, SuccessionCase] = field(default_factory=dict)
    beneficiaries: dict[str, list[Beneficiary]] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    usernames: dict[str, str] = field(default_factory=dict)
    login_throttles: dict[str, LoginThrottle] = field(default_factory=dict)
    refresh_tokens: dict[str, RefreshToken] = field(default_factory=dict)
    revoked_tokens: dict[str, datetime] = field(default_factory=dict)
    revoked_families: dict[str, datetime] = field(default_factory=dict)
    api_keys: dict[str, ApiKey] = field(default_factory=dict)
    workspaces: dict[str, Workspace] = field(default_factory=dict)
    invitations: dict[str, Invitation] = field(default_factory=dict)
    password_resets: dict[str, PasswordResetToken] = field(default_factory=dict)
    # Placed orders' `order.placed` audit entries not yet in the audit chain, oldest first
    # (adapters/memory/order_journal.py).
    order_journal: deque[AuditEntry] = field(default_factory=deque)
    commits: int = 0
    # Orders, fills and command ids kept at most (oldest finished ones dropped beyond it,
    # adapters/memory/retention.py); None keeps everything.
    max_orders: int | None = None


class AccountRepo(MemoryRepo):
    async def add(self, account: Account) -> None:
        self._stage(lambda: self._store.accounts.__setitem__(account.id, account), account)

    async def get(self, account_id: str) -> Account | None:
        account = self._store.accounts.get(account_id)
        if account is not None:
            for order in account.open_orders.values():
                self._seen(order)
        return self._seen(account)  # type: ignore[no-any-return]

    async def attach(self, account: Account) -> None:
        if self._store.accounts.get(account.id) is not account:
            raise ConcurrentUpdate(f"account {account.id} was replaced in the store")
        await self.get(account.id)

    async def version(self, account_id: str) -> int | None:
        stored = self._store.accounts.get(account_id)
        return None if stored is None else stored.version

    async def list(self, owner_id: str | None = None) -> list[Account]:
        return [
            self._seen(a)
            for a in list(self._store.accounts.values())
            if owner_id is None or a.owner_id == owner_id
        ]


class OrderRepo(MemoryRepo):
    async def add(self, order: Order) -> None:
        def apply() -> None:
            self._store.orders[order.id] = order
            self._store.client_ids[(order.account_id, order.client_order_id)] = order.id
            if order.idempotency_key:
                self._store.order_keys[(order.account_id, order.idempotency_key)] = order.id

        self._stage(apply, order)

    async def get(self, order_id: str) -> Order | None:
        return self._seen(self._store.orders.get(order_id))  # type: ignore[no-any-return]

    async def by_idempotency_key(self, account_id: str, key: str) -> Order | None:
        order_id = self._store.order_keys.get((account_id, key))
        return await self.get(order_id) if order_id else None

    async def by_client_order_id(self, account_id: str, client_order_id: str) -> Order | None:
        order_id = self._store.client_ids.get((account_id, client_order_id))
        return await self.get(order_id) if order_id else None

    async def by_idempotency_keys(self, account_id: str, keys: list[str]) -> dict[str, Order]:
        found: dict[str, Order] = {}
        for key in keys:
            order = await self.by_idempotency_key(account_id, key)
            if order is not None:
                found[key] = order
        return found

    async def used_client_order_ids(self, account_id: str, ids: list[str]) -> set[str]:
        return {i for i in ids if (account_id, i) in self._store.client_ids}

    async def search(self, criteria: OrderSearch) -> list[Order]:
        accounts = None if criteria.account_ids is None else frozenset(criteria.account_ids)
        found = [o for o in list(self._store.orders.values()) if _matches(o, criteria, accounts)]
        found.sort(key=_order_key, reverse=True)
        return [self._seen(o) for o in found[: max(0, criteria.limit)]]

    async def in_period(self, period: OrderPeriod) -> list[Order]:
        accounts = None if period.account_ids is None else frozenset(period.account_ids)
        after = None if period.after is None else (period.after.created_at, period.after.order_id)
        found = [
            o
            for o in list(self._store.orders.values())
            if o.created_at is not None
            and period.since <= o.created_at < period.until
            and (accounts is None or o.account_id in accounts)
            and (after is None or (o.created_at, o.id) > after)
        ]
        found.sort(key=_order_key)
        return [self._seen(o) for o in found[: max(0, period.limit)]]

    async def list(
        self, account_id: str | None = None, *, open_only: bool = False, limit: int = 100
    ) -> list[Order]:
        found = [
            o
            for o in list(self._store.orders.values())
            if (account_id is None or o.account_id == account_id) and (not open_only or o.is_open)
        ]
        return [self._seen(o) for o in reversed(found[-limit:])]


def _order_key(order: Order) -> tuple[datetime, str]:
    return (order.created_at or ORDERS_EPOCH, order.id)


def _matches(order: Order, criteria: OrderSearch, accounts: frozenset[str] | None) -> bool:
    after = criteria.after
    return (
        (accounts is None or order.account_id in accounts)
        and (criteria.statuses is None or order.status in criteria.statuses)
        and (criteria.symbol is None or order.symbol == criteria.symbol)
        and (criteria.side is None or order.side is criteria.side)
        and (criteria.origin_id is None or order.origin.id == criteria.origin_id)
        and (after is None or _order_key(order) < (after.created_at, after.order_id))
    )


class FillRepo(MemoryRepo):
    async def add(self, fill: Fill) -> None:
        def apply() -> None:
            store = self._store
            if fill.id not in store.fills:
                store.fills[fill.id] = fill
                store.account_fills.setdefault(fill.account_id, {})[fill.id] = fill

        self._stage(apply)

    async def list(self, account_id: str, order_id: str | None = None) -> list[Fill]:
        held = self._store.account_fills.get(account_id)
        if not held:
            return []
        found = [f for f in list(held.values()) if order_id is None or f.order_id == order_id]
        return sorted(found, key=lambda f: (f.at, f.id))

    async def stored(self, fill_ids: Collection[str]) -> set[str]:
        return {i for i in fill_ids if i in self._store.fills}


class InboxRepo(MemoryRepo):
    async def seen(self, message_id: str) -> bool:
        return message_id in self._store.inbox

    async def add(self, message_id: str, kind: str, at: datetime) -> None:
        def apply() -> None:
            if message_id in self._store.inbox:
                raise ConcurrentUpdate(f"message {message_id} was processed concurrently")
            self._store.inbox[message_id] = (kind, at)

        # First in the commit: a lost race must fail before anything else is applied.
        self._uow.staged.insert(0, apply)


class FenceRepo(MemoryRepo):
    """Fences over the store's counters (the bookkeeping: adapters/unit_of_work.py)."""

    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        super().__init__(uow)
        self._tally = FenceTally(self._stored, self._stage_write)

    async def read(self, key: str) -> int:
        return await self._tally.read(key)

    def advance(self, key: str, by: int = 1) -> None:
        self._tally.advance(key, by)

    async def _stored(self, key: str) -> int:
        return self._store.fences.get(key, 0)

    def _stage_write(self, key: str, seen: int, value: Callable[[], int]) -> None:
        def apply() -> None:
            fences = self._store.fences
            if fences.get(key, 0) != seen:
                raise ConcurrentUpdate(f"{key} was advanced concurrently")
            fences[key] = value()

        # First in the commit, as the inbox's: a lost race fails before anything applies.
        self._uow.staged.insert(0, apply)


class InstrumentRepo(MemoryRepo):
    async def add(self, instrument: Instrument) -> None:
        self._stage(lambda: self._store.instruments.__setitem__(instrument.symbol, instrument))

    async def get(self, symbol: str) -> Instrument | None:
        return self._store.instruments.get(symbol)

    async def search(self, criteria: InstrumentSearch) -> list[Instrument]:
        found = [i for i in await self.list() if instrument_matches(i, criteria)]
        return found[: max(0, criteria.limit)]

    async def list(self) -> list[Instrument]:
        return sorted(self._store.instruments.values(), key=lambda i: i.symbol)


class RiskRuleRepo(MemoryRepo):
    async def add(self, rule: RiskRule) -> None:
        def apply() -> None:
            self._store.risk_rules[rule.id] = rule
            self._store.risk_rule_revision += 1

        self._stage(apply)

    async def get(self, rule_id: str) -> RiskRule | None:
        return self._store.risk_rules.get(rule_id)

    async def remove(self, rule_id: str) -> None:
        def apply() -> None:
            self._store.risk_rules.pop(rule_id, None)
            self._store.risk_rule_revision += 1

        self._stage(apply)

    def touch(self) -> None:
        def apply() -> None:
            self._store.risk_rule_revision += 1

        self._stage(apply)

    async def revision(self) -> int:
        return self._store.risk_rule_revision

    async def list(self, owner_id: str | None = None) -> list[RiskRule]:
        return [
            r
            for r in list(self._store.risk_rules.values())
            if owner_id is None or r.owner_id == owner_id
        ]


class TradingStateRepo(MemoryRepo):
    async def add(self, state: ScopeState) -> None:
        self._stage(lambda: self._store.trading_states.__setitem__(state.scope.key, state), state)

    async def get(self, scope_key: str) -> ScopeState | None:
        return self._seen(self._store.trading_states.get(scope_key))  # type: ignore[no-any-return]

    async def get_many(self, scope_keys: Sequence[str]) -> list[ScopeState | None]:
        states = self._store.trading_states
        return [self._seen(states.get(key)) for key in scope_keys]

    async def list(self) -> list[ScopeState]:
        return [self._seen(s) for s in list(self._store.trading_states.values())]


class KillSwitchEventRepo(MemoryRepo):
    async def add(self, event: KillSwitchEvent) -> None:
        self._stage(lambda: self._store.kill_switch_events.append(event))

    async def list(self, scope_key: str | None = None, limit: int = 100) -> list[KillSwitchEvent]:
        found = [
            e
            for e in reversed(self._store.kill_switch_events)
            if scope_key is None or e.scope.key == scope_key
        ]
        return found[:limit]


class LockoutRepo(MemoryRepo):
    async def add(self, lockout: ActivationLockout) -> None:
        self._stage(lambda: self._store.lockouts.__setitem__(lockout.principal_id, lockout))

    async def get(self, principal_id: str) -> ActivationLockout | None:
        return self._store.lockouts.get(principal_id)


class PasscodeRepo(MemoryRepo):
    async def set(self, principal_id: str, passcode_hash: str) -> None:
        self._stage(lambda: self._store.passcodes.__setitem__(principal_id, passcode_hash))

    async def get(self, principal_id: str) -> str | None:
        return self._store.passcodes.get(principal_id)

    async def hashes(self) -> dict[str, str]:
        return dict(self._store.passcodes)


class AgentRepo(MemoryRepo):
    async def add(self, agent: Agent) -> None:
        self._stage(lambda: self._store.agents.__setitem__(agent.id, agent), agent)

    async def get(self, agent_id: str) -> Agent | None:
        return self._seen(self._store.agents.get(agent_id))  # type: ignore[no-any-return]

    async def list(self, owner_id: str | None = None) -> list[Agent]:
        return [
            self._seen(a)
            for a in list(self._store.agents.values())
            if owner_id is None or a.owner_id == owner_id
        ]


class SuccessionRepo(MemoryRepo):
    async def add(self, case: SuccessionCase) -> None:
        self._stage(lambda: self._store.succession.__setitem__(case.owner_id, case), case)

    async def get(self, owner_id: str) -> SuccessionCase | None:
        return self._seen(self._store.succession.get(owner_id))  # type: ignore[no-any-return]

    async def set_beneficiaries(self, owner_id: str, beneficiaries: list[Beneficiary]) -> None:
        copy = list(beneficiaries)
        self._stage(lambda: self._store.beneficiaries.__setitem__(owner_id, copy))

    async def beneficiaries(self, owner_id: str) -> list[Beneficiary]:
        return list(self._store.beneficiaries.get(owner_id, []))

    async def list(self) -> list[SuccessionCase]:
        return [self._seen(c) for c in list(self._store.succession.values())]


class InMemoryUnitOfWork(UnitOfWorkBase):
    """A unit of work over an InMemoryStore (see the module docstring for its semantics)."""

    def __init__(self, store: InMemoryStore) -> None:
        self.store = store
        self.staged: list[Callable[[], None]] = []
        self.seen: list[Any] = []
        self.committed = False

    # Repositories are built on first use: most units of work touch two or three of them.
    accounts = Repository(AccountRepo)
    orders = Repository(OrderRepo)
    fills = Repository(FillRepo)
    order_journal = Repository(OrderJournalRepo)
    inbox = Repository(InboxRepo)
    fences = Repository(FenceRepo)
    instruments = Repository(InstrumentRepo)
    risk_rules = Repository(RiskRuleRepo)
    trading_states = Repository(TradingStateRepo)
    kill_switch_events = Repository(KillSwitchEventRepo)
    lockouts = Repository(LockoutRepo)
    passcodes = Repository(PasscodeRepo)
    agents = Repository(AgentRepo)
    succession = Repository(SuccessionRepo)
    users = Repository(UserRepo)
    login_throttles = Repository(LoginThrottleRepo)
    refresh_tokens = Repository(RefreshTokenRepo)
    revoked_tokens = Repository(RevokedTokenRepo)
    api_keys = Repository(ApiKeyRepo)
    workspaces = Repository(WorkspaceRepo)
    invitations = Repository(InvitationRepo)
    password_resets = Repository(PasswordResetRepo)

    def stage(self, apply: Callable[[], None], aggregate: Any = None) -> None:
        self.staged.append(apply)
        if aggregate is not None:
            self.seen.append(aggregate)

    async def __aenter__(self) -> Self:
        self.staged, self.seen, self.committed = [], [], False
        return self

    async def commit(self) -> None:
        for apply in self.staged:
            apply()
        self.staged = []
        self.committed = True
        self.store.commits += 1
        if retention.over(self.store):
            retention.prune(self.store)

    async def rollback(self) -> None:
        self.staged = []

    def collect_events(self) -> list[DomainEvent]:
        events: list[DomainEvent] = []
        visited: set[int] = set()
        for aggregate in self.seen:
            if id(aggregate) in visited:
                continue
            visited.add(id(aggregate))
            pending = getattr(aggregate, "events", None)
            if pending:
                events.extend(pending)
                pending.clear()
        return events


def unit_of_work_factory(store: InMemoryStore) -> Callable[[], InMemoryUnitOfWork]:
    """A factory that opens a fresh unit of work over `store`."""
    return lambda: InMemoryUnitOfWork(store)
