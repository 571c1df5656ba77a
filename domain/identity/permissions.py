"""What an agent's key or token may do: its permissions (the MCP and OAuth world's "scopes").

- `read`: every read of the principal's own (accounts, orders, positions, quotes, limits, the
  kill switch's state);
- `trade`: place and cancel orders, heartbeats, and every other change an agent may make;
- `halt`: engage the kill switch on the agent's own scope or an account granted to it, never
  release it;
- `approve`: decide an order held for a person. It is a person's alone and never granted to an
  agent's key or token.

A person's session carries no list: the person may do what their role allows.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from domain.errors import DomainError, Forbidden


class Permission(StrEnum):
    READ = "read"
    TRADE = "trade"
    HALT = "halt"
    APPROVE = "approve"


# What a key issued without a list may do: everything an agent may (what keys did before).
AGENT_DEFAULT = frozenset({Permission.READ, Permission.TRADE, Permission.HALT})
# Never an agent's, whatever its key asks.
PEOPLE_ONLY = frozenset({Permission.APPROVE})


class InvalidPermissions(DomainError):
    code = "INVALID_SCOPES"


class InsufficientScope(Forbidden):
    """The key or token is known, but not given the scope this call needs (403)."""

    code = "INSUFFICIENT_SCOPE"

    def __init__(self, needed: str) -> None:
        super().__init__(f"this key or token does not have the {needed!r} scope")
        self.needed = needed


def agent_permissions(names: Iterable[str] | None) -> frozenset[Permission]:
    """The permissions an agent's key or token is given: `names` checked (known, never a
    person's own), the default when none are named."""
    if names is None:
        return AGENT_DEFAULT
    listed = [str(name).strip().lower() for name in names]
    unknown = sorted({n for n in listed if n not in Permission.__members__.values()})
    if unknown:
        known = ", ".join(p.value for p in Permission if p not in PEOPLE_ONLY)
        raise InvalidPermissions(f"unknown scope {', '.join(unknown)}: the scopes are {known}")
    chosen = frozenset(Permission(n) for n in listed)
    if chosen & PEOPLE_ONLY:
        raise InvalidPermissions("the approve scope is a person's and never an agent's")
    if not chosen:
        raise InvalidPermissions("a key needs at least one scope (read, trade or halt)")
    return chosen


def permissions_text(permissions: Iterable[Permission]) -> str:
    """As stored and shown: the names in a stable order, space-separated (OAuth's form)."""
    order = list(Permission)
    return " ".join(p.value for p in sorted(set(permissions), key=order.index))


def parse_permissions_text(text: str) -> frozenset[Permission]:
    return frozenset(Permission(name) for name in text.split())
