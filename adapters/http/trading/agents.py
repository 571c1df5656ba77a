"""Agents: registration, heartbeats and liveness, and the agents' API keys."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, post
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.key_scopes import needs
from adapters.http.security import HUMANS, READERS, READERS_AND_AGENTS, TRADERS, require_roles
from adapters.http.trading import TradingDep, TradingServices, problems
from adapters.http.trading.agents_schemas import (
    AgentIn,
    AgentOut,
    AgentsOut,
    ApiKeyIn,
    ApiKeysOut,
    CreatedApiKeyOut,
    HeartbeatIn,
)
from application.identity.apikeys import ApiKeyView
from application.safety.agents import RecordHeartbeat
from domain.errors import NotFound
from domain.identity.permissions import Permission
from domain.principals import Principal


async def _keys_of(
    trading: TradingServices, principal: Principal, agent_id: str
) -> list[ApiKeyView]:
    """The caller's keys of one agent they may see (404 for an agent that is not theirs)."""
    await trading.agents.status(principal, agent_id)
    return [k for k in await trading.api_keys.list(principal) if k.agent_id == agent_id]


class AgentController(Controller):
    """`/api/v1/agents`"""

    path = "/agents"

    @post(
        "/",
        summary="Register an agent on some of the caller's accounts",
        description=(
            "201 with the agent (liveness `pending` until its first heartbeat). "
            "404 NOT_FOUND for an account not the caller's; 409 CONFLICT for a taken agent id; "
            "422 INVALID_AGENT; agents: 403."
        ),
        status_code=201,
        guards=[require_roles(*HUMANS)],
        responses=problems(400, 404, 409, 422, 429, notes={422: "INVALID_AGENT"}),
    )
    async def register_agent(
        self, data: JSONBody[AgentIn], caller: CallerDep, trading: TradingDep
    ) -> AgentOut:
        status = await trading.agents.register_agent(data.to_command(caller.principal))
        return AgentOut.from_domain(status)

    @get(
        "/",
        summary="The caller's agents with their liveness (every agent for a supervisor or viewer)",
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problems(429),
    )
    async def list_agents(self, caller: CallerDep, trading: TradingDep) -> AgentsOut:
        statuses = await trading.agents.status_all(caller.principal)
        return AgentsOut.of(statuses)

    @get(
        "/{agent_id:str}",
        summary="One agent: liveness, last heartbeat and seconds since",
        description="404 NOT_FOUND for another owner's agent.",
        guards=[require_roles(*READERS_AND_AGENTS)],
        responses=problems(404, 429),
    )
    async def get_agent(
        self, agent_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> AgentOut:
        return AgentOut.from_domain(await trading.agents.status(caller.principal, agent_id))

    @post(
        "/{agent_id:str}/heartbeat",
        summary="Record a heartbeat (the agent with its API key, or its owner)",
        description=(
            "200 with the agent's liveness. A dead agent stays dead until a person resumes its "
            "scope through the kill switch. 404 NOT_FOUND for an agent the caller may not beat for."
        ),
        status_code=200,
        guards=[require_roles(*TRADERS)],
        responses=problems(400, 404, 429),
        opt=needs(Permission.READ),  # any key may say its agent is alive
    )
    async def record_heartbeat(
        self,
        agent_id: FromPath[str],
        data: JSONBody[HeartbeatIn],
        caller: CallerDep,
        trading: TradingDep,
    ) -> AgentOut:
        status = await trading.agents.record_heartbeat(
            RecordHeartbeat(caller.principal, agent_id, data.status)
        )
        return AgentOut.from_domain(status)

    @post(
        "/{agent_id:str}/keys",
        summary="Issue an API key for the agent (shown once)",
        description=(
            "201 with the key in `api_key`: only its digest is kept, so it cannot be shown again. "
            "`scopes`: what it may do (`read`, `trade`, `halt`; all three when left out); "
            "400 INVALID_SCOPES for an unknown one or `approve`, a person's alone. "
            "404 NOT_FOUND for another owner's agent; agents: 403."
        ),
        status_code=201,
        guards=[require_roles(*HUMANS)],
        responses=problems(400, 404, 429),
    )
    async def create_agent_key(
        self,
        agent_id: FromPath[str],
        caller: CallerDep,
        trading: TradingDep,
        data: JSONBody[ApiKeyIn | None] = None,
    ) -> CreatedApiKeyOut:
        label = data.label if data is not None else ""
        scopes = data.scopes if data is not None else None
        created = await trading.api_keys.create(caller.principal, agent_id, label, scopes)
        return CreatedApiKeyOut.from_domain(created)

    @get(
        "/{agent_id:str}/keys",
        summary="The agent's API keys (never their secrets)",
        description="404 NOT_FOUND for another owner's agent; agents: 403.",
        guards=[require_roles(*READERS)],
        responses=problems(404, 429),
    )
    async def list_agent_keys(
        self, agent_id: FromPath[str], caller: CallerDep, trading: TradingDep
    ) -> ApiKeysOut:
        keys = await _keys_of(trading, caller.principal, agent_id)
        return ApiKeysOut.of(keys)

    @delete(
        "/{agent_id:str}/keys/{key_id:str}",
        summary="Revoke one of the agent's API keys",
        description=(
            "204; revoking a revoked key again is a no-op. "
            "404 NOT_FOUND for a key or agent not the caller's; agents: 403."
        ),
        status_code=204,
        guards=[require_roles(*HUMANS)],
        responses=problems(404, 429),
    )
    async def revoke_agent_key(
        self,
        agent_id: FromPath[str],
        key_id: FromPath[str],
        caller: CallerDep,
        trading: TradingDep,
    ) -> None:
        keys = await _keys_of(trading, caller.principal, agent_id)
        if not any(k.key_id == key_id for k in keys):
            raise NotFound(f"API key {key_id} not found")
        await trading.api_keys.revoke(caller.principal, key_id)


CONTROLLERS: list[Any] = [AgentController]
