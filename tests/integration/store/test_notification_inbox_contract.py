"""The notification store's inbox management and role defaults: one contract on memory,
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from adapters.memory.notifications import InMemoryNotificationStore
from adapters.postgres.repos.notifications import SqlNotificationStore
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from ports.notifications.notification_store import InAppNotification, NotificationStore, Page
from tests.integration.store.conftest import T0, StoreUnderTest

LATER = T0 + timedelta(hours=1)


@pytest.fixture
def notifications(store: StoreUnderTest) -> NotificationStore:
    return store.adapter(InMemoryNotificationStore, SqlNotificationStore)


def note(i: int, user: str = "u1", kind: str = "notice") -> InAppNotification:
    return InAppNotification(
        f"{user}-{i:060d}", user, kind, "low", f"t{i}", "b", T0 + timedelta(seconds=i)
    )


async def test_one_notification_reads_back_for_its_owner_only(
    notifications: NotificationStore,
) -> None:
    # Arrange
    await notifications.add_in_app(note(1))

    # Act
    mine = await notifications.in_app_one("u1", note(1).id)
    foreign = await notifications.in_app_one("u2", note(1).id)
    unknown = await notifications.in_app_one("u1", note(2).id)

    # Assert
    assert mine == note(1)
    assert foreign is None and unknown is None


async def test_delete_and_clear_touch_only_the_owners_notifications(
    notifications: NotificationStore,
) -> None:
    # Arrange
    for i in range(3):
        await notifications.add_in_app(note(i))
    await notifications.add_in_app(note(7, "u2"))

    # Act
    foreign = await notifications.delete_in_app("u2", note(0).id)
    deleted = await notifications.delete_in_app("u1", note(0).id)
    again = await notifications.delete_in_app("u1", note(0).id)
    cleared = await notifications.clear_in_app("u1")

    # Assert
    assert (foreign, deleted, again, cleared) == (False, True, False, 2)
    assert await notifications.in_app(Page("u1")) == []
    assert [n.id for n in await notifications.in_app(Page("u2"))] == [note(7, "u2").id]


async def test_unread_counts_per_type_follow_reads(notifications: NotificationStore) -> None:
    # Arrange
    await notifications.add_in_app(note(1, kind="order.filled"))
    await notifications.add_in_app(note(2, kind="order.filled"))
    await notifications.add_in_app(note(3, kind="price.alert"))
    await notifications.add_in_app(note(4, "u2", kind="price.alert"))

    # Act
    before = await notifications.unread_counts("u1")
    await notifications.mark_read("u1", note(1, kind="order.filled").id, LATER)
    after = await notifications.unread_counts("u1")

    # Assert
    assert before == {"order.filled": 2, "price.alert": 1}
    assert after == {"order.filled": 1, "price.alert": 1}
    assert await notifications.unread_counts("nobody") == {}


async def test_bulk_mark_read_by_ids_counts_only_the_owners_unread(
    notifications: NotificationStore,
) -> None:
    # Arrange
    for i in range(4):
        await notifications.add_in_app(note(i))
    await notifications.add_in_app(note(9, "u2"))
    await notifications.mark_read("u1", note(0).id, T0)

    # Act
    marked = await notifications.mark_read_many(
        "u1", [note(0).id, note(1).id, note(1).id, note(2).id, note(9, "u2").id, "x" * 64], LATER
    )

    # Assert
    assert marked == 2
    unread = await notifications.in_app(Page("u1", unread_only=True))
    assert [n.id for n in unread] == [note(3).id]
    assert (await notifications.in_app_one("u1", note(0).id)).read_at == T0  # type: ignore[union-attr]
    assert (await notifications.in_app_one("u2", note(9, "u2").id)).read_at is None  # type: ignore[union-attr]
    assert await notifications.mark_read_many("u1", [], LATER) == 0


async def test_mark_read_before_a_time_is_strict_and_owner_scoped(
    notifications: NotificationStore,
) -> None:
    # Arrange
    for i in range(4):
        await notifications.add_in_app(note(i))
    await notifications.add_in_app(note(0, "u2"))

    # Act
    marked = await notifications.mark_read_before("u1", T0 + timedelta(seconds=2), LATER)

    # Assert
    assert marked == 2
    unread = await notifications.in_app(Page("u1", unread_only=True))
    assert [n.id for n in unread] == [note(3).id, note(2).id]
    assert await notifications.unread_counts("u2") == {"notice": 1}


async def test_role_preferences_round_trip_replace_and_remove(
    notifications: NotificationStore,
) -> None:
    # Arrange
    trader = Preferences(
        "ignored",
        {"order.filled": frozenset({"in_app", "email"}), "notice": frozenset()},
        QuietHours(time(22, 0), time(7, 0), "Europe/Paris"),
        digest_enabled=True,
        digest_minutes=240,
    )
    viewer = Preferences("", {"price.alert": frozenset({"in_app"})})

    # Act
    await notifications.put_role_preferences("trader", trader)
    await notifications.put_role_preferences("viewer", viewer)
    await notifications.put_role_preferences("viewer", Preferences("", digest_enabled=True))
    read = await notifications.role_preferences("trader")
    every = await notifications.all_role_preferences()
    removed = await notifications.remove_role_preferences("viewer")
    again = await notifications.remove_role_preferences("viewer")

    # Assert
    assert read is not None
    assert read.user_id == ""
    assert read.channels == trader.channels
    assert read.quiet_hours == trader.quiet_hours
    assert (read.digest_enabled, read.digest_minutes) == (True, 240)
    assert sorted(every) == ["trader", "viewer"]
    assert every["viewer"].digest_enabled and every["viewer"].channels == {}
    assert (removed, again) == (True, False)
    assert await notifications.role_preferences("viewer") is None
    assert await notifications.preferences("trader") is None  # not a user's row
