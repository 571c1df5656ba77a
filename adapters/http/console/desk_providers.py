"""`/console/providers`: the market-data feed's providers, breakers, latency, manual failover,
each source's data-quality grade, and the sources' consensus quote for a symbol.

The report is ProviderService.report() (the API's GET /providers); failover is its
`failover` with a FailoverCommand, as POST /providers/failover does: risk officers and
admins only (the DESK guard, and the service refuses anyone else anyway), audited there.
The grades are QuoteQuality.grades() (docs/live-quotes.md: gap rate, disagreement and
staleness over each source's last rounds; a source not yet seen is unrated); `?symbol=`
reads the consensus as GET /api/v1/market/quotes/{symbol}/consensus does (a round that
grades the sources, like the API's). Read-only for every role but the failover.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.response import Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import DESK, fragment, page
from adapters.http.contexts import bundle_of
from adapters.http.security import caller_of
from application.market_data.market import MarketDataUnavailable, SymbolNotFound
from application.market_data.providers import FailoverCommand, ProviderReport, ProviderService
from application.market_data.quote_quality import (
    ConsensusView,
    InvalidQuoteRequest,
    QuoteQuality,
)
from domain.errors import NotFound
from domain.market_data.source_quality import Grade, SourceQuality

MAX_SYMBOL = 24


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


def _quality(request: Request[Any, Any, Any]) -> QuoteQuality | None:
    market_data = bundle_of(request, "market_data")
    quality: QuoteQuality | None = None if market_data is None else market_data.quote_quality
    return quality


def quality_rows(report: ProviderReport, quality: QuoteQuality | None) -> list[SourceQuality]:
    """Each provider's grade in the report's order (unrated when no round saw it yet), then
    any other graded source; empty where the feed's quality is not served."""
    if quality is None:
        return []
    graded = {q.source: q for q in quality.grades()}
    rows = [
        graded.pop(p.name, SourceQuality(p.name, 0, 0.0, 0.0, None, Grade.UNRATED))
        for p in report.providers
    ]
    return rows + list(graded.values())


def _context(
    request: Request[Any, Any, Any], report: ProviderReport, **extra: Any
) -> dict[str, Any]:
    return {
        "report": report,
        "staleness": staleness_s(report),
        "quality": quality_rows(report, _quality(request)),
        "quality_served": _quality(request) is not None,
        **extra,
    }


async def _consensus(
    request: Request[Any, Any, Any], symbol: str
) -> tuple[ConsensusView | None, tuple[str, str] | None]:
    """The consensus for `symbol`, or the inline error (code, message) to show beside the form."""
    quality = _quality(request)
    if quality is None:
        return None, ("MARKET_DATA_UNAVAILABLE", "the feed's sources are not configured here")
    if len(symbol) > MAX_SYMBOL or not all(c.isalnum() or c in "./-" for c in symbol):
        return None, ("INVALID_QUOTE_REQUEST", f"1 to {MAX_SYMBOL} letters, digits or . / -")
    try:
        return await quality.consensus(symbol), None
    except (SymbolNotFound, MarketDataUnavailable, InvalidQuoteRequest) as exc:
        return None, (exc.code, exc.message)


class ProvidersDeskController(Controller):
    """`/console/providers`"""

    path = "/providers"

    @get("/")
    async def providers(self, request: Request[Any, Any, Any]) -> Template:
        symbol = request.query_params.get("symbol", "").strip().upper()
        view, error = await _consensus(request, symbol) if symbol else (None, None)
        report = _feed(request).report()
        context = _context(request, report, symbol=symbol, view=view, consensus_error=error)
        status = 200 if error is None or error[0] == "MARKET_DATA_UNAVAILABLE" else 400
        return page(
            request, "providers.html", title="Providers", status_code=status, context=context
        )

    @get("/table")
    async def table(self, request: Request[Any, Any, Any]) -> Template:
        report = _feed(request).report()
        return fragment(request, "partials/providers_table.html", context=_context(request, report))

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
            context=_context(request, feed.report(), result=result, mode=mode),
        )
