"""In-process rebalance proposals and autopilot limits (the embedded store's and the tests')."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from domain.errors import Conflict
from ports.rebalancing.rebalancing import AutopilotLimits, ProposalStatus, StoredProposal


class InMemoryRebalanceStore:
    """A RebalanceStore in dicts; `mark_executed` is atomic under a lock."""

    def __init__(self) -> None:
        self._proposals: dict[str, StoredProposal] = {}
        self._limits: dict[str, AutopilotLimits] = {}
        self._lock = asyncio.Lock()

    async def add(self, proposal: StoredProposal) -> None:
        if proposal.id in self._proposals:
            raise Conflict(f"proposal {proposal.id} exists")
        self._proposals[proposal.id] = proposal

    async def get(self, proposal_id: str) -> StoredProposal | None:
        return self._proposals.get(proposal_id)

    async def mark_executed(self, proposal_id: str, at: datetime, order_ids: Sequence[str]) -> bool:
        async with self._lock:
            found = self._proposals.get(proposal_id)
            if found is None or found.status is not ProposalStatus.PROPOSED:
                return False
            self._proposals[proposal_id] = replace(
                found, status=ProposalStatus.EXECUTED, executed_at=at, order_ids=tuple(order_ids)
            )
            return True

    async def limits(self, owner_id: str) -> AutopilotLimits | None:
        return self._limits.get(owner_id)

    async def put_limits(self, limits: AutopilotLimits) -> None:
        self._limits[limits.owner_id] = limits

    async def all_limits(self) -> list[AutopilotLimits]:
        return [self._limits[k] for k in sorted(self._limits)]
