"""`/console/fear-greed`: today's Fear & Greed composite (0 extreme fear .. 100 extreme greed)
with its components, and the recorded history as a chart.

The same use cases as `/api/v1/analytics/fear-greed` and `/history` (application/markets/
fear_greed.py FearGreedService) with the configured weights. Market-wide figures: every role
that reads the console sees the same page, and nothing on it changes anything. Where too few
inputs are available today the page says why (the API's 503) and still shows the history.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from litestar import Request, get
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.security import caller_of
from application.markets.fear_greed import FearGreedService, HistoryView
from domain.analytics.sentiment.fear_greed import BANDS
from ports.markets.data_files import DataSourceUnavailable


def _service(request: Request[Any, Any, Any]) -> FearGreedService:
    found: FearGreedService = bundle_or_not_found(
        request, "markets", "market analytics are not served here"
    ).fear_greed
    return found


def history_chart(view: HistoryView) -> dict[str, Any]:
    """The recorded composites, oldest first (chart data)."""
    return {
        "x": [int(datetime.combine(r.day, time(), tzinfo=UTC).timestamp()) for r in view.records],
        "series": {"Fear & Greed": [round(r.score, 2) for r in view.records]},
    }


class FearGreedPageController(ConsolePage):
    """`/console/fear-greed`"""

    path = "/fear-greed"

    @get("/")
    async def fear_greed(self, request: Request[Any, Any, Any]) -> Template:
        caller_of(request)
        service = _service(request)
        try:
            today, unavailable = await service.current(), None
        except DataSourceUnavailable as exc:
            today, unavailable = None, exc.message
        history = await service.history(None, None)
        return page(
            request,
            "fear_greed.html",
            title="Fear & Greed",
            context={
                "today": today,
                "unavailable": unavailable,
                "history": history,
                "chart": history_chart(history),
                "bands": BANDS,
            },
        )
