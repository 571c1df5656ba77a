"""`/console`: the overview a risk officer opens first.

Trading state per scope, open orders, P&L and margin per account, and the alerts (halted
scopes, margin warnings, and for the desk the market-data providers and Kafka streams).
The body is a fragment (`/console/overview`) that htmx polls every 5 s and that
static/overview.js reloads at once on kill_switch and margin events.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from adapters.http.console.overview_view import OverviewSources, gather
from adapters.http.console.pages import DESK_READERS, fragment, page
from adapters.http.contexts import bundle_of
from adapters.http.core import core_of
from adapters.http.safety import safety_of
from adapters.http.security import caller_of
from adapters.http.trading import trading_of
from domain.principals import Role


def sees_desk(role: Role) -> bool:
    """The desk's own matters (providers, streams): risk officers, admins, a read-only viewer."""
    return role in DESK_READERS


async def _context(request: Request[Any, Any, Any]) -> dict[str, Any]:
    caller = caller_of(request)
    desk = sees_desk(caller.principal.role)
    market_data = bundle_of(request, "market_data")
    sources = OverviewSources(
        trading_of(request),
        safety_of(request),
        core_of(request),
        None if market_data is None else market_data.providers,
    )
    return {"ov": await gather(sources, caller.principal, desk), "desk": desk}


class OverviewController(Controller):
    """`/console` and its polled body `/console/overview`"""

    path = "/"

    @get("/")
    async def overview(self, request: Request[Any, Any, Any]) -> Template:
        return page(request, "overview.html", title="Overview", context=await _context(request))

    @get("/overview")
    async def body(self, request: Request[Any, Any, Any]) -> Template:
        return fragment(request, "partials/overview_body.html", context=await _context(request))
