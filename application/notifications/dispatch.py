"""The notification dispatcher: hands due outbox deliveries to their channel's sender.

Each pass first turns held digest rows whose period ended into one digest delivery per
(user, channel, destination), then claims up to `batch` due pending deliveries in one
transaction (a lease: a crashed dispatcher's rows come back when it runs out), sends them
(remote channels concurrently, the in-process WebSocket push inline), marks the sent ones
in one statement and the failed ones in one transaction. A send that
raises `DeliveryFailed(retryable=True)` (or anything unexpected) is retried after an
exponential backoff with full jitter, `uniform(0, min(cap, base * 2**attempt))`; a
non-retryable failure, a missing sender or destination, or the last attempt dead-letters
the delivery with its reason (replayable). Delivery is at least once: a crash between
send and mark-sent sends the same delivery id again, which receivers use to drop repeats.
Each delivery that went through is timed from its event (application/notifications/latency.py).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from application.notifications.center import (
    NotificationCenter,
    delivery_key,
    source_key,
)
from application.notifications.latency import DeliveryTimer, occurred_at, timed_from
from domain.notifications.catalogue import NORMAL
from domain.notifications.digest import digest_text
from ports.core.clock import Clock
from ports.core.encryption import DecryptionRefused
from ports.notifications.latency import NO_DELIVERY_METER, DeliveryMeter
from ports.notifications.notification_store import Delivery, Failure, NotificationStore
from ports.notifications.notifications import (
    Channel,
    ChannelSender,
    DeliveryFailed,
    Destination,
    DestinationDirectory,
    OutgoingMessage,
    Priority,
)

# Channels whose send is a call in this process (the WebSocket push onto the bus).
LOCAL_CHANNELS = frozenset({Channel.WEBSOCKET.value, Channel.IN_APP.value})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_seconds: float = 2.0
    cap_seconds: float = 600.0
    max_attempts: int = 8
    lease_seconds: float = 120.0  # a claimed row is someone's until then
    batch: int = 500  # deliveries claimed in one transaction and marked sent in one statement

    def backoff(self, attempt: int, draw: Callable[[], float]) -> timedelta:
        """Full jitter after the `attempt`-th failure (1 for the first)."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** min(attempt, 30))
        return timedelta(seconds=draw() * ceiling)


class Dispatcher:
    def __init__(
        self,
        store: NotificationStore,
        center: NotificationCenter,
        senders: Iterable[ChannelSender],
        directory: DestinationDirectory,
        clock: Clock,
        policy: RetryPolicy | None = None,
        draw: Callable[[], float] = random.random,
        meter: DeliveryMeter = NO_DELIVERY_METER,
    ) -> None:
        self._store = store
        self._center = center
        self._senders: Mapping[Channel, ChannelSender] = {s.channel: s for s in senders}
        self._directory = directory
        self._clock = clock
        self._policy = policy or RetryPolicy()
        self._draw = draw
        self._timer = DeliveryTimer(clock, meter)

    async def run_once(self) -> int:
        """One pass: digests, then one batch of due deliveries; returns how many were tried."""
        await self.flush_digests()
        now = self._clock.now()
        lease = now + timedelta(seconds=self._policy.lease_seconds)
        claimed = await self._store.claim(now, lease, self._policy.batch)
        local = [d for d in claimed if d.channel in LOCAL_CHANNELS]
        remote = [d for d in claimed if d.channel not in LOCAL_CHANNELS]
        # Remote sends wait on the network: concurrently. Local ones (a push onto this
        # process's bus) take microseconds: one after the other, no task each.
        sending = asyncio.gather(*(self._deliver(d) for d in remote))
        outcomes = [(d, await self._deliver(d)) for d in local]
        outcomes += zip(remote, await sending, strict=True)
        sent = [d.id for d, failure in outcomes if failure is None]
        failed = [failure for _, failure in outcomes if failure is not None]
        if sent:
            await self._store.mark_sent(sent, self._clock.now())
        if failed:
            await self._store.mark_failed(failed)
        return len(claimed)

    async def flush_digests(self) -> int:
        now = self._clock.now()
        held = await self._store.due_digests(now, 1000)
        groups: dict[tuple[str, str, str | None], list[Delivery]] = {}
        for row in held:
            groups.setdefault((row.user_id, row.channel, row.destination_id), []).append(row)
        digests = []
        for (user_id, channel, destination_id), rows in groups.items():
            title, body = digest_text([r.title for r in rows])
            source = source_key("digest", *sorted(r.id for r in rows))
            prefs = await self._center.preferences(user_id)
            due = now
            if prefs.quiet_hours is not None:
                due = prefs.quiet_hours.quiet_until(now)
            digest = Delivery(
                id=delivery_key(source, user_id, channel, destination_id or ""),
                user_id=user_id,
                event_type="digest",
                priority=NORMAL,
                channel=channel,
                title=title,
                body=body,
                created_at=now,
                next_attempt_at=due,
                source_id=source,
                destination_id=destination_id,
                data={"count": len(rows), "items": [r.id for r in rows]},
            )
            digests.append(digest)
        await self._store.add_deliveries(digests)
        await self._store.mark_digested([r.id for r in held])
        return len(digests)

    async def _deliver(self, delivery: Delivery) -> Failure | None:
        """None when sent; else what failed (the caller writes the pass's outcomes at once)."""
        channel = Channel(delivery.channel)
        sender = self._senders.get(channel)
        if sender is None:
            return Failure(delivery.id, f"no sender for channel {channel.value}")
        destination = await self._destination(delivery, channel)
        if destination is None:
            return Failure(delivery.id, "destination no longer exists")
        occurred = occurred_at(delivery.data)
        try:
            message = self._message(delivery, occurred)
        except DecryptionRefused:  # sealed under a KEK this process lacks (an ephemeral one)
            return Failure(delivery.id, "sealed with a key this process lacks")
        try:
            await sender.send(message, destination)
        except DeliveryFailed as failure:
            return self._failed(delivery, failure.reason, failure.retryable)
        except Exception as exc:  # an unexpected error: retried, its type kept (not its text)
            return self._failed(delivery, f"unexpected {type(exc).__name__}", True)
        self._timer.delivered(delivery.event_type, delivery.channel, timed_from(delivery, occurred))
        return None

    def _failed(self, delivery: Delivery, reason: str, retryable: bool) -> Failure:
        attempt = delivery.attempts + 1
        if not retryable or attempt >= self._policy.max_attempts:
            return Failure(delivery.id, reason)  # dead-lettered
        wait = self._policy.backoff(attempt, self._draw)
        return Failure(delivery.id, reason, retry_at=self._clock.now() + wait)

    async def _destination(self, delivery: Delivery, channel: Channel) -> Destination | None:
        if delivery.address is not None:
            return Destination(channel, delivery.address)
        for found in await self._directory.destinations(delivery.user_id, channel):
            if found.id == delivery.destination_id:
                return found
        return None

    def _message(self, delivery: Delivery, occurred: datetime | None = None) -> OutgoingMessage:
        """The message of a delivery; `occurred`: its event's time, when already read."""
        occurred = occurred or occurred_at(delivery.data)
        data = dict(delivery.data)
        return OutgoingMessage(
            delivery_id=delivery.id,
            user_id=delivery.user_id,
            event_type=delivery.event_type,
            priority=Priority(delivery.priority),
            title=delivery.title,
            body=self._center.open_body(delivery),
            occurred_at=occurred or delivery.created_at,  # the event's time when known
            data=data,
        )
