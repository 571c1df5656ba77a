"""`/console/attribution`: Brinson-Fachler attribution of one of your stored portfolios, and
its regime shifts (`/console/attribution/regimes`).

The same use case as POST /api/v1/rebalancing/portfolios/{id}/attribution
(`StoredAttributionService.attribute`) with the signed-in principal: the portfolio's holdings
from its ledger at each period boundary's daily closes against the typed benchmark, per sector
the allocation, selection and interaction effects linked over the periods by Carino (or
Menchero) so that they add up to the compounded active return. Another user's portfolio
answers 404. It reads and stores nothing new, so any signed-in role may ask (the API lets the
viewer call it too). A field the form or the use case refuses is shown beside that field
(422, or 200 with X-Bulwark-Status for htmx).

The second form runs POST /api/v1/analytics/attribution's stored input
(`StoredAttributionService.attribute`): the bar store's adjusted daily closes, a benchmark
portfolio of yours or typed constituents, monthly or weekly periods, each period's regime and
the linked effects per regime segment; refusals are shown beside its fields the same way.
"""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.params import FromQuery
from litestar.response import Template

from adapters.http.console.analytics_view import calculator_context, today_of
from adapters.http.console.attribution_regimes_view import FIELD_OF as REGIME_FIELD_OF
from adapters.http.console.attribution_regimes_view import (
    PERIODS,
    SERIES,
    read_regime_form,
    regime_answer,
    regime_defaults,
)
from adapters.http.console.attribution_view import (
    FIELD_OF,
    attribution_answer,
    attribution_defaults,
    read_attribution_form,
)
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.pages import ConsolePage, page, part_or_page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from application.rebalancing.attribution import StoredAttributionRequest
from domain.errors import DomainError
from domain.portfolio.linking import LinkingMethod

TITLE = "Attribution"


def _service(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(
        request, "rebalancing", "attribution is not served by this instance"
    ).attribution


def _analytics(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(
        request, "analytics", "attribution from stored closes is not served by this instance"
    ).attribution


async def _context(
    request: Request[Any, Any, Any],
    form: dict[str, str],
    errors: dict[str, str],
    answer: dict[str, Any] | None = None,
    *,
    regime_form: dict[str, str] | None = None,
    regime_errors: dict[str, str] | None = None,
    regime_answer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Both forms' context: the first's as given, the regime form's defaults unless given."""
    if regime_form is None:
        regime_form = regime_defaults(today_of(request))
        regime_form["r_portfolio_id"] = form.get("portfolio_id", "")
    return await calculator_context(
        request, form, errors, answer,
        linkings=[m.value for m in LinkingMethod], periods=PERIODS, series=SERIES,
        regime_form=regime_form, regime_errors=regime_errors or {}, regime_answer=regime_answer,
    )  # fmt: skip


class AttributionPageController(ConsolePage):
    """`/console/attribution`"""

    path = "/attribution"

    @get("/")
    async def attribution(
        self, request: Request[Any, Any, Any], portfolio_id: FromQuery[str] = ""
    ) -> Template:
        form = attribution_defaults(today_of(request))
        context = await _context(request, form, {})
        if not portfolio_id and context["portfolios"]:
            portfolio_id = context["portfolios"][0].id
        form["portfolio_id"] = portfolio_id
        context["regime_form"]["r_portfolio_id"] = portfolio_id
        return page(request, "attribution.html", title=TITLE, context=context)

    @post("/", status_code=200)
    async def analyse(self, request: Request[Any, Any, Any]) -> Template:
        reader = FieldReader(await request.form())
        form = {**attribution_defaults(today_of(request)), **reader.values}
        parts = read_attribution_form(reader)
        answer, code = None, None
        if parts is not None:
            try:
                result = await _service(request).attribute(
                    caller_of(request).principal, StoredAttributionRequest(**parts)
                )
            except DomainError as exc:  # 404 for another's portfolio passes through
                code = reader.refused(exc, FIELD_OF.get(exc.field or "", "start"))
            else:
                answer = attribution_answer(result)
        status, code = reader.outcome(code)
        context = await _context(request, form, reader.errors, answer)
        return part_or_page(
            request,
            "partials/attribution_form.html",
            "attribution.html",
            title=TITLE,
            status_code=status,
            code=code,
            context=context,
        )

    @post("/regimes", status_code=200)
    async def regimes(self, request: Request[Any, Any, Any]) -> Template:
        """The stored attribution from the bar store's closes with its regime shifts."""
        reader = FieldReader(await request.form())
        today = today_of(request)
        regime_form = {**regime_defaults(today), **reader.values}
        asked = read_regime_form(reader)
        answer, code = None, None
        if asked is not None:
            try:
                result = await _analytics(request).attribute(caller_of(request).principal, asked)
            except DomainError as exc:  # 404 for another's portfolio passes through
                name = (exc.field or "").split("[")[0].split(".")[0]
                code = reader.refused(exc, REGIME_FIELD_OF.get(name, "r_start"))
            else:
                answer = regime_answer(result)
        status, code = reader.outcome(code)
        context = await _context(
            request, attribution_defaults(today), {}, regime_form=regime_form,
            regime_errors=reader.errors, regime_answer=answer,
        )  # fmt: skip
        return part_or_page(
            request,
            "partials/attribution_regimes.html",
            "attribution.html",
            title=TITLE,
            status_code=status,
            code=code,
            context=context,
        )
