"""The alert latency: each delivery timed from its event's own time, per channel, on a fake
clock (application/notifications/latency.py), and the histogram it lands in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time, timedelta

from prometheus_client import generate_latest

from adapters.metrics.meter import PrometheusMeter
from application.notifications.center import NotificationCenter
from application.notifications.dispatch import Dispatcher, RetryPolicy
from application.notifications.latency import OCCURRED_AT
from application.notifications.sources import CenterNotifier, EventNotifications
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from domain.trading.orders import OrderDenied
from ports.core.events import Notification, Severity
from ports.notifications.notification_store import DeliveryStatus, Page
from ports.notifications.notifications import Channel, DeliveryFailed, Destination
from tests.unit.notifications.world import T0, Recorder, World

HOOK = Destination(Channel.WEBHOOK, "https://hooks.example.com/bulwark", id="hook-1")


@dataclass
class Delays:
    """A DeliveryMeter that keeps what it was told: (kind, channel, seconds)."""

    seen: list[tuple[str, str, float]] = field(default_factory=list)

    def alert_delivered(self, kind: str, channel: str, seconds: float) -> None:
        self.seen.append((kind, channel, seconds))

    def on(self, channel: str) -> list[tuple[str, float]]:
        return [(kind, seconds) for kind, c, seconds in self.seen if c == channel]


class Directory:
    """Every user has one webhook endpoint; the WebSocket channel needs no address."""

    async def destinations(self, user_id: str, channel: Channel) -> Sequence[Destination]:
        if channel is Channel.WEBHOOK:
            return [HOOK]
        if channel is Channel.WEBSOCKET:
            return [Destination(channel, user_id)]
        return []


class Timed:
    """A center and a dispatcher over World's store and fake clock, timed into `delays`."""

    def __init__(self, *, webhook_fails: int = 0) -> None:
        self.world = World()
        self.clock = self.world.clock
        self.delays = Delays()
        directory = Directory()
        self.center = NotificationCenter(
            self.world.store, directory, self.clock, self.world.sealer, meter=self.delays
        )
        self.websocket = Recorder(Channel.WEBSOCKET)
        self.webhook = FailingFirst(Channel.WEBHOOK, failures=webhook_fails)
        policy = RetryPolicy(base_seconds=2, cap_seconds=60, max_attempts=4)
        self.dispatcher = Dispatcher(
            self.world.store, self.center, [self.websocket, self.webhook], directory, self.clock,
            policy, draw=lambda: 1.0, meter=self.delays,
        )  # fmt: skip


@dataclass
class FailingFirst(Recorder):
    """A sender that fails (retryable) its first `failures` sends, then takes them."""

    failures: int = 0

    async def send(self, message: object, destination: Destination) -> None:
        self.tries += 1
        if self.tries <= self.failures:
            raise DeliveryFailed("answered 503", retryable=True)
        self.sent.append((message, destination))  # type: ignore[arg-type]


async def test_the_in_app_copy_is_timed_from_the_event_when_it_is_stored() -> None:
    # Arrange: a halt 2 s before the center hears of it
    t = Timed()
    halted_at = T0 - timedelta(seconds=2)

    # Act
    await t.center.notify("u1", "killswitch.activated", {}, occurred_at=halted_at)

    # Assert
    assert t.delays.on("in_app") == [("killswitch.activated", 2.0)]
    (stored,) = await t.world.store.in_app(Page("u1"))
    assert stored.data[OCCURRED_AT] == halted_at.isoformat()


async def test_websocket_and_webhook_are_timed_from_the_event_when_their_send_returns() -> None:
    # Arrange: told 2 s after the halt, sent 0.5 s later
    t = Timed()
    halted_at = T0 - timedelta(seconds=2)
    await t.center.notify("u1", "killswitch.activated", {}, occurred_at=halted_at)
    t.clock.advance(0.5)

    # Act
    await t.dispatcher.run_once()

    # Assert: both timed, and both carried the event's own time to their receivers
    assert t.delays.on("websocket") == [("killswitch.activated", 2.5)]
    assert t.delays.on("webhook") == [("killswitch.activated", 2.5)]
    assert [m.occurred_at for m, _ in t.websocket.sent + t.webhook.sent] == [halted_at] * 2


async def test_a_notification_without_an_event_time_is_timed_from_when_it_was_told() -> None:
    # Arrange
    t = Timed()
    await t.center.notify("u1", "agent.dead", {"title": "x", "body": "y"})
    t.clock.advance(0.25)

    # Act
    await t.dispatcher.run_once()

    # Assert
    assert t.delays.on("in_app") == [("agent.dead", 0.0)]
    assert t.delays.on("websocket") == [("agent.dead", 0.25)]
    assert [m.occurred_at for m, _ in t.websocket.sent] == [T0]


async def test_a_type_outside_the_catalogue_is_labelled_other() -> None:
    # Arrange
    t = Timed()

    # Act
    await t.center.notify("u1", "desk.custom", {}, occurred_at=T0)

    # Assert
    assert t.delays.seen == [("other", "in_app", 0.0)]


async def test_a_retried_webhook_counts_its_backoff_as_lateness() -> None:
    # Arrange: the receiver answers 503 once; the retry is due 4 s later
    t = Timed(webhook_fails=1)
    await t.center.notify("u1", "killswitch.activated", {}, occurred_at=T0)
    await t.dispatcher.run_once()
    assert t.delays.on("webhook") == []

    # Act
    t.clock.advance(4)
    await t.dispatcher.run_once()

    # Assert
    assert t.delays.on("webhook") == [("killswitch.activated", 4.0)]


async def test_a_delivery_held_by_quiet_hours_is_timed_from_their_end() -> None:
    # Arrange: quiet until 15:00 London (T0 is 14:00 there); a HIGH type waits for it
    t = Timed()
    quiet = QuietHours(time(13, 0), time(15, 0), "Europe/London")
    await t.world.store.put_preferences(Preferences("u1", quiet_hours=quiet))
    await t.center.notify("u1", "security.alert", {"title": "x", "body": "y"}, occurred_at=T0)
    t.clock.advance(timedelta(hours=1, seconds=0.75))

    # Act
    await t.dispatcher.run_once()

    # Assert: in-app at once; the push 0.75 s after the release, not an hour after the event
    assert t.delays.on("in_app") == [("security.alert", 0.0)]
    assert t.delays.on("websocket") == [("security.alert", 0.75)]


async def test_a_replayed_event_is_not_timed_twice() -> None:
    # Arrange
    t = Timed()
    await t.center.notify("u1", "order.denied", {}, source_id="evt-1", occurred_at=T0)

    # Act: the bus's at-least-once relay hands the same event again
    t.clock.advance(3)
    await t.center.notify("u1", "order.denied", {}, source_id="evt-1", occurred_at=T0)

    # Assert
    assert t.delays.on("in_app") == [("order.denied", 0.0)]


async def test_a_clock_behind_the_event_reads_no_delay_rather_than_a_negative_one() -> None:
    # Arrange: another process stamped the event slightly in this clock's future
    t = Timed()

    # Act
    await t.center.notify("u1", "agent.dead", {}, occurred_at=T0 + timedelta(milliseconds=3))

    # Assert
    assert t.delays.seen == [("agent.dead", "in_app", 0.0)]


async def test_the_notifier_port_carries_the_event_time_to_the_center() -> None:
    # Arrange
    t = Timed()
    await t.world.user("u1")
    notifier = CenterNotifier(t.center, t.world.uow)
    lost_at = T0 - timedelta(seconds=1.5)

    # Act
    await notifier.notify(
        Notification("u1", "Agent a-1 declared dead", "halted", Severity.CRITICAL,
                     event_type="agent.dead", occurred_at=lost_at)
    )  # fmt: skip

    # Assert
    assert notifier.failures == 0
    assert t.delays.on("in_app") == [("agent.dead", 1.5)]


async def test_a_denial_is_timed_from_the_gate_decision_it_carries() -> None:
    # Arrange
    t = Timed()
    await t.world.user("u1")
    await t.world.account("a-1", "u1")
    events = EventNotifications(t.center, t.world.uow)
    denied = OrderDenied("o-1", "a-1", ("MAX_ORDER_QUANTITY",), at=T0 - timedelta(seconds=0.2))

    # Act
    await events.handle(denied)

    # Assert
    assert t.delays.on("in_app") == [("order.denied", 0.2)]


async def test_the_histogram_has_the_kind_and_channel_labels_and_buckets_to_ten_seconds() -> None:
    # Arrange: the center and the dispatcher timed on the Prometheus meter
    meter = PrometheusMeter()
    world = World()
    directory = Directory()
    center = NotificationCenter(world.store, directory, world.clock, world.sealer, meter=meter)
    hook = Recorder(Channel.WEBHOOK)
    dispatcher = Dispatcher(
        world.store, center, [Recorder(Channel.WEBSOCKET), hook], directory, world.clock,
        meter=meter,
    )  # fmt: skip
    await center.notify("u1", "killswitch.activated", {}, occurred_at=T0 - timedelta(seconds=4))
    world.clock.advance(2)

    # Act
    await dispatcher.run_once()
    text = generate_latest(meter.registry).decode()

    # Assert: in-app 4 s (under the 5 s bucket), the webhook 6 s (over it)
    family = "bulwark_alert_delivery_seconds"
    in_app = f'{family}_bucket{{channel="in_app",kind="killswitch.activated",le='
    webhook = f'{family}_bucket{{channel="webhook",kind="killswitch.activated",le='
    assert f'{in_app}"0.01"}} 0.0' in text
    assert f'{in_app}"4.0"}} 1.0' in text
    assert f'{webhook}"5.0"}} 0.0' in text
    assert f'{webhook}"7.5"}} 1.0' in text
    assert f'{webhook}"10.0"}} 1.0' in text
    assert f'{family}_sum{{channel="webhook",kind="killswitch.activated"}} 6.0' in text
    assert f'{family}_count{{channel="websocket",kind="killswitch.activated"}} 1.0' in text
    sent = {d.channel for d in await world.store.deliveries(Page("u1"))
            if d.status is DeliveryStatus.SENT}  # fmt: skip
    assert sent == {"websocket", "webhook"}
