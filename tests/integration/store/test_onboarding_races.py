"""Single use under concurrency, on every store: of two accepts of one invitation (or two
confirms of one reset token) exactly one wins, and the loser leaves nothing behind."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass

from adapters.memory.bus import InMemoryAuditLog, InMemoryNotifier
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import RsaJwtIssuer
from adapters.security.secret_box import SecretBox
from adapters.security.totp import PyOtpVerifier
from application.identity.auth import AuthService
from application.identity.invitations import InvitationService, NewUser
from application.identity.password_reset import PasswordResetService
from application.identity.public_throttle import ClientThrottle
from domain.identity.onboarding_errors import InvitationUsed, ResetTokenUsed
from domain.principals import Principal, Role
from tests.integration.store.conftest import StoreUnderTest

PASSWORD = "correct horse battery"


class RendezvousHasher:
    """Argon2 whose hashes, once armed, wait for each other in pairs: both requests pass
    their first checks before either reaches its transaction."""

    def __init__(self) -> None:
        self._inner = Argon2Hasher.fast()
        self._barrier = threading.Barrier(2, timeout=10)
        self.armed = False

    def hash(self, secret: str) -> str:
        if self.armed:
            self._barrier.wait()
        return self._inner.hash(secret)

    def verify(self, hashed: str, secret: str) -> bool:
        return self._inner.verify(hashed, secret)


@dataclass
class Services:
    hasher: RendezvousHasher
    notifier: InMemoryNotifier
    auth: AuthService
    invitations: InvitationService
    resets: PasswordResetService


def services(store: StoreUnderTest) -> Services:
    clock, ids, audit, notifier = (
        FakeClock(),
        SequentialIds(),
        InMemoryAuditLog(),
        InMemoryNotifier(),
    )
    hasher = RendezvousHasher()
    auth = AuthService(
        store.uow, hasher, RsaJwtIssuer.generate(), PyOtpVerifier(), SecretBox.ephemeral(),
        clock, ids, audit, notifier=notifier,
    )  # fmt: skip
    throttle = ClientThrottle(store.uow, clock)
    invitations = InvitationService(store.uow, hasher, clock, ids, audit, throttle, notifier)
    resets = PasswordResetService(store.uow, hasher, auth, clock, ids, audit, throttle, notifier)
    return Services(hasher, notifier, auth, invitations, resets)


async def test_two_concurrent_accepts_create_one_user(store: StoreUnderTest) -> None:
    world = services(store)
    invitations = world.invitations
    issued = await invitations.create(Principal.system(), Role.TRADER)
    world.hasher.armed = True

    results = await asyncio.gather(
        invitations.accept(issued.token, NewUser("carol", PASSWORD)),
        invitations.accept(issued.token, NewUser("dave1", PASSWORD)),
        return_exceptions=True,
    )

    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(losers) == 1 and isinstance(losers[0], InvitationUsed), results
    async with store.uow() as uow:
        names = [u.username for u in await uow.users.list()]
        stored = await uow.invitations.get(issued.invitation.id)
    assert len(names) == 1
    assert stored is not None and stored.used_by is not None


async def test_two_concurrent_confirms_of_one_reset_token_set_one_password(
    store: StoreUnderTest,
) -> None:
    world = services(store)
    auth, resets = world.auth, world.resets
    await auth.create_user("alice", PASSWORD, Role.OWNER)
    await resets.request("alice")
    token = next(w for w in world.notifier.sent[-1].body.split() if w.startswith("pwr-"))
    world.hasher.armed = True

    results = await asyncio.gather(
        resets.confirm(token, "first new passphrase"),
        resets.confirm(token, "second new passphrase"),
        return_exceptions=True,
    )

    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(losers) == 1 and isinstance(losers[0], ResetTokenUsed), results
    winner = "first new passphrase" if results[0] is None else "second new passphrase"
    world.hasher.armed = False
    assert await auth.login("alice", winner)
