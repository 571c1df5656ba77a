"""The surveillance context's routes: the detectors' alerts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.surveillance.alerts import SurveillanceService

NAME = "surveillance"
# The problems every surveillance route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(400, 401, 403, 429)


@dataclass(frozen=True)
class SurveillanceServices:
    """What the surveillance routes call."""

    surveillance: SurveillanceService


SurveillanceDep: TypeAlias = NamedDependency[SurveillanceServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.surveillance import alerts

    return alerts.CONTROLLERS


context = context_over(NAME, SurveillanceServices, controllers)
