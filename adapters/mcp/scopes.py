"""Which tools a caller's scopes allow: the MCP server lists only those (a read-only key's
session lists no tool that changes anything), and the API refuses the rest on its own
(adapters/http/key_scopes.py) whatever a client calls."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

# The scope each tool's calls need; a tool not named here only reads.
TOOL_SCOPES: dict[str, str] = {
    "place_order": "trade",
    "cancel_order": "trade",
    "halt_trading": "halt",
}
READ = "read"

T = TypeVar("T")


def needed(tool: str) -> str:
    return TOOL_SCOPES.get(tool, READ)


def allowed(tools: Iterable[T], granted: frozenset[str] | None) -> list[T]:
    """The tools `granted` allows (every one where None: a person's session)."""
    if granted is None:
        return list(tools)
    return [t for t in tools if needed(str(getattr(t, "name", ""))) in granted]


__all__: Sequence[str] = ["TOOL_SCOPES", "allowed", "needed"]
