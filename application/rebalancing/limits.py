"""Each owner's autopilot limits: read and set by the owner only, audited on change."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from application.core.access import ensure_may_change
from domain.errors import DomainError, NotFound
from domain.principals import Principal
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.rebalancing.rebalancing import AutopilotLimits, RebalanceStore

MAX_GAIN = Decimal("1e15")


class InvalidAutopilotLimits(DomainError):
    code = "INVALID_AUTOPILOT_LIMITS"


class AutopilotLimitsNotFound(NotFound):
    code = "AUTOPILOT_LIMITS_NOT_FOUND"


@dataclass(eq=False)
class AutopilotLimitsService:
    store: RebalanceStore
    clock: Clock
    audit: AuditLog

    async def get(self, principal: Principal) -> AutopilotLimits:
        found = await self.store.limits(principal.id)
        if found is None:
            raise AutopilotLimitsNotFound("no autopilot limits yet: PUT them first")
        return found

    async def put(
        self, principal: Principal, max_turnover: Decimal, max_realised_gain: Decimal
    ) -> AutopilotLimits:
        ensure_may_change(principal)
        if not max_turnover.is_finite() or not Decimal(0) <= max_turnover <= Decimal(2):
            raise InvalidAutopilotLimits(
                "max_turnover must be a fraction in [0, 2]", field="max_turnover"
            )
        if not max_realised_gain.is_finite() or abs(max_realised_gain) > MAX_GAIN:
            raise InvalidAutopilotLimits(
                "max_realised_gain must be finite, at most 1e15 in size", field="max_realised_gain"
            )
        limits = AutopilotLimits(principal.id, max_turnover, max_realised_gain, self.clock.now())
        await self.store.put_limits(limits)
        await self.audit.record(
            AuditEntry(
                actor=principal.id,
                action="rebalance.autopilot.limits",
                target=f"user:{principal.id}",
                outcome="ok",
                at=limits.updated_at,
                details={
                    "max_turnover": str(max_turnover),
                    "max_realised_gain": str(max_realised_gain),
                },
            )
        )
        return limits
