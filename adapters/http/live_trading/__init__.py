"""The live trading context's routes: an account's opt-in to live trading and its approval."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.live_trading.service import LiveOptInService

NAME = "live_trading"
# The problems every live trading route documents; a route adds its own.
problems = problems_with(401, 403, 429)


@dataclass(frozen=True)
class LiveTradingServices:
    """What the live trading routes call."""

    service: LiveOptInService


LiveTradingDep: TypeAlias = NamedDependency[LiveTradingServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.live_trading import routes

    return routes.CONTROLLERS


context = context_over(NAME, LiveTradingServices, controllers)
