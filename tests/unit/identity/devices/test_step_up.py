"""Step-up: with MFA, a new device passes a one-time code before sensitive actions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from application.identity.auth_views import Session
from domain.errors import LoginLocked, Unauthenticated
from domain.identity.devices import StepUpRequired
from domain.principals import Principal, Role
from tests.unit.identity.conftest import PASSWORD, World
from tests.unit.identity.devices.conftest import SAFARI, Devices

STEP = timedelta(seconds=30)


async def with_mfa(world: World, name: str = "alice") -> str:
    """A user with MFA on; their TOTP secret."""
    user = await world.auth.create_user(name, PASSWORD, Role.OWNER)
    principal = Principal(user.id, user.role)
    enrollment = await world.auth.enroll_mfa(principal)
    await world.auth.verify_mfa(principal, code(world, enrollment.secret))
    world.clock.advance(STEP)
    return enrollment.secret


def code(world: World, secret: str) -> str:
    return world.totp.code_at(secret, world.clock.now())


async def session_of(devices: Devices, access: str) -> Session:
    return await devices.world.auth.authenticate(access)


async def test_a_new_device_of_an_mfa_user_must_step_up(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    access, _ = await devices.login("alice", PASSWORD, code(devices.world, secret))
    session = await session_of(devices, access)

    with pytest.raises(StepUpRequired) as refused:
        await devices.step_up.require_trusted(session)

    assert refused.value.code == "STEP_UP_REQUIRED"


async def test_a_current_code_trusts_the_device_for_its_sessions(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    access, login = await devices.login("alice", PASSWORD, code(devices.world, secret))
    devices.world.clock.advance(STEP)

    trusted = await devices.step_up.step_up(
        await session_of(devices, access), code(devices.world, secret)
    )
    await devices.step_up.require_trusted(await session_of(devices, access))
    devices.world.clock.advance(STEP)
    later, again = await devices.login(
        "alice", PASSWORD, code(devices.world, secret), token=login.token
    )
    await devices.step_up.require_trusted(await session_of(devices, later))

    assert trusted.trusted and again.device.id == login.device.id


async def test_a_wrong_or_replayed_code_trusts_nothing(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    used = code(devices.world, secret)
    access, _ = await devices.login("alice", PASSWORD, used)
    session = await session_of(devices, access)

    with pytest.raises(Unauthenticated):
        await devices.step_up.step_up(session, "000000" if used != "000000" else "111111")
    with pytest.raises(Unauthenticated):
        await devices.step_up.step_up(session, used)  # the login's own code, replayed
    with pytest.raises(StepUpRequired):
        await devices.step_up.require_trusted(session)


async def test_wrong_codes_are_throttled_like_failed_logins(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    access, _ = await devices.login("alice", PASSWORD, code(devices.world, secret))
    session = await session_of(devices, access)

    refusals: list[type[Exception]] = []
    for _ in range(6):
        try:
            await devices.step_up.step_up(session, "12345x")
        except (Unauthenticated, LoginLocked) as exc:
            refusals.append(type(exc))

    assert LoginLocked in refusals


async def test_another_device_stays_untrusted(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    access, _ = await devices.login("alice", PASSWORD, code(devices.world, secret))
    devices.world.clock.advance(STEP)
    await devices.step_up.step_up(await session_of(devices, access), code(devices.world, secret))
    devices.world.clock.advance(STEP)

    phone, _ = await devices.login("alice", PASSWORD, code(devices.world, secret), traits=SAFARI)

    with pytest.raises(StepUpRequired):
        await devices.step_up.require_trusted(await session_of(devices, phone))


async def test_a_revoked_device_cannot_step_up(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    access, login = await devices.login("alice", PASSWORD, code(devices.world, secret))
    session = await session_of(devices, access)
    await devices.service.revoke(session.principal, login.device.id)
    devices.world.clock.advance(STEP)

    with pytest.raises(Unauthenticated):
        await devices.step_up.step_up(session, code(devices.world, secret))


async def test_users_without_mfa_and_sessionless_callers_are_not_asked(devices: Devices) -> None:
    await devices.world.auth.create_user("bob", PASSWORD, Role.OWNER)
    access, _ = await devices.login("bob", PASSWORD)

    await devices.step_up.require_trusted(await session_of(devices, access))
    await devices.step_up.require_trusted(None)


async def test_a_session_without_a_device_must_step_up_but_cannot(devices: Devices) -> None:
    secret = await with_mfa(devices.world)
    pair = await devices.world.auth.login("alice", PASSWORD, code(devices.world, secret))
    session = await session_of(devices, pair.access_token)

    with pytest.raises(StepUpRequired):
        await devices.step_up.require_trusted(session)
    with pytest.raises(Unauthenticated):
        await devices.step_up.step_up(session, code(devices.world, secret))
