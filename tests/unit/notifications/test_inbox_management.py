"""Managing the inbox: one by id, delete, clear, unread counts, bulk read, role defaults."""

from __future__ import annotations

from datetime import timedelta

import pytest

from application.notifications.api import InvalidNotificationQuery, PreferencesUpdate
from application.notifications.role_defaults import RoleDefaults
from domain.errors import Forbidden, NotFound
from domain.notifications.preferences import Preferences
from domain.principals import Principal, Role
from tests.unit.notifications.world import T0, World


@pytest.fixture
async def world() -> World:
    w = World()
    await w.user("u1", email="u1@example.org")
    await w.user("u2", email="u2@example.org")
    return w


async def notice(world: World, user: str, title: str, kind: str = "notice") -> str:
    outcome = await world.center.notify(user, kind, {"title": title, "body": "b"})
    world.clock.advance(timedelta(seconds=1))
    assert outcome.in_app_id is not None
    return outcome.in_app_id


async def test_one_notification_by_id_and_another_users_is_not_found(world: World) -> None:
    # Arrange
    u1, u2 = Principal("u1", Role.OWNER), Principal("u2", Role.OWNER)
    mine = await notice(world, "u1", "hello")

    # Act
    found = await world.service.one(u1, mine)

    # Assert
    assert found.title == "hello"
    with pytest.raises(NotFound):
        await world.service.one(u2, mine)
    with pytest.raises(NotFound):
        await world.service.delete(u2, mine)


async def test_delete_then_clear_leave_other_users_alone(world: World) -> None:
    # Arrange
    u1 = Principal("u1", Role.OWNER)
    first = await notice(world, "u1", "a")
    await notice(world, "u1", "b")
    theirs = await notice(world, "u2", "c")

    # Act
    await world.service.delete(u1, first)
    cleared = await world.service.clear(u1)

    # Assert
    assert cleared == 1
    assert (await world.service.inbox(u1)).items == []
    assert (await world.service.one(Principal("u2", Role.OWNER), theirs)).title == "c"
    with pytest.raises(NotFound):
        await world.service.delete(u1, first)


async def test_unread_counts_total_and_per_type(world: World) -> None:
    # Arrange
    u1 = Principal("u1", Role.OWNER)
    read_me = await notice(world, "u1", "a")
    await notice(world, "u1", "b")
    await notice(world, "u1", "c", kind="alert")
    await notice(world, "u2", "d")
    await world.service.read(u1, read_me)

    # Act
    counts = await world.service.unread(u1)

    # Assert
    assert counts.total == 2
    assert counts.by_type == {"alert": 1, "notice": 1}


async def test_bulk_read_by_ids_or_before_a_time(world: World) -> None:
    # Arrange
    u1 = Principal("u1", Role.OWNER)
    ids = [await notice(world, "u1", str(i)) for i in range(4)]
    theirs = await notice(world, "u2", "x")

    # Act
    by_ids = await world.service.read_many(u1, ids=[ids[0], ids[1], theirs])
    before = await world.service.read_many(u1, before=T0 + timedelta(seconds=3))

    # Assert
    assert (by_ids, before) == (2, 1)
    assert (await world.service.unread(u1)).total == 1
    assert (await world.service.unread(Principal("u2", Role.OWNER))).total == 1
    with pytest.raises(InvalidNotificationQuery):
        await world.service.read_many(u1)
    with pytest.raises(InvalidNotificationQuery):
        await world.service.read_many(u1, ids=["a"], before=T0)
    with pytest.raises(InvalidNotificationQuery):
        await world.service.read_many(u1, ids=["a"] * 501)


async def test_a_user_without_preferences_gets_their_roles_defaults(world: World) -> None:
    # Arrange
    defaults = RoleDefaults(world.store, world.clock, world.audit)
    admin = Principal("root", Role.ADMIN)
    await world.user("t1", email="t1@example.org", role=Role.TRADER)
    await world.user("t2", email="t2@example.org", role=Role.TRADER)
    await world.store.put_preferences(Preferences("t2"))  # t2 chose for themself

    # Act
    await defaults.put(admin, "trader", PreferencesUpdate(channels={"notice": []}))
    silent = await world.center.notify("t1", "notice", {"title": "x", "body": "y"})
    heard = await world.center.notify("t2", "notice", {"title": "x", "body": "y"})
    owner = await world.center.notify("u1", "notice", {"title": "x", "body": "y"})

    # Assert
    assert silent.in_app_id is None  # the trader role's default turned notices off
    assert heard.in_app_id is not None and owner.in_app_id is not None
    assert (await world.center.preferences("t1")).user_id == "t1"
    audited = await world.audit.entries("role:trader")
    assert [e.action for e in audited] == ["notification.role_preferences"]


async def test_role_defaults_are_admin_only(world: World) -> None:
    # Arrange
    defaults = RoleDefaults(world.store, world.clock, world.audit)
    owner = Principal("u1", Role.OWNER)

    # Act / Assert
    for call in (
        defaults.every(owner),
        defaults.get(owner, "trader"),
        defaults.put(owner, "trader", PreferencesUpdate(channels={})),
        defaults.remove(owner, "trader"),
    ):
        with pytest.raises(Forbidden):
            await call
    with pytest.raises(NotFound):
        await defaults.get(Principal("root", Role.ADMIN), "trader")
