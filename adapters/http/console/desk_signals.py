"""`/console/signals`: recent signals of the pattern engine, filtered, refreshed by polling.

SignalService.query (as GET /api/v1/signals) filters by symbol and pattern (the signal's
source); `since` is applied here on the newest-first page (the query has no time filter).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any

from litestar import Controller, Request, get
from litestar.response import Template

from adapters.http.console.forms import InvalidForm
from adapters.http.console.pages import fragment, is_htmx, page
from adapters.http.contexts import bundle_of
from adapters.http.security import edge_of
from application.strategies.signals import SignalQuery, SignalService
from domain.market_data.signals import Pattern, Signal

SHOWN = 100
SINCE_CHOICES = {"": None, "15m": 15, "1h": 60, "1d": 1440, "7d": 10080}  # minutes


@dataclass(frozen=True, slots=True)
class SignalFilters:
    symbol: str
    source: str
    since: str

    @classmethod
    def of(cls, request: Request[Any, Any, Any]) -> SignalFilters:
        query = request.query_params
        filters = cls(
            str(query.get("symbol", "")).strip().upper()[:32],
            str(query.get("source", "")).strip(),
            str(query.get("since", "")).strip(),
        )
        if filters.source and filters.source not in {p.value for p in Pattern}:
            raise InvalidForm("source", f"unknown pattern {filters.source!r}")
        if filters.since not in SINCE_CHOICES:
            raise InvalidForm("since", "one of 15m, 1h, 1d, 7d")
        return filters


async def recent_signals(
    request: Request[Any, Any, Any], filters: SignalFilters
) -> list[Signal] | None:
    strategies = bundle_of(request, "strategies")
    if strategies is None:
        return None
    service: SignalService = strategies.signals
    found = await service.query(
        SignalQuery(
            symbol=filters.symbol or None,
            pattern=Pattern(filters.source) if filters.source else None,
            limit=SHOWN,
        )
    )
    minutes = SINCE_CHOICES[filters.since]
    if minutes is None:
        return found.items
    cutoff = edge_of(request).clock.now().astimezone(UTC) - timedelta(minutes=minutes)
    return [s for s in found.items if s.created_at >= cutoff]


class SignalsDeskController(Controller):
    """`/console/signals`"""

    path = "/signals"

    @get("/")
    async def signals(self, request: Request[Any, Any, Any]) -> Template:
        filters = SignalFilters.of(request)
        items = await recent_signals(request, filters)
        context = {
            "signals": items,
            "filters": filters,
            "patterns": list(Pattern),
            "since_choices": list(SINCE_CHOICES),
        }
        if is_htmx(request):
            return fragment(request, "partials/signals_table.html", context=context)
        return page(request, "signals.html", title="Signals", context=context)
