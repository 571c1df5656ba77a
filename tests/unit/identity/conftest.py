"""Fixtures: auth and API-key services over a fresh in-memory store, fake clock, real crypto."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.secret_box import SecretBox
from adapters.security.totp import PyOtpVerifier
from application.identity.apikeys import ApiKeyService
from application.identity.auth import AuthService
from domain.agents.heartbeat import Agent
from domain.principals import Principal, Role

PASSWORD = "correct horse battery"
OWNER_NAME = "alice"
ADMIN = Principal("admin-1", Role.ADMIN)


@pytest.fixture(scope="session")
def issuer() -> RsaJwtIssuer:
    """One RSA key for the session: generating one costs more than a test (it holds no state)."""
    return RsaJwtIssuer.generate()


@dataclass
class World:
    """Everything a test may arrange with or assert on."""

    store: InMemoryStore
    clock: FakeClock
    audit: InMemoryAuditLog
    notifier: InMemoryNotifier
    totp: PyOtpVerifier
    sealer: SecretBox
    issuer: RsaJwtIssuer
    auth: AuthService
    api_keys: ApiKeyService
    hasher: Argon2Hasher
    ids: SequentialIds

    async def add_agent(self, agent_id: str, owner_id: str) -> None:
        async with unit_of_work_factory(self.store)() as uow:
            await uow.agents.add(Agent(agent_id, owner_id))
            await uow.commit()


@pytest.fixture
def world(issuer: RsaJwtIssuer) -> World:
    store = InMemoryStore()
    uow = unit_of_work_factory(store)
    clock, ids, audit, notifier = (
        FakeClock(),
        SequentialIds(),
        InMemoryAuditLog(),
        InMemoryNotifier(),
    )
    totp, sealer, hasher = PyOtpVerifier(), SecretBox.ephemeral(), Argon2Hasher.fast()
    auth = AuthService(uow, hasher, issuer, totp, sealer, clock, ids, audit, notifier=notifier)
    api_keys = ApiKeyService(uow, clock, ids, audit)
    return World(store, clock, audit, notifier, totp, sealer, issuer, auth, api_keys, hasher, ids)
