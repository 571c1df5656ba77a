"""Argon2 never runs on the event loop's thread, nor while a unit of work is open."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import pytest

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.secret_box import SecretBox
from adapters.security.totp import PyOtpVerifier
from application.identity.auth import AuthService
from domain.errors import Unauthenticated
from domain.principals import Principal, Role
from tests.unit.identity.conftest import PASSWORD


@dataclass
class Watch:
    """Open units of work, and where each hash or verify ran."""

    open_units: int = 0
    calls: list[tuple[str, bool, int]] = field(default_factory=list)  # (op, on loop, open)


class CountedUnitOfWork:
    def __init__(self, inner: Any, watch: Watch) -> None:
        self._inner, self._watch = inner, watch

    async def __aenter__(self) -> Any:
        self._watch.open_units += 1
        return await self._inner.__aenter__()

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Any:
        try:
            return await self._inner.__aexit__(kind, exc, tb)
        finally:
            self._watch.open_units -= 1


class WatchedHasher:
    def __init__(self, watch: Watch, loop_thread: threading.Thread) -> None:
        self._inner, self._watch, self._loop = Argon2Hasher.fast(), watch, loop_thread

    def hash(self, secret: str) -> str:
        self._note("hash")
        return self._inner.hash(secret)

    def verify(self, hashed: str, secret: str) -> bool:
        self._note("verify")
        return self._inner.verify(hashed, secret)

    def _note(self, op: str) -> None:
        on_loop = threading.current_thread() is self._loop
        self._watch.calls.append((op, on_loop, self._watch.open_units))


async def test_every_hash_and_verify_of_the_auth_use_cases_runs_in_a_worker_outside_a_unit(
    issuer: RsaJwtIssuer,
) -> None:
    # Arrange
    watch, store = Watch(), InMemoryStore()
    factory = unit_of_work_factory(store)
    auth = AuthService(
        lambda: CountedUnitOfWork(factory(), watch),  # type: ignore[arg-type, return-value]
        WatchedHasher(watch, threading.current_thread()),
        issuer,
        PyOtpVerifier(),
        SecretBox.ephemeral(),
        FakeClock(),
        SequentialIds(),
        InMemoryAuditLog(),
    )

    # Act: every path that hashes or verifies a password
    user = await auth.create_user("alice", PASSWORD, Role.OWNER)
    await auth.login("alice", PASSWORD)
    with pytest.raises(Unauthenticated):
        await auth.login("alice", "wrong password!!")
    with pytest.raises(Unauthenticated):
        await auth.login("nobody", PASSWORD)  # the dummy hash, then its verify
    principal = Principal(user.id, user.role)
    with pytest.raises(Unauthenticated):
        await auth.set_password(principal, "not my password", "a brand new passphrase")
    await auth.set_password(principal, PASSWORD, "a brand new passphrase")

    # Assert
    ops = [op for op, _, _ in watch.calls]
    assert ops.count("hash") == 3 and ops.count("verify") == 5
    assert [(on_loop, open_units) for _, on_loop, open_units in watch.calls] == [(False, 0)] * len(
        watch.calls
    )
