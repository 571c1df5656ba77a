"""Identity: users, invitations and sign-up, password resets, workspaces, KYC documents
(sealed content in the document store, the retention purge) and each user's KYC status.
Authentication itself (tokens, API keys) is in the core: every listener checks its callers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.identity.invitations import InvitationService
from application.identity.kyc import KycService
from application.identity.kyc_status import KycStatusService, StoredUsers
from application.identity.password_reset import PasswordResetService
from application.identity.public_throttle import ClientThrottle
from application.identity.user_admin import UserAdminService
from application.identity.workspaces import WorkspaceService
from bootstrap import kyc as kyc_wiring
from bootstrap.containers.stores import store_provider
from bootstrap.periodic import serving_job

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.kyc import InMemoryKycDocuments
    from adapters.memory.kyc_status import InMemoryKycStatuses
    from adapters.postgres.repos.kyc import SqlKycDocuments
    from adapters.postgres.repos.kyc_status import SqlKycStatuses


def memory_kyc_documents() -> InMemoryKycDocuments:
    from adapters.memory.kyc import InMemoryKycDocuments

    return InMemoryKycDocuments()


def sql_kyc_documents(engine: AsyncEngine) -> SqlKycDocuments:
    from adapters.postgres.repos.kyc import SqlKycDocuments

    return SqlKycDocuments(engine)


def memory_kyc_statuses() -> InMemoryKycStatuses:
    from adapters.memory.kyc_status import InMemoryKycStatuses

    return InMemoryKycStatuses()


def sql_kyc_statuses(engine: AsyncEngine) -> SqlKycStatuses:
    from adapters.postgres.repos.kyc_status import SqlKycStatuses

    return SqlKycStatuses(engine)


class IdentityContainer(containers.DeclarativeContainer):
    """Users and their documents, over the core it is given."""

    core = providers.DependenciesContainer()

    client_throttle = providers.Singleton(
        ClientThrottle, core.uow_factory, core.clock, core.auth_config.provided.client_throttle
    )
    user_admin = providers.Singleton(
        UserAdminService, core.uow_factory, core.auth, core.clock, core.audit, core.notifier
    )
    invitations = providers.Singleton(
        InvitationService,
        core.uow_factory, core.hasher, core.clock, core.ids, core.audit, client_throttle,
        core.notifier, open_signup=core.settings.provided.identity.open_signup,
    )  # fmt: skip
    password_resets = providers.Singleton(
        PasswordResetService,
        core.uow_factory, core.hasher, core.auth, core.clock, core.ids, core.audit,
        client_throttle, core.notifier,
    )  # fmt: skip
    workspaces = providers.Singleton(WorkspaceService, core.uow_factory, core.clock, core.ids)

    # KYC documents (bootstrap/kyc.py): sealed content in the document store, rows beside the
    # other stores, the retention purge.
    document_store = providers.Singleton(kyc_wiring.document_store, core.settings)
    kyc_documents = store_provider(core, memory_kyc_documents, sql_kyc_documents)
    # Each user's KYC status (what live trading waits for), derived on every document change
    # and provider result; the provider is Persona when BULWARK_PERSONA_API_KEY is set.
    kyc_statuses = store_provider(core, memory_kyc_statuses, sql_kyc_statuses)
    kyc_status = providers.Singleton(
        KycStatusService, kyc_statuses, kyc_documents, core.clock, core.audit,
        providers.Callable(kyc_wiring.kyc_validity, core.settings),
        providers.Singleton(kyc_wiring.verification_provider, core.settings),
        known_user=providers.Singleton(StoredUsers, core.uow_factory),
    )  # fmt: skip
    kyc = providers.Singleton(
        KycService, kyc_documents, document_store,
        providers.Singleton(kyc_wiring.document_cipher, core.key_provider), core.clock,
        core.ids, core.audit,
        providers.Callable(kyc_wiring.kyc_config, core.settings, core.secrets_die_on_restart),
        kyc_status,
    )  # fmt: skip
    kyc_purge = providers.Resource(
        serving_job, "kyc_purge", kyc_wiring.purge_documents, kyc.provider,
        core.settings.provided.kyc.kyc_purge_seconds, core.process, core.job_leases,
    )  # fmt: skip
