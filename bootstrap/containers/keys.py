"""Keys (bootstrap/keys.py, key_vault.py): every store of sealed secrets as a rotation
source, the rotation's checkpoints and retired KEKs, the service (CLI `bulwark keys`) and the
admin API's jobs, and the vault's expiry warnings and purge of rotated-out keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dependency_injector import containers, providers

from application.keys.kyc_rotation import KycDocumentKeys
from application.keys.rotation_jobs import KeyRotationJobs
from application.keys.vault_expiry import KeyExpiryWatch
from application.keys.vault_sources import VaultSealedSource
from application.notifications.center import SealedDeliveryBodies
from application.notifications.directory import EndpointSecretSource
from bootstrap import key_vault as vault_wiring
from bootstrap import keys
from bootstrap.containers.stores import store_provider
from ports.keys.key_vault import SEALED_FIELDS

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.key_rotation import InMemoryKeyRotationStore
    from adapters.postgres.key_rotation import SqlKeyRotationStore


def memory_key_rotation_store() -> InMemoryKeyRotationStore:
    from adapters.memory.key_rotation import InMemoryKeyRotationStore

    return InMemoryKeyRotationStore()


def sql_key_rotation_store(engine: AsyncEngine) -> SqlKeyRotationStore:
    from adapters.postgres.key_rotation import SqlKeyRotationStore

    return SqlKeyRotationStore(engine)


class KeysContainer(containers.DeclarativeContainer):
    """Key rotation over the sealed stores of the core and identity it is given."""

    core = providers.DependenciesContainer()
    identity = providers.DependenciesContainer()

    mfa_secret_source = providers.Singleton(
        keys.user_secret_source, core.store_kind, core.store, core.engine.provider,
        "users.mfa_secret",
    )  # fmt: skip
    pending_mfa_secret_source = providers.Singleton(
        keys.user_secret_source, core.store_kind, core.store, core.engine.provider,
        "users.pending_mfa_secret",
    )  # fmt: skip
    # Each store of sealed secrets, in the order a rotation walks them.
    sealed_sources = providers.List(
        # (Spelled out: a comprehension in a class body cannot see the class's names.)
        providers.Singleton(VaultSealedSource, core.key_vault_store, SEALED_FIELDS[0]),
        providers.Singleton(VaultSealedSource, core.key_vault_store, SEALED_FIELDS[1]),
        providers.Singleton(VaultSealedSource, core.key_vault_store, SEALED_FIELDS[2]),
        providers.Singleton(VaultSealedSource, core.key_vault_store, SEALED_FIELDS[3]),
        mfa_secret_source,
        pending_mfa_secret_source,
        providers.Singleton(EndpointSecretSource, core.notification_endpoint_store),
        providers.Singleton(KycDocumentKeys, identity.kyc_documents, identity.document_store),
        providers.Singleton(SealedDeliveryBodies, core.notification_store),
    )
    key_rotation_store = store_provider(core, memory_key_rotation_store, sql_key_rotation_store)
    key_rotation = providers.Singleton(
        keys.key_rotation, core.settings, core.sealer, core.key_provider, sealed_sources,
        key_rotation_store, core.clock, core.audit,
    )  # fmt: skip
    key_rotations = providers.Singleton(KeyRotationJobs, key_rotation, core.clock, core.ids)
    retired_keys_check = providers.Resource(
        keys.retired_keys_check, key_rotation.provider, core.database
    )
    key_rotations_running = providers.Resource(keys.rotation_jobs_lifetime, key_rotations)
    key_expiry_watch = providers.Singleton(
        KeyExpiryWatch, core.key_vault_store, core.notifier, core.clock, core.audit
    )
    key_expiry_loop = providers.Resource(
        vault_wiring.expiry_loop, core.settings, key_expiry_watch, core.job_leases
    )
