"""Workspace DTOs: a user's named screen layouts (seed table user_workspaces)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror
from application.identity.workspaces import SaveWorkspace
from domain.principals import Principal
from domain.workspaces import MAX_NAME_LENGTH, Workspace


class WorkspaceIn(Input):
    """Create the caller's workspace of that name, or replace its layout."""

    workspace_name: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_NAME_LENGTH)]
    layout_json: dict[str, Any]
    is_default: bool = False

    def to_command(self, principal: Principal) -> SaveWorkspace:
        return SaveWorkspace(principal, self.workspace_name, self.layout_json, self.is_default)


class WorkspaceOut(Mirror[Workspace]):
    id: str
    workspace_name: str
    layout_json: dict[str, Any]
    is_default: bool
    created_at: datetime
    updated_at: datetime


class WorkspacesOut(ItemsOut):
    items: list[WorkspaceOut]
