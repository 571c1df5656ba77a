"""Rebalancing: drift, proposals executed through the order gate, the autopilot on its
schedule, and attribution of stored portfolios."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.rebalancing.attribution import StoredAttributionService
from application.rebalancing.autopilot import RebalanceAutopilot
from application.rebalancing.limits import AutopilotLimitsService
from application.rebalancing.service import RebalancingService
from bootstrap import rebalancing as rebalancing_wiring
from bootstrap.containers.stores import store_provider
from domain.rebalancing.proposal import RebalanceSettings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.rebalancing import InMemoryRebalanceStore
    from adapters.postgres.rebalancing import SqlRebalanceStore


def memory_store() -> InMemoryRebalanceStore:
    from adapters.memory.rebalancing import InMemoryRebalanceStore

    return InMemoryRebalanceStore()


def sql_store(engine: AsyncEngine) -> SqlRebalanceStore:
    from adapters.postgres.rebalancing import SqlRebalanceStore

    return SqlRebalanceStore(engine)


class RebalancingContainer(containers.DeclarativeContainer):
    """Over the core, the market feed, the order gate and the portfolio ledger."""

    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()
    aggregation = providers.DependenciesContainer()

    store = store_provider(core, memory_store, sql_store)
    defaults = providers.Singleton(
        RebalanceSettings,
        core.settings.provided.rebalance.band, core.settings.provided.rebalance.fractional,
    )  # fmt: skip
    service = providers.Singleton(
        RebalancingService,
        portfolio.portfolio_store, store, core.uow_factory, core.quotes, trading.orders,
        core.clock, core.ids, core.audit, defaults, aggregation.service,
    )  # fmt: skip
    limits = providers.Singleton(AutopilotLimitsService, store, core.clock, core.audit)
    attribution = providers.Singleton(
        StoredAttributionService,
        portfolio.portfolio_store, core.uow_factory, market_data.market_feed, core.clock, service,
    )  # fmt: skip
    autopilot = providers.Singleton(
        RebalanceAutopilot,
        service, store, portfolio.planning_profiles, portfolio.portfolio_store, core.clock,
        core.audit, core.notifier,
    )  # fmt: skip
    autopilot_schedule = providers.Resource(
        rebalancing_wiring.autopilot_lifetime,
        core.settings.provided.rebalance.autopilot,
        core.settings.provided.rebalance.autopilot_interval_seconds,
        autopilot.provider,
        core.job_leases,
    )  # fmt: skip
