"""Account aggregation: the store, the aggregator (Plaid) and the use cases over them."""

from __future__ import annotations

from dependency_injector import containers, providers

from application.aggregation.service import AggregationService
from application.aggregation.webhooks import AggregationWebhooks
from bootstrap import aggregation as aggregation_wiring


class AggregationContainer(containers.DeclarativeContainer):
    """Over the core and the portfolio ledger (whose portfolios items attach to)."""

    core = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()

    # The store is the portfolio container's (the household holdings read it too).
    store = portfolio.linked_accounts_store
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
