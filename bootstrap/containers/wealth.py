"""Wealth: each user's investor profile, retirement calculations, the estate-tax estimate."""

from __future__ import annotations

from dependency_injector import containers, providers

from application.wealth.estate import EstateTaxService
from application.wealth.profiles import InvestorProfileService
from application.wealth.retirement import RetirementService
from bootstrap.containers.stores import store_for


class WealthContainer(containers.DeclarativeContainer):
    """The investor profile store and the wealth use cases, over the core."""

    core = providers.DependenciesContainer()

    investor_profile_store = providers.Singleton(
        store_for, core.store_kind, core.engine.provider,
        memory="adapters.memory.investor_profiles:InMemoryInvestorProfileRepository",
        sql="adapters.postgres.investor_profiles:SqlInvestorProfileRepository",
    )  # fmt: skip
    investor_profiles = providers.Singleton(
        InvestorProfileService, investor_profile_store, core.clock, core.audit,
        core.settings.provided.wealth.terms_version,
    )  # fmt: skip
    retirement = providers.Singleton(RetirementService, investor_profile_store)
    estate_tax = providers.Singleton(EstateTaxService, core.clock)
