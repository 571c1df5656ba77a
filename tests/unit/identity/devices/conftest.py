"""Fixtures: the devices context over the identity world (memory stores, fake clock)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adapters.memory.clock import SequentialIds
from adapters.memory.devices import InMemoryDevices, InMemoryLoginHistory
from adapters.memory.store import unit_of_work_factory
from adapters.ml.isolation_forest import IsolationForestTrainer
from application.devices.anomaly import LoginAnomaly
from application.devices.config import DeviceConfig
from application.devices.service import DeviceLogin, DeviceService
from application.devices.step_up import StepUp
from application.identity.login_guard import LoginGuard
from domain.identity.devices import RequestTraits
from tests.unit.identity.conftest import World

KEY = b"k" * 32
FIREFOX = RequestTraits(
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "en-GB,en;q=0.8"
)
SAFARI = RequestTraits(
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "fr-FR",
)


@dataclass
class Devices:
    world: World
    store: InMemoryDevices
    history: InMemoryLoginHistory
    service: DeviceService
    step_up: StepUp

    async def login(
        self,
        username: str,
        password: str,
        code: str | None = None,
        *,
        traits: RequestTraits = FIREFOX,
        address: str = "203.0.113.7",
        token: str | None = None,
    ) -> tuple[str, DeviceLogin]:
        """Log in as the console and the API do: the password, then the device check-in."""
        failures = await self.service.failures_before(username)
        pair = await self.world.auth.login(username, password, code, client=address)
        login = await self.service.check_in(pair.access_token, traits, address, token, failures)
        await self.service.assess(login)
        return pair.access_token, login


def build(world: World, config: DeviceConfig | None = None, trained: bool = True) -> Devices:
    store, history = InMemoryDevices(), InMemoryLoginHistory()
    config = config or DeviceConfig(KEY)
    uow = unit_of_work_factory(world.store)
    trainer = IsolationForestTrainer(config.random_state) if trained else None
    anomaly = LoginAnomaly(history, trainer, config)
    service = DeviceService(
        store, history, anomaly, uow, world.issuer, world.clock, SequentialIds(), world.audit,
        config, world.notifier, world.auth.forget_sessions,
    )  # fmt: skip
    guard = LoginGuard(world.clock, world.audit)
    step_up = StepUp(service, uow, world.totp, world.sealer, guard, world.clock, world.audit)
    return Devices(world, store, history, service, step_up)


@pytest.fixture
def devices(world: World) -> Devices:
    return build(world)
