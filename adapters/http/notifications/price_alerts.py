"""Price alerts under `/api/v1/price-alerts`: the caller's own, delivered as "price.alert"
notifications through the notification center (its channels, quiet hours, rate limits)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, delete, get, patch, post
from litestar.params import JSONBody, PathParameter

from adapters.http.deps import CallerDep
from adapters.http.notifications import NotificationsDep
from adapters.http.notifications.price_alerts_schemas import (
    PriceAlertIn,
    PriceAlertListOut,
    PriceAlertNoteIn,
    PriceAlertOut,
)
from adapters.http.problems import problem_responses
from adapters.http.security import reject_agents

AlertId = Annotated[str, PathParameter(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class PriceAlertController(Controller):
    """A person's price alerts; agents get 403; another user's id answers 404."""

    path = "/price-alerts"
    guards = (reject_agents,)

    @post(
        "/",
        summary="Set a price alert on a symbol",
        description=(
            "Fires on a crossing of the threshold by the quotes this instance follows, "
            "never on a level (docs/notifications.md). 422 INVALID_PRICE_ALERT names the "
            "field; 409 TOO_MANY_PRICE_ALERTS past the per-user limit."
        ),
        status_code=201,
        responses=problem_responses(
            400, 401, 403, 409, 422, 429,
            notes={409: "TOO_MANY_PRICE_ALERTS", 422: "INVALID_PRICE_ALERT"},
        ),
    )  # fmt: skip
    async def create_price_alert(
        self, data: JSONBody[PriceAlertIn], caller: CallerDep, notifications: NotificationsDep
    ) -> PriceAlertOut:
        created = await notifications.price_alerts.create(caller.principal, data.to_command())
        return PriceAlertOut.from_domain(created)

    @get(
        "/",
        summary="The caller's price alerts, oldest first",
        responses=problem_responses(401, 403, 429),
    )
    async def list_price_alerts(
        self, caller: CallerDep, notifications: NotificationsDep
    ) -> PriceAlertListOut:
        found = await notifications.price_alerts.list_for(caller.principal)
        return PriceAlertListOut.of(found)

    @get(
        "/{alert_id:str}",
        summary="One of the caller's price alerts",
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def get_price_alert(
        self, alert_id: AlertId, caller: CallerDep, notifications: NotificationsDep
    ) -> PriceAlertOut:
        found = await notifications.price_alerts.get(caller.principal, alert_id)
        return PriceAlertOut.from_domain(found)

    @patch(
        "/{alert_id:str}",
        summary="Change a price alert's note",
        description="To change a threshold, delete the alert and set a new one.",
        responses=problem_responses(400, 401, 403, 404, 422, 429),
    )
    async def set_price_alert_note(
        self,
        alert_id: AlertId,
        data: JSONBody[PriceAlertNoteIn],
        caller: CallerDep,
        notifications: NotificationsDep,
    ) -> PriceAlertOut:
        changed = await notifications.price_alerts.set_note(caller.principal, alert_id, data.note)
        return PriceAlertOut.from_domain(changed)

    @delete(
        "/{alert_id:str}",
        summary="Delete one of the caller's price alerts",
        status_code=204,
        responses=problem_responses(400, 401, 403, 404, 429),
    )
    async def delete_price_alert(
        self, alert_id: AlertId, caller: CallerDep, notifications: NotificationsDep
    ) -> None:
        await notifications.price_alerts.delete(caller.principal, alert_id)


CONTROLLERS: list[Any] = [PriceAlertController]
