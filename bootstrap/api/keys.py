"""Keys' API: the vault, key rotations and brokers' credentials."""

from __future__ import annotations

from dependency_injector import providers

from bootstrap.api import Bundle, Wiring, bundle_of
from bootstrap.containers import http_contexts_parts as parts


def bundle(w: Wiring) -> Bundle:
    return bundle_of(
        "keys",
        clock=w.core.clock,
        key_rotations=w.keys.key_rotations,
        key_vault=w.core.key_vault,
        broker_credentials=providers.Singleton(
            parts.broker_credential_service, w.core.uow_factory, w.core.key_vault
        ),
    )
