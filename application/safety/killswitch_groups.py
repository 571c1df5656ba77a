"""Scopes whose accounts another context keeps: a book is a named group of one owner's
accounts (application/books/scope_group.py). The kill switch cannot know them (they are
above it), so each such context adds its group here (bootstrap/containers/<context>.py:
`prepare`), and the kill switch asks it, when a scope of its kind is pulled or resumed, who
owns it and which accounts it holds now.

An account that joins a halted group later falls in it all the same: the gate reads the
group's scope with the account's own (application/trading/gate_checks.py: `scopes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from domain.errors import NotFound
from domain.killswitch.state import Scope, ScopeKind


@dataclass(frozen=True, slots=True)
class GroupMembers:
    """Who owns a group, and the accounts it holds now (in the group's order)."""

    owner_id: str
    account_ids: tuple[str, ...]


class ScopeGroup(Protocol):
    """One kind of group scope, read from the context that keeps it."""

    @property
    def kind(self) -> ScopeKind: ...

    async def members(self, group_id: str) -> GroupMembers | None:
        """The group's owner and accounts; None when there is no such group. Raises
        StoreUnavailable when it cannot tell (the last members read, where it has them,
        are answered instead)."""
        ...

    async def owned(self, owner_id: str) -> tuple[str, ...]:
        """The ids of the owner's groups of this kind."""
        ...


class ScopeGroups:
    """The group kinds the kill switch knows, by kind (empty where no context added one:
    a scope of such a kind is not found)."""

    def __init__(self) -> None:
        self._groups: dict[ScopeKind, ScopeGroup] = {}

    def add(self, group: ScopeGroup) -> None:
        self._groups[group.kind] = group

    def handles(self, kind: ScopeKind) -> bool:
        return kind in self._groups

    async def members(self, scope: Scope) -> GroupMembers:
        """The group's owner and accounts; NotFound when its kind or the group is unknown."""
        group = self._groups.get(scope.kind)
        found = None if group is None else await group.members(scope.id)
        if found is None:
            raise NotFound(f"{scope.kind.value} {scope.id} not found")
        return found

    async def owned(self, owner_id: str) -> list[Scope]:
        """Every group scope the owner has, of every kind added."""
        return [
            Scope(kind, group_id)
            for kind, group in self._groups.items()
            for group_id in await group.owned(owner_id)
        ]


__all__: Sequence[str] = ["GroupMembers", "ScopeGroup", "ScopeGroups"]
