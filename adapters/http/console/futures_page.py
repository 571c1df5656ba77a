"""`/console/futures`: a futures product's term structure on a day: its settlements against
time to expiry as a chart, the shape (contango, backwardation), the calendar spreads and roll
yields as a table.

The same use cases as GET /api/v1/analytics/futures/contracts and /{root}/curve (application/
markets/futures.py FuturesService), through the API's DTOs. Market data, nobody's own: any
signed-in role may look, nothing is stored. A root or day the use case refuses is shown beside
its field (404 UNKNOWN_CONTRACT or NO_SETTLEMENTS, 422); opened without a day when the source
has no settlements in the weeks before today, the page says so and asks for a day (200); a
source that cannot answer is the console's error page (503).
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, get
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.console.futures_view import contracts_of, curve_chart, structure_of
from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.problems import domain_status
from application.markets.futures import NoSettlements
from domain.errors import DomainError

Text = Annotated[str | None, QueryParameter(max_length=32)]
TITLE = "Futures curves"


def _futures(request: Request[Any, Any, Any]) -> Any:
    markets = bundle_or_not_found(request, "markets", "futures are not served by this instance")
    return markets.futures


class FuturesPageController(ConsolePage):
    """`/console/futures`"""

    path = "/futures"

    @get("/")
    async def futures(
        self, request: Request[Any, Any, Any], root: Text = None, date: Text = None
    ) -> Template:
        service = _futures(request)
        contracts = contracts_of(await service.contracts())
        default = contracts[0]["root"] if contracts else ""
        form = {"root": (root or default).strip().upper(), "date": (date or "").strip()}
        errors: dict[str, str] = {}
        structure = chart = notice = None
        status = 200
        if form["root"]:
            try:
                structure = structure_of(await service.curve(form["root"], form["date"] or None))
                chart = curve_chart(structure)
            except NoSettlements as exc:
                if form["date"]:
                    status, errors["date"] = 404, f"date: {exc.message}"
                else:  # nothing was asked amiss: the source's data ends earlier than today
                    notice = f"{exc.message} (the source's data may end earlier): choose a day."
            except DomainError as exc:
                status = domain_status(exc)
                if exc.field is None or status not in (404, 422):
                    raise
                errors[exc.field] = f"{exc.field}: {exc.message}"
        context = {
            "form": form,
            "errors": errors,
            "contracts": contracts,
            "structure": structure,
            "chart": chart,
            "notice": notice,
        }
        return page(request, "futures.html", title=TITLE, status_code=status, context=context)
