"""`/console/succession`: the owner's dead man's switch: where it stands, and CHECK-IN.

SuccessionService is the owner's own (as /api/v1/succession, owners only): the page shows the
status (last check-in, deadline, grace, next reminder), the successors (beneficiaries), and a
check-in button; an owner not enrolled yet can enrol with the default reminders. Other roles
have no succession of their own: the page says so.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Redirect, Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import fragment, is_htmx, page, see_other
from adapters.http.safety import safety_of
from adapters.http.security import caller_of, require_roles
from application.safety.succession import SetSuccessionPolicy, SuccessionView
from domain.errors import NotFound
from domain.principals import Principal, Role
from domain.succession import SuccessionPolicy
from domain.succession.policy import DEFAULT_REMINDER_SCHEDULE

OWNERS = require_roles(Role.OWNER)


async def _standing(
    request: Request[Any, Any, Any], principal: Principal
) -> tuple[SuccessionView | None, list[Any]]:
    """The status (None when not enrolled) and the beneficiaries."""
    safety = safety_of(request)
    try:
        view = await safety.succession.status(principal)
    except NotFound:
        view = None
    return view, await safety.succession.beneficiaries(principal)


def _days(form: Any, name: str, low: int, high: int) -> int:
    raw = str(form.get(name, "")).strip()
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise InvalidForm(name, f"a whole number of days from {low} to {high}")
    return int(raw)


class SuccessionDeskController(Controller):
    """`/console/succession`"""

    path = "/succession"

    @get("/")
    async def succession(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        context: dict[str, Any] = {"owner": caller.principal.role is Role.OWNER}
        if context["owner"]:
            context["view"], context["beneficiaries"] = await _standing(request, caller.principal)
        return page(request, "succession.html", title="Succession", context=context)

    @post("/check-in", guards=[OWNERS], status_code=200)
    async def check_in(self, request: Request[Any, Any, Any]) -> Template | Redirect:
        caller = caller_of(request)
        view = await safety_of(request).succession.check_in(caller.principal)
        if not is_htmx(request):
            return Redirect("/console/succession", status_code=303)
        return fragment(
            request, "partials/succession_status.html", context={"view": view, "checked_in": True}
        )

    @post("/enrol", guards=[OWNERS], status_code=200)
    async def enrol(self, request: Request[Any, Any, Any]) -> Redirect:
        caller = caller_of(request)
        form = await request.form()
        interval = timedelta(days=_days(form, "check_in_days", 2, 365))
        policy = SuccessionPolicy(
            owner_id=caller.principal.id,
            check_in_interval=interval,
            grace_period=timedelta(days=_days(form, "grace_days", 1, 90)),
            reminder_schedule=tuple(d for d in DEFAULT_REMINDER_SCHEDULE if d < interval),
            liquidate=form.get("liquidate") == "on",
        )
        await safety_of(request).succession.set_policy(
            SetSuccessionPolicy(caller.principal, policy)
        )
        return see_other(request, "/console/succession")
