"""Browser notifications from the console: the VAPID public key and the registration of the
browser's push subscription (a Web Push endpoint of the signed-in user).

The service worker (static/push-sw.js) and the script that registers it (static/push.js)
are plain files under /console/static: the console's CSP (`script-src 'self'`, which also
governs workers) allows them, and nothing inline is needed.
"""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.exceptions import NotFoundException
from litestar.params import JSONBody

from adapters.http.contexts import bundle_of
from adapters.http.notifications.notification_endpoints_schemas import PushSubscriptionIn
from adapters.http.security import caller_of
from application.notifications.endpoints import CreateEndpoint
from ports.notifications.notifications import Channel

MAX_LABEL = 100


class PushKeyOut(msgspec.Struct):
    public_key: str


class PushRegistered(msgspec.Struct):
    id: str
    address: str


class PushSubscriptionForm(msgspec.Struct, forbid_unknown_fields=True):
    subscription: PushSubscriptionIn
    label: str = "Browser"


class ConsolePushController(Controller):
    """`/console/push`: what the console's push script calls (cookie session and CSRF)."""

    path = "/push"

    @get("/key")
    async def key(self, request: Request[Any, Any, Any]) -> PushKeyOut:
        """The VAPID public key to subscribe with; 409 CAPABILITY_NOT_CONFIGURED naming the
        VAPID settings when Web Push is not configured."""
        caller_of(request)
        services = bundle_of(request, "notifications")
        if services is None:
            raise NotFoundException("notifications are not served here")
        services.endpoints.ensure_channel_configured(Channel.WEB_PUSH)
        key = services.web_push_key
        if not key:  # the settings hold the private and public key together
            raise NotFoundException("Web Push is not configured on this server")
        return PushKeyOut(public_key=key)

    @post("/subscriptions", status_code=201)
    async def subscribe(
        self, request: Request[Any, Any, Any], data: JSONBody[PushSubscriptionForm]
    ) -> PushRegistered:
        """Registers this browser as a Web Push endpoint of the signed-in user."""
        caller = caller_of(request)
        services = bundle_of(request, "notifications")
        if services is None:
            raise NotFoundException("notifications are not served here")
        given = data.subscription
        command = CreateEndpoint(
            channel=Channel.WEB_PUSH,
            label=(data.label.strip() or "Browser")[:MAX_LABEL],
            subscription={
                "endpoint": given.endpoint,
                "keys": {"p256dh": given.keys.p256dh, "auth": given.keys.auth},
            },
        )
        view = await services.endpoints.create(caller.principal, command)
        return PushRegistered(id=view.id, address=view.address)
