"""`/console/form-13f`: the Form 13F-HR information table of one of the caller's portfolios for a
quarter: the holdings that would be reported (issuer, class, CUSIP, shares, value), the largest
by value as bars, the positions left out with the reason, the total against the $100 million
threshold, the Official List it used, and the XML to download
(`/console/form-13f/information-table.xml`).

The same use case as POST /api/v1/planning/13f/information-table (application/markets/
form13f.py Form13FService) with the signed-in principal and the API's answer (Form13FOut): only
the caller's own portfolios (another user's answers 404 beside the field, as an unknown one
does); values at the reference prices. Nothing is stored by looking.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Request, Response, get
from litestar.params import QueryParameter
from litestar.response import Template

from adapters.http.console.analytics_view import own_portfolios
from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.markets.compliance_schemas import Form13FOut
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from application.markets.form13f import Form13FDocument, Form13FRequest
from domain.analytics.compliance.filing_calendar import InvalidFilingInput
from domain.analytics.compliance.form13f import FILING_THRESHOLD_USD
from domain.errors import DomainError

FORM_13F = "/console/form-13f"
TITLE = "Form 13F"
TOP = 10  # holdings drawn as bars
Ident = Annotated[str | None, QueryParameter(max_length=64, pattern=r"^[A-Za-z0-9._:-]*$")]
Day = Annotated[str | None, QueryParameter(max_length=32)]


def _form13f(request: Request[Any, Any, Any]) -> Any:
    markets = bundle_or_not_found(request, "markets", "Form 13F is not served by this instance")
    return markets.form13f


async def _document(
    request: Request[Any, Any, Any], portfolio_id: str, period_end: str
) -> Form13FDocument:
    day = None
    if period_end:
        try:
            day = date.fromisoformat(period_end)
        except ValueError:
            raise InvalidFilingInput(
                "period_end: a date, YYYY-MM-DD (a calendar quarter's last day)",
                field="period_end",
            ) from None
    asked = Form13FRequest(period_end=day, portfolio_id=portfolio_id)
    found: Form13FDocument = await _form13f(request).information_table(
        caller_of(request).principal, asked
    )
    return found


def _bars(out: Form13FOut) -> list[dict[str, Any]]:
    """The largest rows by value, each with its share of the table's total."""
    rows = sorted(out.entries, key=lambda e: e.value, reverse=True)[:TOP]
    total = out.value_total or 1
    return [
        {"issuer": e.name_of_issuer, "cusip": e.cusip, "value": e.value,
         "share": round(100 * e.value / total, 1)}
        for e in rows
    ]  # fmt: skip


class Form13FPageController(ConsolePage):
    """`/console/form-13f` and its XML download."""

    path = "/form-13f"

    @get("/")
    async def form13f(
        self, request: Request[Any, Any, Any], portfolio_id: Ident = None, period_end: Day = None
    ) -> Template:
        form = {"portfolio_id": (portfolio_id or "").strip(), "period_end": (period_end or "")}
        form["period_end"] = form["period_end"].strip()
        errors: dict[str, str] = {}
        out = None
        status = 200
        if form["portfolio_id"]:
            try:
                out = Form13FOut.from_document(
                    await _document(request, form["portfolio_id"], form["period_end"])
                )
            except DomainError as exc:
                status = domain_status(exc)
                if status not in (404, 422):
                    raise
                field = exc.field or "portfolio_id"
                errors[field] = exc.message if exc.field is None else f"{field}: {exc.message}"
        chosen = {k: v for k, v in form.items() if v}
        context = {
            "portfolios": await own_portfolios(request),
            "form": form,
            "errors": errors,
            "out": out,
            "bars": _bars(out) if out is not None and out.entries else [],
            "threshold": int(FILING_THRESHOLD_USD),
            "xml": f"{FORM_13F}/information-table.xml?{urlencode(chosen)}",
        }
        return page(request, "form13f.html", title=TITLE, status_code=status, context=context)

    @get("/information-table.xml", media_type="application/xml")
    async def form13f_xml(
        self, request: Request[Any, Any, Any], portfolio_id: Ident = None, period_end: Day = None
    ) -> Response[bytes]:
        """The information table's XML (valid against the XSD), as a download."""
        if not portfolio_id:
            raise InvalidFilingInput("portfolio_id: choose a portfolio", field="portfolio_id")
        found = await _document(request, portfolio_id.strip(), (period_end or "").strip())
        name = f"form13f-infotable-{found.period_end.isoformat()}.xml"
        return Response(
            found.document,
            media_type="application/xml",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
