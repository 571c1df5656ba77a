"""Ownership checks: another principal's resource answers NotFound, never Forbidden."""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from ports.unit_of_work import UnitOfWork

SUPERVISORS = frozenset({Role.RISK_OFFICER, Role.ADMIN, Role.SYSTEM})


@dataclass(frozen=True, slots=True)
class Visibility:
    """What a principal who is not a supervisor may see: its accounts and its agents."""

    account_ids: frozenset[str]
    agent_ids: frozenset[str]


async def visibility(uow: UnitOfWork, principal: Principal) -> Visibility | None:
    """None (everything) for supervisors; an agent sees itself and its granted accounts."""
    if principal.role in SUPERVISORS:
        return None
    if principal.role is Role.AGENT:
        agent = await uow.agents.get(principal.id)
        if agent is None:
            return Visibility(frozenset(), frozenset())
        return Visibility(frozenset(agent.account_ids), frozenset({agent.id}))
    accounts = await uow.accounts.list(principal.id)
    agents = await uow.agents.list(principal.id)
    return Visibility(frozenset(a.id for a in accounts), frozenset(a.id for a in agents))


async def account_for(uow: UnitOfWork, principal: Principal, account_id: str) -> Account:
    """Load an account the principal may act on, or raise NotFound."""
    account = await uow.accounts.get(account_id)
    if account is None or not await may_act_on(uow, principal, account):
        raise NotFound(f"account {account_id} not found")
    return account


async def may_act_on(uow: UnitOfWork, principal: Principal, account: Account) -> bool:
    if principal.role in SUPERVISORS:
        return True
    if principal.role is Role.AGENT:
        agent = await uow.agents.get(principal.id)
        return agent is not None and account.id in agent.account_ids
    return account.owner_id == principal.id
