"""The notification store in memory (embedded mode and tests): dicts under one process."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from domain.notifications.preferences import Preferences
from ports.notifications.notification_store import (
    Delivery,
    DeliveryStatus,
    Failure,
    InAppNotification,
    Page,
)

T = TypeVar("T", Delivery, InAppNotification)


def _newest_first(items: list[T], page: Page) -> list[T]:
    ordered = sorted(items, key=lambda i: (i.created_at, i.id), reverse=True)
    if page.after is not None:
        after = page.after
        ordered = [i for i in ordered if (i.created_at, i.id) < after]
    return ordered[: page.limit]


class InMemoryNotificationStore:
    def __init__(self) -> None:
        self._deliveries: dict[str, Delivery] = {}
        self._in_app: dict[str, InAppNotification] = {}
        self._preferences: dict[str, Preferences] = {}
        self._role_preferences: dict[str, Preferences] = {}

    async def add_deliveries(
        self, deliveries: Sequence[Delivery], in_app: InAppNotification | None = None
    ) -> list[str]:
        if in_app is not None:
            await self.add_in_app(in_app)
        added = []
        for delivery in deliveries:
            if delivery.id not in self._deliveries:
                self._deliveries[delivery.id] = delivery
                added.append(delivery.id)
        return added

    async def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[Delivery]:
        due = sorted(
            (
                d
                for d in self._deliveries.values()
                if d.status is DeliveryStatus.PENDING and d.next_attempt_at <= now
            ),
            key=lambda d: (d.next_attempt_at, d.id),
        )[:limit]
        for d in due:
            self._deliveries[d.id] = replace(d, next_attempt_at=lease_until)
        return due

    def _update(self, delivery_id: str, **changes: object) -> None:
        current = self._deliveries.get(delivery_id)
        if current is not None:
            self._deliveries[delivery_id] = replace(current, **changes)  # type: ignore[arg-type]

    async def mark_sent(self, delivery_ids: Sequence[str], at: datetime) -> None:
        for delivery_id in delivery_ids:
            self._update(delivery_id, status=DeliveryStatus.SENT, sent_at=at, last_error="")

    def _attempt_failed(self, delivery_id: str, reason: str, **changes: object) -> None:
        current = self._deliveries.get(delivery_id)
        if current is not None:
            attempts = current.attempts + 1
            self._update(delivery_id, attempts=attempts, last_error=reason, **changes)

    async def mark_retry(self, delivery_id: str, next_at: datetime, reason: str) -> None:
        self._attempt_failed(
            delivery_id, reason, status=DeliveryStatus.PENDING, next_attempt_at=next_at
        )

    async def mark_dead(self, delivery_id: str, reason: str) -> None:
        self._attempt_failed(delivery_id, reason, status=DeliveryStatus.DEAD)

    async def mark_failed(self, failures: Sequence[Failure]) -> None:
        for failure in failures:
            reason = failure.reason[:512]  # as the SQL column keeps it
            if failure.retry_at is None:
                await self.mark_dead(failure.delivery_id, reason)
            else:
                await self.mark_retry(failure.delivery_id, failure.retry_at, reason)

    async def replay(self, delivery_id: str, now: datetime) -> Delivery | None:
        current = self._deliveries.get(delivery_id)
        if current is None or current.status is not DeliveryStatus.DEAD:
            return None
        replayed = replace(current, status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=now)
        self._deliveries[delivery_id] = replayed
        return replayed

    async def delivery(self, delivery_id: str) -> Delivery | None:
        return self._deliveries.get(delivery_id)

    async def deliveries(self, page: Page) -> list[Delivery]:
        chosen = [
            d
            for d in self._deliveries.values()
            if (page.user_id is None or d.user_id == page.user_id)
            and (page.status is None or d.status is page.status)
        ]
        return _newest_first(chosen, page)

    async def due_digests(self, now: datetime, limit: int) -> list[Delivery]:
        due = [
            d
            for d in self._deliveries.values()
            if d.status is DeliveryStatus.DIGEST and d.next_attempt_at <= now
        ]
        return sorted(due, key=lambda d: (d.created_at, d.id))[:limit]

    async def mark_digested(self, delivery_ids: Sequence[str]) -> None:
        for delivery_id in delivery_ids:
            self._update(delivery_id, status=DeliveryStatus.DIGESTED)

    async def add_in_app(self, notification: InAppNotification) -> bool:
        if notification.id in self._in_app:
            return False
        self._in_app[notification.id] = notification
        return True

    async def in_app(self, page: Page) -> list[InAppNotification]:
        chosen = [
            n
            for n in self._in_app.values()
            if n.user_id == page.user_id and not (page.unread_only and n.read_at is not None)
        ]
        return _newest_first(chosen, page)

    async def mark_read(self, user_id: str, notification_id: str, at: datetime) -> bool:
        current = self._in_app.get(notification_id)
        if current is None or current.user_id != user_id:
            return False
        if current.read_at is None:
            self._in_app[notification_id] = replace(current, read_at=at)
        return True

    async def mark_all_read(self, user_id: str, at: datetime) -> int:
        unread = [n for n in self._in_app.values() if n.user_id == user_id and n.read_at is None]
        for n in unread:
            self._in_app[n.id] = replace(n, read_at=at)
        return len(unread)

    async def in_app_one(self, user_id: str, notification_id: str) -> InAppNotification | None:
        found = self._in_app.get(notification_id)
        return found if found is not None and found.user_id == user_id else None

    async def delete_in_app(self, user_id: str, notification_id: str) -> bool:
        if await self.in_app_one(user_id, notification_id) is None:
            return False
        del self._in_app[notification_id]
        return True

    async def clear_in_app(self, user_id: str) -> int:
        mine = [k for k, n in self._in_app.items() if n.user_id == user_id]
        for key in mine:
            del self._in_app[key]
        return len(mine)

    async def unread_counts(self, user_id: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for n in self._in_app.values():
            if n.user_id == user_id and n.read_at is None:
                counts[n.event_type] = counts.get(n.event_type, 0) + 1
        return counts

    async def mark_read_many(
        self, user_id: str, notification_ids: Sequence[str], at: datetime
    ) -> int:
        marked = 0
        for notification_id in set(notification_ids):
            found = await self.in_app_one(user_id, notification_id)
            if found is not None and found.read_at is None:
                self._in_app[notification_id] = replace(found, read_at=at)
                marked += 1
        return marked

    async def mark_read_before(self, user_id: str, before: datetime, at: datetime) -> int:
        due = [
            n
            for n in self._in_app.values()
            if n.user_id == user_id and n.read_at is None and n.created_at < before
        ]
        for n in due:
            self._in_app[n.id] = replace(n, read_at=at)
        return len(due)

    async def role_preferences(self, role: str) -> Preferences | None:
        return self._role_preferences.get(role)

    async def all_role_preferences(self) -> dict[str, Preferences]:
        return dict(sorted(self._role_preferences.items()))

    async def put_role_preferences(self, role: str, preferences: Preferences) -> None:
        self._role_preferences[role] = replace(preferences, user_id="")

    async def remove_role_preferences(self, role: str) -> bool:
        return self._role_preferences.pop(role, None) is not None

    async def sealed_after(self, after: str | None, limit: int) -> list[Delivery]:
        found = sorted(
            (d for d in self._deliveries.values() if d.sealed and (after is None or d.id > after)),
            key=lambda d: d.id,
        )
        return found[:limit]

    async def replace_sealed(self, delivery_id: str, old: str, new: str) -> bool:
        current = self._deliveries.get(delivery_id)
        if current is None or not current.sealed or current.body != old:
            return False
        self._deliveries[delivery_id] = replace(current, body=new)
        return True

    async def preferences(self, user_id: str) -> Preferences | None:
        return self._preferences.get(user_id)

    async def put_preferences(self, preferences: Preferences) -> None:
        self._preferences[preferences.user_id] = preferences
