"""Who may see and who may act: another principal's resource answers NotFound, never Forbidden.

Seeing and acting are separate questions. Supervisors (risk officers, admins, the system) see
and act on every account; a viewer (a desk observer: on-call, auditor) sees every account and
acts on none, so a viewer's change answers Forbidden (the resource is visible, so NotFound
would lie); everyone else sees and acts on their own accounts (an agent: its granted ones).
Reads go through `visibility` / `may_see` / `account_seen`; writes through `may_act_on` /
`account_for` / `ensure_may_change`; what only an account's owner may do, through
`owned_account`; any other owned resource (a portfolio, a strategy, a key), through `owned_by`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypeVar

from domain.errors import DomainError, Forbidden, NotFound
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from ports.core.unit_of_work import UnitOfWork

# See everything and act on everything.
SUPERVISORS = frozenset({Role.RISK_OFFICER, Role.ADMIN, Role.SYSTEM})
# See everything and change nothing.
OBSERVERS = frozenset({Role.VIEWER})
# Everyone whose visibility is "everything".
SEES_ALL = SUPERVISORS | OBSERVERS

READ_ONLY_MESSAGE = "a viewer may read but not change anything"


class Owned(Protocol):
    """A resource that belongs to one principal."""

    @property
    def owner_id(self) -> str: ...


Resource = TypeVar("Resource", bound=Owned)


@dataclass(frozen=True, slots=True)
class Visibility:
    """What a principal who does not see everything may see: its accounts and its agents."""

    account_ids: frozenset[str]
    agent_ids: frozenset[str]


def sees_everything(principal: Principal) -> bool:
    """Supervisors and viewers read every account, agent, order and rule."""
    return principal.role in SEES_ALL


def is_read_only(principal: Principal) -> bool:
    """A viewer: every change it asks for is refused, whatever it is about."""
    return principal.role in OBSERVERS


def ensure_may_change(principal: Principal) -> None:
    """Raise Forbidden for a viewer; the first line of every use case that changes state."""
    if principal.role in OBSERVERS:
        raise Forbidden(READ_ONLY_MESSAGE)


async def visibility(uow: UnitOfWork, principal: Principal) -> Visibility | None:
    """None (everything) for supervisors and viewers; an agent sees itself and its accounts."""
    if principal.role in SEES_ALL:
        return None
    if principal.role is Role.AGENT:
        agent = await uow.agents.get(principal.id)
        if agent is None:
            return Visibility(frozenset(), frozenset())
        return Visibility(frozenset(agent.account_ids), frozenset({agent.id}))
    accounts = await uow.accounts.list(principal.id)
    agents = await uow.agents.list(principal.id)
    return Visibility(frozenset(a.id for a in accounts), frozenset(a.id for a in agents))


async def account_seen(uow: UnitOfWork, principal: Principal, account_id: str) -> Account:
    """Load an account the principal may read, or raise NotFound."""
    account = await uow.accounts.get(account_id)
    if account is None or not await may_see(uow, principal, account):
        raise NotFound(f"account {account_id} not found")
    return account


async def account_for(uow: UnitOfWork, principal: Principal, account_id: str) -> Account:
    """Load an account the principal may act on: NotFound if unseen, Forbidden for a viewer."""
    account = await uow.accounts.get(account_id)
    if account is None:
        raise NotFound(f"account {account_id} not found")
    ensure_may_change(principal)
    if not await may_act_on(uow, principal, account):
        raise NotFound(f"account {account_id} not found")
    return account


async def owned_account(uow: UnitOfWork, principal: Principal, account_id: str) -> Account:
    """The principal's own account; NotFound for anyone else's, as for an unknown id."""
    account = await uow.accounts.get(account_id)
    return owned_by(principal, account, NotFound(f"account {account_id} not found"))


def owned_by(principal: Principal, found: Resource | None, refusal: DomainError) -> Resource:
    """`found` when it is the principal's own; `refusal` raised when it is absent or another
    principal's (both answered alike, so an id reveals nothing of someone else's)."""
    if found is None or found.owner_id != principal.id:
        raise refusal
    return found


async def may_see(uow: UnitOfWork, principal: Principal, account: Account) -> bool:
    """Whether the principal may read this account (its positions, orders, rules, state)."""
    if principal.role in SEES_ALL:
        return True
    return await _owns_or_granted(uow, principal, account)


async def may_act_on(uow: UnitOfWork, principal: Principal, account: Account) -> bool:
    """Whether the principal may change this account (orders, rules, the kill switch)."""
    if principal.role in OBSERVERS:
        return False
    if principal.role in SUPERVISORS:
        return True
    return await _owns_or_granted(uow, principal, account)


async def person_acting(uow: UnitOfWork, principal: Principal, account: Account) -> str | None:
    """Whom the principal's change of this account is answerable to: the person themselves, or
    an agent's owner; None when it may not act on it (`may_act_on`'s answer, with its reads)."""
    if principal.role is Role.AGENT:
        agent = await uow.agents.get(principal.id)
        if agent is None or account.id not in agent.account_ids:
            return None
        return agent.owner_id
    return principal.id if await may_act_on(uow, principal, account) else None


async def _owns_or_granted(uow: UnitOfWork, principal: Principal, account: Account) -> bool:
    if principal.role is Role.AGENT:
        agent = await uow.agents.get(principal.id)
        return agent is not None and account.id in agent.account_ids
    return account.owner_id == principal.id
