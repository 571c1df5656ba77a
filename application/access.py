"""Ownership checks: another principal's resource answers NotFound, never Forbidden."""

from __future__ import annotations

from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from ports.unit_of_work import UnitOfWork

SUPERVISORS = frozenset({Role.RISK_OFFICER, Role.ADMIN, Role.SYSTEM})


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
