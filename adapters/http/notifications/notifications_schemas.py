"""Notification DTOs: the inbox, preferences, and the deliveries outbox."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from adapters.http.schemas.common import Input, ItemsOut, Mirror, Output
from application.notifications.api import PreferencesUpdate
from domain.notifications.preferences import Preferences
from ports.notifications.notification_store import Delivery, InAppNotification
from ports.notifications.notifications import Channel

_HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
EventTypeName = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[a-z_.]+$")]


class NotificationOut(Output):
    id: str
    event_type: str
    priority: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None
    data: dict[str, Any]

    @classmethod
    def from_domain(cls, n: InAppNotification) -> NotificationOut:
        return cls.from_attributes(n, data=dict(n.data))


class NotificationPageOut(ItemsOut):
    items: list[NotificationOut]
    next_cursor: str | None


class ReadAllOut(Output):
    marked: int  # notifications that were unread


class ClearedOut(Output):
    deleted: int


class UnreadCountsOut(Output):
    total: int
    by_type: dict[str, int]


NotificationId = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]


class BulkReadIn(Input):
    """Either `ids` (the caller's notifications to mark read; others' and unknown ones are
    skipped) or `before` (every unread one created strictly before that instant)."""

    ids: Annotated[list[NotificationId], msgspec.Meta(max_length=500)] | None = None
    before: datetime | None = None


class QuietHoursIO(Input):
    """Local wall-clock times in an IANA time zone; a window may cross midnight."""

    start: Annotated[str, msgspec.Meta(pattern=_HHMM, examples=["22:00"])]
    end: Annotated[str, msgspec.Meta(pattern=_HHMM, examples=["07:00"])]
    time_zone: Annotated[
        str, msgspec.Meta(min_length=1, max_length=64, examples=["America/New_York"])
    ]


class PreferencesIO(Input):
    """The caller's preferences, replaced whole. `channels` overrides the catalogue's default
    channels per event type (docs/notifications.md); an empty list turns a type off (a
    CRITICAL one still reaches the in-app inbox)."""

    channels: dict[EventTypeName, list[Channel]] = msgspec.field(default_factory=dict)
    quiet_hours: QuietHoursIO | None = None
    digest_enabled: bool = False
    digest_minutes: Literal[15, 60, 240, 1440] = 60

    def to_update(self) -> PreferencesUpdate:
        quiet = self.quiet_hours
        return PreferencesUpdate(
            channels={k: [c.value for c in v] for k, v in self.channels.items()},
            quiet_start=quiet.start if quiet else None,
            quiet_end=quiet.end if quiet else None,
            time_zone=quiet.time_zone if quiet else None,
            digest_enabled=self.digest_enabled,
            digest_minutes=self.digest_minutes,
        )

    @classmethod
    def from_domain(cls, prefs: Preferences) -> PreferencesIO:
        quiet = prefs.quiet_hours
        return cls(
            channels={k: sorted(Channel(c) for c in v) for k, v in prefs.channels.items()},
            quiet_hours=QuietHoursIO(
                start=quiet.start.isoformat("minutes"),
                end=quiet.end.isoformat("minutes"),
                time_zone=quiet.time_zone,
            )
            if quiet
            else None,
            digest_enabled=prefs.digest_enabled,
            digest_minutes=prefs.digest_minutes,  # type: ignore[arg-type]
        )


class DeliveryOut(Mirror[Delivery]):
    id: str  # the idempotency key receivers see
    user_id: str
    event_type: str
    priority: str
    channel: str
    status: str
    attempts: int
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None
    destination_id: str | None
    title: str
    last_error: str

    enum_values = ("status",)


class DeliveryPageOut(ItemsOut):
    items: list[DeliveryOut]
    next_cursor: str | None
