"""`/console/hype`: the HypeMeter: the top movers (symbols whose mentions are spiking) and one
symbol's reading with its mention velocity over the baseline windows as a chart.

The same use cases as `/api/v1/analytics/hype` and `/analytics/hype/{symbol}` (application/
markets/hype.py HypeService) with the configured engagement weights. The window and the
baseline come from a GET form (a value out of range is shown beside its field, 422). The
chart reads `/console/hype/{symbol}/velocity.json`: the mentions per hour of each baseline
window and of the current one, the baseline's mean and the spike threshold (mean + sigma x
std). Market-wide and read-only: every role sees the same page. The Fear & Greed page links
here and back.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from litestar import Request, get
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from adapters.http.console.pages import ConsolePage, form_page
from adapters.http.contexts import bundle_or_not_found
from adapters.http.markets.sentiment_indices_schemas import HYPE_CONVENTIONS
from application.markets.hype import HypeService, HypeView, MoversView
from domain.analytics.sentiment.errors import InvalidSentimentInput
from domain.analytics.sentiment.hype import HypeReading

MOVERS = 10
Text = Annotated[str | None, QueryParameter(max_length=40)]
FIELDS = ("symbol", "window_minutes", "baseline_windows")


def _hype(request: Request[Any, Any, Any]) -> HypeService:
    found: HypeService = bundle_or_not_found(
        request, "markets", "market analytics are not served here"
    ).hype
    return found


def _whole(value: str | None, name: str) -> int | None:
    """A typed whole number (empty: the configured default)."""
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 6:
        raise InvalidSentimentInput(f"{name}: a whole number", field=name)
    return int(text)


def velocity_chart(reading: HypeReading, sigma: float) -> dict[str, Any]:
    """Mentions per hour of each baseline window (oldest first) then the current one, each at
    its window's end; the baseline's mean and the spike threshold as flat lines."""
    velocities = [*reading.baseline_velocities, reading.velocity]
    count = len(velocities)
    ends = [reading.as_of - reading.window * (count - 1 - k) for k in range(count)]
    spike = reading.spike
    threshold = spike.baseline_mean + sigma * spike.baseline_std
    return {
        "x": [int(at.timestamp()) for at in ends],
        "series": {
            "Mentions / h": [round(v, 6) for v in velocities],
            "Baseline mean": [round(spike.baseline_mean, 6)] * count,
            "Spike threshold": [round(threshold, 6)] * count,
        },
    }


async def _reading(
    request: Request[Any, Any, Any],
    symbol: str,
    window_minutes: str | None,
    baseline_windows: str | None,
    *,
    keywords: bool,
) -> HypeView:
    return await _hype(request).reading(
        symbol,
        _whole(window_minutes, "window_minutes"),
        _whole(baseline_windows, "baseline_windows"),
        keywords=keywords,
    )


class HypePageController(ConsolePage):
    """`/console/hype` and a symbol's velocity chart data."""

    path = "/hype"

    @get("/")
    async def hype(
        self,
        request: Request[Any, Any, Any],
        symbol: Text = None,
        window_minutes: Text = None,
        baseline_windows: Text = None,
    ) -> Template:
        service = _hype(request)
        typed = {"symbol": symbol or "", "window_minutes": window_minutes or "",
                 "baseline_windows": baseline_windows or ""}  # fmt: skip
        errors: dict[str, str] = {}
        movers: MoversView | None = None
        view: HypeView | None = None
        try:
            if (symbol or "").strip():
                view = await _reading(
                    request, symbol or "", window_minutes, baseline_windows, keywords=True
                )
            movers = await service.movers(
                MOVERS,
                _whole(window_minutes, "window_minutes"),
                _whole(baseline_windows, "baseline_windows"),
            )
        except InvalidSentimentInput as refused:
            field = refused.field if refused.field in FIELDS else "symbol"
            errors[field] = refused.message
        shown = view or movers
        settings = shown.settings if shown is not None else service.defaults
        return form_page(
            request,
            "hype.html",
            title="Hype meter",
            status_code=422 if errors else 200,
            code="INVALID_SENTIMENT_INPUT" if errors else "",
            context={
                "typed": typed,
                "errors": errors,
                "movers": movers,
                "view": view,
                "settings": settings,
                "window_minutes": round(settings.window / timedelta(minutes=1)),
                "weights": service.weights,
                "conventions": HYPE_CONVENTIONS,
                "query": _chart_query(typed),
            },
        )

    @get("/{symbol:str}/velocity.json")
    async def velocity(
        self,
        request: Request[Any, Any, Any],
        symbol: FromPath[str],
        window_minutes: Text = None,
        baseline_windows: Text = None,
    ) -> dict[str, Any]:
        view = await _reading(request, symbol, window_minutes, baseline_windows, keywords=False)
        return velocity_chart(view.reading, view.settings.sigma)


def _chart_query(typed: dict[str, str]) -> str:
    """The window and baseline the page asked for, as the chart's query string."""
    return "&".join(
        f"{name}={typed[name].strip()}"
        for name in ("window_minutes", "baseline_windows")
        if typed[name].strip().isdigit()
    )
