"""Market data for screens: depth of market with whale orders, and bars with indicators."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Annotated, Any

from litestar import Controller, Request, Response, get
from litestar.params import FromPath, FromQuery, QueryParameter

from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.market_schemas import BarsOut, DepthOut
from adapters.http.problems import FieldError, Problem, problem_response, problem_responses
from adapters.wire.numbers import Quantity
from application.market_data.market import (
    MAX_BARS,
    MAX_LEVELS,
    InvalidMarketRequest,
    MarketDataUnavailable,
)
from domain.market_data.bars import Timeframe
from domain.market_data.depth import ZScoreMethod
from domain.market_data.indicators import SYNTAX, InvalidIndicator

_NOTES = {
    400: "VALIDATION_ERROR, INVALID_MARKET_REQUEST, UNKNOWN_INDICATOR or INVALID_INDICATOR; "
    "`errors` names the field",
    404: "SYMBOL_NOT_FOUND: the provider knows no such symbol",
    503: "MARKET_DATA_UNAVAILABLE: the provider failed or is rate limited; retry after the "
    "Retry-After header's seconds",
}


def on_invalid_request(
    request: Request[Any, Any, Any], exc: InvalidMarketRequest | InvalidIndicator
) -> Response[Problem]:
    field = exc.field if isinstance(exc, InvalidMarketRequest) else "indicators"
    error = FieldError(field, exc.message, "path" if field == "symbol" else "query")
    return problem_response(request, 400, exc.code, "Invalid request", exc.message, errors=[error])


def on_unavailable(
    request: Request[Any, Any, Any], exc: MarketDataUnavailable
) -> Response[Problem]:
    retry = exc.retry_after if exc.retryable else None
    headers = {} if retry is None else {"Retry-After": str(max(1, math.ceil(retry)))}
    return problem_response(
        request,
        503,
        exc.code,
        "Market data unavailable",
        exc.message,
        headers=headers,
        retry_after=retry,
    )


class MarketController(Controller):
    """`/api/v1/market`: read-only market data for any signed-in user or agent."""

    path = "/market"
    exception_handlers = {  # noqa: RUF012 - Litestar reads this class attribute as is
        InvalidMarketRequest: on_invalid_request,
        InvalidIndicator: on_invalid_request,
        MarketDataUnavailable: on_unavailable,
    }

    @get(
        "/{symbol:str}/depth",
        summary="Depth of market: cumulative depth, spread, imbalance and whale orders",
        description=(
            "The provider's book, up to `levels` a side, best first, each level with the "
            "cumulative size and notional up to it; mid, microprice (the size-weighted mid), "
            "spread (absolute and bps of the mid) and the imbalance (bid - ask) / (bid + ask) "
            "in [-1, 1] over the top `imbalance_levels` (default min(5, levels)). A level is a "
            "whale when its size >= `whale_size` (if given) or its z-score against all the "
            "book's level sizes >= `whale_z` (server default 3). `whale_method=robust` (the "
            "default) scores (size - median) / (1.4826 * MAD), which one huge order cannot "
            "mask; `standard` uses mean and standard deviation, which over n levels can never "
            "exceed sqrt(n - 1). `level_gaps` are the price gaps between consecutive levels "
            "of each side behind the touch (level 1 to 2, 2 to 3, ...; bps of the nearer "
            "price), `widest_gap` the widest. `book` says where the book came from (`source`: "
            "the US-equity depth source when one is configured, else the feed's provider), "
            "how many levels a side it had, and `kind`: `depth`; `top_of_book` (one level a "
            "side: Alpaca's and the replay's equities, their quote) has no gaps and no "
            "whales, and `simulated` (synthetic data) has made-up ones: for both "
            "`depth_meaningful` is false and `note` says why. Books are cached for a second "
            "or two. Symbols with a slash (BTC/USD) cannot be given in the path: use the "
            "provider's dashed form."
        ),
        responses=problem_responses(400, 401, 404, 429, 503, notes=_NOTES),
    )
    async def get_market_depth(
        self,
        symbol: FromPath[str],
        market_data: MarketDataDep,
        levels: Annotated[int, QueryParameter(ge=1, le=MAX_LEVELS)] = 10,
        imbalance_levels: Annotated[int | None, QueryParameter(ge=1, le=MAX_LEVELS)] = None,
        whale_z: Annotated[float | None, QueryParameter(gt=0, le=1000)] = None,
        whale_size: FromQuery[Quantity | None] = None,  # strict: adapters/wire/numbers.py
        whale_method: FromQuery[ZScoreMethod] = ZScoreMethod.ROBUST,
    ) -> DepthOut:
        screen = await market_data.market_service().depth_screen(
            symbol,
            levels,
            imbalance_levels=imbalance_levels,
            whale_z=whale_z,
            whale_size=None if whale_size is None else Decimal(whale_size),
            whale_method=whale_method,
        )
        return DepthOut.from_screen(screen)

    @get(
        "/{symbol:str}/bars",
        summary="The latest bars with technical indicators",
        description=(
            f"Up to `limit` bars of `timeframe`, oldest first. `indicators` is {SYNTAX}; "
            "e.g. `sma:20,ema:12,rsi:14,macd:12:26:9,bbands:20:2,vwap,atr:14`. Each indicator "
            "comes back as aligned columns (`value`; macd: `macd`, `signal`, `histogram`; "
            "bbands: `middle`, `upper`, `lower`, `width`, `percent_b`), null where it has no "
            "value: the server fetches `lookback` extra bars so indicators have values from "
            "the first bar when the provider has the history. EMA, RSI, ATR and MACD are "
            "seeded with a simple average at the start of what was fetched; RSI and ATR use "
            "Wilder's smoothing; bands use the population deviation; vwap restarts each UTC "
            "day (vwap:cumulative does not). Answers are cached briefly, never past the end "
            "of the current bar. 400 UNKNOWN_INDICATOR or INVALID_INDICATOR name the item."
        ),
        responses=problem_responses(400, 401, 404, 429, 503, notes=_NOTES),
    )
    async def get_latest_bars(
        self,
        symbol: FromPath[str],
        market_data: MarketDataDep,
        timeframe: FromQuery[Timeframe] = Timeframe.M1,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_BARS)] = 200,
        indicators: Annotated[str | None, QueryParameter(max_length=500)] = None,
    ) -> BarsOut:
        result = await market_data.market_service().bars(symbol, timeframe, limit, indicators or "")
        return BarsOut.from_domain(result)


CONTROLLERS: list[Any] = [MarketController]
