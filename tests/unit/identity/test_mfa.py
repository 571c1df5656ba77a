"""TOTP enrolment and login with a second factor: codes, replays, backup codes, secrets at rest."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from application.identity.auth import MfaEnrollment
from domain.errors import Conflict, LoginLocked, MfaRequired, Unauthenticated
from domain.identity import User
from domain.principals import Principal, Role
from tests.unit.identity.conftest import OWNER_NAME, PASSWORD, World

STEP = timedelta(seconds=30)


async def enrolled(world: World) -> tuple[Principal, MfaEnrollment]:
    """A user with MFA active, the clock moved on a step past the verifying code."""
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    principal = Principal(user.id, user.role)
    enrollment = await world.auth.enroll_mfa(principal)
    code = world.totp.code_at(enrollment.secret, world.clock.now())
    await world.auth.verify_mfa(principal, code)
    world.clock.advance(STEP)
    return principal, enrollment


def current_code(world: World, enrollment: MfaEnrollment) -> str:
    return world.totp.code_at(enrollment.secret, world.clock.now())


async def test_enrolment_stays_pending_until_a_code_verifies_it(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    principal = Principal(user.id, user.role)

    enrollment = await world.auth.enroll_mfa(principal)
    before = await world.auth.login(OWNER_NAME, PASSWORD)
    verified = await world.auth.verify_mfa(principal, current_code(world, enrollment))

    assert before.access_token
    assert verified.mfa_enabled
    assert enrollment.provisioning_uri.startswith("otpauth://totp/")
    assert "issuer=Bulwark" in enrollment.provisioning_uri
    assert len(enrollment.backup_codes) == len(set(enrollment.backup_codes)) == 10


async def test_after_enrolment_a_login_needs_a_code(world: World) -> None:
    _, enrollment = await enrolled(world)

    with pytest.raises(MfaRequired) as raised:
        await world.auth.login(OWNER_NAME, PASSWORD)
    pair = await world.auth.login(OWNER_NAME, PASSWORD, current_code(world, enrollment))

    assert raised.value.code == "MFA_REQUIRED"
    assert pair.access_token


async def test_a_code_from_the_previous_step_is_accepted_but_not_two_steps_back(
    world: World,
) -> None:
    _, enrollment = await enrolled(world)
    previous = current_code(world, enrollment)
    world.clock.advance(STEP)
    assert await world.auth.login(OWNER_NAME, PASSWORD, previous)
    stale = current_code(world, enrollment)

    world.clock.advance(STEP * 2)

    with pytest.raises(Unauthenticated):
        await world.auth.login(OWNER_NAME, PASSWORD, stale)


async def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(world: World) -> None:
    _, enrollment = await enrolled(world)
    wrong = f"{(int(current_code(world, enrollment)) + 1) % 1_000_000:06d}"

    for _ in range(5):
        with pytest.raises(Unauthenticated) as raised:
            await world.auth.login(OWNER_NAME, PASSWORD, wrong)
        assert not isinstance(raised.value, MfaRequired)

    with pytest.raises(LoginLocked):
        await world.auth.login(OWNER_NAME, PASSWORD, current_code(world, enrollment))


async def test_a_code_cannot_be_replayed(world: World) -> None:
    _, enrollment = await enrolled(world)
    code = current_code(world, enrollment)
    await world.auth.login(OWNER_NAME, PASSWORD, code)

    with pytest.raises(Unauthenticated):
        await world.auth.login(OWNER_NAME, PASSWORD, code)


async def test_after_a_code_is_accepted_the_previous_steps_code_is_refused(world: World) -> None:
    # Arrange: both codes are inside the one-step drift window
    _, enrollment = await enrolled(world)
    previous = world.totp.code_at(enrollment.secret, world.clock.now() - STEP)
    await world.auth.login(OWNER_NAME, PASSWORD, current_code(world, enrollment))

    # Act / Assert: RFC 6238 §5.2, a step at or before the last accepted one is refused
    with pytest.raises(Unauthenticated, match="one-time code"):
        await world.auth.login(OWNER_NAME, PASSWORD, previous)


async def test_a_code_of_the_next_step_cannot_be_replayed_when_its_step_comes(
    world: World,
) -> None:
    _, enrollment = await enrolled(world)
    now = world.clock.now()
    following = world.totp.code_at(enrollment.secret, now + STEP)
    current = world.totp.code_at(enrollment.secret, now)
    assert await world.auth.login(OWNER_NAME, PASSWORD, following)  # a clock running ahead

    refused_now = await _refused(world, current)
    world.clock.advance(STEP)
    refused_later = await _refused(world, following)

    assert (refused_now, refused_later) == (True, True)
    assert world.store.users[_user_id(world)].last_totp_step == world.totp.step_at(now + STEP)


async def test_one_code_sent_in_two_concurrent_logins_opens_one_session(world: World) -> None:
    _, enrollment = await enrolled(world)
    code = current_code(world, enrollment)

    results = await asyncio.gather(
        world.auth.login(OWNER_NAME, PASSWORD, code),
        world.auth.login(OWNER_NAME, PASSWORD, code),
        return_exceptions=True,
    )

    assert sorted(type(r).__name__ for r in results) == ["TokenPair", "Unauthenticated"]


async def test_verifying_the_enrolment_spends_its_code(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    enrollment = await world.auth.enroll_mfa(Principal(user.id, user.role))
    code = current_code(world, enrollment)
    await world.auth.verify_mfa(Principal(user.id, user.role), code)

    with pytest.raises(Unauthenticated):
        await world.auth.login(OWNER_NAME, PASSWORD, code)


async def _refused(world: World, code: str) -> bool:
    try:
        await world.auth.login(OWNER_NAME, PASSWORD, code)
    except Unauthenticated:
        return True
    return False


def _user_id(world: World) -> str:
    [user_id] = world.store.users
    return user_id


async def test_a_backup_code_works_once(world: World) -> None:
    _, enrollment = await enrolled(world)
    code = enrollment.backup_codes[3]

    first = await world.auth.login(OWNER_NAME, PASSWORD, code.upper())

    assert first.access_token
    with pytest.raises(Unauthenticated):
        await world.auth.login(OWNER_NAME, PASSWORD, code)
    assert await world.auth.login(OWNER_NAME, PASSWORD, enrollment.backup_codes[4])


async def test_verify_with_a_wrong_code_leaves_mfa_off(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)
    principal = Principal(user.id, user.role)
    enrollment = await world.auth.enroll_mfa(principal)
    wrong = f"{(int(current_code(world, enrollment)) + 1) % 1_000_000:06d}"

    with pytest.raises(Unauthenticated):
        await world.auth.verify_mfa(principal, wrong)

    assert not (await world.auth.user(principal)).mfa_enabled
    assert await world.auth.login(OWNER_NAME, PASSWORD)


async def test_enrolling_twice_once_active_conflicts(world: World) -> None:
    principal, _ = await enrolled(world)

    with pytest.raises(Conflict):
        await world.auth.enroll_mfa(principal)


async def test_verify_without_a_pending_enrolment_conflicts(world: World) -> None:
    user = await world.auth.create_user(OWNER_NAME, PASSWORD, Role.OWNER)

    with pytest.raises(Conflict):
        await world.auth.verify_mfa(Principal(user.id, user.role), "123456")


async def test_the_totp_secret_is_encrypted_and_backup_codes_hashed_at_rest(world: World) -> None:
    _, enrollment = await enrolled(world)

    [user] = world.store.users.values()

    stored = repr(user)
    assert enrollment.secret not in stored
    assert user.mfa_secret is not None
    assert world.sealer.open(user.mfa_secret, "user.mfa_secret", user.id) == enrollment.secret
    for code in enrollment.backup_codes:
        assert code not in stored
        assert code.replace("-", "") not in stored
    assert len(user.backup_code_digests) == 10


def test_a_user_accepts_only_later_totp_steps() -> None:
    user = User("usr-1", "alice", "hash", Role.OWNER, datetime(2026, 1, 1, tzinfo=UTC))

    answers = [user.accept_totp_step(s) for s in (100, 100, 99, 102, 101, 103)]

    assert answers == [True, False, False, True, False, True]
    assert user.last_totp_step == 103
