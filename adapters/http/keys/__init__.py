"""The keys context's routes: KEK status and rotation, the API-key vault, broker credentials."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from litestar.di import NamedDependency
from litestar.types import ControllerRouterHandler

from adapters.http.contexts import context_over
from adapters.http.problems import problems_with
from application.keys.broker_credentials import BrokerCredentialService
from application.keys.rotation_jobs import KeyRotationJobs
from application.keys.vault import KeyVaultService
from ports.core.clock import Clock

NAME = "keys"
# The problems every keys route documents; a route adds its own: `problems(404, ...)`.
problems = problems_with(401, 403)


@dataclass(frozen=True)
class KeysServices:
    """What the keys routes call."""

    clock: Clock
    key_rotations: KeyRotationJobs
    key_vault: KeyVaultService
    broker_credentials: BrokerCredentialService


KeysDep: TypeAlias = NamedDependency[KeysServices]


def controllers(config: Any) -> Sequence[ControllerRouterHandler]:
    from adapters.http.keys import broker_credentials, key_vault, keys

    return [*keys.CONTROLLERS, *broker_credentials.CONTROLLERS, *key_vault.CONTROLLERS]


context = context_over(NAME, KeysServices, controllers)
