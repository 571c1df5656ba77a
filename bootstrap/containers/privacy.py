"""Privacy: a person's data exported and a user erased, over the stores that hold it."""

from __future__ import annotations

from dependency_injector import containers, providers

from application.privacy.personal_data import PersonalDataService, PersonalDataSources


class PrivacyContainer(containers.DeclarativeContainer):
    """Over the core (the unit of work, the audit log), identity (closing a login), the
    portfolio ledger, devices, analytics (stored crypto wallets) and wealth (retirement plans),
    where the rest of a person's data lives."""

    core = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()
    portfolio = providers.DependenciesContainer()
    devices = providers.DependenciesContainer()
    analytics = providers.DependenciesContainer()
    wealth = providers.DependenciesContainer()
    connections = providers.DependenciesContainer()
    books = providers.DependenciesContainer()
    oauth = providers.DependenciesContainer()
    drills = providers.DependenciesContainer()

    sources = providers.Singleton(
        PersonalDataSources,
        portfolios=portfolio.portfolio_store,
        endpoints=core.notification_endpoint_store,
        devices=devices.store,
        logins=devices.history,
        crypto_wallets=analytics.crypto_wallet_store,
        retirement_plans=wealth.retirement_plan_store,
        drill_schedules=drills.schedules_store,
        drill_runs=drills.runs_store,
        erase_connections=connections.service.provided.erase_owner,
        erase_vault_keys=core.key_vault.provided.erase_owner,
        erase_books=books.service.provided.erase_owner,
        erase_oauth_grants=oauth.service.provided.erase_owner,
        erase_drill_schedules=drills.schedules.provided.erase_owner,
    )
    personal_data = providers.Singleton(
        PersonalDataService,
        core.uow_factory, sources, core.audit_log_service, core.audit, identity.user_admin,
        core.clock, journal=core.order_journal_projection,
    )  # fmt: skip
