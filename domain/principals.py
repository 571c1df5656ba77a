"""Principals and roles: who is acting."""

from __future__ import annotations

from dataclasses import dataclass
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
    """An authenticated actor: a user, an agent, or the system itself."""

    id: str
    role: Role

    @classmethod
    def system(cls) -> Principal:
        return cls("system", Role.SYSTEM)
