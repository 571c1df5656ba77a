"""Live trading: each account's opt-in (its store, the service the API calls), the gate's
check of it, every new account's default limits and the guard of the limits a live account
must keep."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.live_trading.gate_check import LiveTradingCheck
from application.live_trading.limits import DefaultLimits, RequiredLimitsGuard
from application.live_trading.service import LiveOptInService
from bootstrap.containers.stores import store_provider
from domain.live_trading.limits import LimitDefaults

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.live_trading import InMemoryLiveOptInStore
    from adapters.postgres.live_trading import SqlLiveOptInStore
    from bootstrap.settings import Settings


def memory_opt_in_store() -> InMemoryLiveOptInStore:
    from adapters.memory.live_trading import InMemoryLiveOptInStore

    return InMemoryLiveOptInStore()


def sql_opt_in_store(engine: AsyncEngine) -> SqlLiveOptInStore:
    from adapters.postgres.live_trading import SqlLiveOptInStore

    return SqlLiveOptInStore(engine)


def limit_defaults(settings: Settings) -> LimitDefaults | None:
    """The default limits of new accounts (BULWARK_DEFAULT_*); None when turned off."""
    s = settings.live_trading
    if not s.default_limits:
        return None
    return LimitDefaults(
        max_order_notional=Decimal(s.default_max_order_notional),
        max_daily_loss_pct=Decimal(s.default_max_daily_loss_pct),
        orders_per_second=s.default_orders_per_second,
        max_open_orders=s.default_max_open_orders,
    )


class LiveTradingContainer(containers.DeclarativeContainer):
    """Over the core (the unit of work, the gate's checks this one joins), trading (where
    accounts open and rules change), connections (whether an account's is live) and identity
    (each owner's KYC status, which live trading waits for)."""

    core = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    connections = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()

    store = store_provider(core, memory_opt_in_store, sql_opt_in_store)
    check = providers.Singleton(
        LiveTradingCheck, store, connections.store, identity.kyc_statuses, core.clock
    )
    service = providers.Singleton(
        LiveOptInService,
        store, connections.store, core.uow_factory, core.clock, core.audit,
        identity.kyc_statuses,
        second_approver=providers.Callable(
            lambda s: s.live_trading.second_approver, core.settings
        ),
    )  # fmt: skip
    default_limits = providers.Singleton(
        DefaultLimits, core.ids, providers.Callable(limit_defaults, core.settings)
    )
    limits_guard = providers.Singleton(RequiredLimitsGuard, store, core.audit, core.clock)


def prepare(container: Any, settings: Any) -> None:
    """The gate denies a live account's orders until its opt-in is enabled, a new account gets
    the default limits, and a rule write may not take a required limit from a live account
    (each built on first use, after the composition's overrides)."""
    container.core.gate_checks().add(container.check)
    container.trading.account_openings().add(container.default_limits)
    container.trading.rule_guards().add(container.limits_guard)
