"""`/console/kill-switch`: pull the switch (with a confirmation step), watch the sequence,
resume with four-eyes, and read the recent activations.

Every action is the API's own use case (KillSwitchService.activate / resume) with the same
passcode, lockout, scope rules and four-eyes approval: a second person with the risk-officer
role names themselves and types their own passcode, exactly as POST /api/v1/kill-switch/resume
takes `approver_username` and `approver_passcode`. The page only adds the confirmation step:
the activation form posts `confirmed=yes` from the step that showed how many open orders
will be cancelled, and anything without it is refused (CONFIRMATION_REQUIRED).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, Request, get, post
from litestar.response import Template

from adapters.http.console.forms import FORM
from adapters.http.console.killswitch_view import (
    ConfirmationRequired,
    parse_scope,
    phases,
    preview,
    resumable,
    scope_label,
    scope_options,
)
from adapters.http.console.pages import ACTING, Abilities, fragment, is_htmx, page
from adapters.http.contexts import bundle_of
from adapters.http.observability import arrived_at
from adapters.http.safety import safety_of
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from application.safety.killswitch import ActivateKillSwitch, ResumeTrading
from domain.killswitch.state import TradingState
from domain.killswitch.switch import KillSwitchEvent

Text = Annotated[str, msgspec.Meta(max_length=500)]
Secret = Annotated[str, msgspec.Meta(max_length=256)]
Name = Annotated[str, msgspec.Meta(max_length=128)]
HISTORY = 20
# Tells the page's fragments (state, history) to reload after a change.
REFRESH = {"HX-Trigger": "ks-refresh"}


class ReviewForm(msgspec.Struct):
    """The halt as first asked for (the confirmation step shows what it would cancel)."""

    scope: Name = ""
    reason: Text = ""
    flatten: str = ""


class ActivateForm(ReviewForm):
    """The same halt, sent from the confirmation step with the passcode."""

    passcode: Secret = ""
    confirmed: str = ""


class ResumeForm(msgspec.Struct):
    scope: Name = ""
    passcode: Secret = ""
    approver_username: Name = ""
    approver_passcode: Secret = ""
    to_state: str = "active"


class KillSwitchPageController(Controller):
    """`/console/kill-switch`"""

    path = "/kill-switch"

    @get("/")
    async def show(self, request: Request[Any, Any, Any]) -> Template:
        return await _whole(request)

    @get("/state")
    async def state(self, request: Request[Any, Any, Any]) -> Template:
        """The states (polled, and reloaded on kill_switch events)."""
        return fragment(request, "partials/killswitch_state.html", context=await _states(request))

    @get("/resume-form")
    async def resume_form(self, request: Request[Any, Any, Any]) -> Template:
        """The resume form (reloaded on kill_switch events only: never under a typing hand)."""
        return fragment(request, "partials/killswitch_resume.html", context=await _states(request))

    @get("/history")
    async def history(self, request: Request[Any, Any, Any]) -> Template:
        return fragment(
            request, "partials/killswitch_history.html", context=await _history(request)
        )

    @post("/review", guards=[ACTING], status_code=200)
    async def review(
        self, request: Request[Any, Any, Any], data: Annotated[ReviewForm, FORM]
    ) -> Template:
        """The confirmation step: what the halt would cancel, and the passcode to send it."""
        caller = caller_of(request)
        desk = Abilities.of(caller.principal.role).desk
        scope = parse_scope(data.scope)
        books = bundle_of(request, "books")
        halt = await preview(trading_of(request), caller.principal, scope, desk, books)
        context = {
            "halt": halt,
            "scope_label": scope_label(scope),
            "reason": data.reason,
            "flatten": bool(data.flatten),
        }
        if is_htmx(request):
            return fragment(request, "partials/killswitch_confirm.html", context=context)
        return await _whole(request, step="partials/killswitch_confirm.html", extra=context)

    @post("/activate", guards=[ACTING], status_code=201)
    async def activate(
        self, request: Request[Any, Any, Any], data: Annotated[ActivateForm, FORM]
    ) -> Template:
        if data.confirmed != "yes":
            raise ConfirmationRequired("confirm the halt on its confirmation step first")
        caller = caller_of(request)
        command = ActivateKillSwitch(
            principal=caller.principal,
            passcode=data.passcode,
            scope=parse_scope(data.scope),
            flatten=bool(data.flatten),
            reason=data.reason.strip() or "manual activation (console)",
            received_at=arrived_at(request.scope),
        )
        event = await safety_of(request).killswitch.activate(command)
        context = _sequence(event)
        if is_htmx(request):
            return fragment(
                request,
                "partials/killswitch_sequence.html",
                status_code=201,
                context=context,
                headers=REFRESH,
            )
        return await _whole(
            request, step="partials/killswitch_sequence.html", extra=context, status_code=201
        )

    @post("/resume", guards=[ACTING], status_code=200)
    async def resume(
        self, request: Request[Any, Any, Any], data: Annotated[ResumeForm, FORM]
    ) -> Template:
        caller = caller_of(request)
        to_state = TradingState.REDUCING if data.to_state == "reducing" else TradingState.ACTIVE
        state = await safety_of(request).killswitch.resume(
            ResumeTrading(
                principal=caller.principal,
                passcode=data.passcode,
                scope=parse_scope(data.scope),
                to_state=to_state,
                approver_username=data.approver_username.strip() or None,
                approver_passcode=data.approver_passcode or None,
            )
        )
        context = {"resumed": state}
        if is_htmx(request):
            return fragment(
                request, "partials/killswitch_resumed.html", context=context, headers=REFRESH
            )
        return await _whole(request, step="partials/killswitch_resumed.html", extra=context)


async def _states(request: Request[Any, Any, Any]) -> dict[str, Any]:
    caller = caller_of(request)
    safety = safety_of(request)
    states = await safety.killswitch.status_for(caller.principal)
    return {
        "states": states,
        "resumable": resumable(states),
        "four_eyes": safety.killswitch.config.four_eyes,
    }


async def _history(request: Request[Any, Any, Any]) -> dict[str, Any]:
    caller = caller_of(request)
    events = await safety_of(request).killswitch.events_for(caller.principal, HISTORY)
    return {"events": events}


def _sequence(event: KillSwitchEvent) -> dict[str, Any]:
    return {"event": event, "phases": phases(event), "scope_label": scope_label(event.scope)}


async def _whole(
    request: Request[Any, Any, Any],
    *,
    step: str | None = None,
    extra: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Template:
    """The whole page; `step` (the confirmation or the sequence) fills the action panel."""
    caller = caller_of(request)
    trading = trading_of(request)
    abilities = Abilities.of(caller.principal.role)
    options = (
        await scope_options(trading, caller.principal, abilities.desk, bundle_of(request, "books"))
        if abilities.act
        else []
    )
    context = {
        **await _states(request),
        **await _history(request),
        "options": options,
        "step": step,
        **(extra or {}),
    }
    return page(
        request, "killswitch.html", title="Kill switch", status_code=status_code, context=context
    )
