"""Grant DTOs: what a person sees of the assistants they let act as their agents."""

from __future__ import annotations

from datetime import datetime

from adapters.http.schemas.common import Output
from domain.identity.permissions import permissions_text
from domain.oauth.grants import Grant


class GrantOut(Output):
    """A person's consent to an OAuth client: the agent it acts as, its scopes, the resource
    its tokens are for; `revoked_at` once revoked (its tokens then answer 401)."""

    id: str
    client_id: str
    agent_id: str
    scopes: list[str]
    resource: str
    created_at: datetime
    revoked_at: datetime | None = None

    @classmethod
    def from_domain(cls, grant: Grant) -> GrantOut:
        return cls(
            id=grant.id,
            client_id=grant.client_id,
            agent_id=grant.agent_id,
            scopes=permissions_text(grant.scopes).split(),
            resource=grant.resource,
            created_at=grant.created_at,
            revoked_at=grant.revoked_at,
        )


class GrantsOut(Output):
    grants: list[GrantOut]
