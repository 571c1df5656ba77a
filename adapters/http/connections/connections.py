"""`/api/v1/connections`: an owner's venue connections; the secrets never come back."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, post
from litestar.params import FromPath, JSONBody

from adapters.http.connections import ConnectionsDep, problems
from adapters.http.connections.schemas import ConnectionIn, ConnectionOut, ConnectionsOut, RotateIn
from adapters.http.deps import CallerDep
from adapters.http.security import reject_agents

_OWNER_ONLY = "Only the connection's owner: 404 NOT_FOUND for another's, agents 403."


class ConnectionController(Controller):
    """Create, list, show, test, rotate and revoke venue connections."""

    path = "/connections"
    guards = (reject_agents,)

    @post(
        "/",
        summary="Create a venue connection (its credentials sealed in the key vault)",
        description=(
            "Checked at once with the venue's cheapest authenticated call: 422 "
            "CONNECTION_AUTH_FAILED when the venue refuses the credentials (nothing is kept); "
            "a venue that does not answer keeps the connection, `check.outcome` unreachable. "
            "422 INVALID_CONNECTION names the field that does not fit the kind. Accounts "
            "opened with `broker` set to the connection's id trade through it."
        ),
        responses=problems(400, 409, 422),
        status_code=201,
    )
    async def create_connection(
        self, data: JSONBody[ConnectionIn], caller: CallerDep, connections: ConnectionsDep
    ) -> ConnectionOut:
        view = await connections.service.create(data.to_command(caller.principal))
        return ConnectionOut.from_domain(view)

    @get("/", summary="Your venue connections, revoked ones included")
    async def list_connections(
        self, caller: CallerDep, connections: ConnectionsDep
    ) -> ConnectionsOut:
        views = await connections.service.list(caller.principal)
        return ConnectionsOut(connections=[ConnectionOut.from_domain(v) for v in views])

    @get(
        "/{connection_id:str}",
        summary="One venue connection",
        description=_OWNER_ONLY,
        responses=problems(404),
    )
    async def get_connection(
        self, connection_id: FromPath[str], caller: CallerDep, connections: ConnectionsDep
    ) -> ConnectionOut:
        return ConnectionOut.from_domain(
            await connections.service.show(caller.principal, connection_id)
        )

    @post(
        "/{connection_id:str}/test",
        summary="Check the connection with the venue's cheapest authenticated call",
        description=f"`check.outcome`: ok, refused or unreachable. {_OWNER_ONLY}",
        responses=problems(404, 409),
        status_code=200,
    )
    async def test_connection(
        self, connection_id: FromPath[str], caller: CallerDep, connections: ConnectionsDep
    ) -> ConnectionOut:
        return ConnectionOut.from_domain(
            await connections.service.test(caller.principal, connection_id)
        )

    @post(
        "/{connection_id:str}/rotate",
        summary="Rotate the connection's credentials",
        description=(
            "Calls under way finish on the old credentials; the next call uses the new ones; "
            "the old ones stay usable for the vault's grace period, tried only when the venue "
            f"refuses the new. 409 CONNECTION_REVOKED for a revoked one. {_OWNER_ONLY}"
        ),
        responses=problems(400, 404, 409, 422),
        status_code=200,
    )
    async def rotate_connection(
        self,
        connection_id: FromPath[str],
        data: JSONBody[RotateIn],
        caller: CallerDep,
        connections: ConnectionsDep,
    ) -> ConnectionOut:
        view = await connections.service.rotate(data.to_command(caller.principal, connection_id))
        return ConnectionOut.from_domain(view)

    @delete(
        "/{connection_id:str}",
        summary="Revoke a venue connection",
        description=(
            "Its credentials are deleted from the vault and its adapter closed; its accounts' "
            f"orders are refused from now on. 409 CONNECTION_REVOKED when already. {_OWNER_ONLY}"
        ),
        status_code=204,
        responses=problems(404, 409),
    )
    async def revoke_connection(
        self, connection_id: FromPath[str], caller: CallerDep, connections: ConnectionsDep
    ) -> None:
        await connections.service.revoke(caller.principal, connection_id)


CONTROLLERS: list[Any] = [ConnectionController]
