"""Agent DTOs: registration, heartbeats, liveness and API keys (the secret shown once)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output
from adapters.http.wire_format import AnalyticOut
from application.identity.apikeys import ApiKeyView, CreatedApiKey
from application.safety.agents import AgentStatus, RegisterAgent
from domain.agents.heartbeat import DEFAULT_THRESHOLD, Liveness
from domain.principals import Principal

AgentId = Annotated[
    str, msgspec.Meta(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
]
AccountId = Annotated[str, msgspec.Meta(min_length=1, max_length=128)]


class AgentIn(Input):
    """Register an agent that may trade on some of the caller's accounts."""

    agent_id: AgentId
    name: Annotated[str, msgspec.Meta(max_length=200)] = ""
    account_ids: Annotated[list[AccountId], msgspec.Meta(max_length=100)] = msgspec.field(
        default_factory=list
    )
    heartbeat_threshold_seconds: Annotated[float, msgspec.Meta(gt=0, le=86_400)] = (
        DEFAULT_THRESHOLD.total_seconds()
    )

    def to_command(self, owner: Principal) -> RegisterAgent:
        return RegisterAgent(
            owner=owner,
            agent_id=self.agent_id,
            name=self.name,
            account_ids=tuple(self.account_ids),
            threshold=timedelta(seconds=self.heartbeat_threshold_seconds),
        )


class HeartbeatIn(Input):
    """A heartbeat; `status` is what the agent reports about itself."""

    status: Annotated[str, msgspec.Meta(min_length=1, max_length=64)] = "ok"


class AgentOut(Output):
    """An agent's liveness: `dead` once overdue; `declared_dead` once the monitor halted it."""

    agent_id: str
    owner_id: str
    name: str
    account_ids: list[str]
    liveness: Liveness
    declared_dead: bool
    threshold_seconds: AnalyticOut
    reported_status: str
    last_heartbeat: datetime | None = None
    seconds_since_heartbeat: AnalyticOut | None = None
    died_at: datetime | None = None

    @classmethod
    def from_domain(cls, status: AgentStatus) -> AgentOut:
        return cls.from_attributes(status, account_ids=list(status.account_ids))


class AgentsOut(ItemsOut):
    items: list[AgentOut]


class ApiKeyIn(Input):
    """A key's label, and the scopes it may use: `read`, `trade`, `halt` (engage the kill
    switch, never release it); all three when left out. `approve` is a person's alone."""

    label: Annotated[str, msgspec.Meta(max_length=100)] = ""
    scopes: (
        Annotated[
            list[Annotated[str, msgspec.Meta(max_length=16)]],
            msgspec.Meta(min_length=1, max_length=4),
        ]
        | None
    ) = None


class CreatedApiKeyOut(Mirror[CreatedApiKey]):
    """The new key; `api_key` is shown this once (send it as `X-API-Key`) and never again."""

    key_id: str
    agent_id: str
    api_key: str
    created_at: datetime
    scopes: list[str]


class ApiKeyOut(Output):
    """A key as listed: never its secret."""

    key_id: str
    agent_id: str
    label: str
    created_at: datetime
    revoked: bool
    scopes: list[str]
    revoked_at: datetime | None = None
    last_used_at: datetime | None = None

    @classmethod
    def from_domain(cls, key: ApiKeyView) -> ApiKeyOut:
        return cls.from_attributes(key, revoked=key.revoked_at is not None)


class ApiKeysOut(ItemsOut):
    items: list[ApiKeyOut]
