"""Account rules: the US account rules on the order path (pattern day trader, day-trading
buying power, options level) and each account's settings of them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.account_rules.business_days import BusinessDays
from application.account_rules.check import AccountRulesCheck
from application.account_rules.history import DayTradeHistory
from application.account_rules.service import AccountRulesService
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.account_rules import InMemoryAccountRuleSettingsStore
    from adapters.postgres.account_rules import SqlAccountRuleSettingsStore


def memory_settings_store() -> InMemoryAccountRuleSettingsStore:
    from adapters.memory.account_rules import InMemoryAccountRuleSettingsStore

    return InMemoryAccountRuleSettingsStore()


def sql_settings_store(engine: AsyncEngine) -> SqlAccountRuleSettingsStore:
    from adapters.postgres.account_rules import SqlAccountRuleSettingsStore

    return SqlAccountRuleSettingsStore(engine)


class AccountRulesContainer(containers.DeclarativeContainer):
    """Over the core: the unit of work (fills, accounts), the calendars' sessions, the market
    (marks of positions closed since the open) and the gate's checks this one joins."""

    core = providers.DependenciesContainer()

    store = store_provider(core, memory_settings_store, sql_settings_store)
    business_days = providers.Singleton(BusinessDays, core.calendar_sessions)
    history = providers.Singleton(DayTradeHistory, business_days)
    check = providers.Singleton(AccountRulesCheck, store, history, core.market)
    service = providers.Singleton(
        AccountRulesService, store, core.uow_factory, core.clock, core.audit
    )


def prepare(container: Any, settings: Any) -> None:
    """The gate judges each approval against the US account rules (the check built on the
    first order, after the composition's overrides)."""
    container.core.gate_checks().add(container.check)
