"""`/console/providers`: the market-data feed's providers, breakers, latency, manual failover.

The report is ProviderService.report() (the API's GET /providers); failover is its
`failover` with a FailoverCommand, as POST /providers/failover does: risk officers and
admins only (the DESK guard, and the service refuses anyone else anyway), audited there.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import DESK, fragment, page
from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of
from application.market_data.providers import FailoverCommand, ProviderReport, ProviderService
from domain.errors import NotFound


def _feed(request: Request[Any, Any, Any]) -> ProviderService:
    market_data = bundle_of(request, "market_data")
    providers: ProviderService | None = None if market_data is None else market_data.providers
    if providers is None:
        raise NotFound("market-data providers are not served by this instance")
    return providers


def staleness_s(report: ProviderReport) -> float | None:
    """Seconds since the newest quote the pump copied (None: no pump, or nothing yet)."""
    if report.pump is None or not report.pump.last_quote_at:
        return None
    newest = max(report.pump.last_quote_at.values())
    return max(0.0, (report.at - newest).total_seconds())


def _context(report: ProviderReport, **extra: Any) -> dict[str, Any]:
    return {"report": report, "staleness": staleness_s(report), **extra}


class ProvidersDeskController(Controller):
    """`/console/providers`"""

    path = "/providers"

    @get("/")
    async def providers(self, request: Request[Any, Any, Any]) -> Template:
        report = _feed(request).report()
        return page(request, "providers.html", title="Providers", context=_context(report))

    @get("/table")
    async def table(self, request: Request[Any, Any, Any]) -> Template:
        report = _feed(request).report()
        return fragment(request, "partials/providers_table.html", context=_context(report))

    @post("/failover", guards=[DESK], status_code=200)
    async def failover(self, request: Request[Any, Any, Any]) -> Template:
        """`mode`: `away` (force the active provider's breaker open), `pin` (with `to`), or
        `restore` (drop pins and forced breakers)."""
        form = await request.form()
        mode = str(form.get("mode", ""))
        to = str(form.get("to", "")).strip() or None
        if mode not in {"away", "pin", "restore"} or (mode == "pin" and to is None):
            raise InvalidForm("mode", "away, pin (with a provider) or restore")
        feed = _feed(request)
        command = FailoverCommand(
            caller_of(request).principal,
            to=to if mode == "pin" else None,
            restore=mode == "restore",
        )
        result = await feed.failover(command)
        return fragment(
            request,
            "partials/providers_table.html",
            context=_context(feed.report(), result=result, mode=mode),
        )
