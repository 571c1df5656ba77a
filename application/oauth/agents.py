"""The agent a grant acts as: registered by the safety context's RegisterAgent, its accounts
set again when the person consents once more with other accounts ticked."""

from __future__ import annotations

from collections.abc import Sequence

from application.safety.agents import AgentService, RegisterAgent
from domain.errors import NotFound
from domain.principals import Principal
from ports.core.unit_of_work import UnitOfWorkFactory


class SafetyGrantAgents:
    """GrantAgents (ports/oauth/agents.py) over the agents' use cases and the unit of work."""

    def __init__(self, agents: AgentService, uow_factory: UnitOfWorkFactory) -> None:
        self._agents = agents
        self._uow = uow_factory

    async def ensure(
        self, owner: Principal, agent_id: str, name: str, account_ids: Sequence[str]
    ) -> None:
        accounts = tuple(dict.fromkeys(account_ids))
        async with self._uow() as uow:
            agent = await uow.agents.get(agent_id)
            if agent is not None:
                if agent.owner_id != owner.id:
                    raise NotFound(f"agent {agent_id} not found")
                for account_id in accounts:
                    account = await uow.accounts.get(account_id)
                    if account is None or account.owner_id != owner.id:
                        raise NotFound(f"account {account_id} not found")
                agent.account_ids = accounts
                await uow.commit()
                return
        await self._agents.register_agent(RegisterAgent(owner, agent_id, name, accounts))

    async def exists(self, agent_id: str) -> bool:
        async with self._uow() as uow:
            return await uow.agents.get(agent_id) is not None

    async def accounts_of(self, owner: Principal) -> Sequence[tuple[str, str]]:
        async with self._uow() as uow:
            accounts = await uow.accounts.list(owner.id)
        return sorted(((a.id, a.name or a.id) for a in accounts), key=lambda pair: pair[1])
