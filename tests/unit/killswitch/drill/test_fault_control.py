"""Switching drill faults at run time: admins only, audited, unavailable where drills are off."""

from __future__ import annotations

import pytest

from adapters.brokers.paper.drill import FaultSwitch
from adapters.memory.audit import InMemoryAuditLog
from adapters.memory.clock import FakeClock
from application.safety.drill_faults import DrillFaultControl
from domain.errors import CapabilityNotConfigured, Forbidden
from domain.killswitch.drill import BrokerFaults
from domain.principals import Principal, Role

ADMIN = Principal("admin-1", Role.ADMIN)


async def test_an_admin_switches_faults_and_each_change_is_audited() -> None:
    # Arrange
    switch, audit = FaultSwitch(), InMemoryAuditLog()
    control = DrillFaultControl(switch, FakeClock(), audit)

    # Act
    await control.set(ADMIN, BrokerFaults.parse("disconnect"))
    cleared = await control.clear(ADMIN)

    # Assert
    assert not cleared.active and not switch.current().active
    entries = list(reversed(await audit.entries("drills:paper-faults")))
    assert [(e.action, e.details["from"], e.details["to"]) for e in entries] == [
        ("drill.paper_faults", "none", "disconnect"),
        ("drill.paper_faults", "disconnect", "none"),
    ]


@pytest.mark.parametrize("role", [Role.OWNER, Role.RISK_OFFICER, Role.VIEWER, Role.AGENT])
async def test_anyone_but_an_admin_is_refused_and_nothing_changes(role: Role) -> None:
    # Arrange
    switch, audit = FaultSwitch(), InMemoryAuditLog()
    control = DrillFaultControl(switch, FakeClock(), audit)

    # Act
    with pytest.raises(Forbidden):
        await control.set(Principal("u-1", role), BrokerFaults.parse("keep_on_cancel"))

    # Assert
    assert not switch.current().active
    assert await audit.entries() == []


def test_where_drills_are_off_even_an_admin_is_told_they_are_not_configured() -> None:
    # Arrange
    control = DrillFaultControl(None, FakeClock(), InMemoryAuditLog())

    # Act
    with pytest.raises(CapabilityNotConfigured) as raised:
        control.current(ADMIN)

    # Assert
    assert raised.value.code == "CAPABILITY_NOT_CONFIGURED"
    assert raised.value.settings == ["BULWARK_PAPER_FAULTS"]
