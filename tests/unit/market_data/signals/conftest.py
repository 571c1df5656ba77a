"""Fixtures: a signal service over scripted bars, an in-memory store and an in-process bus."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adapters.memory.bus import InProcessEventBus
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.signals import InMemorySignalRepository
from application.strategies.signals import SignalService
from domain.market_data.signals import SignalEmitted
from tests.kit.bars import T0, ScriptedBars


@dataclass
class Scanner:
    """The service under test and what it talks to."""

    service: SignalService
    bars: ScriptedBars
    repository: InMemorySignalRepository
    bus: InProcessEventBus
    clock: FakeClock

    def emitted(self) -> list[SignalEmitted]:
        return [e for e in self.bus.published if isinstance(e, SignalEmitted)]


@pytest.fixture
def scanner() -> Scanner:
    bars, repository, bus = ScriptedBars(), InMemorySignalRepository(), InProcessEventBus()
    clock = FakeClock(T0)
    service = SignalService(bars, repository, bus, clock, SequentialIds(), lookback=100)
    return Scanner(service, bars, repository, bus, clock)
