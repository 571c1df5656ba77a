"""A saved workspace: a named JSON layout of a user's screens (seed table user_workspaces)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain.errors import DomainError

MAX_NAME_LENGTH = 100
MAX_LAYOUT_DEPTH = 32  # deeper JSON is a mistake or an attack on the encoder, not a layout


class InvalidWorkspace(DomainError):
    """A workspace name or layout that cannot be saved."""

    code = "INVALID_WORKSPACE"


@dataclass(slots=True, eq=False)
class Workspace:
    """One user's named layout; at most one of a user's workspaces is the default."""

    id: str
    user_id: str
    workspace_name: str
    layout_json: dict[str, Any]
    is_default: bool
    created_at: datetime
    updated_at: datetime

    def update_layout(self, layout: dict[str, Any], now: datetime) -> None:
        self.layout_json = layout
        self.updated_at = now

    def set_default(self, is_default: bool, now: datetime) -> None:
        if self.is_default != is_default:
            self.is_default = is_default
            self.updated_at = now


def validate_workspace_name(name: str) -> str:
    """The trimmed name; InvalidWorkspace when empty, too long or holding control characters."""
    trimmed = name.strip()
    if not trimmed:
        raise InvalidWorkspace("workspace name must not be empty")
    if len(trimmed) > MAX_NAME_LENGTH:
        raise InvalidWorkspace(f"workspace name must be at most {MAX_NAME_LENGTH} characters")
    if any(not ch.isprintable() for ch in trimmed):
        raise InvalidWorkspace("workspace name must hold printable characters only")
    return trimmed


def validate_layout(layout: object, max_bytes: int) -> dict[str, Any]:
    """A detached copy of `layout` when it is a JSON object of at most `max_bytes` (UTF-8)."""
    if not isinstance(layout, dict):
        raise InvalidWorkspace("layout must be a JSON object")
    _check_depth(layout, 0)
    try:
        encoded = json.dumps(layout, allow_nan=False, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise InvalidWorkspace(f"layout is not valid JSON: {exc}") from None
    size = len(encoded.encode())
    if size > max_bytes:
        raise InvalidWorkspace(f"layout is {size} bytes; at most {max_bytes} are allowed")
    copy: dict[str, Any] = json.loads(encoded)
    return copy


def _check_depth(value: object, depth: int) -> None:
    if depth > MAX_LAYOUT_DEPTH:
        raise InvalidWorkspace(f"layout nests deeper than {MAX_LAYOUT_DEPTH} levels")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidWorkspace("layout keys must be strings")
            _check_depth(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_depth(item, depth + 1)
