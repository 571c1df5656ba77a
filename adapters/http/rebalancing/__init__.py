"""The rebalancing context's routes: drift, proposals, execution, autopilot limits, and
attribution of a stored portfolio."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
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


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.rebalancing import routes

    return routes.CONTROLLERS


context = context_over(NAME, RebalancingServices, controllers)
