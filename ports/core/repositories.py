"""Repository ports: one per aggregate, reached through the unit of work."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from domain.agents.heartbeat import Agent
from domain.killswitch.switch import ActivationLockout, KillSwitchEvent, ScopeState
from domain.risk.rules import RiskRule
from domain.succession.beneficiaries import Beneficiary
from domain.succession.case import SuccessionCase
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.instruments import AssetClass, Instrument
from domain.trading.orders import Order, OrderStatus, Side
from domain.workspaces import Workspace
from ports.core.events import AuditEntry


class AccountRepository(Protocol):
    """Accounts by id; `get` returns None for an unknown id. Loaded accounts carry open orders."""

    async def add(self, account: Account) -> None: ...

    async def get(self, account_id: str) -> Account | None: ...

    async def attach(self, account: Account) -> None:
        """Adopt an account (with its open orders) held from an earlier unit of work.

        It is then as if loaded here: `get` returns it and its changes save at commit,
        checked against its version. A copy that is no longer the stored account raises
        ConcurrentUpdate (at once or at commit): the caller forgets it and reads again.
        """
        ...

    async def version(self, account_id: str) -> int | None:
        """The stored account's version, read from the store (None: no such account): whether
        a copy held from an earlier unit of work still is the stored account."""
        ...

    async def list(self, owner_id: str | None = None) -> list[Account]: ...


ORDERS_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class OrderCursor:
    """A position in newest-first order: the last order of a page, by (created_at, id)."""

    created_at: datetime
    order_id: str


@dataclass(frozen=True, slots=True)
class OrderSearch:
    """Filters of an order search. `account_ids` None means every account (supervisors).

    `origin_id` is the id of the user, strategy or agent behind the order. An order
    without created_at sorts as if created at ORDERS_EPOCH.
    """

    account_ids: tuple[str, ...] | None = None
    statuses: frozenset[OrderStatus] | None = None
    symbol: str | None = None
    side: Side | None = None
    origin_id: str | None = None
    after: OrderCursor | None = None
    limit: int = 50


@dataclass(frozen=True, slots=True)
class OrderPeriod:
    """Orders placed in [`since`, `until`) (by created_at), oldest first by (created_at, id),
    strictly after `after` in that order, at most `limit`; `account_ids` None: every account
    (supervisors). An order without created_at is in no period."""

    since: datetime
    until: datetime
    account_ids: tuple[str, ...] | None = None
    after: OrderCursor | None = None
    limit: int = 500


class OrderRepository(Protocol):
    """Orders by id, by client order id and by idempotency key (both per account).

    `search` returns at most `limit` orders matching every filter, newest first by
    (created_at, id) descending, strictly after `after` in that order (keyset paging:
    an (account_id, created_at, id) index serves it).
    """

    async def add(self, order: Order) -> None: ...

    async def get(self, order_id: str) -> Order | None: ...

    async def by_idempotency_key(self, account_id: str, key: str) -> Order | None: ...

    async def by_client_order_id(self, account_id: str, client_order_id: str) -> Order | None: ...

    async def by_idempotency_keys(self, account_id: str, keys: list[str]) -> dict[str, Order]:
        """The account's orders stored under any of `keys`, by key (one read for a batch)."""
        ...

    async def used_client_order_ids(self, account_id: str, ids: list[str]) -> set[str]:
        """Which of `ids` the account's stored orders already use."""
        ...

    async def search(self, criteria: OrderSearch) -> list[Order]: ...

    async def in_period(self, period: OrderPeriod) -> list[Order]:
        """A page of the orders placed in a period, oldest first (the attribution export;
        the (account_id, created_at, id) and (created_at, id) indexes serve it)."""
        ...

    async def list(
        self, account_id: str | None = None, *, open_only: bool = False, limit: int = 100
    ) -> list[Order]: ...


class OrderJournalRepository(Protocol):
    """The order journal: each placed order's `order.placed` audit entry, written with the
    decision's own commit, so it is kept if and only if the decision is. The journal's
    projection (ports/core/audit.py: OrderJournalProjection) moves the entries into the audit
    chain afterwards; none is lost to a crash in between."""

    async def add(self, entries: Sequence[AuditEntry]) -> None:
        """Journal `entries` (in their order) with this unit of work's commit; each is
        stamped with the request context now, as `AuditLog.record` would stamp it."""
        ...


class FillRepository(Protocol):
    """Executions booked on accounts, append-only; a fill id already stored is ignored.

    `list` gives one account's fills (optionally of one order), oldest first by (at, id).
    """

    async def add(self, fill: Fill) -> None: ...

    async def list(self, account_id: str, order_id: str | None = None) -> list[Fill]: ...

    async def stored(self, fill_ids: Collection[str]) -> set[str]:
        """Which of `fill_ids` are stored already (a broker may return a fill again: to a
        restarted adapter, or to a sync after a send booked it)."""
        ...


class FenceRepository(Protocol):
    """Counters that serialize units of work across instances without a lock.

    A unit reads a key (`read`: 0 for a key never advanced) and may `advance` it: at commit
    the stored value must still be the one this unit first read, and it becomes that plus
    the unit's advances; else the commit fails with ConcurrentUpdate (the caller decides
    again on fresh reads). So two units that read the same value cannot both commit. Within
    the unit, `read` counts its own advances.
    """

    async def read(self, key: str) -> int: ...

    def advance(self, key: str, by: int = 1) -> None:
        """Stage `by` more on `key`, which this unit has read (else ValueError)."""
        ...


class InboxRepository(Protocol):
    """Ids of the messages (Kafka commands) whose effect is committed: exactly-once effects.

    A use case given a message id checks `seen` and `add`s the id in the unit of work
    that commits the effect, so a redelivered message finds it and does nothing; two
    deliveries racing in parallel cannot both commit (the id is unique).
    """

    async def seen(self, message_id: str) -> bool: ...

    async def add(self, message_id: str, kind: str, at: datetime) -> None: ...


@dataclass(frozen=True, slots=True)
class InstrumentSearch:
    """Filters of an instrument search, by symbol ascending (keyset paging after `after`).

    `prefix` matches the start of the symbol (upper case) or of the name (case-insensitive);
    `after` is the last symbol of the previous page; `identifier` (upper case) matches an
    instrument whose CUSIP, ISIN or FIGI is exactly it.
    """

    prefix: str | None = None
    asset_class: AssetClass | None = None
    active: bool | None = None
    after: str | None = None
    limit: int = 50
    identifier: str | None = None


class InstrumentRepository(Protocol):
    """Reference data: instruments by symbol; `add` inserts or replaces by symbol.

    `search` returns at most `limit` instruments matching every filter, by symbol, each
    strictly after `after`.
    """

    async def add(self, instrument: Instrument) -> None: ...

    async def get(self, symbol: str) -> Instrument | None: ...

    async def search(self, criteria: InstrumentSearch) -> list[Instrument]: ...

    async def list(self) -> list[Instrument]: ...


class RiskRuleRepository(Protocol):
    """Risk rules. `list` without owner returns every rule (GLOBAL rules apply to all)."""

    async def add(self, rule: RiskRule) -> None: ...

    async def get(self, rule_id: str) -> RiskRule | None: ...

    async def remove(self, rule_id: str) -> None: ...

    async def list(self, owner_id: str | None = None) -> list[RiskRule]: ...

    async def revision(self) -> int:
        """The rules' revision: it changes with every `add` and `remove`, committed in the same
        transaction, so a policy compiled at one revision is current while it is unchanged,
        for every process sharing the store."""
        ...

    def touch(self) -> None:
        """Change the revision at commit with no rule changed: limits kept elsewhere that the
        order path judges with the rules (a book's) were written."""
        ...


class TradingStateRepository(Protocol):
    """The durable trading state of each scope; an absent scope is ACTIVE."""

    async def add(self, state: ScopeState) -> None: ...

    async def get(self, scope_key: str) -> ScopeState | None: ...

    async def get_many(self, scope_keys: Sequence[str]) -> list[ScopeState | None]:
        """The state of each key, in order (None where absent), in one read."""
        ...

    async def list(self) -> list[ScopeState]: ...


class KillSwitchEventRepository(Protocol):
    """Append-only record of kill-switch activations, newest first when listed."""

    async def add(self, event: KillSwitchEvent) -> None: ...

    async def list(
        self, scope_key: str | None = None, limit: int = 100
    ) -> list[KillSwitchEvent]: ...


class LockoutRepository(Protocol):
    """Failed-passcode counters per principal."""

    async def add(self, lockout: ActivationLockout) -> None: ...

    async def get(self, principal_id: str) -> ActivationLockout | None: ...


class PasscodeRepository(Protocol):
    """Kill-switch passcode hashes per principal (hashes only, never the passcode)."""

    async def set(self, principal_id: str, passcode_hash: str) -> None: ...

    async def get(self, principal_id: str) -> str | None: ...

    async def hashes(self) -> dict[str, str]:
        """Every principal's hash (read into the kill switch's memory for a store outage)."""
        ...


class AgentRepository(Protocol):
    """Agents and their last heartbeat."""

    async def add(self, agent: Agent) -> None: ...

    async def get(self, agent_id: str) -> Agent | None: ...

    async def list(self, owner_id: str | None = None) -> list[Agent]: ...


class SuccessionRepository(Protocol):
    """Succession cases (one per owner) and each owner's beneficiaries."""

    async def add(self, case: SuccessionCase) -> None: ...

    async def get(self, owner_id: str) -> SuccessionCase | None: ...

    async def set_beneficiaries(self, owner_id: str, beneficiaries: list[Beneficiary]) -> None: ...

    async def beneficiaries(self, owner_id: str) -> list[Beneficiary]: ...

    async def list(self) -> list[SuccessionCase]: ...


class WorkspaceRepository(Protocol):
    """Saved workspaces by id; `list` gives one user's by name; removing unknown ids is a no-op."""

    async def add(self, workspace: Workspace) -> None: ...

    async def get(self, workspace_id: str) -> Workspace | None: ...

    async def list(self, user_id: str) -> list[Workspace]: ...

    async def remove(self, workspace_id: str) -> None: ...
