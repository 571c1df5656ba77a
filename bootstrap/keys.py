"""Key rotation in the composition root: the TOTP secret sources, the checkpoint store, the
service, the background rotation jobs, and the start-up check for retired KEKs still listed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING

import structlog

from adapters.memory.key_rotation import InMemoryUserSecretSource
from adapters.memory.store import InMemoryStore
from application.keys.rotation import KeyRotation
from application.keys.rotation_jobs import KeyRotationJobs
from bootstrap.settings import Settings
from ports.core.clock import Clock
from ports.core.encryption import KeyProvider, SealedRecordSource, SecretSealer
from ports.core.events import AuditLog
from ports.keys.key_rotation import USER_SECRET_COLUMNS, KeyRotationStore

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

_log = structlog.get_logger("bulwark.keys")


def user_secret_source(
    store_kind: str, store: InMemoryStore, engine: Callable[[], AsyncEngine], name: str
) -> SealedRecordSource:
    """The rotation source over one TOTP column of `users`, on the store in use."""
    if name not in USER_SECRET_COLUMNS:
        raise ValueError(f"no sealed user column {name}")
    if store_kind == "sql":
        from adapters.postgres.key_rotation import SqlUserSecretSource

        return SqlUserSecretSource(engine(), name)
    return InMemoryUserSecretSource(store, name)


def key_rotation(
    settings: Settings,
    sealer: SecretSealer,
    keys: KeyProvider,
    sources: Sequence[SealedRecordSource],
    store: KeyRotationStore,
    clock: Clock,
    audit: AuditLog,
) -> KeyRotation:
    return KeyRotation(
        sealer, keys, sources, store, clock, audit, batch=settings.keys.key_rotation_batch
    )


async def retired_keys_check(
    rotation: Callable[[], KeyRotation], database: object = None
) -> AsyncIterator[None]:
    """At start-up: a configured KEK version recorded retired is a line left in the KEK file.

    `database` is only there so the store is up first.
    """
    del database
    try:
        still = await rotation().retired_still_configured()
    except Exception as error:  # a start-up check must not stop the service
        _log.warning("retired_keys_check_failed", error=type(error).__name__)
        still = []
    for ref in still:
        _log.warning(
            "retired_kek_still_configured",
            kek=str(ref),
            hint="remove this version's line from the key-encryption key file",
        )
    yield


async def rotation_jobs_lifetime(jobs: KeyRotationJobs) -> AsyncIterator[KeyRotationJobs]:
    """At shutdown, a rotation started from the API stops (its checkpoint lets the next resume)."""
    try:
        yield jobs
    finally:
        await jobs.close()
