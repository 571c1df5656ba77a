"""The strategies context's routes: the owners' strategies, agents' signals, backtests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import HttpContext
from adapters.http.problems import problems_with
from application.strategies.backtests import BacktestService
from application.strategies.combiner_report import CombinerReports
from application.strategies.service import StrategyService
from application.strategies.signals import SignalService
from application.strategies.strategy_processor import StrategyProcessor

NAME = "strategies"
# The problems every strategies route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class StrategiesServices:
    """What the strategies routes call."""

    strategies: StrategyService
    strategy_processor: StrategyProcessor  # agents' external signals
    backtests: BacktestService
    signals: SignalService  # the scanners' signals
    combiner_reports: CombinerReports  # the learned combiner, judged out of sample


StrategiesDep: TypeAlias = NamedDependency[StrategiesServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.strategies import backtests, combiner, signals, strategies

    return [
        *signals.CONTROLLERS, *strategies.CONTROLLERS, *combiner.CONTROLLERS,
        *backtests.CONTROLLERS,
    ]  # fmt: skip


def context(services: StrategiesServices) -> HttpContext:
    """The strategies routes over their use cases; the signals at /api as well, where the
    platform's screens read them."""
    from adapters.http.strategies import signals

    return HttpContext(NAME, services, controllers, elsewhere=(("/api", signals.CONTROLLERS),))
