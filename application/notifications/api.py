"""What the notification endpoints do: a user's inbox, their preferences, the deliveries
outbox (an admin sees every user's) and the replay of a dead-lettered delivery (audited).

Owner scoping: another user's notification or delivery answers NotFound, as an unknown one.
A confidential delivery's body (a sealed token) is never shown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time

from application.core.cursors import decode_time_id, encode_time_id
from application.core.paging import Page as Listing
from application.notifications.center import NotificationCenter
from domain.errors import Conflict, DomainError, NotFound
from domain.notifications.catalogue import CATALOGUE, CHANNELS
from domain.notifications.preferences import DIGEST_PERIODS, Preferences
from domain.notifications.quiet_hours import InvalidTimeZone, QuietHours
from domain.principals import Principal, Role
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog
from ports.notifications.notification_store import (
    Delivery,
    DeliveryStatus,
    InAppNotification,
    NotificationStore,
    Page,
)

MAX_PAGE = 200
MAX_BULK_IDS = 500
HIDDEN = "(confidential: sent by email only)"


class InvalidNotificationQuery(DomainError):
    """A listing's cursor, filter or limit the service did not hand out or cannot use."""

    code = "INVALID_NOTIFICATION_QUERY"


class InvalidPreferences(DomainError):
    """Preferences naming an unknown event type or channel, a bad time zone or period."""

    code = "INVALID_NOTIFICATION_PREFERENCES"


@dataclass(frozen=True, slots=True)
class UnreadCounts:
    total: int
    by_type: dict[str, int]


@dataclass(frozen=True, slots=True)
class PreferencesUpdate:
    """A full replacement of the caller's preferences (`channels` only lists overrides)."""

    channels: Mapping[str, list[str]]
    quiet_start: str | None = None  # "22:00"
    quiet_end: str | None = None
    time_zone: str | None = None
    digest_enabled: bool = False
    digest_minutes: int = 60


def _page_of(cursor: str | None, limit: int) -> tuple[tuple[datetime, str] | None, int]:
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidNotificationQuery(f"limit must be 1 to {MAX_PAGE}", field="limit")
    if cursor is None:
        return None, limit
    decoded = decode_time_id(cursor)
    if decoded is None:
        raise InvalidNotificationQuery("cursor was not handed out by this listing", field="cursor")
    return decoded, limit


def _wall(text: str, name: str) -> time:
    try:
        value = time.fromisoformat(text)
    except ValueError:
        raise InvalidPreferences(f"{name} must be HH:MM", field=name) from None
    if value.tzinfo is not None or value.second or value.microsecond:
        raise InvalidPreferences(f"{name} must be HH:MM", field=name)
    return value


def parse_preferences(user_id: str, update: PreferencesUpdate) -> Preferences:
    """The domain preferences an update asks for, or InvalidPreferences naming the field."""
    channels: dict[str, frozenset[str]] = {}
    for name, chosen in update.channels.items():
        if name not in CATALOGUE:
            raise InvalidPreferences(f"unknown event type {name!r}", field=f"channels.{name}")
        unknown = sorted(set(chosen) - set(CHANNELS))
        if unknown:
            raise InvalidPreferences(f"unknown channel {unknown[0]!r}", field=f"channels.{name}")
        channels[name] = frozenset(chosen)
    quiet = None
    given = (update.quiet_start, update.quiet_end, update.time_zone)
    if any(v is not None for v in given):
        if update.quiet_start is None or update.quiet_end is None or update.time_zone is None:
            missing = ("quiet_start", "quiet_end", "time_zone")[given.index(None)]
            raise InvalidPreferences("quiet hours need start, end and time zone", field=missing)
        start = _wall(update.quiet_start, "quiet_start")
        end = _wall(update.quiet_end, "quiet_end")
        try:
            quiet = QuietHours(start, end, update.time_zone)
        except InvalidTimeZone:
            raise InvalidPreferences("not an IANA time zone", field="time_zone") from None
    if update.digest_minutes not in DIGEST_PERIODS:
        raise InvalidPreferences(f"one of {list(DIGEST_PERIODS)}", field="digest_minutes")
    return Preferences(user_id, channels, quiet, update.digest_enabled, update.digest_minutes)


def shown(delivery: Delivery) -> Delivery:
    """A delivery as a listing shows it: a confidential body hidden."""
    if delivery.sealed:
        return replace(delivery, body=HIDDEN)
    return delivery


@dataclass(eq=False)
class NotificationService:
    store: NotificationStore
    center: NotificationCenter
    clock: Clock
    audit: AuditLog

    async def inbox(
        self, caller: Principal, *, unread: bool = False, cursor: str | None = None, limit: int = 50
    ) -> Listing[InAppNotification]:
        after, limit = _page_of(cursor, limit)
        page = Page(caller.id, after, limit, unread_only=unread)
        items = await self.store.in_app(page)
        return Listing(items, _next(items, limit))

    async def read(self, caller: Principal, notification_id: str) -> None:
        if not await self.store.mark_read(caller.id, notification_id, self.clock.now()):
            raise NotFound("no such notification")

    async def read_all(self, caller: Principal) -> int:
        return await self.store.mark_all_read(caller.id, self.clock.now())

    async def one(self, caller: Principal, notification_id: str) -> InAppNotification:
        found = await self.store.in_app_one(caller.id, notification_id)
        if found is None:
            raise NotFound("no such notification")
        return found

    async def delete(self, caller: Principal, notification_id: str) -> None:
        if not await self.store.delete_in_app(caller.id, notification_id):
            raise NotFound("no such notification")

    async def clear(self, caller: Principal) -> int:
        """Deletes the caller's whole inbox (their deliveries stay in the outbox)."""
        return await self.store.clear_in_app(caller.id)

    async def unread(self, caller: Principal) -> UnreadCounts:
        by_type = await self.store.unread_counts(caller.id)
        return UnreadCounts(sum(by_type.values()), dict(sorted(by_type.items())))

    async def read_many(
        self,
        caller: Principal,
        *,
        ids: Sequence[str] | None = None,
        before: datetime | None = None,
    ) -> int:
        """Marks read the listed ids (others' and unknown ones are skipped) or every unread
        one created before a time; exactly one of the two."""
        if (ids is None) == (before is None):
            raise InvalidNotificationQuery("give either ids or before", field="ids")
        now = self.clock.now()
        if ids is not None:
            if len(ids) > MAX_BULK_IDS:
                raise InvalidNotificationQuery(f"at most {MAX_BULK_IDS} ids", field="ids")
            return await self.store.mark_read_many(caller.id, ids, now)
        assert before is not None
        if before.tzinfo is None:
            raise InvalidNotificationQuery("before needs a UTC offset", field="before")
        return await self.store.mark_read_before(caller.id, before, now)

    async def preferences(self, caller: Principal) -> Preferences:
        return await self.center.preferences(caller.id)

    async def set_preferences(self, caller: Principal, update: PreferencesUpdate) -> Preferences:
        prefs = parse_preferences(caller.id, update)
        await self.store.put_preferences(prefs)
        # Audited: turning alerts off or silencing them at night is a security decision.
        details = {
            "types_overridden": sorted(prefs.channels),
            "types_off": sorted(k for k, v in prefs.channels.items() if not v),
            "quiet_hours": prefs.quiet_hours is not None,
            "digest": prefs.digest_minutes if prefs.digest_enabled else None,
        }
        await self.audit.record(
            AuditEntry(
                caller.id,
                "notification.preferences",
                f"user:{caller.id}",
                "ok",
                self.clock.now(),
                details,
            )
        )
        return prefs

    async def deliveries(
        self,
        caller: Principal,
        *,
        status: DeliveryStatus | None = None,
        every_user: bool = False,
        cursor: str | None = None,
        limit: int = 50,
    ) -> Listing[Delivery]:
        after, limit = _page_of(cursor, limit)
        user = None if every_user and _is_admin(caller) else caller.id
        page = Page(user, after, limit, status=status)
        items = [shown(d) for d in await self.store.deliveries(page)]
        return Listing(items, _next(items, limit))

    async def replay(self, caller: Principal, delivery_id: str) -> Delivery:
        """A dead delivery back to the outbox; NotFound for another user's (unless admin),
        NotReplayable (409) when it is not dead."""
        found = await self.store.delivery(delivery_id)
        if found is None or not (found.user_id == caller.id or _is_admin(caller)):
            raise NotFound("no such delivery")
        replayed = await self.store.replay(delivery_id, self.clock.now())
        outcome = "ok" if replayed is not None else "refused"
        details = {"channel": found.channel, "event_type": found.event_type, "was": found.status}
        await self.audit.record(
            AuditEntry(
                caller.id,
                "notification.replay",
                f"delivery:{delivery_id}",
                outcome,
                self.clock.now(),
                details,
            )
        )
        if replayed is None:
            raise NotReplayable(f"the delivery is {found.status.value}, not dead")
        return shown(replayed)


class NotReplayable(Conflict):
    code = "DELIVERY_NOT_DEAD"


def _is_admin(caller: Principal) -> bool:
    return caller.role in (Role.ADMIN, Role.SYSTEM)


def _next(items: list[Delivery] | list[InAppNotification], limit: int) -> str | None:
    if len(items) < limit or not items:
        return None
    last = items[-1]
    return encode_time_id(last.created_at, last.id)
