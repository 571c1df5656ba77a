"""The drills context's routes: an owner's kill-switch drill schedules and drill records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.drills.records import DrillRecords
from application.drills.schedules import DrillScheduleService

NAME = "drills"
# The problems every drills route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class DrillsServices:
    """What the drills routes call."""

    schedules: DrillScheduleService
    records: DrillRecords


DrillsDep: TypeAlias = NamedDependency[DrillsServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.drills import routes

    return routes.CONTROLLERS


context = context_over(NAME, DrillsServices, controllers)
