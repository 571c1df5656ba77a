"""The analytics context's routes: performance, risk measures, options, bonds, crypto, ESG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar import Controller
from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from adapters.http.security import READERS_AND_AGENTS, require_roles
from application.analytics.american_options import AmericanOptionsService
from application.analytics.bond_holdings import StoredBondsService
from application.analytics.crypto import CryptoAnalyticsService
from application.analytics.crypto_gas import LiveGasService
from application.analytics.crypto_wallet_book import CryptoWalletBook
from application.analytics.crypto_wallets import WalletBalanceService
from application.analytics.esg import EsgService
from application.analytics.fixed_income import FixedIncomeService
from application.analytics.market_regime import RegimeDetectionService
from application.analytics.optimization import OptimizationService
from application.analytics.performance import PerformanceService
from application.analytics.scenario_simulation import ScenarioSimulationService
from application.analytics.stored_attribution import StoredAttributionService
from application.analytics.value_at_risk import ValueAtRiskService
from application.core.compute_budget import ComputeBudget
from ports.core.compute import ComputePort

NAME = "analytics"
# The problems every analytics route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403, 429, 503)


@dataclass(frozen=True)
class AnalyticsServices:
    """What the analytics routes call."""

    performance: PerformanceService
    value_at_risk: ValueAtRiskService
    scenario_simulation: ScenarioSimulationService
    american_options: AmericanOptionsService
    market_regime: RegimeDetectionService
    attribution: StoredAttributionService
    fixed_income: FixedIncomeService
    stored_bonds: StoredBondsService
    optimization: OptimizationService
    crypto: CryptoAnalyticsService
    crypto_wallets: WalletBalanceService
    crypto_wallet_book: CryptoWalletBook
    crypto_gas: LiveGasService
    esg: EsgService
    # The quant kernels' backend and the budget heavy requests run through (off the loop,
    # bounded; 503 COMPUTE_BUSY / COMPUTE_TIME_BUDGET).
    compute: ComputePort
    compute_budget: ComputeBudget


AnalyticsDep: TypeAlias = NamedDependency[AnalyticsServices]


class AnalyticsController(Controller):
    """A controller of analytics routes: whoever reads, person or agent, may call them all."""

    guards = (require_roles(*READERS_AND_AGENTS),)


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.analytics import (
        attribution,
        crypto,
        crypto_book,
        esg,
        fixed_income,
        optimization,
        options_american,
        options_compute,
        performance,
        regime,
        risk_analytics,
    )

    return [
        *performance.CONTROLLERS,
        # /analytics/options/greeks, /implied-vol, /optimization: their own body limit
        *options_compute.controllers(config.analytics_max_body_bytes),
        *risk_analytics.CONTROLLERS,  # /risk/var, /risk/scenario-simulation
        *options_american.CONTROLLERS,  # /analytics/options/american
        *regime.CONTROLLERS,  # /analytics/regime
        *attribution.CONTROLLERS,  # /analytics/attribution
        *fixed_income.CONTROLLERS,  # /analytics/fixed-income/*, /portfolios/{id}/fixed-income
        *optimization.controllers(config.analytics_max_body_bytes),
        *crypto.CONTROLLERS,  # /analytics/crypto/*
        *crypto_book.CONTROLLERS,  # /crypto/wallets, /crypto/portfolio, /crypto/gas
        *esg.CONTROLLERS,  # /analytics/esg/*
    ]


context = context_over(NAME, AnalyticsServices, controllers)
