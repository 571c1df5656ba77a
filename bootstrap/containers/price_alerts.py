"""Price alerts (bootstrap/price_alerts.py): the store, the owner-scoped use cases, and the
watch that evaluates them against the core's quote board and notifies through the center."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.price_alerts.service import PriceAlerts
from application.price_alerts.watch import PriceAlertWatch
from bootstrap import price_alerts
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.price_alerts import InMemoryPriceAlertStore
    from adapters.postgres.repos.price_alerts import SqlPriceAlertStore


def memory_price_alert_store() -> InMemoryPriceAlertStore:
    from adapters.memory.price_alerts import InMemoryPriceAlertStore

    return InMemoryPriceAlertStore()


def sql_price_alert_store(engine: AsyncEngine) -> SqlPriceAlertStore:
    from adapters.postgres.repos.price_alerts import SqlPriceAlertStore

    return SqlPriceAlertStore(engine)


class PriceAlertsContainer(containers.DeclarativeContainer):
    """Price alerts over the core it is given."""

    core = providers.DependenciesContainer()

    price_alert_store = store_provider(core, memory_price_alert_store, sql_price_alert_store)
    price_alert_service = providers.Singleton(
        PriceAlerts, price_alert_store, core.clock, core.ids,
        max_per_user=core.settings.provided.price_alerts.max_per_user,
    )  # fmt: skip
    price_alert_watch = providers.Singleton(
        PriceAlertWatch, price_alert_store, core.notification_center, core.clock,
        refresh_seconds=core.settings.provided.price_alerts.refresh_seconds,
    )  # fmt: skip
    price_alert_watching = providers.Resource(
        price_alerts.watch_lifetime, core.settings, price_alert_watch.provider,
        price_alert_service.provider, core.market.provider,
    )  # fmt: skip
