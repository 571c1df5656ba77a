"""The notification center: an event for a user becomes an in-app notification and one
outbox delivery per enabled channel and destination.

`notify(user_id, event_type, data, priority=None)` applies the user's preferences, the
CRITICAL rule (every enabled channel, at once, through quiet hours and over the rate limit),
digests, the per-channel rate limit and quiet hours (domain/notifications/planning.py),
renders the type's templates with the event's data, stores the in-app copy and writes the
deliveries to the outbox. Each delivery's id is a hash of (source event id, user, channel,
destination): the idempotency key. The outbox ignores an id it holds, so a replayed event
(the bus's at-least-once relay) adds nothing, and a sender passes the id on so a receiver
drops a repeat after a crash between send and mark-sent (at-least-once delivery).

Confidential messages (a password-reset or invitation token) go by email only, their body
sealed at rest with the SecretSealer and never stored in-app.

`occurred_at` (the event's own time, when its source knows it) goes into the data; the in-app
copy's delay from it is measured once stored (application/notifications/latency.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from application.notifications.latency import OCCURRED_AT, DeliveryTimer, stamp
from domain.notifications.catalogue import (
    EMAIL,
    IN_APP,
    OPT_IN_CHANNELS,
    effective_priority,
    event_type,
)
from domain.notifications.planning import Disposition, Plan, plan
from domain.notifications.preferences import Preferences
from domain.notifications.rate_limit import Bucket, RateLimit
from domain.notifications.templates import render_body, render_title
from ports.core.clock import Clock
from ports.core.encryption import SealedRecord, SecretSealer
from ports.notifications.latency import NO_DELIVERY_METER, DeliveryMeter
from ports.notifications.notification_store import (
    Delivery,
    DeliveryStatus,
    InAppNotification,
    NotificationStore,
)
from ports.notifications.notifications import Channel, Destination, DestinationDirectory

SEALED_RECORD = "notification_delivery"  # the sealer's record type for confidential bodies


def delivery_key(source_id: str, user_id: str, channel: str, destination: str) -> str:
    """The idempotency key of one delivery (and the id of the in-app copy)."""
    raw = "\x1f".join((source_id, user_id, channel, destination))
    return hashlib.sha256(raw.encode()).hexdigest()


def source_key(*parts: object) -> str:
    """A stable source id for an event without one: a hash of its type and fields."""
    raw = json.dumps([str(p) for p in parts], separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


def json_safe(data: Mapping[str, object]) -> dict[str, object]:
    """The event's data as JSON values (Decimals and times as text, sequences as lists)."""
    safe: dict[str, object] = {}
    for key, value in data.items():
        if value is None or isinstance(value, (bool, int, float, str)):
            safe[str(key)] = value
        elif isinstance(value, (list, tuple, set, frozenset)):
            safe[str(key)] = [str(v) for v in value]
        elif isinstance(value, datetime):
            safe[str(key)] = value.isoformat()
        else:
            safe[str(key)] = str(value)
    return safe


@dataclass(frozen=True, slots=True)
class CenterConfig:
    rate_per_hour: int = 30  # per user and channel (in-app is not limited)
    rate_burst: int = 10


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one notify did: the in-app id (None when not stored) and the new deliveries."""

    in_app_id: str | None
    deliveries: tuple[Delivery, ...]


class NotificationCenter:
    def __init__(
        self,
        store: NotificationStore,
        directory: DestinationDirectory,
        clock: Clock,
        sealer: SecretSealer,
        config: CenterConfig | None = None,
        wake: Callable[[], None] | None = None,
        role_of: Callable[[str], Awaitable[str | None]] | None = None,
        meter: DeliveryMeter = NO_DELIVERY_METER,
    ) -> None:
        self._store = store
        self._directory = directory
        self._clock = clock
        self._sealer = sealer
        self._config = config or CenterConfig()
        self._limit = RateLimit(self._config.rate_per_hour, self._config.rate_burst)
        # Buckets per (user, channel), in this process (documented: per instance).
        self._buckets: dict[tuple[str, str], Bucket] = {}
        self._wake = wake
        # The user's role, for the admins' defaults per role (none: the catalogue's).
        self._role_of = role_of
        self._timer = DeliveryTimer(clock, meter)

    def on_new_deliveries(self, wake: Callable[[], None]) -> None:
        """The dispatcher's nudge: due deliveries go out now rather than at its next poll."""
        self._wake = wake

    async def preferences(self, user_id: str) -> Preferences:
        """The user's own preferences, else their role's defaults, else the catalogue's."""
        own = await self._store.preferences(user_id)
        if own is not None:
            return own
        role = await self._role_of(user_id) if self._role_of is not None else None
        by_role = await self._store.role_preferences(role) if role else None
        return replace(by_role, user_id=user_id) if by_role is not None else Preferences(user_id)

    async def has_own_preferences(self, user_id: str) -> bool:
        return await self._store.preferences(user_id) is not None

    async def notify(
        self,
        user_id: str,
        event: str,
        data: Mapping[str, object],
        priority: str | None = None,
        *,
        source_id: str | None = None,
        digest: bool = False,
        occurred_at: datetime | None = None,
    ) -> Outcome:
        """Notifies a user of `event` (a catalogue type: "margin.call"...). The hook for new
        sources: the filing calendar calls `notify(user, "filing.due", {...})`. `digest`:
        one notification standing for several events of the type, rendered with its digest
        templates where it has them (same preferences and channels). `occurred_at`: when the
        event happened, the start of its alert latency (None: now)."""
        now = self._clock.now()
        level = effective_priority(event, priority)
        fields = json_safe(data)
        spec = event_type(event)
        digested = digest and bool(spec.digest_title)
        title = render_title(spec.digest_title if digested else spec.title, fields)
        body = render_body(spec.digest_body if digested else spec.body, fields)
        source = source_id or source_key(event, user_id, sorted(fields.items()), now.isoformat())
        if occurred_at is not None:
            fields[OCCURRED_AT] = stamp(occurred_at)
        prefs = await self.preferences(user_id)
        plans = plan(event, level, prefs, now, lambda ch, at: self._take(user_id, ch, at))
        in_app_id, inbox = None, None
        rows: list[Delivery] = []
        for chosen in plans:
            if chosen.channel == IN_APP:
                in_app_id = delivery_key(source, user_id, IN_APP, "")
                inbox = InAppNotification(
                    in_app_id, user_id, event, level, title, body, now, None, fields
                )
                continue
            base = Delivery(
                id="", user_id=user_id, event_type=event, priority=level, channel=chosen.channel,
                title=title, body=body, created_at=now, next_attempt_at=chosen.not_before,
                status=DeliveryStatus(chosen.disposition.value), source_id=source,
                last_error=chosen.reason if chosen.disposition is Disposition.DROPPED else "",
                data=fields,
            )  # fmt: skip
            explicit = event in prefs.channels  # the user chose this type's channels
            rows.extend(await self._fan_out(base, chosen, explicit))
        added = set(await self._store.add_deliveries(rows, inbox))
        fresh = tuple(r for r in rows if r.id in added)
        if inbox is not None and (fresh or not rows):  # not a replay the outbox ignored
            self._timer.delivered(event, IN_APP, occurred_at or now)
        if self._wake is not None and any(r.status is DeliveryStatus.PENDING for r in fresh):
            self._wake()
        return Outcome(in_app_id, fresh)

    async def notify_address(
        self,
        address: str,
        event: str,
        title: str,
        body: str,
        *,
        confidential: bool = False,
        user_id: str = "",
    ) -> Outcome:
        """An email to one address: no user's (an heir's contact, an invitee), or a user's
        own for a confidential message (`user_id` then scopes it to them)."""
        now = self._clock.now()
        source = source_key(event, address, title, body, now.isoformat())
        key = delivery_key(source, user_id, EMAIL, address)
        stored_body = self._sealer.seal(body, SEALED_RECORD, key) if confidential else body
        row = Delivery(
            id=key, user_id=user_id, event_type=event, priority=effective_priority(event, None),
            channel=EMAIL, title=title, body=stored_body, created_at=now, next_attempt_at=now,
            source_id=source, address=address, sealed=confidential,
        )  # fmt: skip
        added = await self._store.add_deliveries([row])
        if added and self._wake is not None:
            self._wake()
        return Outcome(None, (row,) if added else ())

    def open_body(self, delivery: Delivery) -> str:
        """The body to send: a confidential one unsealed (only the dispatcher calls this)."""
        if delivery.sealed:
            return self._sealer.open(delivery.body, SEALED_RECORD, delivery.id)
        return delivery.body

    async def _fan_out(self, base: Delivery, chosen: Plan, explicit: bool) -> Sequence[Delivery]:
        """One row per destination of the channel; a channel with none: one dropped row."""
        found = await self._directory.destinations(base.user_id, Channel(chosen.channel))
        if not found and chosen.channel in OPT_IN_CHANNELS and not explicit:
            return []  # a default opt-in channel with no endpoint: nothing was asked for
        if not found:
            key = delivery_key(base.source_id, base.user_id, chosen.channel, "")
            return [
                replace(base, id=key, status=DeliveryStatus.DROPPED, last_error="no_destination")
            ]
        return [
            replace(
                base,
                id=delivery_key(base.source_id, base.user_id, chosen.channel, _dest_key(d)),
                destination_id=d.id,
            )
            for d in found
        ]

    def _take(self, user_id: str, channel: str, at: datetime) -> bool:
        allowed, bucket = self._limit.take(self._buckets.get((user_id, channel)), at)
        self._buckets[(user_id, channel)] = bucket
        return allowed


def _dest_key(destination: Destination) -> str:
    return destination.id or destination.address


class SealedDeliveryBodies:
    """The sealed bodies of the outbox as a SealedRecordSource: `bulwark keys rotate`
    re-wraps them under the current KEK like every other sealed secret."""

    name = "notification_deliveries.body"

    def __init__(self, store: NotificationStore) -> None:
        self._store = store

    async def batch(self, after: str | None, limit: int) -> Sequence[SealedRecord]:
        rows = await self._store.sealed_after(after, limit)
        return [SealedRecord(r.id, SEALED_RECORD, r.id, r.body) for r in rows]

    async def replace(self, record: SealedRecord, new_text: str) -> bool:
        return await self._store.replace_sealed(record.record_id, record.text, new_text)
