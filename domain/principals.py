"""Principals and roles: who is acting."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a principal may do."""

    OWNER = "owner"
    TRADER = "trader"
    RISK_OFFICER = "risk_officer"
    ADMIN = "admin"
    AGENT = "agent"
    SYSTEM = "system"
    # A desk observer (on-call, auditor): reads what a risk officer reads, changes nothing.
    VIEWER = "viewer"


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated actor: a user, an agent, or the system itself. `permissions`: what an
    agent's key or token may do (domain/identity/permissions.py); None for a person or the
    system, who may do what the role allows."""

    id: str
    role: Role
    permissions: frozenset[str] | None = field(default=None, compare=False)

    def may(self, permission: str) -> bool:
        """Whether the principal's key or token grants `permission` (a person's always does)."""
        return self.permissions is None or permission in self.permissions

    @classmethod
    def system(cls) -> Principal:
        return cls("system", Role.SYSTEM)
