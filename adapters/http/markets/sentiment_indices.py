"""/api/v1/analytics/fear-greed and /analytics/hype: the Fear & Greed composite, its daily
history and input series, a composite of posted inputs; the HypeMeter of a symbol and the top
movers (docs/sentiment-indices.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from litestar import get
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.markets import MarketsDep, problems
from adapters.http.markets.markets import MarketsController
from adapters.http.markets.sentiment_indices_schemas import (
    FearGreedIn,
    FearGreedOut,
    HistoryOut,
    HypeReadingOut,
    MoversOut,
    SeriesOut,
)
from adapters.http.params import day_param
from adapters.http.shared_calculations import calculation
from application.markets.fear_greed import PostedInputs

UNAVAILABLE = (
    "503 DATA_SOURCE_UNAVAILABLE with Retry-After when the available inputs carry less than "
    "the minimum coverage of the weight (each missing input named with its reason) or a data "
    "file is unreadable"
)
_WINDOWS = (
    "422 INVALID_SENTIMENT_INPUT naming `window_minutes` (5 to 1440), `baseline_windows` (3 to "
    "168; window x (baseline + 1) within the social source's retention) or `symbol`"
)
# The hype meter's window and baseline, as its two readings take them.
_WindowMinutes = Annotated[
    int | None, QueryParameter(description="5 to 1440 (default the configured)")
]
_BaselineWindows = Annotated[
    int | None, QueryParameter(description="3 to 168 (default the configured)")
]


def _day(example: str) -> Any:
    return day_param("YYYY-MM-DD (UTC)", example)


class FearGreedController(MarketsController):
    path = "/analytics/fear-greed"

    @get(
        "",
        summary="Today's Fear & Greed composite, 0 (extreme fear) .. 100 (extreme greed)",
        description=(
            "VIX, put/call ratio, momentum (index vs its 125-day average), breadth (share of "
            "the universe above its 50-day average) and social sentiment, each normalised to "
            "0..100 (percentile within its trailing window, or documented bounds while its "
            "history is short; fear inputs reversed) and weighted (`weights` as "
            "name:weight pairs summing to 1, default the configured ones). Each component says "
            "its raw value, score, method, source, or why it is missing. 422 INVALID_WEIGHTS "
            "(not within [0, 1] or not summing to 1) or UNKNOWN_SERIES naming `weights`; "
            + UNAVAILABLE
            + "."
        ),
        responses=problems(414, 429, 503),
    )
    async def get_fear_greed(
        self,
        markets: MarketsDep,
        weights: Annotated[
            str | None,
            QueryParameter(
                max_length=200,
                description="e.g. vix:0.3,put_call:0.2,momentum:0.2,breadth:0.2,social:0.1",
            ),
        ] = None,
    ) -> FearGreedOut:
        return FearGreedOut.from_view(await markets.fear_greed.current(weights))

    @get(
        "/history",
        summary="The stored daily composites, chart-ready",
        description=(
            "One entry per day the recorder stored in [`start`, `end`] (default the 365 days up "
            "to today, at most 5 years): parallel arrays of dates, scores, labels, coverage and "
            "each input's score. 422 INVALID_SENTIMENT_INPUT naming `start` or `end`."
        ),
        responses=problems(414, 429, 503),
    )
    async def get_fear_greed_history(
        self,
        markets: MarketsDep,
        start: Annotated[str | None, _day("2026-01-02")] = None,
        end: Annotated[str | None, _day("2026-06-30")] = None,
    ) -> HistoryOut:
        return HistoryOut.from_view(await markets.fear_greed.history(start, end))

    @get(
        "/series/{input_name:str}",
        summary="One input's raw values per day",
        description=(
            "vix and put_call from the series source (the index's option chain with the IVs "
            "recorded before today, or the CSV files) with the stored days it lacks; momentum, "
            "breadth and social as the recorder stored them. 404 UNKNOWN_SERIES for another "
            "name; 422 INVALID_SENTIMENT_INPUT naming `start` or `end`; " + UNAVAILABLE + "."
        ),
        responses=problems(404, 414, 429, 503),
    )
    async def get_fear_greed_input_series(
        self,
        markets: MarketsDep,
        input_name: FromPath[str],
        start: Annotated[str | None, _day("2025-01-02")] = None,
        end: Annotated[str | None, _day("2025-12-31")] = None,
    ) -> SeriesOut:
        return SeriesOut.from_view(await markets.fear_greed.series(input_name, start, end))

    @calculation(
        "/composite",
        summary="The composite of posted inputs",
        description=(
            "Raw values of any of vix, put_call, momentum, breadth, social (their units in "
            "`conventions`), each optionally with its earlier observations (percentile within "
            "them when there are enough, else the documented bounds), and optional weights. "
            "422 UNKNOWN_SERIES naming an unknown input, INVALID_WEIGHTS naming `weights`, "
            "INSUFFICIENT_INPUTS when the given inputs carry less than the minimum coverage of "
            "the weight, INVALID_SENTIMENT_INPUT naming a value that is not finite. Stores "
            "nothing."
        ),
        responses=problems(413, 429),
    )
    async def compute_fear_greed_composite(
        self, data: JSONBody[FearGreedIn], markets: MarketsDep
    ) -> FearGreedOut:
        posted = PostedInputs(data.inputs, data.history, data.weights)
        return FearGreedOut.from_view(await markets.fear_greed.compute(posted))


class HypeController(MarketsController):
    path = "/analytics/hype"

    @get(
        "",
        summary="Top movers: the symbols whose mentions are spiking",
        description=(
            "The busiest symbols of the window (at most 200), ranked spikes first, then by z "
            "against their baseline, then by velocity; `limit` 1 to 50 (default 10). "
            + _WINDOWS
            + "; `limit` out of range likewise."
        ),
        responses=problems(414, 429),
    )
    async def list_hype_movers(
        self,
        markets: MarketsDep,
        limit: Annotated[int | None, QueryParameter(description="1 to 50 (default 10)")] = None,
        window_minutes: _WindowMinutes = None,
        baseline_windows: _BaselineWindows = None,
    ) -> MoversOut:
        service = markets.hype
        view = await service.movers(limit, window_minutes, baseline_windows)
        return MoversOut.from_view(view, asdict(service.weights))

    @get(
        "/{symbol:str}",
        summary="A symbol's HypeMeter: engagement, mention velocity, viral spike, keywords",
        description=(
            "Mentions of `symbol` from the social source: the weighted engagement of the "
            "window's mentions, their velocity (mentions per hour), the baseline's mean and "
            "standard deviation and whether the velocity exceeds the mean by more than sigma (5) "
            "standard deviations; the most engaging mentions and, with `keywords` (default "
            "true), what they talk about (the keyword model; when it cannot run, "
            "`keywords_reason` says why). " + _WINDOWS + "."
        ),
        responses=problems(414, 429),
    )
    async def get_hype_reading(
        self,
        markets: MarketsDep,
        symbol: FromPath[str],
        window_minutes: _WindowMinutes = None,
        baseline_windows: _BaselineWindows = None,
        keywords: Annotated[
            bool, QueryParameter(description="extract keywords (default true)")
        ] = True,
    ) -> HypeReadingOut:
        service = markets.hype
        view = await service.reading(symbol, window_minutes, baseline_windows, keywords=keywords)
        return HypeReadingOut.from_view(view, asdict(service.weights))


CONTROLLERS = [FearGreedController, HypeController]
