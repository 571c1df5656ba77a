"""Surveillance alerts (docs/surveillance.md): list, read and review.

Risk officers, admins and viewers read every alert; owners and traders the alerts about
themselves (another owner's answers 404 ALERT_NOT_FOUND); agents 403. Only risk officers and
admins review (PATCH); a viewer's or an owner's PATCH answers 403.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.deps import CallerDep
from adapters.http.paging import Cursor
from adapters.http.security import READERS, require_roles
from adapters.http.surveillance import SurveillanceDep, problems
from adapters.http.surveillance.surveillance_schemas import (
    AlertReviewIn,
    SurveillanceAlertOut,
    SurveillanceAlertPageOut,
)
from application.surveillance.alerts import MAX_PAGE
from domain.surveillance.cases import AlertStatus
from domain.surveillance.detections import AbusePattern, AlertSeverity
from ports.surveillance.surveillance import AlertQuery

_PAGE = "Newest first. Pass `next_cursor` back as `cursor` (422 INVALID_CURSOR for any other text)."
_SCOPE = "Owners and traders: their own alerts only (another's answers 404 ALERT_NOT_FOUND)."


class SurveillanceController(Controller):
    """`/api/v1/surveillance/alerts`: the cases the detectors opened."""

    path = "/surveillance/alerts"
    guards = (require_roles(*READERS),)  # agents 403; a viewer's PATCH 403 (read_only.py)

    @get(
        "/",
        summary="Surveillance alerts, newest first, with filters and a cursor",
        description=f"{_PAGE} {_SCOPE}",
        responses=problems(422, notes={422: "INVALID_CURSOR"}),
    )
    async def list_surveillance_alerts(
        self,
        caller: CallerDep,
        surveillance: SurveillanceDep,
        status: Annotated[AlertStatus | None, QueryParameter()] = None,
        pattern: Annotated[AbusePattern | None, QueryParameter()] = None,
        severity: Annotated[AlertSeverity | None, QueryParameter()] = None,
        symbol: Annotated[str | None, QueryParameter(max_length=64)] = None,
        owner_id: Annotated[str | None, QueryParameter(max_length=128)] = None,
        cursor: Cursor = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> SurveillanceAlertPageOut:
        query = AlertQuery(owner_id, status, pattern, severity, symbol, None, limit)
        page = await surveillance.surveillance.list(caller.principal, query, cursor)
        return SurveillanceAlertPageOut.from_page(page)

    @get(
        "/{alert_id:str}",
        summary="One alert with its evidence",
        description=_SCOPE,
        responses=problems(404, notes={404: "ALERT_NOT_FOUND"}),
    )
    async def get_surveillance_alert(
        self, alert_id: FromPath[str], caller: CallerDep, surveillance: SurveillanceDep
    ) -> SurveillanceAlertOut:
        return SurveillanceAlertOut.from_domain(
            await surveillance.surveillance.get(caller.principal, alert_id)
        )

    @patch(
        "/{alert_id:str}",
        summary="Review an alert: acknowledge it, then close it with a note",
        description=(
            "open -> acknowledged -> closed; closing needs `note`. Risk officers and admins "
            "only (403 for others who see the alert). 422 INVALID_ALERT_CHANGE naming the "
            "field for another transition or a close without a note; 409 CONCURRENT_UPDATE "
            "when `version` is no longer the alert's. A paused agent is resumed through the "
            "kill switch (four eyes), not here."
        ),
        responses=problems(
            404, 409, 422, notes={404: "ALERT_NOT_FOUND", 422: "INVALID_ALERT_CHANGE"}
        ),
    )
    async def review_surveillance_alert(
        self,
        alert_id: FromPath[str],
        data: JSONBody[AlertReviewIn],
        caller: CallerDep,
        surveillance: SurveillanceDep,
    ) -> SurveillanceAlertOut:
        reviewed = await surveillance.surveillance.review(
            caller.principal, alert_id, AlertStatus(data.status), data.note, data.version
        )
        return SurveillanceAlertOut.from_domain(reviewed)


CONTROLLERS = [SurveillanceController]
