"""`/console/portfolios`: the signed-in user's portfolios, one portfolio's holdings with their
open tax lots, a timeline of the lots' acquisitions and its risk figures (portfolio_risk_view.py:
GET /api/v1/portfolios/{id}/risk's answer, `?window_days=&benchmark=&risk_free=`), and the
year's Form 8949 as CSV.

The same use cases as `/api/v1/portfolios` and `/api/v1/tax` (application/portfolio:
PortfolioService.list / holdings, TaxService.form_8949) with the signed-in principal: only the
caller's own portfolios and lots; another user's portfolio answers 404. Read-only pages
(booking transactions stays on the API), so the viewer sees the same as anyone: its own.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, form_page, page
from adapters.http.console.portfolio_risk_view import risk_section
from adapters.http.contexts import bundle_or_not_found
from adapters.http.paging import NonEmptyCursor
from adapters.http.security import caller_of
from application.portfolio.portfolio_holdings import HoldingsView
from domain.tax.holding import holding_term

PORTFOLIOS = "/console/portfolios"
Year = Annotated[int | None, QueryParameter(ge=1900, le=2200)]
Typed = Annotated[str, QueryParameter(max_length=32)]


def _services(request: Request[Any, Any, Any]) -> Any:
    return bundle_or_not_found(request, "portfolio", "portfolios are not served here")


def lot_timeline(view: HoldingsView) -> dict[str, Any]:
    """The open lots' acquisitions over time, in the portfolio's base currency: per purchase
    day the basis bought that day, and the open basis accumulated up to it (chart data)."""
    by_day: dict[Any, Decimal] = defaultdict(Decimal)
    for account in view.accounts:
        for position in account.positions:
            for lot in position.lots:
                if lot.currency == view.portfolio.base_currency:
                    by_day[lot.purchased] += lot.cost_basis
    days = sorted(by_day)
    running, cumulative = Decimal(0), []
    for day in days:
        running += by_day[day]
        cumulative.append(float(running))
    return {
        "x": [int(datetime.combine(d, time(), tzinfo=UTC).timestamp()) for d in days],
        "series": {
            "Open basis (cumulative)": cumulative,
            "Bought that day": [float(by_day[d]) for d in days],
        },
    }


class PortfoliosPageController(ConsolePage):
    """`/console/portfolios`, `/console/portfolios/{id}`, `/console/portfolios/form-8949.csv`."""

    path = "/portfolios"

    @get("/")
    async def portfolios(
        self, request: Request[Any, Any, Any], cursor: NonEmptyCursor = None
    ) -> Template:
        services = _services(request)
        found = await services.portfolios.list(caller_of(request).principal, cursor, 50)
        return page(
            request,
            "portfolios.html",
            title="Portfolios",
            context={
                "portfolios": found.items,
                "next_cursor": found.next_cursor,
                "year": services.tax.today().year,
            },
        )

    @get("/form-8949.csv", media_type="text/csv")
    async def form_8949(self, request: Request[Any, Any, Any], year: Year = None) -> Response[str]:
        """The caller's Form 8949 of a tax year (the API's CSV, as a download)."""
        tax = _services(request).tax
        chosen = year if year is not None else tax.today().year
        text = await tax.form_8949(caller_of(request).principal, chosen)
        disposition = f'attachment; filename="form-8949-{chosen}.csv"'
        return Response(text, media_type="text/csv", headers={"Content-Disposition": disposition})

    @get("/{portfolio_id:str}")
    async def portfolio(
        self,
        request: Request[Any, Any, Any],
        portfolio_id: FromPath[str],
        window_days: Typed = "",
        benchmark: Typed = "",
        risk_free: Typed = "",
    ) -> Template:
        services = _services(request)
        today = services.tax.today()
        principal = caller_of(request).principal

        def term_today(acquired: date) -> str:
            return holding_term(acquired, today).value

        view = await services.portfolios.holdings(principal, portfolio_id)  # 404 first
        typed = {"window_days": window_days, "benchmark": benchmark, "risk_free": risk_free}
        risk = await risk_section(services.risk, principal, view.portfolio.id, typed)
        return form_page(
            request,
            "portfolio.html",
            title=f"Portfolio {view.portfolio.name}",
            status_code=422 if risk.errors else 200,
            code=risk.code or "",
            context={
                "view": view,
                "timeline": lot_timeline(view),
                "term": term_today,
                "risk": risk,
            },
        )
