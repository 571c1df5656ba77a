"""Authentication while the store is down: only a kill-switch activation may use the
principal last read for a valid token (application/identity/last_sessions.py), and never one whose
token the store was seen to revoke."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from adapters.memory.clock import SequentialIds
from adapters.memory.store import unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from application.identity.auth import AuthService
from application.identity.last_sessions import LastSessions
from domain.errors import StoreUnavailable, Unauthenticated
from domain.principals import Principal, Role
from tests.unit.identity.conftest import OWNER_NAME, PASSWORD, World


class _Switchable:
    """The store's unit of work, or StoreUnavailable while `down`."""

    def __init__(self, open_uow: Callable[[], Any]) -> None:
        self._open = open_uow
        self.down = False

    def __call__(self) -> Any:
        if self.down:
            raise StoreUnavailable("the database is unavailable")
        return self._open()


def _auth(world: World, store: _Switchable, last: LastSessions) -> AuthService:
    return AuthService(
        store,
        Argon2Hasher.fast(),
        world.issuer,
        world.totp,
        world.sealer,
        world.clock,
        SequentialIds(),
        world.audit,
        last_sessions=last,
    )


async def _token(world: World) -> str:
    await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    return (await world.auth.login(OWNER_NAME, PASSWORD)).access_token


async def test_a_halt_is_authenticated_from_the_last_read_while_the_store_is_down(
    world: World,
) -> None:
    # Arrange: the token was read once, then the store went down past the session cache
    token = await _token(world)
    store = _Switchable(unit_of_work_factory(world.store))
    auth = _auth(world, store, LastSessions())
    read = await auth.authenticate(token)
    store.down = True
    world.clock.advance(auth.config.session_cache)

    # Act
    halting = await auth.authenticate(token, to_halt=True)

    # Assert: the halt passes as the same principal; anything else still needs the store
    assert halting.principal == read.principal
    with pytest.raises(StoreUnavailable):
        await auth.authenticate(token)


async def test_a_token_never_read_cannot_halt_while_the_store_is_down(world: World) -> None:
    token = await _token(world)
    store = _Switchable(unit_of_work_factory(world.store))
    auth = _auth(world, store, LastSessions())
    store.down = True

    with pytest.raises(StoreUnavailable):
        await auth.authenticate(token, to_halt=True)


async def test_a_token_seen_revoked_is_forgotten_and_cannot_halt(world: World) -> None:
    # Arrange: read, then revoked (logout at another instance), then seen revoked here
    token = await _token(world)
    store = _Switchable(unit_of_work_factory(world.store))
    auth = _auth(world, store, LastSessions())
    await auth.authenticate(token)
    await world.auth.logout(await world.auth.authenticate(token))
    world.clock.advance(auth.config.session_cache)
    with pytest.raises(Unauthenticated, match="revoked"):
        await auth.authenticate(token)
    store.down = True

    # Act / Assert
    with pytest.raises(StoreUnavailable):
        await auth.authenticate(token, to_halt=True)


async def test_revocations_committed_here_forget_every_last_read(world: World) -> None:
    # Arrange: another token of the same user was read; a logout through this service
    token = await _token(world)
    other_token = (await world.auth.login(OWNER_NAME, PASSWORD)).access_token
    store = _Switchable(unit_of_work_factory(world.store))
    last = LastSessions()
    auth = _auth(world, store, last)
    await auth.authenticate(other_token)
    await auth.logout(await auth.authenticate(token))
    store.down = True
    world.clock.advance(auth.config.session_cache)

    # Act / Assert: nothing read before the revocation stands in for the store
    with pytest.raises(StoreUnavailable):
        await auth.authenticate(other_token, to_halt=True)


async def test_an_expired_token_cannot_halt_even_if_it_was_read(world: World) -> None:
    token = await _token(world)
    store = _Switchable(unit_of_work_factory(world.store))
    auth = _auth(world, store, LastSessions())
    await auth.authenticate(token)
    store.down = True
    world.clock.advance(timedelta(minutes=15))

    with pytest.raises(Unauthenticated):
        await auth.authenticate(token, to_halt=True)


def test_a_last_read_answers_only_for_its_own_subject() -> None:
    last = LastSessions()

    last.remember("jti-1", Principal("u-1", Role.OWNER))

    assert last.principal("jti-1", "u-1") == Principal("u-1", Role.OWNER)
    assert last.principal("jti-1", "u-2") is None  # another subject's token id: not it
