"""`/console/macro`: the macro dashboard of a day (inflation, unemployment, growth, rates, the
Sahm rule) and the net insider buying per symbol over a window (Form 4).

The same use cases as GET /api/v1/analytics/macro/dashboard and /api/v1/analytics/insiders
(application/markets/macro.py MacroService.dashboard, insiders.py InsiderService.net_buying),
answered through the API's DTOs, so every figure is the string the API answers. Market data,
nobody's own: any signed-in role may look, nothing is stored. A day, window or symbol list the
use cases refuse is shown beside its field (422); a source that cannot answer is the console's
error page (503).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, get
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.markets.markets_schemas import MacroDashboardOut, NetInsiderBuyingOut
from adapters.http.problems import domain_status
from domain.errors import DomainError

Day = Annotated[str | None, QueryParameter(max_length=32)]
Symbols = Annotated[str | None, QueryParameter(max_length=600)]
TITLE = "Macro and insiders"
# The form's field beside which a refusal of the insiders' `start`/`end` is shown.
INSIDER_FIELDS = {"start": "start", "end": "end", "symbols": "symbols", "date": "end"}


def _markets(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "markets", "market data is not served by this instance")


def _wire(value: Any) -> dict[str, Any]:
    found: dict[str, Any] = msgspec.to_builtins(value)
    return found


def _refused(exc: DomainError, errors: dict[str, str], fields: dict[str, str]) -> int:
    status = domain_status(exc)
    if exc.field is None or status != 422:
        raise exc
    name = fields.get(exc.field, exc.field)
    errors[name] = f"{name}: {exc.message}"
    return status


class MacroPageController(ConsolePage):
    """`/console/macro`"""

    path = "/macro"

    @get("/")
    async def macro(
        self,
        request: Request[Any, Any, Any],
        date: Day = None,
        start: Day = None,
        end: Day = None,
        symbols: Symbols = None,
    ) -> Template:
        markets = _markets(request)
        form = {
            "date": (date or "").strip(),
            "start": (start or "").strip(),
            "end": (end or "").strip(),
            "symbols": (symbols or "").strip(),
        }
        errors: dict[str, str] = {}
        dashboard = insiders = None
        status = 200
        try:
            dashboard = _wire(
                MacroDashboardOut.from_view(await markets.macro.dashboard(form["date"] or None))
            )
        except DomainError as exc:
            status = _refused(exc, errors, {"date": "date"})
        try:
            view = await markets.insiders.net_buying(
                form["start"] or None, form["end"] or None, form["symbols"] or None
            )
            insiders = _wire(NetInsiderBuyingOut.from_view(view))
        except DomainError as exc:
            status = _refused(exc, errors, INSIDER_FIELDS)
        context = {"form": form, "errors": errors, "dashboard": dashboard, "insiders": insiders}
        return page(request, "macro.html", title=TITLE, status_code=status, context=context)
