"""Workspaces: the caller's saved screen layouts under `/api/v1/user`."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Response, delete, get, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.identity import IdentityDep, problems
from adapters.http.identity.workspaces_schemas import WorkspaceIn, WorkspaceOut, WorkspacesOut
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import reject_agents


class WorkspaceController(Controller):
    """`/api/v1/user/workspace(s)` — a person's own layouts; agents get 403."""

    path = "/user"
    guards = (reject_agents,)

    @get(
        "/workspace",
        summary="The caller's default workspace",
        description="404 NOT_FOUND when none is saved.",
        responses=problems(404, 429),
    )
    async def get_default_workspace(self, caller: CallerDep, identity: IdentityDep) -> WorkspaceOut:
        return WorkspaceOut.from_domain(await identity.workspaces.default(caller.principal))

    @post(
        "/workspace",
        summary="Save a workspace by name: 201 when created, 200 when its layout was replaced",
        description=(
            "The first workspace saved becomes the default; `is_default` moves the default to "
            "this one. 422 INVALID_WORKSPACE for a bad name or a layout that is not a JSON object, "
            "too large or too deep."
        ),
        status_code=201,
        responses={
            200: ResponseSpec(WorkspaceOut, description="The layout of the workspace was replaced"),
            **problems(400, 422, 429, notes={422: "INVALID_WORKSPACE"}),
        },
        opt=VIEWER_MAY_CALL,
    )
    async def save_workspace(
        self, data: JSONBody[WorkspaceIn], caller: CallerDep, identity: IdentityDep
    ) -> Response[WorkspaceOut]:
        before = {w.id for w in await identity.workspaces.list(caller.principal)}
        workspace = await identity.workspaces.save(data.to_command(caller.principal))
        created = workspace.id not in before
        return Response(WorkspaceOut.from_domain(workspace), status_code=201 if created else 200)

    @get(
        "/workspaces",
        summary="The caller's workspaces, by name",
        responses=problems(429),
    )
    async def list_workspaces(self, caller: CallerDep, identity: IdentityDep) -> WorkspacesOut:
        found = await identity.workspaces.list(caller.principal)
        return WorkspacesOut.of(found)

    @delete(
        "/workspaces/{workspace_id:str}",
        summary="Delete one of the caller's workspaces",
        description=(
            "204. When it was the default, the most recently updated other one becomes it. "
            "404 NOT_FOUND for another user's workspace."
        ),
        status_code=204,
        responses=problems(404, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def delete_workspace(
        self, workspace_id: FromPath[str], caller: CallerDep, identity: IdentityDep
    ) -> None:
        await identity.workspaces.delete(caller.principal, workspace_id)


CONTROLLERS: list[Any] = [WorkspaceController]
