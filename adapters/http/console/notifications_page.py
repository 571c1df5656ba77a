"""`/console/notifications`: the signed-in user's inbox and their notification preferences.

Everything goes through the use cases the API's `/api/v1/notifications` routes call
(application/notifications/api.py NotificationService) with the signed-in principal, so a
user only ever sees and changes their own notifications: another user's id answers 404.
The inbox and the preferences are the user's own profile: as on the API, the read-only
viewer may mark its own notifications read, delete them and set its own preferences
(`VIEWER_MAY_CALL`); it changes nothing of anyone else's.

Forms post without JavaScript (303 back to the page); the header's unread badge is a small
fragment (`/console/notifications/badge`) that htmx loads on every page.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from litestar import Request, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from adapters.http.console.pages import ConsolePage, form_page, fragment, page, see_other
from adapters.http.contexts import bundle_of
from adapters.http.read_only import VIEWER_MAY_CALL
from adapters.http.security import caller_of
from application.notifications.api import (
    InvalidPreferences,
    NotificationService,
    PreferencesUpdate,
)
from domain.notifications.catalogue import CATALOGUE, CHANNELS
from domain.notifications.preferences import DIGEST_PERIODS, Preferences

INBOX = "/console/notifications"
PREFERENCES = "/console/notifications/preferences"
PAGE_SIZE = 25
QUIET_FIELDS = ("quiet_start", "quiet_end", "time_zone")


def _served(request: Request[Any, Any, Any]) -> NotificationService | None:
    services = bundle_of(request, "notifications")
    return None if services is None else cast(NotificationService, services.inbox)


def _inbox(request: Request[Any, Any, Any]) -> NotificationService:
    service = _served(request)
    if service is None:
        raise NotFoundException("notifications are not served here")
    return service


def _back(request: Request[Any, Any, Any], to: str) -> Redirect:
    return see_other(request, to)


def _return_to(form: Any) -> str:
    """The inbox view a row action came from (its filters), never another site."""
    given = str(form.get("return_to", ""))
    return given if given.startswith(INBOX + "?") or given == INBOX else INBOX


def preference_rows(prefs: Preferences) -> list[dict[str, Any]]:
    """One row per catalogue type: its description and the channels it goes to now."""
    return [
        {
            "name": name,
            "description": spec.description,
            "priority": spec.priority,
            "enabled": prefs.enabled_channels(name),
            "overridden": name in prefs.channels,
        }
        for name, spec in sorted(CATALOGUE.items())
    ]


def update_from_form(form: Any) -> PreferencesUpdate:
    """The preferences a posted form asks for: a type's channels are an override only where
    they differ from the catalogue's defaults (so a later change of defaults still reaches
    the types the user never touched); empty quiet-hour fields mean no quiet hours."""
    channels: dict[str, list[str]] = {}
    for name, spec in CATALOGUE.items():
        chosen = [c for c in CHANNELS if form.get(f"ch.{name}.{c}") == "on"]
        if frozenset(chosen) != spec.channels:
            channels[name] = chosen
    quiet = [str(form.get(k, "")).strip() or None for k in QUIET_FIELDS]
    if quiet[0] is None and quiet[1] is None:
        quiet = [None, None, None]  # a time zone alone asks for nothing
    minutes = str(form.get("digest_minutes", "60"))
    return PreferencesUpdate(
        channels=channels,
        quiet_start=quiet[0],
        quiet_end=quiet[1],
        time_zone=quiet[2],
        digest_enabled=form.get("digest_enabled") == "on",
        digest_minutes=int(minutes) if minutes.isdigit() else -1,
    )


class NotificationsPageController(ConsolePage):
    """`/console/notifications` and `/console/notifications/preferences`."""

    path = "/notifications"

    @get("/")
    async def inbox(
        self,
        request: Request[Any, Any, Any],
        unread: FromQuery[bool] = False,
        cursor: FromQuery[str | None] = None,
    ) -> Template:
        caller = caller_of(request)
        service = _inbox(request)
        kind = request.query_params.get("type") or None
        listing = await service.inbox(
            caller.principal, unread=unread, cursor=cursor, limit=PAGE_SIZE
        )
        items = [n for n in listing.items if kind is None or n.event_type == kind]
        counts = await service.unread(caller.principal)
        filters = {k: v for k, v in (("unread", "true" if unread else ""), ("type", kind)) if v}
        shown = {**filters, **({"cursor": cursor} if cursor else {})}
        here = INBOX + ("?" + urlencode(shown) if shown else "")
        more = (
            INBOX + "?" + urlencode({**filters, "cursor": listing.next_cursor})
            if listing.next_cursor
            else None
        )
        return page(
            request,
            "notifications.html",
            title="Notifications",
            context={
                "items": items,
                "counts": counts,
                "unread_only": unread,
                "kind": kind,
                "types": sorted(CATALOGUE),
                "first_page": cursor is None,
                "first_href": INBOX + ("?" + urlencode(filters) if filters else ""),
                "more": more,
                "here": here,
                "page_size": PAGE_SIZE,
            },
        )

    @get("/badge")
    async def badge(self, request: Request[Any, Any, Any]) -> Template:
        """The header's unread count (a fragment; empty when nothing is unread)."""
        service = _served(request)  # an app without notifications: no badge, and no error
        counts = None if service is None else await service.unread(caller_of(request).principal)
        return fragment(request, "partials/notifications_badge.html", context={"counts": counts})

    @post("/{notification_id:str}/read", status_code=303, opt=VIEWER_MAY_CALL)
    async def read(
        self, request: Request[Any, Any, Any], notification_id: FromPath[str]
    ) -> Redirect:
        form = await request.form()
        await _inbox(request).read(caller_of(request).principal, notification_id)
        return _back(request, _return_to(form))

    @post("/{notification_id:str}/delete", status_code=303, opt=VIEWER_MAY_CALL)
    async def delete(
        self, request: Request[Any, Any, Any], notification_id: FromPath[str]
    ) -> Redirect:
        form = await request.form()
        await _inbox(request).delete(caller_of(request).principal, notification_id)
        return _back(request, _return_to(form))

    @post("/read-all", status_code=303, opt=VIEWER_MAY_CALL)
    async def read_all(self, request: Request[Any, Any, Any]) -> Redirect:
        await _inbox(request).read_all(caller_of(request).principal)
        return _back(request, INBOX)

    @post("/clear", status_code=303, opt=VIEWER_MAY_CALL)
    async def clear(self, request: Request[Any, Any, Any]) -> Redirect:
        await _inbox(request).clear(caller_of(request).principal)
        return _back(request, INBOX)

    @get("/preferences")
    async def preferences(
        self, request: Request[Any, Any, Any], saved: FromQuery[bool] = False
    ) -> Template:
        prefs = await _inbox(request).preferences(caller_of(request).principal)
        return _preferences_page(request, prefs, saved=saved)

    @post("/preferences", status_code=303, opt=VIEWER_MAY_CALL)
    async def set_preferences(self, request: Request[Any, Any, Any]) -> Redirect | Template:
        caller = caller_of(request)
        form = await request.form()
        update = update_from_form(form)
        try:
            await _inbox(request).set_preferences(caller.principal, update)
        except InvalidPreferences as refused:
            return _preferences_page(
                request,
                None,
                update=update,
                errors={str(refused.field or "form"): refused.message},
                refused=refused.code,
            )
        return _back(request, PREFERENCES + "?saved=true")


def _preferences_page(
    request: Request[Any, Any, Any],
    prefs: Preferences | None,
    *,
    update: PreferencesUpdate | None = None,
    errors: dict[str, str] | None = None,
    saved: bool = False,
    refused: str | None = None,
) -> Template:
    """The form: from the stored preferences, or as posted (with the field at fault)."""
    if prefs is not None:
        quiet = prefs.quiet_hours
        fields = {
            "quiet_start": quiet.start.strftime("%H:%M") if quiet else "",
            "quiet_end": quiet.end.strftime("%H:%M") if quiet else "",
            "time_zone": quiet.time_zone if quiet else "",
            "digest_enabled": prefs.digest_enabled,
            "digest_minutes": prefs.digest_minutes,
        }
        rows = preference_rows(prefs)
    else:
        assert update is not None
        fields = {
            "quiet_start": update.quiet_start or "",
            "quiet_end": update.quiet_end or "",
            "time_zone": update.time_zone or "",
            "digest_enabled": update.digest_enabled,
            "digest_minutes": update.digest_minutes,
        }
        posted = {k: frozenset(v) for k, v in update.channels.items()}
        rows = preference_rows(Preferences("", posted))
    return form_page(
        request,
        "notification_preferences.html",
        title="Notification preferences",
        status_code=422 if refused else 200,
        code=refused or "",
        context={
            "rows": rows,
            "channels": CHANNELS,
            "fields": fields,
            "errors": errors or {},
            "digest_periods": DIGEST_PERIODS,
            "saved": saved,
        },
    )
