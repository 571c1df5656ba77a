"""Account aggregation: the store, the aggregator (Plaid) and the use cases over them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.aggregation.service import AggregationService
from application.aggregation.webhooks import AggregationWebhooks
from bootstrap import aggregation as aggregation_wiring
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.aggregation import InMemoryAggregationStore
    from adapters.postgres.aggregation import SqlAggregationStore


def memory_store() -> InMemoryAggregationStore:
    from adapters.memory.aggregation import InMemoryAggregationStore

    return InMemoryAggregationStore()


def sql_store(engine: AsyncEngine) -> SqlAggregationStore:
    from adapters.postgres.aggregation import SqlAggregationStore

    return SqlAggregationStore(engine)


class AggregationContainer(containers.DeclarativeContainer):
    """Over the core and the portfolio ledger (whose portfolios items attach to)."""

    core = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()

    store = store_provider(core, memory_store, sql_store)
    aggregator = providers.Singleton(aggregation_wiring.aggregator, core.settings)
    service = providers.Singleton(
        AggregationService,
        store, aggregator, core.sealer, portfolio.portfolio_store, core.clock, core.ids,
        core.audit,
    )  # fmt: skip
    webhooks = providers.Singleton(
        AggregationWebhooks,
        providers.Singleton(
            aggregation_wiring.webhook_verifier, core.settings, aggregator, core.clock
        ),
        store, service, core.notifier,
    )  # fmt: skip
