"""Workspaces: a user's saved screen layouts, one of them the default."""

from domain.workspaces.workspace import (
    MAX_NAME_LENGTH,
    InvalidWorkspace,
    Workspace,
    validate_layout,
    validate_workspace_name,
)

__all__ = [
    "MAX_NAME_LENGTH",
    "InvalidWorkspace",
    "Workspace",
    "validate_layout",
    "validate_workspace_name",
]
