"""`/console/rates`: the Treasury curve of a day (a chart of the observed and interpolated
yields, and their table) and the 2s10s and 3m10y inversion periods of the year before it.

The same use cases as GET /api/v1/analytics/rates/curve and /inversions (application/markets/
rates.py RatesService), through the API's DTOs. Market data, nobody's own: any signed-in role
may look, nothing is stored. A day or method the use case refuses is shown beside its field
(422), a day typed without a curve likewise (404); the page opened without a day, when the
source has no curve in the weeks before today, says so and asks for a day (200); a source that
cannot answer is the console's error page (503 RATES_UNAVAILABLE).
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Request, get
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, page
from adapters.http.console.rates_view import METHODS, curve_chart, curve_of, inversions_of
from adapters.http.contexts import bundle_or_not_found
from adapters.http.problems import domain_status
from application.markets.rates import NoCurve
from domain.errors import DomainError

Text = Annotated[str | None, QueryParameter(max_length=32)]
TITLE = "Rates"


def _rates(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "markets", "rates are not served by this instance").rates


class RatesPageController(ConsolePage):
    """`/console/rates`"""

    path = "/rates"

    @get("/")
    async def rates(
        self, request: Request[Any, Any, Any], date: Text = None, method: Text = None
    ) -> Template:
        service = _rates(request)
        form = {"date": (date or "").strip(), "method": (method or "").strip()}
        errors: dict[str, str] = {}
        curve = inversions = chart = notice = None
        status = 200
        try:
            view = await service.curve(form["date"] or None, form["method"] or None, None)
            curve = curve_of(view)
            chart = curve_chart(curve)
            # the use case's default start: a year before the curve's day
            inversions = inversions_of(await service.inversions(None, view.curve.day.isoformat()))
        except NoCurve as exc:
            if form["date"]:
                status, errors["date"] = 404, f"date: {exc.message}"
            else:  # nothing was asked amiss: the source's data ends earlier than today
                notice = f"{exc.message} (the source's data may end earlier): choose a day."
        except DomainError as exc:
            status = domain_status(exc)
            if exc.field is None or status != 422:
                raise
            errors[exc.field] = f"{exc.field}: {exc.message}"
        context = {
            "form": form,
            "errors": errors,
            "methods": METHODS,
            "curve": curve,
            "chart": chart,
            "inversions": inversions,
            "notice": notice,
        }
        return page(request, "rates.html", title=TITLE, status_code=status, context=context)
