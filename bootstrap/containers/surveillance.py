"""Surveillance of our own order flow (bootstrap/surveillance.py): alerts and checkpoints,
the policy's actions (pause through the kill switch's agent scope, or warn), the alerts API,
and the in-process run on the bus when settings say so (`bulwark surveil` reads the events
topic otherwise)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.surveillance.alerts import SurveillanceService
from bootstrap import surveillance as surveillance_wiring
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.surveillance import InMemorySurveillanceStore
    from adapters.postgres.surveillance import SqlSurveillanceStore


def memory_surveillance_store() -> InMemorySurveillanceStore:
    from adapters.memory.surveillance import InMemorySurveillanceStore

    return InMemorySurveillanceStore()


def sql_surveillance_store(engine: AsyncEngine) -> SqlSurveillanceStore:
    from adapters.postgres.surveillance import SqlSurveillanceStore

    return SqlSurveillanceStore(engine)


class SurveillanceContainer(containers.DeclarativeContainer):
    """Detectors and their alerts, over the core and safety (the kill switch) it is given."""

    core = providers.DependenciesContainer()
    safety = providers.DependenciesContainer()

    surveillance_store = store_provider(core, memory_surveillance_store, sql_surveillance_store)
    surveillance_rules = providers.Singleton(surveillance_wiring.rules, core.settings)
    surveillance_actions = providers.Singleton(
        surveillance_wiring.actions,
        core.settings, surveillance_store, core.uow_factory, safety.killswitch, core.audit,
        core.notifier, core.clock,
    )  # fmt: skip
    surveillance = providers.Singleton(SurveillanceService, surveillance_store, core.clock)
    surveillance_live = providers.Singleton(
        surveillance_wiring.live,
        core.settings, core.process, surveillance_rules, surveillance_store,
        surveillance_actions, core.clock,
    )  # fmt: skip
    surveillance_in_process = providers.Resource(
        surveillance_wiring.live_lifetime, core.settings, core.bus, surveillance_live.provider
    )
