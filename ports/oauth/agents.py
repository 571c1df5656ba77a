"""The agent a grant acts as, made or kept by the safety context's use cases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from domain.principals import Principal


class GrantAgents(Protocol):
    """The owner's agent for a client: registered on the accounts the person ticked."""

    async def ensure(
        self, owner: Principal, agent_id: str, name: str, account_ids: Sequence[str]
    ) -> None:
        """Register the agent on these accounts of the owner's, or set the accounts of the
        owner's agent of that id; NotFound for an account (or agent) not the owner's."""

    async def exists(self, agent_id: str) -> bool: ...

    async def accounts_of(self, owner: Principal) -> Sequence[tuple[str, str]]:
        """The owner's accounts an agent may be granted: (id, name), by name."""
