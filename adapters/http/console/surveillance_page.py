"""`/console/surveillance`: the market-abuse alerts the detectors opened, with filters and a
cursor, and one alert's case: its timeline, evidence and review.

The same use cases as `/api/v1/surveillance/alerts` (application/surveillance/alerts.py
SurveillanceService) with the signed-in principal: risk officers, admins and the viewer read
every alert, owners and traders only the alerts about themselves (another's answers 404
ALERT_NOT_FOUND). Only risk officers and admins review (acknowledge, then close with a note);
the viewer and owners see no review form and their posts answer 403.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Request, get, post
from litestar.params import FromPath, QueryParameter
from litestar.response import Redirect, Template

from adapters.http.console.pages import DESK, ConsolePage, form_page, page, see_other
from adapters.http.contexts import bundle_or_not_found
from adapters.http.paging import Cursor
from adapters.http.security import caller_of
from application.surveillance.alerts import SurveillanceService
from domain.surveillance.cases import Alert, AlertStatus, InvalidAlertChange
from domain.surveillance.detections import AbusePattern, AlertSeverity
from ports.surveillance.surveillance import AlertQuery

SURVEILLANCE = "/console/surveillance"
PAGE = 50
Text = Annotated[str | None, QueryParameter(max_length=64)]


def _service(request: Request[Any, Any, Any]) -> SurveillanceService:
    found: SurveillanceService = bundle_or_not_found(
        request, "surveillance", "surveillance is not served here"
    ).surveillance
    return found


def _choice(enum: Any, raw: str | None) -> Any:
    """A filter's value, or None for "any" (an unknown value is "any" too)."""
    try:
        return enum(raw) if raw else None
    except ValueError:
        return None


def timeline(alert: Alert) -> list[tuple[datetime, str]]:
    """The case's steps in time order: the behaviour began, was detected, the alert opened,
    the desk acknowledged it, closed it."""
    steps = [
        (alert.detection.started_at, "Behaviour began"),
        (alert.detection.detected_at, "Detected"),
        (alert.created_at, "Alert opened"),
    ]
    if alert.acknowledged_at is not None:
        steps.append((alert.acknowledged_at, f"Acknowledged by {alert.acknowledged_by}"))
    if alert.closed_at is not None:
        steps.append((alert.closed_at, f"Closed by {alert.closed_by}"))
    return sorted(steps, key=lambda s: s[0])


class SurveillancePageController(ConsolePage):
    """`/console/surveillance` and `/console/surveillance/{alert_id}`"""

    path = "/surveillance"

    @get("/")
    async def alerts(
        self,
        request: Request[Any, Any, Any],
        status: Text = None,
        pattern: Text = None,
        severity: Text = None,
        symbol: Text = None,
        cursor: Cursor = None,
    ) -> Template:
        chosen = {
            "status": _choice(AlertStatus, status),
            "pattern": _choice(AbusePattern, pattern),
            "severity": _choice(AlertSeverity, severity),
        }
        wanted = (symbol or "").strip().upper() or None
        query = AlertQuery(
            None, chosen["status"], chosen["pattern"], chosen["severity"], wanted, None, PAGE
        )
        found = await _service(request).list(caller_of(request).principal, query, cursor)
        filters = {k: v.value for k, v in chosen.items() if v is not None}
        if wanted:
            filters["symbol"] = wanted
        more = None
        if found.next_cursor:
            more = SURVEILLANCE + "?" + urlencode({**filters, "cursor": found.next_cursor})
        return page(
            request,
            "surveillance.html",
            title="Surveillance",
            context={
                "alerts": found.items,
                "filters": filters,
                "statuses": list(AlertStatus),
                "patterns": list(AbusePattern),
                "severities": list(AlertSeverity),
                "more": more,
                "first_page": cursor is None,
            },
        )

    @get("/{alert_id:str}")
    async def alert(self, request: Request[Any, Any, Any], alert_id: FromPath[str]) -> Template:
        found = await _service(request).get(caller_of(request).principal, alert_id)
        return _case_page(request, found)

    @post("/{alert_id:str}/review", guards=[DESK], status_code=303)
    async def review(
        self, request: Request[Any, Any, Any], alert_id: FromPath[str]
    ) -> Redirect | Template:
        caller = caller_of(request)
        form = await request.form()
        service = _service(request)
        to = _choice(AlertStatus, str(form.get("status", "")))
        version = str(form.get("version", ""))
        try:
            if to is None:
                raise InvalidAlertChange("choose acknowledged or closed", field="status")
            await service.review(
                caller.principal,
                alert_id,
                to,
                str(form.get("note", "")),
                int(version) if version.isdigit() else None,
            )
        except InvalidAlertChange as refused:
            found = await service.get(caller.principal, alert_id)
            return _case_page(request, found, error=refused.message, code=refused.code)
        return see_other(request, f"{SURVEILLANCE}/{alert_id}")


def _case_page(
    request: Request[Any, Any, Any], alert: Alert, *, error: str | None = None, code: str = ""
) -> Template:
    return form_page(
        request,
        "surveillance_case.html",
        title=f"Alert {alert.id}",
        status_code=422 if error else 200,
        code=code,
        context={"alert": alert, "d": alert.detection, "timeline": timeline(alert), "error": error},
    )
