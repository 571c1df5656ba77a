"""`/api/v1/oauth/grants`: the assistants a person let act as their agents, and revoking one."""

from __future__ import annotations

from litestar import Controller, delete, get
from litestar.params import FromPath

from adapters.http.deps import CallerDep
from adapters.http.oauth import OauthDep, problems
from adapters.http.oauth.schemas import GrantOut, GrantsOut
from adapters.http.security import reject_agents


class GrantController(Controller):
    """A person's OAuth grants; another person's answers 404, an agent 403."""

    path = "/oauth/grants"
    guards = (reject_agents,)

    @get("/", summary="Your OAuth grants: the assistants acting as your agents")
    async def list_grants(self, caller: CallerDep, oauth: OauthDep) -> GrantsOut:
        grants = await oauth.service.grants(caller.principal)
        return GrantsOut(grants=[GrantOut.from_domain(g) for g in grants])

    @delete(
        "/{grant_id:str}",
        summary="Revoke an OAuth grant: its tokens answer 401 from the next request on",
        description="404 NOT_FOUND for a grant that is not yours. Revoking twice is a no-op.",
        responses=problems(404),
        status_code=200,
    )
    async def revoke_grant(
        self, grant_id: FromPath[str], caller: CallerDep, oauth: OauthDep
    ) -> GrantOut:
        return GrantOut.from_domain(await oauth.service.revoke_grant(caller.principal, grant_id))


CONTROLLERS = [GrantController]
