"""The notification store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import time, timedelta

import pytest

from adapters.memory.notifications import InMemoryNotificationStore
from adapters.postgres.repos.notifications import SqlNotificationStore
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from ports.notifications.notification_store import (
    Delivery,
    DeliveryStatus,
    Failure,
    InAppNotification,
    NotificationStore,
    Page,
)
from tests.integration.store.conftest import T0, StoreUnderTest


@pytest.fixture
def notifications(store: StoreUnderTest) -> NotificationStore:
    return store.adapter(InMemoryNotificationStore, SqlNotificationStore)


def delivery(i: int, **fields: object) -> Delivery:
    values: dict[str, object] = {
        "user_id": "u1",
        "event_type": "order.denied",
        "priority": "normal",
        "channel": "email",
        "title": f"title {i}",
        "body": "body ü",
        "created_at": T0 + timedelta(seconds=i),
        "next_attempt_at": T0 + timedelta(seconds=i),
        "source_id": f"src-{i}",
        "data": {"order_id": f"o{i}", "reasons": ["A", "B"]},
        **fields,
    }
    return Delivery(id=f"{i:064d}", **values)  # type: ignore[arg-type]


def note(i: int, user: str = "u1") -> InAppNotification:
    return InAppNotification(
        f"{user}-{i:060d}", user, "notice", "low", f"t{i}", "b", T0 + timedelta(seconds=i)
    )


async def test_a_delivery_id_is_stored_once(notifications: NotificationStore) -> None:
    # Act
    first = await notifications.add_deliveries([delivery(1), delivery(2)])
    again = await notifications.add_deliveries([delivery(1), replace(delivery(2), title="x")])

    # Assert
    assert first == [delivery(1).id, delivery(2).id]
    assert again == []
    stored = await notifications.delivery(delivery(2).id)
    assert stored == delivery(2)


async def test_claim_takes_due_pending_rows_oldest_first_and_leases_them(
    notifications: NotificationStore,
) -> None:
    # Arrange: 1 and 2 due, 3 later, 4 held for a digest.
    await notifications.add_deliveries(
        [delivery(2), delivery(1), delivery(3), delivery(4, status=DeliveryStatus.DIGEST)]
    )
    now, lease = T0 + timedelta(seconds=2), T0 + timedelta(minutes=2)

    # Act
    claimed = await notifications.claim(now, lease, 10)
    again = await notifications.claim(now, lease, 10)
    after_lease = await notifications.claim(lease, lease + timedelta(minutes=2), 10)

    # Assert: a crashed dispatcher's rows come back once the lease ends.
    assert [d.id for d in claimed] == [delivery(1).id, delivery(2).id]
    assert again == []
    assert [d.id for d in after_lease] == [delivery(3).id, delivery(1).id, delivery(2).id]


async def test_concurrent_claims_never_share_a_row(notifications: NotificationStore) -> None:
    await notifications.add_deliveries([delivery(i) for i in range(40)])
    now = T0 + timedelta(hours=1)
    lease = now + timedelta(minutes=2)

    batches = await asyncio.gather(*(notifications.claim(now, lease, 7) for _ in range(8)))

    ids = [d.id for batch in batches for d in batch]
    assert len(ids) == len(set(ids)) == 40


async def test_retry_dead_and_replay(notifications: NotificationStore) -> None:
    # Arrange
    await notifications.add_deliveries([delivery(1)])
    later = T0 + timedelta(minutes=5)

    # Act
    await notifications.mark_retry(delivery(1).id, later, "451 later")
    retried = await notifications.delivery(delivery(1).id)
    refused = await notifications.replay(delivery(1).id, later)
    await notifications.mark_dead(delivery(1).id, "550 gone")
    dead = await notifications.delivery(delivery(1).id)
    replays = await asyncio.gather(*(notifications.replay(delivery(1).id, later) for _ in range(3)))

    # Assert
    assert retried is not None and (retried.attempts, retried.next_attempt_at) == (1, later)
    assert retried.status is DeliveryStatus.PENDING and retried.last_error == "451 later"
    assert refused is None  # only a dead delivery replays
    assert dead is not None and (dead.status, dead.attempts) == (DeliveryStatus.DEAD, 2)
    winners = [r for r in replays if r is not None]
    assert len(winners) == 1
    assert (winners[0].status, winners[0].attempts) == (DeliveryStatus.PENDING, 0)


async def test_the_failures_of_a_pass_are_retried_or_dead_lettered_each_its_own_way(
    notifications: NotificationStore,
) -> None:
    # Arrange
    await notifications.add_deliveries([delivery(i) for i in range(4)])
    later = T0 + timedelta(minutes=5)
    await notifications.mark_retry(delivery(2).id, T0, "first try")  # one attempt already

    # Act
    await notifications.mark_failed(
        [
            Failure(delivery(1).id, "451 later", retry_at=later),
            Failure(delivery(2).id, "550 gone"),
            Failure(delivery(3).id, "x" * 600, retry_at=later),
        ]
    )

    # Assert
    one, two, three, untouched = [
        await notifications.delivery(delivery(i).id) for i in (1, 2, 3, 0)
    ]
    assert one is not None and two is not None and three is not None and untouched is not None
    assert (one.status, one.attempts, one.next_attempt_at, one.last_error) == (
        DeliveryStatus.PENDING, 1, later, "451 later"
    )  # fmt: skip
    assert (two.status, two.attempts, two.last_error) == (DeliveryStatus.DEAD, 2, "550 gone")
    assert (three.attempts, len(three.last_error)) == (1, 512)
    assert (untouched.status, untouched.attempts) == (DeliveryStatus.PENDING, 0)


async def test_mark_sent(notifications: NotificationStore) -> None:
    await notifications.add_deliveries([delivery(1)])
    await notifications.mark_sent([delivery(1).id], T0)
    sent = await notifications.delivery(delivery(1).id)
    assert sent is not None and (sent.status, sent.sent_at) == (DeliveryStatus.SENT, T0)


async def test_listing_pages_by_user_and_status_without_repeat_or_skip(
    notifications: NotificationStore,
) -> None:
    # Arrange
    rows = [delivery(i, user_id="u1" if i % 3 else "u2") for i in range(20)]
    await notifications.add_deliveries(rows)
    await notifications.mark_dead(rows[1].id, "x")

    # Act
    seen: list[str] = []
    after = None
    while True:
        page = await notifications.deliveries(Page("u1", after, 4))
        seen.extend(d.id for d in page)
        if len(page) < 4:
            break
        after = (page[-1].created_at, page[-1].id)
    dead = await notifications.deliveries(Page(None, status=DeliveryStatus.DEAD))
    everyone = await notifications.deliveries(Page(None, limit=100))

    # Assert
    expected = [d.id for d in sorted(rows, key=lambda d: d.created_at, reverse=True)]
    assert seen == [i for i in expected if i in {r.id for r in rows if r.user_id == "u1"}]
    assert [d.id for d in dead] == [rows[1].id]
    assert len(everyone) == 20


async def test_digest_rows_come_due_and_are_marked(notifications: NotificationStore) -> None:
    held = [delivery(i, status=DeliveryStatus.DIGEST) for i in range(3)]
    await notifications.add_deliveries(held)

    due = await notifications.due_digests(T0 + timedelta(seconds=1), 10)
    await notifications.mark_digested([d.id for d in due])
    left = await notifications.due_digests(T0 + timedelta(hours=1), 10)

    assert [d.id for d in due] == [held[0].id, held[1].id]
    assert [d.id for d in left] == [held[2].id]


async def test_in_app_inbox_read_and_unread(notifications: NotificationStore) -> None:
    # Arrange
    for i in range(3):
        assert await notifications.add_in_app(note(i))
    assert not await notifications.add_in_app(note(0))  # the same id again
    await notifications.add_in_app(note(9, "u2"))

    # Act
    read = await notifications.mark_read("u1", note(1).id, T0)
    foreign = await notifications.mark_read("u2", note(2).id, T0)
    unread = await notifications.in_app(Page("u1", unread_only=True))
    marked = await notifications.mark_all_read("u1", T0)
    newest = await notifications.in_app(Page("u1", limit=2))

    # Assert
    assert read and not foreign
    assert [n.id for n in unread] == [note(2).id, note(0).id]
    assert marked == 2
    assert [n.id for n in newest] == [note(2).id, note(1).id]
    assert all(n.read_at == T0 for n in newest)
    assert [n.read_at for n in await notifications.in_app(Page("u2"))] == [None]


async def test_preferences_round_trip(notifications: NotificationStore) -> None:
    prefs = Preferences(
        "u1",
        {"order.denied": frozenset({"email", "websocket"}), "notice": frozenset()},
        QuietHours(time(22), time(7, 30), "Europe/London"),
        True,
        240,
    )

    assert await notifications.preferences("u1") is None
    await notifications.put_preferences(prefs)
    stored = await notifications.preferences("u1")
    await notifications.put_preferences(Preferences("u1"))
    replaced = await notifications.preferences("u1")

    assert stored == prefs
    assert replaced == Preferences("u1")


async def test_sealed_bodies_are_walked_by_id_and_replaced_compare_and_set(
    notifications: NotificationStore,
) -> None:
    # Arrange
    rows = [delivery(i, sealed=i % 2 == 0, body=f"sealed-{i}") for i in range(6)]
    await notifications.add_deliveries(rows)

    # Act
    first = await notifications.sealed_after(None, 2)
    rest = await notifications.sealed_after(first[-1].id, 10)
    swapped = await notifications.replace_sealed(rows[0].id, "sealed-0", "rewrapped-0")
    stale = await notifications.replace_sealed(rows[0].id, "sealed-0", "again")
    plain = await notifications.replace_sealed(rows[1].id, "sealed-1", "x")

    # Assert
    assert [d.id for d in first + rest] == [rows[0].id, rows[2].id, rows[4].id]
    assert (swapped, stale, plain) == (True, False, False)
    stored = await notifications.delivery(rows[0].id)
    assert stored is not None and stored.body == "rewrapped-0" and stored.sealed


async def test_deliveries_and_their_in_app_copy_are_written_together_once(
    notifications: NotificationStore,
) -> None:
    added = await notifications.add_deliveries([delivery(1)], note(1))
    again = await notifications.add_deliveries([delivery(1)], replace(note(1), title="x"))
    only_inbox = await notifications.add_deliveries([], note(2))

    assert (added, again, only_inbox) == ([delivery(1).id], [], [])
    assert [n.title for n in await notifications.in_app(Page("u1"))] == ["t2", "t1"]
