"""Notifications under `/api/v1/notifications`: the caller's inbox, their preferences, the
deliveries outbox and the replay of a dead-lettered delivery."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, delete, get, post, put
from litestar.params import FromQuery, JSONBody, PathParameter, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.notifications import NotificationsDep, problems
from adapters.http.notifications.notifications_schemas import (
    BulkReadIn,
    ClearedOut,
    DeliveryOut,
    DeliveryPageOut,
    NotificationOut,
    NotificationPageOut,
    PreferencesIO,
    ReadAllOut,
    UnreadCountsOut,
)
from adapters.http.paging import NonEmptyCursor
from adapters.http.problems import bad_request
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import reject_agents
from application.notifications.api import (
    MAX_PAGE,
    InvalidNotificationQuery,
)
from ports.notifications.notification_store import DeliveryStatus

_ID = r"^[0-9a-f]{64}$"
NotificationId = Annotated[str, PathParameter(pattern=_ID)]
Limit = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)]


class NotificationController(Controller):
    """A person's own notifications; agents get 403."""

    path = "/notifications"
    guards = (reject_agents,)
    exception_handlers = {InvalidNotificationQuery: bad_request("Invalid notification query")}  # noqa: RUF012

    @get(
        "/",
        summary="The caller's in-app notifications, newest first, with a cursor",
        description=(
            "`unread=true` lists only unread ones. Pass `next_cursor` back as `cursor`. "
            "400 INVALID_NOTIFICATION_QUERY for a cursor that was not handed out."
        ),
        responses=problems(400, 429),
    )
    async def list_notifications(
        self,
        caller: CallerDep,
        notifications: NotificationsDep,
        unread: FromQuery[bool] = False,
        cursor: NonEmptyCursor = None,
        limit: Limit = 50,
    ) -> NotificationPageOut:
        page = await notifications.inbox.inbox(
            caller.principal, unread=unread, cursor=cursor, limit=limit
        )
        return NotificationPageOut.from_page(page)

    @post(
        "/{notification_id:str}/read",
        summary="Mark one of the caller's notifications read",
        description="204; marking a read one again changes nothing. 404 for another user's.",
        status_code=204,
        responses=problems(400, 404, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def mark_notification_read(
        self, notification_id: NotificationId, caller: CallerDep, notifications: NotificationsDep
    ) -> None:
        await notifications.inbox.read(caller.principal, notification_id)

    @post(
        "/read-all",
        summary="Mark every notification of the caller read",
        status_code=200,
        responses=problems(429),
        opt=VIEWER_MAY_CALL,
    )
    async def mark_all_notifications_read(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> ReadAllOut:
        return ReadAllOut(marked=await notifications.inbox.read_all(caller.principal))

    @get(
        "/unread-count",
        summary="How many of the caller's notifications are unread, in total and per type",
        responses=problems(401, 403, 429),
    )
    async def count_unread_notifications(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> UnreadCountsOut:
        counts = await notifications.inbox.unread(caller.principal)
        return UnreadCountsOut(total=counts.total, by_type=counts.by_type)

    @post(
        "/read",
        summary="Mark many of the caller's notifications read: by ids, or all before a time",
        description=(
            'Body `{"ids": [...]}` (at most 500; another user\'s ids are skipped) or '
            '`{"before": "2026-11-25T12:00:00Z"}`, not both: 400 '
            "INVALID_NOTIFICATION_QUERY. Answers how many were unread and are now read."
        ),
        status_code=200,
        responses=problems(400, 401, 403, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def mark_notifications_read(
        self, data: JSONBody[BulkReadIn], caller: CallerDep, notifications: NotificationsDep
    ) -> ReadAllOut:
        marked = await notifications.inbox.read_many(
            caller.principal, ids=data.ids, before=data.before
        )
        return ReadAllOut(marked=marked)

    @delete(
        "/",
        summary="Delete every notification of the caller's inbox",
        description="200 with how many were deleted; deliveries stay in the outbox.",
        status_code=200,
        responses=problems(401, 403, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def clear_notifications(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> ClearedOut:
        return ClearedOut(deleted=await notifications.inbox.clear(caller.principal))

    @get(
        "/{notification_id:str}",
        summary="One of the caller's notifications",
        description="404 for an unknown id and for another user's.",
        responses=problems(400, 401, 403, 404, 429),
    )
    async def get_notification(
        self, notification_id: NotificationId, caller: CallerDep, notifications: NotificationsDep
    ) -> NotificationOut:
        found = await notifications.inbox.one(caller.principal, notification_id)
        return NotificationOut.from_domain(found)

    @delete(
        "/{notification_id:str}",
        summary="Delete one of the caller's notifications",
        description="204; 404 for an unknown id and for another user's.",
        status_code=204,
        responses=problems(400, 401, 403, 404, 429),
        opt=VIEWER_MAY_CALL,
    )
    async def delete_notification(
        self, notification_id: NotificationId, caller: CallerDep, notifications: NotificationsDep
    ) -> None:
        await notifications.inbox.delete(caller.principal, notification_id)

    @get(
        "/preferences",
        summary="The caller's notification preferences",
        description="Channels per event type (overrides of the catalogue), quiet hours, digest.",
        responses=problems(429),
    )
    async def get_notification_preferences(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> PreferencesIO:
        return PreferencesIO.from_domain(await notifications.inbox.preferences(caller.principal))

    @put(
        "/preferences",
        summary="Replace the caller's notification preferences",
        description=(
            "422 INVALID_NOTIFICATION_PREFERENCES names the field: an event type not in the "
            "catalogue, a time zone that is not IANA. CRITICAL types (kill switch, margin "
            "call, succession step, agent dead) always reach the in-app inbox and ignore "
            "quiet hours."
        ),
        responses=problems(400, 422, 429, notes={422: "INVALID_NOTIFICATION_PREFERENCES"}),
        opt=VIEWER_MAY_CALL,
    )
    async def set_notification_preferences(
        self, data: JSONBody[PreferencesIO], caller: CallerDep, notifications: NotificationsDep
    ) -> PreferencesIO:
        saved = await notifications.inbox.set_preferences(caller.principal, data.to_update())
        return PreferencesIO.from_domain(saved)

    @get(
        "/deliveries",
        summary="Deliveries of the caller's notifications (an admin: `all=true`, every user's)",
        description=(
            "The outbox: one row per channel and destination, with its status (pending, "
            "sent, dead, digest, digested, dropped), attempts and last error. Newest first."
        ),
        responses=problems(400, 429),
    )
    async def list_notification_deliveries(
        self,
        caller: CallerDep,
        notifications: NotificationsDep,
        status: FromQuery[DeliveryStatus | None] = None,
        all_users: Annotated[bool, QueryParameter(name="all")] = False,
        cursor: NonEmptyCursor = None,
        limit: Limit = 50,
    ) -> DeliveryPageOut:
        page = await notifications.inbox.deliveries(
            caller.principal, status=status, every_user=all_users, cursor=cursor, limit=limit
        )
        return DeliveryPageOut.from_page(page)

    @post(
        "/deliveries/{delivery_id:str}/replay",
        summary="Send a dead-lettered delivery again (audited)",
        description=(
            "Dead -> pending, attempts reset; the dispatcher sends it with the same id (the "
            "receiver's idempotency key). 404 for another user's delivery (an admin may "
            "replay any); 409 DELIVERY_NOT_DEAD when it is not dead."
        ),
        status_code=200,
        responses=problems(400, 404, 409, 429),
    )
    async def replay_delivery(
        self,
        delivery_id: Annotated[str, PathParameter(pattern=_ID)],
        caller: CallerDep,
        notifications: NotificationsDep,
    ) -> DeliveryOut:
        replayed = await notifications.inbox.replay(caller.principal, delivery_id)
        return DeliveryOut.from_domain(replayed)


CONTROLLERS: list[Any] = [NotificationController]
