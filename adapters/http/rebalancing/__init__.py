"""The rebalancing context's routes: drift, proposals, execution, autopilot limits, and
attribution of a stored portfolio."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from litestar.di import NamedDependency

from adapters.http.contexts import HttpContext, route_modules
from application.rebalancing.attribution import StoredAttributionService
from application.rebalancing.limits import AutopilotLimitsService
from application.rebalancing.service import RebalancingService

NAME = "rebalancing"


@dataclass(frozen=True)
class RebalancingServices:
    """What the rebalancing routes call."""

    rebalancing: RebalancingService
    limits: AutopilotLimitsService
    attribution: StoredAttributionService


RebalancingDep: TypeAlias = NamedDependency[RebalancingServices]


controllers = route_modules(__name__, "routes")


def context(services: RebalancingServices) -> HttpContext:
    return HttpContext(NAME, services, controllers)
