"""Rebalance proposals and each owner's autopilot limits, as stored; and the order gate.

A proposal is stored when made (dry run) and read back by id to execute it: `get` answers
None for an unknown id (the application answers 404 also when the owner differs).
`mark_executed(id, at, order_ids)` moves a PROPOSED proposal to EXECUTED atomically and
answers True; False when it was not PROPOSED (executed already: the caller replays).
Limits: one row per owner (`put_limits` upserts; `all_limits` lists them by owner id).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from domain.rebalancing.proposal import Proposal

__all__ = [
    "AutopilotLimits",
    "ProposalStatus",
    "RebalanceStore",
    "StoredProposal",
]


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    EXECUTED = "executed"


@dataclass(frozen=True, slots=True)
class StoredProposal:
    id: str
    owner_id: str
    portfolio_id: str
    created_at: datetime
    proposal: Proposal
    status: ProposalStatus = ProposalStatus.PROPOSED
    executed_at: datetime | None = None
    order_ids: tuple[str, ...] = field(default=())
    by_autopilot: bool = False


@dataclass(frozen=True, slots=True)
class AutopilotLimits:
    """What the autopilot may do without asking: turnover a fraction of the household's value,
    realised gain in the household's currency (taxable sales only)."""

    owner_id: str
    max_turnover: Decimal
    max_realised_gain: Decimal
    updated_at: datetime


class RebalanceStore(Protocol):
    async def add(self, proposal: StoredProposal) -> None: ...

    async def get(self, proposal_id: str) -> StoredProposal | None: ...

    async def mark_executed(
        self, proposal_id: str, at: datetime, order_ids: Sequence[str]
    ) -> bool: ...

    async def limits(self, owner_id: str) -> AutopilotLimits | None: ...

    async def put_limits(self, limits: AutopilotLimits) -> None: ...

    async def all_limits(self) -> list[AutopilotLimits]: ...
