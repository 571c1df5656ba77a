"""`/console/frontier`: the efficient frontier of a set of symbols, or of one of your
portfolios or accounts.

The same use case as POST /api/v1/analytics/optimization (`OptimizationService.optimize`, within
the compute budget), with every method and constraint it offers (frontier_view.py): on the
typed symbols' daily closes from the market-data use case (`bars`), or on a stored portfolio's
or account's holdings and the bar store's closes from `start` to `end`, read once by the use
case (`resolve_stored`, with the signed-in principal: another user's answers 404) and then
optimised as posted. The frontier is traced by application/analytics/efficient_frontier.py
with that use case (minimum variance, then tangency portfolios). It stores nothing, so any
signed-in role may ask (the API lets the viewer optimise too). A field the form or the use
case refuses is shown beside it (422, or 200 with X-Bulwark-Status for htmx).
"""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request, get, post
from litestar.response import Template

from adapters.http.console.analytics_view import calculator_context, readable_accounts, today_of
from adapters.http.console.form_fields import FieldReader
from adapters.http.console.frontier_view import (
    ESTIMATORS,
    METHODS,
    aligned_prices,
    form_field,
    frontier_answer,
    frontier_defaults,
    frontier_request,
    read_frontier_form,
    typed_symbols,
)
from adapters.http.console.pages import ConsolePage, page, part_or_page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.problems import domain_status
from adapters.http.security import caller_of
from application.analytics.efficient_frontier import trace_frontier
from domain.errors import DomainError
from domain.market_data.bars import Bar, Timeframe

TITLE = "Efficient frontier"


def _bundle(request: Request[Any, Any, Any], name: str) -> Any:
    unserved = f"the efficient frontier needs {name}, which this instance does not serve"
    return bundle_or_not_found(request, name, unserved)


async def _bars(request: Request[Any, Any, Any], symbols: list[str], days: int) -> Any:
    market = _bundle(request, "market_data").market_service()

    async def one(symbol: str) -> tuple[Bar, ...]:
        found = await market.bars(symbol, Timeframe.D1, days + 1)
        bars: tuple[Bar, ...] = found.bars
        return bars

    found = await asyncio.gather(*(one(s) for s in symbols))
    return dict(zip(symbols, found, strict=True))


async def _context(
    request: Request[Any, Any, Any],
    form: dict[str, str],
    errors: dict[str, str],
    answer: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return await calculator_context(
        request, form, errors, answer, methods=METHODS, estimators=ESTIMATORS,
        accounts=await readable_accounts(request),
    )  # fmt: skip


async def _stored(
    request: Request[Any, Any, Any], reader: FieldReader, parts: dict[str, Any]
) -> dict[str, Any]:
    """The frontier of a stored portfolio or account: its inputs read once by the use case."""
    service = _bundle(request, "analytics").optimization
    asked = frontier_request([], None, parts)
    resolved, source = await service.resolve_stored(caller_of(request).principal, asked)
    reader.values["symbols"] = " ".join(resolved.assets)
    frontier = await trace_frontier(service, resolved)
    return frontier_answer(frontier, [], source)


async def _compute(request: Request[Any, Any, Any], reader: FieldReader) -> dict[str, Any] | None:
    """The frontier's answer, or None with the errors by field (a refusal kept beside it)."""
    portfolio_id, account_id = reader.text("portfolio_id"), reader.text("account_id")
    if portfolio_id and account_id:
        reader.errors["account_id"] = "account_id: choose a portfolio or an account, not both"
    stored = bool(portfolio_id or account_id)
    symbols = [] if stored else typed_symbols(reader)
    parts = read_frontier_form(reader, stored=stored)
    if parts is None or reader.errors:
        return None
    if stored:
        parts.update(portfolio_id=portfolio_id or None, account_id=account_id or None)
        return await _stored(request, reader, parts)
    try:
        bars = await _bars(request, symbols, parts["days"])
    except DomainError as exc:  # an unknown symbol, market data unavailable
        if domain_status(exc) not in (404, 422):
            raise
        reader.errors["symbols"] = f"symbols: {exc.message}"
        return None
    days, rows = aligned_prices(bars)
    service = _bundle(request, "analytics").optimization
    frontier = await trace_frontier(service, frontier_request(symbols, rows, parts))
    return frontier_answer(frontier, days)


def _defaults(request: Request[Any, Any, Any]) -> dict[str, str]:
    """The form as first shown: a stored source's range the year to today."""
    today = today_of(request)
    start = today.replace(year=today.year - 1, day=min(today.day, 28))
    return {**frontier_defaults(), "start": start.isoformat(), "end": today.isoformat()}


class FrontierPageController(ConsolePage):
    """`/console/frontier`"""

    path = "/frontier"

    @get("/")
    async def frontier(self, request: Request[Any, Any, Any]) -> Template:
        context = await _context(request, _defaults(request), {})
        return page(request, "frontier.html", title=TITLE, context=context)

    @post("/", status_code=200)
    async def optimise(self, request: Request[Any, Any, Any]) -> Template:
        raw = await request.form()
        reader = FieldReader(raw)
        answer, code = None, None
        try:
            answer = await _compute(request, reader)
        except DomainError as exc:  # 404 for another's portfolio, 503 busy pass through
            field = form_field(exc.field or "assets", exc.code, bool(reader.text("bounds")))
            code = reader.refused(exc, field)
        status, code = reader.outcome(code)
        form = {**_defaults(request), **reader.values, "long_only": reader.text("long_only")}
        context = await _context(request, form, reader.errors, answer)
        return part_or_page(
            request,
            "partials/frontier_form.html",
            "frontier.html",
            title=TITLE,
            status_code=status,
            code=code,
            context=context,
        )
