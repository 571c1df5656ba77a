"""The safety context's routes: the kill switch, succession, the paper broker's drill faults.

The kill switch's own listener (bootstrap/killswitch_lane.py) mounts the kill-switch routes
alone (`kill_switch_context`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over, served_bundle
from adapters.http.problems import problems_with
from application.safety.drill_faults import DrillFaultControl
from application.safety.killswitch import KillSwitchService
from application.safety.succession import SuccessionService

NAME = "safety"
# The problems every safety route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class SafetyServices:
    """What the safety routes call."""

    killswitch: KillSwitchService
    succession: SuccessionService
    # The paper broker's drill faults (admin): 409 CAPABILITY_NOT_CONFIGURED where they are off.
    drill_faults: DrillFaultControl


SafetyDep: TypeAlias = NamedDependency[SafetyServices]


def safety_of(connection: ASGIConnection[Any, Any, Any, Any]) -> SafetyServices:
    """The safety bundle, read from the request (the console's pages)."""
    services: SafetyServices = served_bundle(connection, NAME)
    return services


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.safety import drills, killswitch, succession

    return [
        *killswitch.CONTROLLERS,
        *succession.CONTROLLERS,
        *drills.CONTROLLERS,  # /admin/drills/paper-faults (never in prod)
    ]


def kill_switch_controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.safety import killswitch

    return killswitch.CONTROLLERS


context = context_over(NAME, SafetyServices, controllers)


# The kill-switch routes alone: what the kill switch's own listener serves.
kill_switch_context = context_over(NAME, SafetyServices, kill_switch_controllers)
