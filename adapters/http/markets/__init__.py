"""The markets context's routes: rates, futures, macro, insiders, scenarios, 13F, sentiment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.markets.fear_greed import FearGreedService
from application.markets.filing_calendar import FilingCalendarService
from application.markets.form13f import Form13FService
from application.markets.futures import FuturesService
from application.markets.hype import HypeService
from application.markets.insiders import InsiderService
from application.markets.macro import MacroService
from application.markets.rates import RatesService
from application.markets.scenarios import ScenarioService

NAME = "markets"
# The problems every markets route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(400, 401, 403, 422)


@dataclass(frozen=True)
class MarketsServices:
    """What the markets routes call."""

    rates: RatesService
    futures: FuturesService
    macro: MacroService
    insiders: InsiderService
    scenarios: ScenarioService
    form13f: Form13FService
    filing_calendar: FilingCalendarService
    fear_greed: FearGreedService
    hype: HypeService


MarketsDep: TypeAlias = NamedDependency[MarketsServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.markets import compliance, markets, rates, sentiment_indices, stress

    return [
        *rates.CONTROLLERS,  # /analytics/rates/*
        *markets.CONTROLLERS,  # /analytics/futures, /macro, /insiders
        *stress.CONTROLLERS,  # /analytics/scenarios/*
        *compliance.CONTROLLERS,  # /planning/13f, /planning/filing-calendar
        *sentiment_indices.CONTROLLERS,  # /analytics/fear-greed, /hype
    ]


context = context_over(NAME, MarketsServices, controllers)
