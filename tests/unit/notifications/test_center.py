"""The notification center end to end over in-memory stores: plans, outbox, dispatcher."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest

from application.notifications.api import NotReplayable
from application.notifications.center import SealedDeliveryBodies
from domain.errors import NotFound
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from domain.principals import Principal, Role
from domain.trading.orders import OrderDenied
from ports.core.events import Notification, Severity
from ports.notifications.notification_store import Delivery, DeliveryStatus, Page
from ports.notifications.notifications import Channel, DeliveryFailed, Destination
from tests.unit.notifications.world import T0, World

# 14:00 UTC is 23:00 in Tokyo: inside a 22:00-07:00 window that ends at 22:00 UTC.
TOKYO_NIGHT = QuietHours(time(22), time(7), "Asia/Tokyo")
LOUD = {
    "margin.call": frozenset({"in_app", "email", "websocket"}),
    "order.denied": frozenset({"in_app", "email", "websocket"}),
    "notice": frozenset({"in_app", "email"}),
}


async def statuses(world: World, user: str | None = "u1") -> dict[str, list[str]]:
    rows = await world.store.deliveries(Page(user, limit=500))
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row.channel, []).append(row.status.value)
    return found


@pytest.fixture
async def world() -> World:
    w = World()
    await w.user("u1", email="u1@example.org")
    await w.user("u2", email="u2@example.org")
    await w.store.put_preferences(Preferences("u1", LOUD, TOKYO_NIGHT))
    return w


async def test_critical_during_quiet_hours_is_delivered_at_once_on_every_enabled_channel(
    world: World,
) -> None:
    # Act
    outcome = await world.center.notify("u1", "margin.call", {"title": "Margin call", "body": "b"})
    sent = await world.dispatcher.run_once()

    # Assert
    assert outcome.in_app_id is not None
    assert sent == 2
    assert [d.address for _, d in world.email.sent] == ["u1@example.org"]
    assert [m.priority.value for m, _ in world.websocket.sent] == ["critical"]
    assert await statuses(world) == {"email": ["sent"], "websocket": ["sent"]}


async def test_a_normal_event_during_quiet_hours_is_held_until_the_window_ends(
    world: World,
) -> None:
    # Arrange
    await world.center.notify("u1", "order.denied", {"order_id": "o1", "account_id": "a1"})

    # Act: nothing goes during the night; at 07:00 Tokyo (22:00 UTC) it does.
    early = await world.dispatcher.run_once()
    world.clock.set(T0.replace(hour=21, minute=59))
    still_early = await world.dispatcher.run_once()
    world.clock.set(T0.replace(hour=22))
    on_time = await world.dispatcher.run_once()

    # Assert
    assert (early, still_early, on_time) == (0, 0, 2)
    [(message, _)] = world.email.sent
    assert message.title == "Order o1 denied"
    inbox = await world.service.inbox(await world.user("u3"))
    assert inbox.items == []  # another user's inbox is empty


async def test_a_replayed_event_creates_no_duplicate_delivery(world: World) -> None:
    # Arrange
    await world.account("a1", "u1")
    denied = OrderDenied("o1", "a1", ("MAX_NOTIONAL",))

    # Act
    await world.events.handle(denied)
    world.clock.advance(5)
    await world.events.handle(denied)  # the relay's at-least-once repeat

    # Assert
    rows = await world.store.deliveries(Page("u1", limit=50))
    inbox = await world.store.in_app(Page("u1"))
    assert len(inbox) == 1
    assert inbox[0].body == "Order o1 on account a1 was denied: MAX_NOTIONAL."
    assert sorted(r.channel for r in rows) == ["email", "websocket"]


async def test_the_dispatcher_retries_with_backoff_then_dead_letters(world: World) -> None:
    # Arrange: a sender that always fails retryably; max 4 attempts, base 2 s, cap 60 s.
    world.email.fail = DeliveryFailed("smtp 451 try later", retryable=True)
    await world.center.notify("u1", "margin.call", {"title": "t", "body": "b"})
    waits = []

    # Act
    for _ in range(4):
        await world.dispatcher.run_once()
        [row] = [r for r in await world.store.deliveries(Page("u1")) if r.channel == "email"]
        waits.append(row.next_attempt_at - world.clock.now())
        world.clock.set(row.next_attempt_at)

    # Assert: 4 s, 8 s, 16 s (full jitter drawn at its top), then dead with the reason.
    assert world.email.tries == 4
    assert waits[:3] == [timedelta(seconds=4), timedelta(seconds=8), timedelta(seconds=16)]
    assert row.status is DeliveryStatus.DEAD
    assert row.attempts == 4
    assert row.last_error == "smtp 451 try later"


async def test_a_non_retryable_failure_dead_letters_at_once_and_replay_sends_it_again(
    world: World,
) -> None:
    # Arrange
    world.email.fail = DeliveryFailed("550 no such mailbox", retryable=False)
    outcome = await world.center.notify("u1", "margin.call", {"title": "t", "body": "b"})
    await world.dispatcher.run_once()
    [dead] = [d for d in outcome.deliveries if d.channel == "email"]
    stranger = await world.user("u9")
    seen_by_stranger = (await world.service.deliveries(stranger)).items
    world.email.fail = None

    # Act
    with pytest.raises(NotFound):
        await world.service.replay(Principal("u2", Role.OWNER), dead.id)
    replayed = await world.service.replay(Principal("u1", Role.OWNER), dead.id)
    await world.dispatcher.run_once()

    # Assert
    assert seen_by_stranger == []
    assert replayed.status is DeliveryStatus.PENDING
    assert [m.delivery_id for m, _ in world.email.sent] == [dead.id]  # the same idempotency key
    with pytest.raises(NotReplayable):
        await world.service.replay(Principal("u1", Role.OWNER), dead.id)
    audited = await world.audit.entries()
    assert [(e.action, e.outcome) for e in audited][:2] == [
        ("notification.replay", "refused"),
        ("notification.replay", "ok"),
    ]


async def test_low_notices_are_gathered_into_one_digest_per_channel(world: World) -> None:
    # Arrange: digests every 15 minutes, no quiet hours.
    await world.store.put_preferences(Preferences("u1", LOUD, None, True, 15))
    for i in range(3):
        await world.center.notify("u1", "notice", {"title": f"notice {i}", "body": "b"})
        world.clock.advance(1)

    # Act
    before = await world.dispatcher.run_once()
    world.clock.advance(timedelta(minutes=15))
    after = await world.dispatcher.run_once()

    # Assert
    assert before == 0 and after == 1
    [(message, _)] = world.email.sent
    assert message.event_type == "digest"
    assert message.title == "3 notifications while you were away"
    assert message.body == "- notice 0\n- notice 1\n- notice 2"
    assert len(await world.store.in_app(Page("u1"))) == 3  # the inbox has each one
    assert (await statuses(world))["email"].count("digested") == 3


async def test_over_the_rate_limit_normal_is_dropped_but_critical_still_goes() -> None:
    # Arrange: 2 sends per channel in a burst.
    world = World(burst=2)
    await world.user("u1", email="u1@example.org")
    await world.store.put_preferences(Preferences("u1", LOUD))

    # Act
    for i in range(3):
        await world.center.notify("u1", "order.denied", {"order_id": f"o{i}"})
    await world.center.notify("u1", "margin.call", {"title": "t", "body": "b"})

    # Assert
    rows = await world.store.deliveries(Page("u1", limit=50))
    email = sorted(
        (r.event_type, r.status.value, r.last_error) for r in rows if r.channel == "email"
    )
    assert email == [
        ("margin.call", "pending", ""),
        ("order.denied", "dropped", "rate_limited"),
        ("order.denied", "pending", ""),
        ("order.denied", "pending", ""),
    ]
    assert len(await world.store.in_app(Page("u1"))) == 4


async def test_preferences_are_honoured(world: World) -> None:
    await world.store.put_preferences(Preferences("u1", {"order.denied": frozenset()}))
    outcome = await world.center.notify("u1", "order.denied", {"order_id": "o1"})
    assert outcome.in_app_id is None and outcome.deliveries == ()


async def test_existing_notify_calls_land_in_the_center(world: World) -> None:
    # Act: the kill switch's notification, an heir's, and a reset token.
    await world.notifier.notify(
        Notification("u1", "Kill switch activated", "Trading halted.", Severity.WARNING,
                     event_type="killswitch.activated")
    )  # fmt: skip
    await world.notifier.notify(Notification("heir@example.net", "Succession", "You inherit."))
    await world.notifier.notify(
        Notification("u2", "Reset", "token pwr-SECRET", event_type="account.token",
                     confidential=True)
    )  # fmt: skip

    # Assert: the kill switch is CRITICAL whatever the severity said, in the inbox.
    [halted] = await world.store.in_app(Page("u1"))
    assert (halted.event_type, halted.priority, halted.title) == (
        "killswitch.activated", "critical", "Kill switch activated",
    )  # fmt: skip
    heir = await world.store.deliveries(Page("", limit=50))
    assert [(d.channel, d.address) for d in heir] == [("email", "heir@example.net")]
    # The token: email only, never in-app, sealed at rest, hidden in listings, sent in clear.
    assert await world.store.in_app(Page("u2")) == []
    [stored] = await world.store.deliveries(Page("u2"))
    assert "pwr-SECRET" not in stored.body
    listed = await world.service.deliveries(await world.user("u2b"))
    assert listed.items == []
    [shown] = (await world.service.deliveries(Principal("u2", Role.OWNER))).items
    assert "pwr-SECRET" not in shown.body
    await world.dispatcher.run_once()
    bodies = {d.address: m.body for m, d in world.email.sent}
    assert bodies["u2@example.org"] == "token pwr-SECRET"
    assert bodies["heir@example.net"] == "You inherit."


async def test_a_missing_sender_or_destination_dead_letters_with_the_reason(world: World) -> None:
    await world.store.put_preferences(Preferences("u1", {"order.denied": frozenset({"webhook"})}))
    await world.center.notify("u1", "order.denied", {"order_id": "o1"})
    [row] = await world.store.deliveries(Page("u1"))
    assert (row.status, row.last_error) == (DeliveryStatus.DROPPED, "no_destination")


async def test_sealed_bodies_rotate_and_an_unopenable_one_dead_letters(world: World) -> None:
    # Arrange: a reset token to u2, sealed at rest.
    await world.notifier.notify(
        Notification("u2", "Reset", "token pwr-1", event_type="account.token", confidential=True)
    )
    source = SealedDeliveryBodies(world.store)
    [record] = await source.batch(None, 10)

    # Act: rotation re-wraps it; then a body that no key opens (tampered) goes dead at once.
    rewrapped = world.sealer.upgrade(record.text, record.record_type, record.record_id)
    replaced = await source.replace(record, rewrapped)
    opened = world.sealer.open(rewrapped, "notification_delivery", record.record_id)
    await source.replace(replace(record, text=rewrapped), rewrapped[:-8] + "AAAAAAAA")
    await world.dispatcher.run_once()

    # Assert
    assert replaced and opened == "token pwr-1"
    [row] = await world.store.deliveries(Page("u2"))
    assert (row.status, row.last_error) == (
        DeliveryStatus.DEAD, "sealed with a key this process lacks",
    )  # fmt: skip
    assert world.email.sent == []


async def test_a_crash_between_send_and_mark_sent_resends_the_same_delivery_id(
    world: World,
) -> None:
    # Arrange: a dispatcher claims and sends, then dies before marking anything sent.
    await world.center.notify("u1", "margin.call", {"title": "t", "body": "b"})
    now = world.clock.now()
    lease = now + timedelta(seconds=world.policy.lease_seconds)
    claimed = await world.store.claim(now, lease, 10)
    for delivery in claimed:  # what the dead dispatcher got out before it crashed
        sender = world.email if delivery.channel == "email" else world.websocket
        await sender.send(world.dispatcher._message(delivery), await _dest(world, delivery))

    # Act: nothing is due while the lease runs; then another dispatcher sends them again.
    during_lease = await world.dispatcher.run_once()
    world.clock.set(lease)
    after_lease = await world.dispatcher.run_once()

    # Assert: at least once, with the same idempotency key for the receiver to drop.
    assert during_lease == 0 and after_lease == 2
    ids = [m.delivery_id for m, _ in world.email.sent]
    assert len(ids) == 2 and ids[0] == ids[1]
    assert {r.status for r in await world.store.deliveries(Page("u1"))} == {DeliveryStatus.SENT}


async def _dest(world: World, delivery: Delivery) -> Destination:
    [found] = await world.directory.destinations(delivery.user_id, Channel(delivery.channel))
    return found
