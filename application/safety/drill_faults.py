"""Drill faults at run time: admins switch the paper broker's faults on and off, audited."""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import CapabilityNotConfigured, Forbidden
from domain.killswitch.drill import BrokerFaults
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.safety.drills import BrokerFaultSwitch

_TARGET = "drills:paper-faults"
CAPABILITY = "broker fault drills"
SETTING = "BULWARK_PAPER_FAULTS"


@dataclass(eq=False)
class DrillFaultControl:
    """Reads and switches the drill faults; absent (None) where drills are off, as in prod."""

    switch: BrokerFaultSwitch | None
    clock: Clock
    audit: AuditLog

    def current(self, principal: Principal) -> BrokerFaults:
        return self._switch_for(principal).current()

    async def set(self, principal: Principal, faults: BrokerFaults) -> BrokerFaults:
        switch = self._switch_for(principal)
        before = switch.current()
        switch.set(faults)
        await self.audit.record(
            AuditEntry(
                principal.id,
                "drill.paper_faults",
                _TARGET,
                "ok",
                self.clock.now(),
                {"from": before.describe(), "to": faults.describe()},
            )
        )
        return faults

    async def clear(self, principal: Principal) -> BrokerFaults:
        return await self.set(principal, BrokerFaults())

    def _switch_for(self, principal: Principal) -> BrokerFaultSwitch:
        if principal.role is not Role.ADMIN:
            raise Forbidden("only an admin switches drill faults")
        if self.switch is None:
            raise CapabilityNotConfigured(
                CAPABILITY,
                (SETTING,),
                f"this instance is not configured for {CAPABILITY}: set {SETTING} (on a test "
                "or staging deployment: it is never allowed when BULWARK_ENV=prod)",
            )
        return self.switch
