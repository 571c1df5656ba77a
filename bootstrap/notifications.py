"""Notifications in the composition root: the store, the center, the Notifier port onto it,
the bus subscriptions and the dispatcher's lifetime task."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass

import structlog

from adapters.memory.bus import InMemoryNotifier, InProcessEventBus
from application.notifications.center import CenterConfig, NotificationCenter
from application.notifications.dispatch import Dispatcher, RetryPolicy
from application.notifications.fill_notices import FillNotices
from application.notifications.sources import CenterNotifier, EventNotifications
from bootstrap.settings import Settings
from bootstrap.storage import outbox_drained
from ports.core.clock import Clock
from ports.core.encryption import SecretSealer
from ports.core.events import Notification
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.notifications.latency import NO_DELIVERY_METER, DeliveryMeter
from ports.notifications.notification_store import NotificationStore
from ports.notifications.notifications import ChannelSender, DestinationDirectory

_log = structlog.get_logger("bulwark.notifications")
PASS_AT_STOP_S = 2.0  # the dispatcher's pass under way at a stop may finish within this
KEEP_SENT = 1000  # notifications kept in memory outside prod (tests read tokens from them)


def center(
    settings: Settings,
    store: NotificationStore,
    directory: DestinationDirectory,
    clock: Clock,
    sealer: SecretSealer,
    uow_factory: UnitOfWorkFactory | None = None,
    meter: DeliveryMeter = NO_DELIVERY_METER,
) -> NotificationCenter:
    config = CenterConfig(settings.notify.rate_per_hour, settings.notify.rate_burst)
    role_of = user_role(uow_factory) if uow_factory is not None else None
    return NotificationCenter(store, directory, clock, sealer, config, role_of=role_of, meter=meter)


def user_role(uow_factory: UnitOfWorkFactory) -> Callable[[str], Awaitable[str | None]]:
    """The role of a user id (None for an unknown one): the center's defaults per role."""

    async def role_of(user_id: str) -> str | None:
        async with uow_factory() as uow:
            user = await uow.users.get(user_id)
        return user.role.value if user is not None else None

    return role_of


class RecordingNotifier(InMemoryNotifier):
    """The Notifier the use cases call: into the center, and (outside prod) also kept in
    `sent`, bounded, as the embedded notifier always did (tests read tokens there)."""

    def __init__(self, into: CenterNotifier | None, keep: bool) -> None:
        super().__init__()
        self._into = into
        self._keep = keep

    @property
    def failures(self) -> int:
        return self._into.failures if self._into is not None else 0

    async def notify(self, notification: Notification) -> None:
        if self._keep:
            self.sent.append(notification)
            if len(self.sent) > KEEP_SENT:
                del self.sent[: len(self.sent) - KEEP_SENT]
        if self._into is not None:
            await self._into.notify(notification)


def notifier(
    settings: Settings | None = None,
    center: NotificationCenter | None = None,
    uow_factory: UnitOfWorkFactory | None = None,
) -> RecordingNotifier:
    into = None
    if center is not None and uow_factory is not None:
        into = CenterNotifier(center, uow_factory)
    keep = settings is None or settings.core.env != "prod"
    return RecordingNotifier(into, keep)


@dataclass(frozen=True, slots=True)
class NotificationSources:
    """The bus's notification handlers: events told as they come, and the fill path's
    notices told off that path (application/notifications/fill_notices.py)."""

    events: EventNotifications
    fills: FillNotices


def event_sources(
    settings: Settings,
    bus: InProcessEventBus,
    center: NotificationCenter,
    uow_factory: UnitOfWorkFactory,
) -> NotificationSources:
    fills = FillNotices(center, uow_factory, turn_seconds=settings.notify.fill_turn_seconds)
    sources = NotificationSources(EventNotifications(center, uow_factory), fills)
    for event_type in sources.events.subscriptions():
        bus.subscribe(event_type, sources.events.handle)
    for event_type in sources.fills.subscriptions():
        bus.subscribe(event_type, sources.fills.on_event)
    return sources


def dispatcher(
    settings: Settings,
    store: NotificationStore,
    center: NotificationCenter,
    senders: Sequence[ChannelSender],
    directory: DestinationDirectory,
    clock: Clock,
    meter: DeliveryMeter = NO_DELIVERY_METER,
) -> Dispatcher:
    policy = RetryPolicy(
        base_seconds=settings.notify.retry_base_seconds,
        cap_seconds=settings.notify.retry_cap_seconds,
        max_attempts=settings.notify.max_attempts,
    )
    return Dispatcher(store, center, senders, directory, clock, policy, meter=meter)


async def dispatch_lifetime(
    settings: Settings,
    dispatch: Callable[[], Dispatcher],
    center: Callable[[], NotificationCenter],
    sources: Callable[[], NotificationSources],
    publisher: Callable[[], object],
    _database: object,
) -> AsyncIterator[None]:
    """Sends due deliveries every poll, and at once when the center writes new ones. At
    shutdown no new pass starts; the events committed and not yet published are published
    (their fills become notices), the fill notices still queued are told (into the outbox),
    the pass under way may finish, and what is still pending waits in the outbox for the
    next start. Given the database's resource (`_database`), so the pool closes only after
    this stop: a notice told after it would open a connection nothing closes. The whole
    stop is bounded by the serve's grace (bootstrap/shutdown_grace.py)."""
    fills = sources().fills  # subscribes the bus handlers
    if not settings.notify.dispatch:
        try:
            yield
        finally:
            await _told(fills, publisher())
        return
    worker, wake, stopping = dispatch(), asyncio.Event(), asyncio.Event()
    center().on_new_deliveries(wake.set)

    async def loop() -> None:
        while not stopping.is_set():
            wake.clear()
            try:
                while not stopping.is_set() and await worker.run_once() > 0:
                    pass
            except Exception as exc:  # the loop must not die: log (no text: may hold data)
                _log.error("notify_dispatch_failed", error_type=type(exc).__name__)
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancel that
            # lands as the wake event fires, and the loop then never stopped.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(settings.notify.poll_seconds):
                    await wake.wait()

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        stopping.set()  # the loop ends after its pass (a batch: well under a second)
        wake.set()
        await _told(fills, publisher())
        # The pass under way may finish (its claimed rows then marked); past PASS_AT_STOP_S it
        # is cancelled, and its claimed rows are claimed again when their lease runs out.
        await asyncio.wait({task}, timeout=PASS_AT_STOP_S)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _told(fills: FillNotices, publisher: object, within: float = 5.0) -> None:
    """The fill notices still queued at shutdown, told within `within` seconds (else lost,
    logged: a stop must not hang on a store that is going away). The publisher's events in
    flight are published first, so the fills among them are told too."""
    try:
        async with asyncio.timeout(within):
            await outbox_drained(publisher)
            await fills.idle()
    except TimeoutError:
        _log.warning("fill_notices_unsent_at_stop")
