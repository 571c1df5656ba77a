"""Wealth: each user's investor profile, retirement calculations and the plans kept beside
accounts, the estate-tax estimate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.wealth.estate import EstateTaxService
from application.wealth.profiles import InvestorProfileService
from application.wealth.retirement import RetirementService
from bootstrap.containers.stores import store_provider

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.investor_profiles import InMemoryInvestorProfileRepository
    from adapters.memory.retirement_plans import InMemoryRetirementPlanStore
    from adapters.postgres.investor_profiles import SqlInvestorProfileRepository
    from adapters.postgres.retirement_plans import SqlRetirementPlanStore


def memory_investor_profile_store() -> InMemoryInvestorProfileRepository:
    from adapters.memory.investor_profiles import InMemoryInvestorProfileRepository

    return InMemoryInvestorProfileRepository()


def sql_investor_profile_store(engine: AsyncEngine) -> SqlInvestorProfileRepository:
    from adapters.postgres.investor_profiles import SqlInvestorProfileRepository

    return SqlInvestorProfileRepository(engine)


def memory_retirement_plan_store() -> InMemoryRetirementPlanStore:
    from adapters.memory.retirement_plans import InMemoryRetirementPlanStore

    return InMemoryRetirementPlanStore()


def sql_retirement_plan_store(engine: AsyncEngine) -> SqlRetirementPlanStore:
    from adapters.postgres.retirement_plans import SqlRetirementPlanStore

    return SqlRetirementPlanStore(engine)


class WealthContainer(containers.DeclarativeContainer):
    """The investor profile store and the wealth use cases, over the core."""

    core = providers.DependenciesContainer()

    investor_profile_store = store_provider(
        core, memory_investor_profile_store, sql_investor_profile_store
    )
    investor_profiles = providers.Singleton(
        InvestorProfileService, investor_profile_store, core.clock, core.audit,
        core.settings.provided.wealth.terms_version,
    )  # fmt: skip
    retirement_plan_store = store_provider(
        core, memory_retirement_plan_store, sql_retirement_plan_store
    )
    # Retirement calculations on posted figures, or on a stored account and its kept plan.
    retirement = providers.Singleton(
        RetirementService, investor_profile_store,
        plans=retirement_plan_store, uow_factory=core.uow_factory, market_data=core.quotes,
        clock=core.clock, ids=core.ids, audit=core.audit,
    )  # fmt: skip
    estate_tax = providers.Singleton(EstateTaxService, core.clock)
