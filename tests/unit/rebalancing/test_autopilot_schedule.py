"""The autopilot's schedule (bootstrap/rebalancing.py): a pass at start, none when off."""

from __future__ import annotations

import asyncio
from decimal import Decimal as D

from bootstrap.embedded import Embedded
from bootstrap.rebalancing import autopilot_lifetime
from ports.portfolio.planning import PlanningProfile
from ports.rebalancing.rebalancing import AutopilotLimits
from tests.kit.desk import OWNER
from tests.unit.rebalancing.household_fixtures import NOW, household


async def _passes(e: Embedded) -> int:
    return len([a for a in await e.audit.entries(limit=1000) if a.action == "rebalance.autopilot"])


async def _run(enabled: bool, e: Embedded) -> None:
    h = await household(e, OWNER)
    await h.profiles.put(
        PlanningProfile(OWNER.id, D(50000), NOW, autopilot=True, autopilot_changed_at=NOW)
    )
    await h.store.put_limits(AutopilotLimits(OWNER.id, D("0.1"), D(0), NOW))
    lifetime = autopilot_lifetime(enabled, 3600.0, lambda: h.autopilot)
    await anext(lifetime)
    for _ in range(50):
        if await _passes(e):
            break
        await asyncio.sleep(0.01)
    await lifetime.aclose()


async def test_when_on_a_pass_runs_at_start(e: Embedded) -> None:
    await _run(True, e)

    assert await _passes(e) == 1


async def test_when_off_nothing_runs(e: Embedded) -> None:
    await _run(False, e)

    assert await _passes(e) == 0
