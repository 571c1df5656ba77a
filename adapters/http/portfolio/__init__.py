"""The portfolio context's routes: the ledger, tax views, planning, alternatives, giving."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.portfolio.alternatives import AlternativesService
from application.portfolio.corporate_action_import import CorporateActionImportService
from application.portfolio.giving import GivingService
from application.portfolio.giving_suggestion import GivingSuggestionService
from application.portfolio.illiquid_assets import IlliquidAssetService
from application.portfolio.planning import PlanningService
from application.portfolio.portfolio_risk import PortfolioRiskService
from application.portfolio.portfolios import PortfolioService
from application.portfolio.tax import TaxService
from application.portfolio.valuations import ValuationService
from ports.core.clock import Clock

NAME = "portfolio"
# The problems every portfolio route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class PortfolioServices:
    """What the portfolio routes call."""

    clock: Clock
    portfolios: PortfolioService
    valuations: ValuationService
    risk: PortfolioRiskService
    tax: TaxService
    planning: PlanningService
    alternatives: AlternativesService
    illiquid_assets: IlliquidAssetService
    giving: GivingService
    giving_suggestions: GivingSuggestionService
    corporate_actions: CorporateActionImportService


PortfolioDep: TypeAlias = NamedDependency[PortfolioServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.portfolio import (
        alternatives,
        corporate_actions,
        giving,
        illiquid_assets,
        planning,
        portfolios,
        tax,
    )

    return [
        *planning.CONTROLLERS,  # /planning/*
        *portfolios.CONTROLLERS,  # /portfolios
        *corporate_actions.CONTROLLERS,  # /portfolios/{id}/corporate-actions/import
        *tax.CONTROLLERS,  # /tax
        *alternatives.CONTROLLERS,  # /planning/alternatives/*
        *illiquid_assets.CONTROLLERS,  # /planning/illiquid-assets
        *giving.CONTROLLERS,  # /planning/giving/*
    ]


context = context_over(NAME, PortfolioServices, controllers)
