"""Where your notifications go: register webhook, Slack and Telegram endpoints, test them."""

from __future__ import annotations

from typing import Any

from litestar import Controller, delete, get, patch, post
from litestar.params import FromPath, JSONBody

from adapters.http.deps import CallerDep
from adapters.http.notifications import NotificationsDep, problems
from adapters.http.notifications.notification_endpoints_schemas import (
    EndpointIn,
    EndpointListOut,
    EndpointOut,
    EndpointPatchIn,
    TestOutcomeOut,
)
from adapters.http.problems import NOT_CONFIGURED
from adapters.http.security import READERS, require_roles

_OWNER_ONLY = "Your own endpoints only: 404 NOT_FOUND for another user's."
_URL_CODES = (
    "422 INVALID_ENDPOINT names the field; 422 URL_NOT_HTTPS (http outside dev/test), "
    "URL_PRIVATE_ADDRESS (the host is, or resolves to, a loopback, private, link-local or "
    "multicast address), URL_UNRESOLVABLE, URL_INVALID for a `url` Bulwark may not call"
)


class NotificationEndpointController(Controller):
    """`/api/v1/notifications/endpoints`: each user's own destinations."""

    path = "/notifications/endpoints"
    guards = (require_roles(*READERS),)  # a viewer's changes: 403 (read_only.py)

    @post(
        "/",
        summary="Register a webhook, Slack or Telegram endpoint",
        description=(
            "`webhook`: `url` (https); the answer holds `secret`, the HMAC-SHA256 signing "
            "secret of the `Bulwark-Signature` header, shown this once. `slack`: `url`, the "
            "incoming-webhook URL (a secret: masked in every answer). `telegram`: `chat_id` "
            "and `bot_token` (masked). " + _URL_CODES + "; 409 TOO_MANY_ENDPOINTS; 409 "
            "ENDPOINT_KEY_EPHEMERAL when no key-encryption key is configured on a durable "
            "store (the secret would be unreadable after a restart); 409 "
            "CAPABILITY_NOT_CONFIGURED for an `sms` or `web_push` endpoint where this instance "
            "has no Twilio account or VAPID keys (`settings` names them)."
        ),
        status_code=201,
        responses=problems(
            400, 409, 422, 429,
            notes={
                409: "TOO_MANY_ENDPOINTS, ENDPOINT_KEY_EPHEMERAL or " + NOT_CONFIGURED,
                422: "INVALID_ENDPOINT or URL_NOT_HTTPS / URL_PRIVATE_ADDRESS / ...",
            },
        ),
    )  # fmt: skip
    async def create_notification_endpoint(
        self, data: JSONBody[EndpointIn], caller: CallerDep, notifications: NotificationsDep
    ) -> EndpointOut:
        view = await notifications.endpoints.create(caller.principal, data.to_command())
        return EndpointOut.from_domain(view)

    @get(
        "/",
        summary="Your notification endpoints, oldest first (secrets masked)",
        responses=problems(429),
    )
    async def list_notification_endpoints(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> EndpointListOut:
        views = await notifications.endpoints.list_for(caller.principal)
        return EndpointListOut.of(views)

    @get(
        "/{endpoint_id:str}",
        summary="One of your notification endpoints (secrets masked)",
        description=_OWNER_ONLY,
        responses=problems(404, 429),
    )
    async def get_notification_endpoint(
        self, endpoint_id: FromPath[str], caller: CallerDep, notifications: NotificationsDep
    ) -> EndpointOut:
        return EndpointOut.from_domain(
            await notifications.endpoints.get(caller.principal, endpoint_id)
        )

    @patch(
        "/{endpoint_id:str}",
        summary="Rename, enable or disable an endpoint",
        description=f"Omitted fields stay as they are. {_OWNER_ONLY}",
        responses=problems(400, 404, 422, 429),
    )
    async def update_notification_endpoint(
        self,
        endpoint_id: FromPath[str],
        data: JSONBody[EndpointPatchIn],
        caller: CallerDep,
        notifications: NotificationsDep,
    ) -> EndpointOut:
        view = await notifications.endpoints.update(
            caller.principal, endpoint_id, label=data.label, enabled=data.enabled
        )
        return EndpointOut.from_domain(view)

    @delete(
        "/{endpoint_id:str}",
        summary="Remove an endpoint (nothing more is sent to it)",
        description=f"204. {_OWNER_ONLY}",
        status_code=204,
        responses=problems(404, 429),
    )
    async def delete_notification_endpoint(
        self, endpoint_id: FromPath[str], caller: CallerDep, notifications: NotificationsDep
    ) -> None:
        await notifications.endpoints.remove(caller.principal, endpoint_id)

    @post(
        "/{endpoint_id:str}/rotate-secret",
        summary="Replace a webhook's signing secret (shown this once)",
        description=(
            "The old secret stops verifying at once: update your receiver with `secret` from "
            "this answer. 409 NO_SIGNING_SECRET for a Slack or Telegram endpoint (register it "
            f"again to change its URL or token). {_OWNER_ONLY}"
        ),
        status_code=200,
        responses=problems(404, 409, 429),
    )
    async def rotate_endpoint_secret(
        self, endpoint_id: FromPath[str], caller: CallerDep, notifications: NotificationsDep
    ) -> EndpointOut:
        view = await notifications.endpoints.rotate_secret(caller.principal, endpoint_id)
        return EndpointOut.from_domain(view)

    @post(
        "/{endpoint_id:str}/test",
        summary="Send a test message to the endpoint now",
        description=(
            "Sends one `notification.test` message through the channel's sender at once (not "
            "through the outbox, no retries) and answers 200 with the outcome: `delivered`, "
            "or `reason` and whether a retry could help. Disabled endpoints can be tested. "
            "409 CAPABILITY_NOT_CONFIGURED for a channel this instance cannot send on. "
            + _OWNER_ONLY
        ),
        status_code=200,
        responses=problems(404, 409, 429, notes={409: NOT_CONFIGURED}),
    )
    async def test_notification_endpoint(
        self, endpoint_id: FromPath[str], caller: CallerDep, notifications: NotificationsDep
    ) -> TestOutcomeOut:
        outcome = await notifications.endpoints.test(caller.principal, endpoint_id)
        return TestOutcomeOut.from_domain(outcome)


CONTROLLERS: list[Any] = [NotificationEndpointController]
