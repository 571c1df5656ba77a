"""The devices context's routes: the caller's devices, step-up, an admin's view of a user's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from application.devices.service import DeviceService
from application.devices.step_up import StepUp

NAME = "devices"


@dataclass(frozen=True)
class DevicesServices:
    """What the devices routes (and the logins, and the step-up guard) call."""

    devices: DeviceService
    step_up: StepUp
    cookie_days: int = 400


DevicesDep: TypeAlias = NamedDependency[DevicesServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.devices import routes

    return routes.CONTROLLERS


context = context_over(NAME, DevicesServices, controllers)
