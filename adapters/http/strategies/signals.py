"""Signals of the pattern engine: a filtered, cursor-paged listing, newest first."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example
from litestar.params import FromQuery, QueryParameter

from adapters.http.problems import bad_request, problem_responses
from adapters.http.strategies import StrategiesDep
from adapters.http.strategies.signals_schemas import SignalPageOut
from application.strategies.signals import MAX_PAGE, InvalidSignalQuery, SignalQuery
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern

_PAGE_EXAMPLE = {
    "items": [
        {
            "id": "sig-3f9c2a7e51b04d2e9a0c6f1d8b7e4a21",
            "symbol": "AAPL",
            "timeframe": "5m",
            "pattern": "volatility_breakout",
            "score": 0.7412,
            "direction": "bullish",
            "at": "2026-03-02T14:30:00Z",
            "created_at": "2026-03-02T14:35:01.120000Z",
            "reason": "close 0.95 ATR above the 20-bar upper band: upside breakout",
            "details": {
                "close": 191.42,
                "band_upper": 190.12,
                "band_lower": 186.3,
                "atr": 1.37,
                "excess_atr": 0.95,
            },
        }
    ],
    "next_cursor": "eyJ0IjoiMjAyNi0wMy0wMlQxNDozNTowMS4xMiswMDowMCIsImkiOiJzaWctM2Y5YyJ9",
}


class SignalController(Controller):
    """`/api/signals` (and `/api/v1/signals`)"""

    path = "/signals"

    @get(
        "/",
        summary="Trading signals, newest first, with a cursor",
        description=(
            "Signals the pattern engine emitted (EMA crossover, VWAP deviation, volatility "
            "breakout): each has a score in [-1, 1] whose sign is its direction, the bar it "
            "was read on (`at`), a reason and the figures behind it. Filters: symbol, pattern, "
            "timeframe, min_score (on |score|). Pass `next_cursor` back as `cursor`: pages "
            "neither repeat nor skip a signal while new ones arrive. Any authenticated user. "
            "400 VALIDATION_ERROR names the bad parameter; 400 INVALID_CURSOR for a cursor "
            "that was not handed out."
        ),
        responses={
            200: ResponseSpec(
                data_container=SignalPageOut,
                generate_examples=False,
                description="A page of signals",
                examples=[Example(summary="One bullish breakout", value=_PAGE_EXAMPLE)],
            ),
            **problem_responses(400, 401, 429),
        },
        exception_handlers={InvalidSignalQuery: bad_request("Invalid signal query")},
    )
    async def list_signals(
        self,
        strategies: StrategiesDep,
        symbol: Annotated[
            str | None,
            QueryParameter(
                min_length=1,
                max_length=32,
                pattern=r"^[A-Za-z0-9][A-Za-z0-9./:_-]*$",
                description="Only this symbol (case does not matter)",
                examples=[Example(value="AAPL")],
            ),
        ] = None,
        pattern: Annotated[
            Pattern | None,
            QueryParameter(
                description="Only this pattern",
                examples=[Example(value=Pattern.VOLATILITY_BREAKOUT.value)],
            ),
        ] = None,
        timeframe: FromQuery[Timeframe | None] = None,
        min_score: Annotated[
            float | None,
            QueryParameter(
                ge=0,
                le=1,
                description="Only signals with |score| at least this",
                examples=[Example(value=0.5)],
            ),
        ] = None,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> SignalPageOut:
        page = await strategies.signals.query(
            SignalQuery(
                symbol=symbol,
                pattern=pattern,
                timeframe=timeframe,
                min_score=min_score,
                cursor=cursor,
                limit=limit,
            )
        )
        return SignalPageOut.from_page(page)


CONTROLLERS: list[Any] = [SignalController]
