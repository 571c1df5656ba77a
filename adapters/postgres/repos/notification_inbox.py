"""The notification store's inbox management and role defaults on SQL (a mixin of
SqlNotificationStore): one in-app notification by id, delete, clear, unread counts, bulk
mark-read, and the admins' default preferences per role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time
from typing import Any

from sqlalchemy import and_, delete, func, select, update

from adapters.postgres.repos.base import upsert
from adapters.postgres.rows import record
from adapters.postgres.stores import EngineStore
from adapters.postgres.tables.notifications import (
    notification_role_preferences as role_preferences,
)
from adapters.postgres.tables.notifications import (
    notifications_in_app as in_app,
)
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from ports.notifications.notification_store import InAppNotification

_N = in_app.c
_R = role_preferences.c


def preferences_row(prefs: Preferences) -> dict[str, Any]:
    """The columns of a preferences row (the user's or a role's)."""
    quiet = prefs.quiet_hours
    return {
        "channels": {k: sorted(v) for k, v in prefs.channels.items()},
        "quiet_start": quiet.start.isoformat("minutes") if quiet else None,
        "quiet_end": quiet.end.isoformat("minutes") if quiet else None,
        "time_zone": quiet.time_zone if quiet else None,
        "digest_enabled": prefs.digest_enabled,
        "digest_minutes": prefs.digest_minutes,
    }


def preferences_of(user_id: str, row: Any) -> Preferences:
    quiet = None
    if row.quiet_start and row.quiet_end and row.time_zone:
        quiet = QuietHours(
            time.fromisoformat(row.quiet_start), time.fromisoformat(row.quiet_end), row.time_zone
        )
    return Preferences(
        user_id=user_id,
        channels={k: frozenset(v) for k, v in (row.channels or {}).items()},
        quiet_hours=quiet,
        digest_enabled=bool(row.digest_enabled),
        digest_minutes=int(row.digest_minutes),
    )


def in_app_of(row: Any) -> InAppNotification:
    return record(InAppNotification, row, data=dict(row.data or {}))


def owned(user_id: str, notification_id: str) -> Any:
    return and_(_N.id == notification_id, _N.user_id == user_id)


def _unread(user_id: str) -> Any:
    return and_(_N.user_id == user_id, _N.read_at.is_(None))


class InboxQueries(EngineStore):
    """The in-app inbox's and the notification preferences' queries of the notification store."""

    async def in_app_one(self, user_id: str, notification_id: str) -> InAppNotification | None:
        rows = await self._read(select(in_app).where(owned(user_id, notification_id)))
        if not rows:
            return None
        return in_app_of(rows[0])

    async def delete_in_app(self, user_id: str, notification_id: str) -> bool:
        return await self._change(delete(in_app).where(owned(user_id, notification_id))) > 0

    async def clear_in_app(self, user_id: str) -> int:
        return await self._change(delete(in_app).where(_N.user_id == user_id))

    async def unread_counts(self, user_id: str) -> dict[str, int]:
        query = (
            select(_N.event_type, func.count())
            .where(_unread(user_id))
            .group_by(_N.event_type)
            .order_by(_N.event_type)
        )
        return {row[0]: int(row[1]) for row in await self._read(query)}

    async def mark_read_many(
        self, user_id: str, notification_ids: Sequence[str], at: datetime
    ) -> int:
        ids = sorted(set(notification_ids))
        if not ids:
            return 0
        return await self._change(
            update(in_app).where(_unread(user_id), _N.id.in_(ids)).values(read_at=at)
        )

    async def mark_read_before(self, user_id: str, before: datetime, at: datetime) -> int:
        return await self._change(
            update(in_app).where(_unread(user_id), _N.created_at < before).values(read_at=at)
        )

    async def role_preferences(self, role: str) -> Preferences | None:
        rows = await self._read(select(role_preferences).where(_R.role == role))
        return preferences_of("", rows[0]) if rows else None

    async def all_role_preferences(self) -> dict[str, Preferences]:
        rows = await self._read(select(role_preferences).order_by(_R.role))
        return {row.role: preferences_of("", row) for row in rows}

    async def put_role_preferences(self, role: str, preferences: Preferences) -> None:
        row = {"role": role, **preferences_row(replace(preferences, user_id=""))}
        await self._write(lambda conn: upsert(conn, role_preferences, row, ("role",)))

    async def remove_role_preferences(self, role: str) -> bool:
        return await self._change(delete(role_preferences).where(_R.role == role)) > 0
