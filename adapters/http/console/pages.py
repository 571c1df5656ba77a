"""Rendering console pages: the shared context (who, what they may do, the CSRF token, the nav).

Every page handler returns `page(request, "name.html", ...)`; a request from htmx that names
a fragment gets only that fragment (`fragment(...)`). What a role may do is decided here once
for the templates (buttons shown or hidden) -- the handlers and the use cases refuse anyway.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from litestar import Controller, Request, Response
from litestar.response import Redirect, Template

from adapters.http.console.session import CSRF_FIELD, csrf_token_of, username_of
from adapters.http.security import Caller, caller_of, require_roles
from domain.principals import Role

# Roles that may change things from the console (a read-only role sees but changes nothing).
ACTING_ROLES = frozenset({Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN})
DESK_ROLES = frozenset({Role.RISK_OFFICER, Role.ADMIN})
# Who reads the desk's own pages (streams, alerts): the desk and its read-only observer.
DESK_READERS = DESK_ROLES | {Role.VIEWER}


# Guards for console handlers that change things (the use cases refuse as well).
ACTING = require_roles(*ACTING_ROLES)
DESK = require_roles(*DESK_ROLES)
DESK_READ = require_roles(*DESK_READERS)


class ConsolePage(Controller):
    """A console page's controller: HTML for the browser, left out of the API's OpenAPI document."""

    include_in_schema = False


@dataclass(frozen=True, slots=True)
class NavItem:
    """One entry of the console's navigation; `key` is its keyboard shortcut after `g`."""

    path: str
    label: str
    key: str


@dataclass(frozen=True, slots=True)
class NavGroup:
    """A heading of the menu and its pages."""

    label: str
    items: tuple[NavItem, ...]


# Each page's letter stays its own across the groups (g then the letter; upper case: g then
# Shift and the letter, the lower-case letters being all taken).
NAV_GROUPS: tuple[NavGroup, ...] = (
    NavGroup(
        "Trading and safety",
        (
            NavItem("/console", "Overview", "o"),
            NavItem("/console/kill-switch", "Kill switch", "k"),
            NavItem("/console/drills", "Kill-switch drills", "D"),
            NavItem("/console/events", "Live events", "e"),
            NavItem("/console/accounts", "Accounts", "a"),
            NavItem("/console/connections", "Venue connections", "V"),
            NavItem("/console/books", "Books", "K"),  # b is the backtests'; booK
            NavItem("/console/orders", "Orders", "r"),
            NavItem("/console/held", "Held orders", "H"),
            NavItem("/console/risk", "Risk rules", "u"),
            NavItem("/console/agents", "Agents", "g"),
            NavItem("/console/backtests", "Backtests", "b"),
            NavItem("/console/surveillance", "Surveillance", "w"),
            NavItem("/console/compliance", "Compliance", "I"),  # I for the inventory
            NavItem("/console/compliance/evidence", "Evidence pack", "P"),
            NavItem("/console/form-13f", "Form 13F", "Q"),  # Q for the quarterly report
            NavItem("/console/succession", "Succession", "c"),
        ),
    ),
    NavGroup(
        "Wealth",
        (
            NavItem("/console/wealth", "Wealth", "y"),
            NavItem("/console/portfolios", "Portfolios", "f"),  # p is the providers'
            NavItem("/console/planning", "Planning", "n"),  # p is the providers'
            NavItem("/console/retirement", "Retirement", "R"),
            NavItem("/console/rebalancing", "Rebalancing", "x"),
            NavItem("/console/aggregation", "Outside accounts", "j"),
            NavItem("/console/attribution", "Attribution", "A"),
            NavItem("/console/frontier", "Efficient frontier", "F"),
            NavItem("/console/stress", "Stress", "S"),
            NavItem("/console/simulation", "Simulation", "M"),  # M for Monte Carlo
            NavItem("/console/esg", "ESG", "E"),
            NavItem("/console/giving", "Giving", "G"),
            NavItem("/console/tax-harvesting", "Tax-loss harvesting", "T"),
            NavItem("/console/illiquid-assets", "Illiquid assets", "W"),  # w is surveillance's
        ),
    ),
    NavGroup(
        "Markets",
        (
            NavItem("/console/chart", "Chart", "q"),  # c is the succession's; q for quotes
            NavItem("/console/options", "Options", "t"),  # o is the overview's
            NavItem("/console/fixed-income", "Fixed income", "B"),  # B for bonds
            NavItem("/console/rates", "Rates", "Y"),  # Y for yields
            NavItem("/console/futures", "Futures curves", "U"),  # fUtures
            NavItem("/console/macro", "Macro and insiders", "N"),  # N for the economy's News
            NavItem("/console/crypto", "Crypto", "C"),
            NavItem("/console/signals", "Signals", "i"),
            NavItem("/console/models", "Models", "l"),  # m is the notifications'
            NavItem("/console/fear-greed", "Fear & Greed", "h"),
        ),
    ),
    NavGroup(
        "Admin",
        (
            NavItem("/console/providers", "Providers", "p"),
            NavItem("/console/streams", "Streams", "s"),
            NavItem("/console/notifications", "Notifications", "m"),  # n is the planning's
            NavItem("/console/devices", "Devices", "d"),
            NavItem("/console/vault", "API keys", "v"),
            NavItem("/console/kyc", "KYC documents", "z"),
            NavItem("/console/audit", "Audit log", "L"),  # L for the log
        ),
    ),
)
# Every page of the menu, in its order (the benchmarks and tests walk it).
NAV: tuple[NavItem, ...] = tuple(item for group in NAV_GROUPS for item in group.items)


@dataclass(frozen=True, slots=True)
class Abilities:
    """What the signed-in principal's role may do: the templates show only these controls."""

    act: bool  # place/cancel orders, pull the kill switch in its own scope, check in
    desk: bool  # desk-wide actions: rules, failover, approvals, global scope

    @classmethod
    def of(cls, role: Role) -> Abilities:
        return cls(act=role in ACTING_ROLES, desk=role in DESK_ROLES)


def base_context(request: Request[Any, Any, Any], *, title: str) -> dict[str, Any]:
    caller: Caller | None
    try:
        caller = caller_of(request)
    except Exception:  # the login page: nobody signed in yet
        caller = None
    role = caller.principal.role if caller is not None else None
    return {
        "title": title,
        "path": request.scope["path"],
        "caller": caller,
        "username": username_of(request.scope),
        "role": role.value if role is not None else None,
        "can": Abilities.of(role) if role is not None else Abilities(act=False, desk=False),
        "csrf": csrf_token_of(request.scope),
        "csrf_field": CSRF_FIELD,
        "nav": NAV,
        "nav_groups": NAV_GROUPS,
    }


def page(
    request: Request[Any, Any, Any],
    template: str,
    *,
    title: str,
    status_code: int = 200,
    context: Mapping[str, Any] | None = None,
) -> Template:
    """A whole page (extends base.html)."""
    return Template(
        template_name=template,
        context={**base_context(request, title=title), **(context or {})},
        status_code=status_code,
    )


# How an htmx request learns that its action was refused (see `refusal`).
STATUS_HEADER = "X-Bulwark-Status"
CODE_HEADER = "X-Bulwark-Code"
REFUSED_EVENT = "bulwark:refused"


def fragment(
    request: Request[Any, Any, Any],
    template: str,
    *,
    status_code: int = 200,
    code: str | None = None,
    context: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Template:
    """A part of a page that htmx swaps in (no layout); a 4xx answers as `refusal` says."""
    status_code, sent = refusal(request, status_code, code, headers or {})
    return Template(
        template_name=template,
        context={**base_context(request, title=""), **(context or {})},
        status_code=status_code,
        headers=sent,
    )


def refusal(
    request: Request[Any, Any, Any], status: int, code: str | None, headers: Mapping[str, str]
) -> tuple[int, dict[str, str]]:
    """The console's one rule for a refused action (4xx) asked for by htmx: answer 200 with
    the error fragment, the real status and stable code in `X-Bulwark-Status` and
    `X-Bulwark-Code`, and an `HX-Trigger` event `bulwark:refused` carrying both.

    Why: a refusal (a wrong passcode, a denied order, a rule that does not validate) is an
    expected answer the page shows beside the form, not a failure of the page; Chromium logs
    every 4xx fetch as a console error, which would drown the real ones. Everything else
    keeps its true status: whole pages (a form posted without JavaScript), the API, and 5xx.
    """
    sent = dict(headers)
    if not (is_htmx(request) and 400 <= status < 500):
        return status, sent
    code = code or HTTPStatus(status).name
    sent[STATUS_HEADER] = str(status)
    sent[CODE_HEADER] = code
    sent["HX-Trigger"] = _with_event(
        sent.get("HX-Trigger"), REFUSED_EVENT, {"status": status, "code": code}
    )
    return 200, sent


def _with_event(triggers: str | None, name: str, detail: dict[str, Any]) -> str:
    """An HX-Trigger value with one more event (htmx reads names, or a JSON object)."""
    events: dict[str, Any] = {}
    if triggers:
        try:
            parsed = json.loads(triggers)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            events.update(parsed)
        else:
            events.update({t.strip(): "" for t in triggers.split(",") if t.strip()})
    events[name] = detail
    return json.dumps(events, separators=(",", ":"))


def is_htmx(request: Request[Any, Any, Any]) -> bool:
    return request.headers.get("hx-request") == "true"


def part_or_page(
    request: Request[Any, Any, Any],
    part: str,
    whole: str,
    *,
    title: str,
    status_code: int = 200,
    code: str | None = None,
    context: Mapping[str, Any],
) -> Template:
    """A form's answer: htmx swaps in the `part` alone (a refusal answered as `refusal` says),
    a plain post gets the `whole` page."""
    if is_htmx(request):
        return fragment(request, part, status_code=status_code, code=code, context=context)
    return page(request, whole, title=title, status_code=status_code, context=context)


def see_other(request: Request[Any, Any, Any], to: str) -> Redirect:
    """303 to `to` after a form; htmx follows it as a whole page (HX-Redirect)."""
    response: Redirect = Redirect(to, status_code=303)
    if is_htmx(request):
        response.headers["HX-Redirect"] = to
    return response


def go_to(request: Request[Any, Any, Any], to: str) -> Response[Any]:
    """After a form that leads to another page: a plain post gets a 303 to `to`; htmx a 200
    with `HX-Redirect` (its request would follow a 303 itself, and never see the header)."""
    if is_htmx(request):
        return Response(content=b"", status_code=200, headers={"HX-Redirect": to})
    return Redirect(to, status_code=303)


def form_page(
    request: Request[Any, Any, Any],
    template: str,
    *,
    title: str,
    status_code: int,
    code: str,
    context: Mapping[str, Any] | None = None,
) -> Template:
    """A whole page that shows a form's refusal beside its fields (422 and the field at fault).

    Posted without JavaScript it answers with its real status; posted by htmx (`hx-post` with
    `hx-select` picking the part to swap) it answers as `refusal` says, so the browser logs no
    error for an expected answer.
    """
    status_code, sent = refusal(request, status_code, code, {})
    return Template(
        template_name=template,
        context={**base_context(request, title=title), **(context or {})},
        status_code=status_code,
        headers=sent,
    )
