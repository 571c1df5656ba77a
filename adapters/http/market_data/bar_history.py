"""`GET /api/v1/market/bars`: pages of stored bar history, raw or adjusted (docs/bar-store.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from litestar import Controller, get
from litestar.params import FromQuery, QueryParameter

from adapters.http.market_data import MarketDataDep
from adapters.http.market_data.market_schemas import BarOut
from adapters.http.problems import (
    on_invalid_query_field,
    problem_responses,
)
from adapters.http.schemas.common import Output
from application.market_data.bar_history import MAX_SYMBOL_LENGTH, InvalidBarRequest
from domain.market_data.bar_pages import MAX_CURSOR_LENGTH, InvalidBarCursor
from domain.market_data.bars import Timeframe
from ports.market_data.bar_store import MAX_PAGE, BarPage

_NOTES = {
    400: "VALIDATION_ERROR (a parameter's type or bounds), INVALID_BAR_REQUEST (end not after "
    "start, a time without a zone, before 1970 or from the year 3000) or INVALID_CURSOR (a "
    "cursor this listing did not give, or one of another symbol or timeframe); `errors` "
    "names the parameter",
    503: "STORE_UNAVAILABLE: this server keeps no bar store",
}


class BarPageOut(Output):
    """A page of bars, oldest first; `next_cursor` reads the next page (null on the last)."""

    symbol: str
    timeframe: Timeframe
    adjusted: bool
    bars: list[BarOut]
    next_cursor: str | None

    @classmethod
    def from_domain(
        cls, symbol: str, timeframe: Timeframe, adjusted: bool, page: BarPage
    ) -> BarPageOut:
        return cls(
            symbol=symbol,
            timeframe=timeframe,
            adjusted=adjusted,
            bars=[BarOut.from_domain(b) for b in page.bars],
            next_cursor=page.next_cursor,
        )


class BarHistoryController(Controller):
    """`/api/v1/market/bars`: stored bar history for any signed-in user or agent."""

    path = "/market/bars"
    exception_handlers = {  # noqa: RUF012 - Litestar reads this class attribute as is
        InvalidBarRequest: on_invalid_query_field,
        InvalidBarCursor: on_invalid_query_field,
    }

    @get(
        "/",
        summary="Stored bar history of a symbol over a time range, in pages",
        description=(
            "Bars of `timeframe` starting in [`start`, `end`) (RFC 3339 times with a zone), "
            "oldest first, at most `limit` a page; pass `next_cursor` back as `cursor` for the "
            "next page, until it is null. Prices are strings at 8 places, volumes at 8 "
            "places. `adjusted=true` applies the symbol's splits and cash dividends backward "
            "(prices times the factors of the actions after each bar's day, rounded half-even "
            "to 8 places; splits scale volumes too); stored bars stay raw. Only what "
            "`bulwark bars backfill` (or another writer) stored is answered: an empty page is "
            "no error."
        ),
        responses=problem_responses(400, 401, 429, 503, notes=_NOTES),
    )
    async def get_bar_history(
        self,
        market_data: MarketDataDep,
        symbol: Annotated[str, QueryParameter(min_length=1, max_length=MAX_SYMBOL_LENGTH)],
        start: FromQuery[datetime],
        end: FromQuery[datetime],
        timeframe: FromQuery[Timeframe] = Timeframe.D1,
        adjusted: FromQuery[bool] = False,
        cursor: Annotated[str | None, QueryParameter(max_length=MAX_CURSOR_LENGTH)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1000,
    ) -> BarPageOut:
        page = await market_data.history().page(
            symbol, timeframe, start, end, adjusted=adjusted, cursor=cursor, limit=limit
        )
        return BarPageOut.from_domain(symbol.strip().upper(), timeframe, adjusted, page)


CONTROLLERS: list[Any] = [BarHistoryController]
