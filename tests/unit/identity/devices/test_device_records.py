"""A device per login: found again by its token or fingerprint, new ones alert the user."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.errors import Forbidden, NotFound, Unauthenticated
from domain.identity.devices import device_token
from domain.principals import Principal, Role
from tests.unit.identity.conftest import PASSWORD, World
from tests.unit.identity.devices.conftest import SAFARI, Devices


async def owner(world: World, name: str = "alice") -> Principal:
    user = await world.auth.create_user(name, PASSWORD, Role.OWNER)
    return Principal(user.id, user.role)


async def test_a_first_login_makes_a_device_without_raw_identifiers(devices: Devices) -> None:
    alice = await owner(devices.world)

    _, login = await devices.login("alice", PASSWORD, address="203.0.113.77")

    device = login.device
    assert login.new and device.user_id == alice.id
    assert device.name == device.family == "Firefox on Linux"
    assert device.network == "203.0.113.0/24"
    assert len(device.fingerprint) == 64 and "Mozilla" not in device.fingerprint
    stored = repr(await devices.store.for_user(alice.id)) + repr(await devices.history.recent(9))
    assert "203.0.113.77" not in stored and "Gecko" not in stored
    assert login.token.startswith("bwd1.") and device.id in login.token


async def test_a_new_device_login_alerts_its_user_through_the_center(devices: Devices) -> None:
    alice = await owner(devices.world)
    await devices.login("alice", PASSWORD)  # the first device: nothing to compare it with

    await devices.login("alice", PASSWORD, traits=SAFARI, address="198.51.100.23")

    alerts = [n for n in devices.world.notifier.sent if n.event_type == "security.new_device"]
    assert [n.recipient for n in alerts] == [alice.id]
    assert "Safari on iOS from 198.51.100.0/24" in alerts[0].body
    assert "Unusual: new device, new address range" in alerts[0].body
    assert "198.51.100.23" not in alerts[0].body


async def test_the_same_device_is_found_again_and_not_announced_twice(devices: Devices) -> None:
    await owner(devices.world)
    _, first = await devices.login("alice", PASSWORD)
    devices.world.clock.advance(timedelta(hours=1))

    _, again = await devices.login("alice", PASSWORD)

    assert again.device.id == first.device.id and not again.new
    assert again.device.last_seen == devices.world.clock.now()
    alerts = [n for n in devices.world.notifier.sent if n.event_type == "security.new_device"]
    assert first.first and not again.first and alerts == []


async def test_the_device_token_outlasts_a_browser_upgrade(devices: Devices) -> None:
    await owner(devices.world)
    _, first = await devices.login("alice", PASSWORD)

    _, again = await devices.login("alice", PASSWORD, traits=SAFARI, token=first.token)
    _, forged = await devices.login(
        "alice", PASSWORD, traits=SAFARI, token=device_token(b"x" * 32, "dev-999999")
    )

    assert again.device.id == first.device.id
    assert forged.new and forged.device.id != first.device.id


async def test_another_users_device_token_makes_no_claim(devices: Devices) -> None:
    await owner(devices.world, "alice")
    await owner(devices.world, "bob")
    _, alices = await devices.login("alice", PASSWORD)

    _, bobs = await devices.login("bob", PASSWORD, traits=SAFARI, token=alices.token)

    assert bobs.new and bobs.device.user_id != alices.device.user_id


async def test_ipv6_addresses_are_kept_as_their_48(devices: Devices) -> None:
    await owner(devices.world)

    _, login = await devices.login("alice", PASSWORD, address="2001:db8:abcd:12::1")

    assert login.device.network == "2001:db8:abcd::/48"


async def test_rename_and_revoke_are_the_owners_only(devices: Devices) -> None:
    alice = await owner(devices.world, "alice")
    bob = await owner(devices.world, "bob")
    _, login = await devices.login("alice", PASSWORD)

    renamed = await devices.service.rename(alice, login.device.id, "  work   laptop ")
    with pytest.raises(NotFound):
        await devices.service.rename(bob, login.device.id, "mine now")
    with pytest.raises(NotFound):
        await devices.service.revoke(bob, login.device.id)

    assert renamed.name == "work laptop"
    kept = await devices.store.get(login.device.id)
    assert kept is not None and not kept.revoked and kept.name == "work laptop"


async def test_revoking_a_device_ends_its_sessions(devices: Devices) -> None:
    alice = await owner(devices.world)
    access, login = await devices.login("alice", PASSWORD)
    other_access, _ = await devices.login("alice", PASSWORD, traits=SAFARI)
    await devices.world.auth.authenticate(access)

    revoked = await devices.service.revoke(alice, login.device.id)

    assert revoked.revoked and not revoked.trusted
    with pytest.raises(Unauthenticated):
        await devices.world.auth.authenticate(access)
    still = await devices.world.auth.authenticate(other_access)
    assert still.principal.id == alice.id
    _, back = await devices.login("alice", PASSWORD, token=login.token)
    assert back.new and back.device.id != login.device.id


async def test_an_admin_lists_a_users_devices_and_nobody_else_may(devices: Devices) -> None:
    alice = await owner(devices.world, "alice")
    bob = await owner(devices.world, "bob")
    admin = await devices.world.auth.create_user("root", PASSWORD, Role.ADMIN)
    await devices.login("alice", PASSWORD)
    await devices.login("alice", PASSWORD, traits=SAFARI)

    seen = await devices.service.list_for(Principal(admin.id, Role.ADMIN), alice.id)
    with pytest.raises(Forbidden):
        await devices.service.list_for(bob, alice.id)
    with pytest.raises(NotFound):
        await devices.service.list_for(Principal(admin.id, Role.ADMIN), "usr-unknown")

    assert {d.family for d in seen} == {"Firefox on Linux", "Safari on iOS"}
    assert await devices.service.list_mine(bob) == []


async def test_failures_before_a_login_are_counted_into_its_context(devices: Devices) -> None:
    await owner(devices.world)
    for _ in range(3):
        with pytest.raises(Unauthenticated):
            await devices.world.auth.login("alice", "wrong password here", client="198.51.100.1")

    devices.world.clock.advance(timedelta(minutes=1))
    _, login = await devices.login("alice", PASSWORD)

    assert login.context.failures_before == 3
