"""`/console`: the overview a risk officer opens first (trading state per scope)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from adapters.http.console.pages import page
from adapters.http.security import caller_of, services_of


class OverviewController(Controller):
    """`/console`"""

    path = "/"

    @get("/")
    async def overview(self, request: Request[Any, Any, Any]) -> Template:
        caller = caller_of(request)
        states = await services_of(request).killswitch.status_for(caller.principal)
        return page(request, "overview.html", title="Overview", context={"states": states})
