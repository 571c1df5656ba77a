"""Reconciliation: each venue connection's accounts compared with their venue (a leased job)
and the reports the API shows."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.reconciliation.service import Reconciliation
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.reconciliation import InMemoryReconciliationReports
    from adapters.postgres.reconciliation import SqlReconciliationReports


def memory_reports() -> InMemoryReconciliationReports:
    from adapters.memory.reconciliation import InMemoryReconciliationReports

    return InMemoryReconciliationReports()


def sql_reports(engine: AsyncEngine) -> SqlReconciliationReports:
    from adapters.postgres.reconciliation import SqlReconciliationReports

    return SqlReconciliationReports(engine)


def reconciliation(
    connections: Any,
    brokers: Any,
    uow_factory: Any,
    killswitch: Any,
    notifier: Any,
    audit: Any,
    clock: Any,
    store: Any,
    settings: Any,
) -> Reconciliation:
    return Reconciliation(
        connections, brokers, uow_factory, killswitch, notifier, audit, clock, store,
        interval=timedelta(seconds=settings.safety.reconcile_seconds or 60.0),
    )  # fmt: skip


def jobs(service: Reconciliation, settings: Any) -> dict[str, Any]:
    """The leased job, unless BULWARK_RECONCILE_SECONDS is 0."""
    return {"reconciliation": service.check} if settings.safety.reconcile_seconds > 0 else {}


class ReconciliationContainer(containers.DeclarativeContainer):
    """Over the core (the unit of work, the brokers' router, the notifier, the audit log),
    connections (the connections to walk) and safety (the kill switch that halts on drift)."""

    core = providers.DependenciesContainer()
    connections = providers.DependenciesContainer()
    safety = providers.DependenciesContainer()

    reports = store_provider(core, memory_reports, sql_reports)
    service = providers.Singleton(
        reconciliation,
        connections.store, core.brokers, core.uow_factory, safety.killswitch.provider,
        core.notifier, core.audit, core.clock, reports, core.settings,
    )  # fmt: skip
    watches = providers.Callable(jobs, service, core.settings)
