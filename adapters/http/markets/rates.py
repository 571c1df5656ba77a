"""GET /api/v1/analytics/rates/*: the Treasury curve, its inversions and FRED series.

Read through RatesPort (BULWARK_RATES_SOURCE=file: FRED downloads in BULWARK_RATES_DIR;
fred: FRED's API with BULWARK_FRED_API_KEY). docs/rates.md.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get
from litestar.openapi.spec import Example
from litestar.params import FromPath, QueryParameter

from adapters.http.markets import MarketsDep, problems
from adapters.http.markets.rates_schemas import (
    RateSeriesPageOut,
    TreasuryInversionsOut,
    YieldCurveOut,
)
from adapters.http.params import day_param
from adapters.http.problems import on_source_unavailable
from adapters.http.security import READERS_AND_AGENTS, require_roles
from application.markets.rates import MAX_PAGE, MAX_TENORS
from ports.markets.rates import RatesUnavailable

_UNAVAILABLE = (
    "RATES_UNAVAILABLE with Retry-After: the rates source cannot answer (FRED down, "
    "rate-limiting, timing out or refusing the key; a data file unreadable)"
)


class RatesController(Controller):
    """Calculations on the configured rates source; nothing is stored."""

    path = "/analytics/rates"
    guards = (require_roles(*READERS_AND_AGENTS),)

    @get(
        "/curve",
        summary="The Treasury constant-maturity curve of a day, interpolated",
        description=(
            "Points: FRED's DGS1MO, DGS3MO, DGS6MO, DGS1, DGS2, DGS3, DGS5, DGS7, DGS10, "
            "DGS20, DGS30 on `as_of`, the latest date on or before `date` (default today, "
            "UTC) with two or more of them; yields in percent. `interpolated`: the yields at "
            "`tenors` (comma-separated years like 0.5,2,7.5 or labels like 6M,2Y; default "
            "1M, 3M, 6M and every whole year within the observed tenors) by `method` "
            "(monotone_cubic, the default: Fritsch-Carlson; or linear). 422 "
            "INVALID_RATES_QUERY naming `date`, `method` or `tenors` (a tenor outside the "
            f"observed ones: no extrapolation; at most {MAX_TENORS}); 404 NO_CURVE when the "
            "source has none on or before `date`; 414 URI_TOO_LONG when `tenors` takes the "
            "URL past its limit (4,000 characters of tenors fit only when plain ASCII); "
            "503 " + _UNAVAILABLE + "."
        ),
        exception_handlers={RatesUnavailable: on_source_unavailable},
        responses=problems(404, 414, 429, 503, notes={503: _UNAVAILABLE}),
    )
    async def get_treasury_curve(
        self,
        markets: MarketsDep,
        date: Annotated[
            str | None, day_param("The day, YYYY-MM-DD (default today, UTC)", "2024-06-28")
        ] = None,
        method: Annotated[
            str | None,
            QueryParameter(
                description="linear or monotone_cubic (default)",
                examples=[Example(value="monotone_cubic")],
            ),
        ] = None,
        tenors: Annotated[
            str | None,
            QueryParameter(
                max_length=4000,
                description="Comma-separated tenors: years (0.5,2,7.5) or labels (6M,2Y,10Y)",
                examples=[Example(value="0.25,2,4,10,25")],
            ),
        ] = None,
    ) -> YieldCurveOut:
        view = await markets.rates.curve(date, method, tenors)
        return YieldCurveOut.from_view(view)

    @get(
        "/inversions",
        summary="2s10s and 3m10y spreads and their inversion periods",
        description=(
            "Daily spreads DGS10 - DGS2 (2s10s) and DGS10 - DGS3MO (3m10y) in percentage "
            "points on each day both series have a value in [`start`, `end`] (defaults: a "
            "year before `end`; today, UTC), and the inversion periods (runs of days with "
            "the spread below zero) with their start and end dates, deepest spread and its "
            "date, observed and calendar days. `spreads=false` leaves the daily spreads out. "
            "422 INVALID_RATES_QUERY naming `start` or `end` (not YYYY-MM-DD, `start` after "
            "`end`, more than 70 years); 503 " + _UNAVAILABLE + "."
        ),
        exception_handlers={RatesUnavailable: on_source_unavailable},
        responses=problems(429, 503, notes={503: _UNAVAILABLE}),
    )
    async def get_curve_inversions(
        self,
        markets: MarketsDep,
        start: Annotated[
            str | None, day_param("First day, YYYY-MM-DD, inclusive", "2022-01-03")
        ] = None,
        end: Annotated[
            str | None, day_param("Last day, YYYY-MM-DD, inclusive", "2024-06-28")
        ] = None,
        spreads: Annotated[
            bool, QueryParameter(description="Include the daily spreads (default true)")
        ] = True,
    ) -> TreasuryInversionsOut:
        view = await markets.rates.inversions(start, end)
        return TreasuryInversionsOut.from_view(view, spreads)

    @get(
        "/series/{series_id:str}",
        summary="A FRED series' observations, oldest first, with a cursor",
        description=(
            "Observations of `series_id` (a FRED id such as DGS10, case-insensitive) with "
            "`start` <= date <= `end` (defaults: the whole series; today, UTC), values in "
            "percent as published, null where the source lists a day without a value "
            "(FRED's '.'). Pass `next_cursor` back as `cursor`. 404 UNKNOWN_SERIES when the "
            "source has no such series; 422 INVALID_RATES_QUERY naming `series_id`, `start` "
            "or `end`, INVALID_CURSOR naming `cursor`; 503 " + _UNAVAILABLE + "."
        ),
        exception_handlers={RatesUnavailable: on_source_unavailable},
        responses=problems(404, 429, 503, notes={404: "UNKNOWN_SERIES", 503: _UNAVAILABLE}),
    )
    async def get_rate_series(
        self,
        markets: MarketsDep,
        series_id: FromPath[str],
        start: Annotated[
            str | None, day_param("First day, YYYY-MM-DD, inclusive", "2024-01-02")
        ] = None,
        end: Annotated[
            str | None, day_param("Last day, YYYY-MM-DD, inclusive", "2024-06-28")
        ] = None,
        cursor: Annotated[str | None, QueryParameter(max_length=128)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 50,
    ) -> RateSeriesPageOut:
        page = await markets.rates.series_page(series_id, start, end, cursor, limit)
        return RateSeriesPageOut.from_page(page)


CONTROLLERS: list[Any] = [RatesController]
