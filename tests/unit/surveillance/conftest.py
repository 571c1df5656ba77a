"""Fixtures: an embedded Bulwark (AAPL quoted, two funded accounts) with surveillance on it."""

from __future__ import annotations

import pytest

from adapters.memory.surveillance import InMemorySurveillanceStore
from application.surveillance.actions import SurveillanceActions
from application.surveillance.alerts import SurveillanceRun, SurveillanceService
from application.surveillance.live import LiveSurveillance
from bootstrap.embedded import Embedded, build_embedded
from domain.events import DomainEvent
from domain.surveillance.cases import SurveillancePolicy
from domain.surveillance.rules import SurveillanceRules
from tests.kit.desk import seed


class Watched:
    """An embedded Bulwark whose bus feeds a LiveSurveillance over an in-memory store."""

    def __init__(self, e: Embedded, policy: SurveillancePolicy) -> None:
        self.e = e
        self.store = InMemorySurveillanceStore()
        self.actions = SurveillanceActions(
            self.store, e.uow, e.killswitch, e.audit, e.notifier, e.clock, policy
        )
        self.run = SurveillanceRun(
            "inprocess:test", SurveillanceRules(), self.store, self.actions, e.clock
        )
        self.live = LiveSurveillance(self.run, e.clock)
        self.service = SurveillanceService(self.store, e.clock)

        async def forward(event: DomainEvent) -> None:
            await self.live.on_event(event)

        e.bus.subscribe(DomainEvent, forward)


@pytest.fixture
async def watched() -> Watched:
    return Watched(await seed(build_embedded()), SurveillancePolicy.PAUSE)


@pytest.fixture
async def warned() -> Watched:
    return Watched(await seed(build_embedded()), SurveillancePolicy.WARN)
