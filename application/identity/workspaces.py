"""Workspace use cases: save, list, pick the default and delete a user's screen layouts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.errors import NotFound
from domain.principals import Principal
from domain.workspaces import Workspace, validate_layout, validate_workspace_name
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory

DEFAULT_MAX_LAYOUT_BYTES = 262_144


@dataclass(frozen=True, slots=True)
class SaveWorkspace:
    """Create the principal's workspace of that name, or replace its layout."""

    principal: Principal
    workspace_name: str
    layout: dict[str, Any]
    is_default: bool = False


@dataclass(eq=False)
class WorkspaceService:
    """A user's workspaces; the first one saved is the default, and only one is at a time."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    ids: IdGenerator
    max_layout_bytes: int = DEFAULT_MAX_LAYOUT_BYTES

    async def save(self, cmd: SaveWorkspace) -> Workspace:
        name = validate_workspace_name(cmd.workspace_name)
        layout = validate_layout(cmd.layout, self.max_layout_bytes)
        user_id = cmd.principal.id
        now = self.clock.now()
        async with self.uow_factory() as uow:
            existing = await uow.workspaces.list(user_id)
            workspace = next((w for w in existing if w.workspace_name == name), None)
            if workspace is None:
                workspace = Workspace(
                    self.ids.new("ws-"), user_id, name, layout, not existing, now, now
                )
            else:
                workspace.update_layout(layout, now)
            if cmd.is_default:
                for other in existing:
                    if other is not workspace and other.is_default:
                        other.set_default(False, now)
                        await uow.workspaces.add(other)
                workspace.set_default(True, now)
            await uow.workspaces.add(workspace)
            await uow.commit()
        return workspace

    async def default(self, principal: Principal) -> Workspace:
        """The default workspace (the most recently updated one should none be marked)."""
        async with self.uow_factory() as uow:
            workspaces = await uow.workspaces.list(principal.id)
        if not workspaces:
            raise NotFound("no workspace saved")
        marked = [w for w in workspaces if w.is_default]
        return marked[0] if marked else max(workspaces, key=lambda w: (w.updated_at, w.id))

    async def get(self, principal: Principal, workspace_id: str) -> Workspace:
        """One of the principal's workspaces; another user's id is NotFound."""
        async with self.uow_factory() as uow:
            return await _own(uow, principal, workspace_id)

    async def list(self, principal: Principal) -> list[Workspace]:
        """The principal's workspaces by name."""
        async with self.uow_factory() as uow:
            return await uow.workspaces.list(principal.id)

    async def delete(self, principal: Principal, workspace_id: str) -> None:
        """Delete one; when it was the default, the most recently updated other one becomes it."""
        now = self.clock.now()
        async with self.uow_factory() as uow:
            workspace = await _own(uow, principal, workspace_id)
            await uow.workspaces.remove(workspace.id)
            if workspace.is_default:
                rest = [w for w in await uow.workspaces.list(principal.id) if w.id != workspace.id]
                if rest:
                    heir = max(rest, key=lambda w: (w.updated_at, w.id))
                    heir.set_default(True, now)
                    await uow.workspaces.add(heir)
            await uow.commit()


async def _own(uow: UnitOfWork, principal: Principal, workspace_id: str) -> Workspace:
    workspace = await uow.workspaces.get(workspace_id)
    if workspace is None or workspace.user_id != principal.id:
        raise NotFound(f"workspace {workspace_id} not found")
    return workspace
