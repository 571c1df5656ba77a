"""Access tokens (expiry, tampering, foreign keys), refresh rotation and reuse, and logout."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from adapters.memory.clock import SequentialIds
from adapters.memory.store import unit_of_work_factory
from adapters.security.argon2_hasher import Argon2Hasher
from adapters.security.jwt_tokens import RsaJwtIssuer
from application.identity.auth import AuthService, TokenPair
from domain.errors import Unauthenticated
from domain.identity import AccessClaims
from domain.principals import Role
from tests.unit.identity.conftest import OWNER_NAME, PASSWORD, World


async def logged_in(world: World, username: str = OWNER_NAME) -> TokenPair:
    await world.auth.create_user(username, PASSWORD, Role.OWNER)
    return await world.auth.login(username, PASSWORD)


async def test_an_access_token_expires_after_15_minutes_on_the_clock(world: World) -> None:
    pair = await logged_in(world)

    world.clock.advance(timedelta(minutes=14, seconds=59))
    still_valid = await world.auth.authenticate(pair.access_token)
    world.clock.advance(timedelta(seconds=1))

    assert still_valid.principal.role is Role.OWNER
    with pytest.raises(Unauthenticated):
        await world.auth.authenticate(pair.access_token)


async def test_a_tampered_token_is_refused(world: World) -> None:
    pair = await logged_in(world)
    header, payload, signature = pair.access_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = Role.ADMIN.value
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")

    with pytest.raises(Unauthenticated):
        await world.auth.authenticate(f"{header}.{forged}.{signature}")


async def test_a_token_signed_with_another_key_is_refused(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    now = world.clock.now()
    stranger = RsaJwtIssuer.generate()
    token = stranger.issue(
        AccessClaims(user.id, Role.ADMIN, "jti-x", now, now + timedelta(hours=1))
    )

    with pytest.raises(Unauthenticated):
        await world.auth.authenticate(token)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "Bearer x.y.z"])
async def test_garbage_is_refused(world: World, garbage: str) -> None:
    with pytest.raises(Unauthenticated):
        await world.auth.authenticate(garbage)


async def test_refresh_rotates_the_token_and_keeps_the_session_going(world: World) -> None:
    first = await logged_in(world)
    world.clock.advance(timedelta(minutes=20))

    second = await world.auth.refresh(first.refresh_token)
    session = await world.auth.authenticate(second.access_token)

    assert second.refresh_token != first.refresh_token
    assert session.expires_at == world.clock.now() + timedelta(minutes=15)
    [old, new] = sorted(world.store.refresh_tokens.values(), key=lambda t: t.issued_at)
    assert old.family_id == new.family_id
    assert old.replaced_by == new.id


async def test_reusing_a_rotated_token_revokes_the_whole_family(world: World) -> None:
    first = await logged_in(world)
    second = await world.auth.refresh(first.refresh_token)

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(first.refresh_token)

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(second.refresh_token)
    assert all(t.is_revoked for t in world.store.refresh_tokens.values())
    refreshes = [e for e in await world.audit.entries() if e.action == "auth.refresh"]
    # Newest first: the refused refresh of the revoked successor, then the reuse.
    assert [e.outcome for e in refreshes] == ["refused", "reuse"]
    assert refreshes[1].details["revoked"] == 2
    assert refreshes[0].details == {"reason": "expired or revoked"}


async def test_reuse_in_one_family_leaves_other_sessions_alone(world: World) -> None:
    phone = await logged_in(world)
    laptop = await world.auth.login(OWNER_NAME, PASSWORD)
    await world.auth.refresh(phone.refresh_token)

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(phone.refresh_token)
    renewed = await world.auth.refresh(laptop.refresh_token)

    assert renewed.access_token


async def test_an_expired_refresh_token_is_refused(world: World) -> None:
    pair = await logged_in(world)

    world.clock.advance(timedelta(days=30))

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(pair.refresh_token)


@pytest.mark.parametrize("mangle", ["drop-secret", "wrong-secret", "unknown-id", "no-dot"])
async def test_a_mangled_refresh_token_is_refused_without_revoking(
    world: World, mangle: str
) -> None:
    pair = await logged_in(world)
    token_id, _, secret = pair.refresh_token.rpartition(".")
    bad = {
        "drop-secret": f"{token_id}.",
        "wrong-secret": f"{token_id}.{secret[::-1]}",
        "unknown-id": f"rt-999999.{secret}",
        "no-dot": secret,
    }[mangle]

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(bad)

    assert await world.auth.refresh(pair.refresh_token)


async def test_refresh_tokens_are_stored_only_as_digests(world: World) -> None:
    pair = await logged_in(world)
    secret = pair.refresh_token.rpartition(".")[2]

    [stored] = world.store.refresh_tokens.values()

    assert secret not in repr(stored)
    assert len(stored.secret_digest) == 64


async def test_logout_revokes_the_access_token_and_the_refresh_family(world: World) -> None:
    pair = await logged_in(world)
    session = await world.auth.authenticate(pair.access_token)

    await world.auth.logout(session, pair.refresh_token)

    with pytest.raises(Unauthenticated):
        await world.auth.authenticate(pair.access_token)
    with pytest.raises(Unauthenticated):
        await world.auth.refresh(pair.refresh_token)
    assert world.store.revoked_tokens == {session.jti: session.expires_at}


async def test_logout_without_a_refresh_token_keeps_the_family(world: World) -> None:
    pair = await logged_in(world)
    session = await world.auth.authenticate(pair.access_token)

    await world.auth.logout(session)

    with pytest.raises(Unauthenticated):
        await world.auth.authenticate(pair.access_token)
    assert await world.auth.refresh(pair.refresh_token)


async def test_logout_ignores_another_users_refresh_token(world: World) -> None:
    mine = await logged_in(world)
    theirs = await logged_in(world, "bob")
    session = await world.auth.authenticate(mine.access_token)

    await world.auth.logout(session, theirs.refresh_token)

    assert await world.auth.refresh(theirs.refresh_token)


async def test_revoked_ids_are_purged_once_their_tokens_expire(world: World) -> None:
    pair = await logged_in(world)
    await world.auth.logout(await world.auth.authenticate(pair.access_token))
    world.clock.advance(timedelta(minutes=15))

    async with unit_of_work_factory(world.store)() as uow:
        purged = await uow.revoked_tokens.purge(world.clock.now())
        await uow.commit()

    assert (purged, world.store.revoked_tokens) == (1, {})


# -- revoking a family kills its access tokens -----------------------------------------------


async def test_reuse_of_a_refresh_token_kills_the_familys_access_tokens_at_once(
    world: World,
) -> None:
    # Arrange: the thief's and the victim's access tokens are both live (and cached)
    first = await logged_in(world)
    second = await world.auth.refresh(first.refresh_token)
    await world.auth.authenticate(first.access_token)
    await world.auth.authenticate(second.access_token)

    # Act: the rotated token is presented again
    with pytest.raises(Unauthenticated):
        await world.auth.refresh(first.refresh_token)

    # Assert: no access token of the family works, without waiting for the session cache
    for token in (first.access_token, second.access_token):
        with pytest.raises(Unauthenticated, match="revoked"):
            await world.auth.authenticate(token)


async def test_reuse_in_one_family_keeps_the_other_familys_access_token(world: World) -> None:
    phone = await logged_in(world)
    laptop = await world.auth.login(OWNER_NAME, PASSWORD)
    await world.auth.refresh(phone.refresh_token)

    with pytest.raises(Unauthenticated):
        await world.auth.refresh(phone.refresh_token)

    assert await world.auth.authenticate(laptop.access_token)


async def test_logout_with_the_refresh_token_kills_the_familys_other_access_tokens(
    world: World,
) -> None:
    first = await logged_in(world)
    second = await world.auth.refresh(first.refresh_token)
    await world.auth.authenticate(first.access_token)  # cached for the session-cache time

    await world.auth.logout(
        await world.auth.authenticate(second.access_token), second.refresh_token
    )

    with pytest.raises(Unauthenticated, match="revoked"):
        await world.auth.authenticate(first.access_token)
    assert set(world.store.revoked_families) == {_family(world)}


async def test_logout_without_the_refresh_token_keeps_the_familys_other_access_tokens(
    world: World,
) -> None:
    first = await logged_in(world)
    second = await world.auth.refresh(first.refresh_token)

    await world.auth.logout(await world.auth.authenticate(second.access_token))

    assert await world.auth.authenticate(first.access_token)
    assert world.store.revoked_families == {}


async def test_a_password_change_kills_every_access_token_of_the_user(world: World) -> None:
    phone = await logged_in(world)
    laptop = await world.auth.login(OWNER_NAME, PASSWORD)
    session = await world.auth.authenticate(laptop.access_token)

    await world.auth.set_password(session.principal, PASSWORD, "a brand new passphrase")

    for token in (phone.access_token, laptop.access_token):
        with pytest.raises(Unauthenticated, match="revoked"):
            await world.auth.authenticate(token)
    assert await world.auth.login(OWNER_NAME, "a brand new passphrase")


async def test_another_instance_sees_a_revoked_family_within_the_session_cache(
    world: World,
) -> None:
    # Arrange: a second service over the same store has the token in its session cache
    pair = await logged_in(world)
    other = AuthService(
        unit_of_work_factory(world.store),
        Argon2Hasher.fast(),
        world.issuer,
        world.totp,
        world.sealer,
        world.clock,
        SequentialIds(),
        world.audit,
    )
    await other.authenticate(pair.access_token)
    session = await world.auth.authenticate(pair.access_token)

    # Act: the family is revoked through this instance
    await world.auth.logout(session, pair.refresh_token)
    world.clock.advance(other.config.session_cache)

    # Assert: once its cache time has passed, the other instance refuses it too
    with pytest.raises(Unauthenticated, match="revoked"):
        await other.authenticate(pair.access_token)


async def test_revoked_families_are_purged_once_their_access_tokens_expire(world: World) -> None:
    pair = await logged_in(world)
    await world.auth.logout(await world.auth.authenticate(pair.access_token), pair.refresh_token)
    world.clock.advance(timedelta(minutes=15))

    async with unit_of_work_factory(world.store)() as uow:
        purged = await uow.revoked_tokens.purge(world.clock.now())
        await uow.commit()

    assert (purged, world.store.revoked_tokens, world.store.revoked_families) == (2, {}, {})


def _family(world: World) -> str:
    [family] = {t.family_id for t in world.store.refresh_tokens.values()}
    return family
