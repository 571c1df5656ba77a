"""/api/v1/analytics/futures, /macro and /insiders: futures curves and crack spreads, the macro
dashboard and series, net insider buying (docs/markets-macro.md).

Read through the offline sources (BULWARK_FUTURES_DIR, BULWARK_MACRO_DIR, BULWARK_INSIDERS_DIR;
default the shipped SYNTHETIC samples) and the rates source; nothing is stored.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, get
from litestar.params import FromPath, JSONBody, QueryParameter

from adapters.http.markets import MarketsDep, problems
from adapters.http.markets.markets_schemas import (
    ContractListOut,
    ContractSpecOut,
    CrackSpreadIn,
    CrackSpreadOut,
    FuturesCurveIn,
    InsiderTransactionsOut,
    MacroDashboardOut,
    MacroSeriesOut,
    NetInsiderBuyingOut,
    TermStructureOut,
)
from adapters.http.params import day_param
from adapters.http.problems import on_source_unavailable, problem_responses
from adapters.http.security import READERS_AND_AGENTS, require_roles
from adapters.http.shared_calculations import calculation
from domain.analytics.futures import InvalidMarketInput
from ports.markets.data_files import DataSourceUnavailable
from ports.markets.rates import RatesUnavailable

UNAVAILABLE = (
    "503 DATA_SOURCE_UNAVAILABLE (a data file unreadable or malformed, named with its line) "
    "or RATES_UNAVAILABLE, with Retry-After"
)
_DATE = "422 INVALID_MARKET_INPUT naming `date` when it is not YYYY-MM-DD"


HANDLERS: dict[Any, Any] = {
    DataSourceUnavailable: on_source_unavailable,
    RatesUnavailable: on_source_unavailable,
}


class MarketsController(Controller):
    """A controller of markets routes over data sources: whoever reads, person or agent, may call
    them (a subclass may narrow that), and a source that cannot answer is a 503 with Retry-After."""

    guards = (require_roles(*READERS_AND_AGENTS),)
    exception_handlers = HANDLERS


def _day(example: str) -> Any:
    return day_param("YYYY-MM-DD (default today, UTC)", example)


def _ratio(text: str | None) -> tuple[int, int, int]:
    parts = (text or "3-2-1").split("-")
    try:
        crude, gasoline, distillate = (int(p) for p in parts)
    except ValueError:
        raise InvalidMarketInput(
            "ratio: crude-gasoline-distillate barrels such as 3-2-1", field="ratio"
        ) from None
    if not 1 <= crude <= 100:
        raise InvalidMarketInput("ratio: 1 to 100 barrels of crude", field="ratio")
    return crude, gasoline, distillate


class FuturesController(MarketsController):
    path = "/analytics/futures"

    @get(
        "/contracts",
        summary="The futures products the source has",
        description="Root, name, exchange, quote unit and contract size of each. " + UNAVAILABLE,
        responses=problem_responses(401, 403, 429, 503),
    )
    async def list_futures_contracts(self, markets: MarketsDep) -> ContractListOut:
        service = markets.futures
        items = [ContractSpecOut.from_domain(s) for s in await service.contracts()]
        return ContractListOut(items=items, source=service.source)

    @get(
        "/{root:str}/curve",
        summary="A futures product's term structure: shape, calendar spreads, roll yields",
        description=(
            "The settlements of `root` (CL, RB, HO, NG in the sample) on the latest date on or "
            "before `date`: each contract's price and years to expiry (ACT/365F), the shape "
            "(contango, backwardation, flat, mixed), near - far calendar spreads and the "
            "annualized roll yields ln(near / far) / years; the spot roll yield when the source "
            "has a spot price. 404 UNKNOWN_CONTRACT for a root the source lacks, NO_SETTLEMENTS "
            f"when it has none on or before `date`; {_DATE}; 422 NEGATIVE_PRICE when a "
            "settlement is at or below zero; " + UNAVAILABLE + "."
        ),
        responses=problems(404, 414, 429, 503),
    )
    async def get_futures_curve(
        self,
        markets: MarketsDep,
        root: FromPath[str],
        date: Annotated[str | None, _day("2024-06-28")] = None,
    ) -> TermStructureOut:
        return TermStructureOut.from_view(await markets.futures.curve(root, date))

    @calculation(
        "/curve",
        summary="Analyse a posted futures curve",
        description=(
            "The same figures as GET /{root}/curve for contracts you post (1 to 120, any "
            "order, expiries after `as_of`, each once). 422 NEGATIVE_PRICE naming "
            "`contracts[i].price` or `spot` at or below zero; 422 INVALID_MARKET_INPUT naming "
            "the field otherwise. Stores nothing."
        ),
        responses=problems(429),
    )
    async def analyze_futures_curve(
        self, data: JSONBody[FuturesCurveIn], markets: MarketsDep
    ) -> TermStructureOut:
        quotes = [q.to_domain() for q in data.contracts]
        view = markets.futures.posted_curve(data.as_of, quotes, data.spot)
        return TermStructureOut.from_view(view)

    @get(
        "/crack-spread",
        summary="The crack spread from the source's CL, RB and HO settlements",
        description=(
            "Refinery margin of `ratio` (crude-gasoline-distillate barrels, default 3-2-1): "
            "(2 x RBOB x 42 + 1 x heating oil x 42 - 3 x WTI) / 3 USD per barrel, from the "
            "contracts of one delivery month (the earliest all three list) on the latest date "
            f"on or before `date`. {_DATE} or `ratio`; 404 NO_SETTLEMENTS; " + UNAVAILABLE + "."
        ),
        responses=problems(404, 414, 429, 503),
    )
    async def get_crack_spread(
        self,
        markets: MarketsDep,
        date: Annotated[str | None, _day("2024-06-28")] = None,
        ratio: Annotated[
            str | None,
            QueryParameter(max_length=20, description="e.g. 3-2-1 (default), 5-3-2, 2-1-1"),
        ] = None,
    ) -> CrackSpreadOut:
        return CrackSpreadOut.from_view(await markets.futures.crack(date, _ratio(ratio)))

    @calculation(
        "/crack-spread",
        summary="The crack spread of posted prices",
        description=(
            "Crude in USD per barrel, gasoline and distillate in USD per gallon (x 42 gallons a "
            "barrel); `ratio` [crude, gasoline, distillate] barrels whose products add up to "
            "the crude (default [3, 2, 1]). 422 NEGATIVE_PRICE naming the leg at or below "
            "zero, INVALID_MARKET_INPUT naming `ratio`. Stores nothing."
        ),
        responses=problems(429),
    )
    async def compute_crack_spread(
        self, data: JSONBody[CrackSpreadIn], markets: MarketsDep
    ) -> CrackSpreadOut:
        service = markets.futures
        crude, gasoline, distillate = data.ratio
        view = service.posted_crack(
            data.as_of or service.today(), data.crude_usd_per_bbl, data.gasoline_usd_per_gal,
            data.distillate_usd_per_gal, (crude, gasoline, distillate),
        )  # fmt: skip
        return CrackSpreadOut.from_view(view)


class MacroController(MarketsController):
    path = "/analytics/macro"

    @get(
        "/dashboard",
        summary="The macro dashboard of a day: inflation, unemployment, growth, rates",
        description=(
            "For each catalog series (CPIAUCSL, CPILFESL, UNRATE, GDPC1, GDP, FEDFUNDS) the "
            "latest observation on or before `date` and its changes (year-on-year inflation, "
            "3-month and period annualized rates, GDP's SAAR growth, changes in percentage "
            "points); the Sahm rule; Treasury 3M, 2Y, 10Y yields, 2s10s and 3m10y spreads "
            "and the ex-post real 10Y yield from the rates source. A series the source lacks "
            f"is listed in `missing`. {_DATE}; " + UNAVAILABLE + "."
        ),
        responses=problems(414, 429, 503),
    )
    async def get_macro_dashboard(
        self, markets: MarketsDep, date: Annotated[str | None, _day("2024-12-31")] = None
    ) -> MacroDashboardOut:
        return MacroDashboardOut.from_view(await markets.macro.dashboard(date))

    @get(
        "/series/{macro_series_id:str}",
        summary="A macro series, as published or transformed",
        description=(
            "Observations of a catalog series in [`start`, `end`] (defaults: ten years before "
            "`end`; today, UTC) as `transform`: level (as published), yoy (percent change over "
            "12 months), period_annualized (compounded to a year over one period), change "
            "(over one period) or change_yoy (over 12 months). 404 UNKNOWN_SERIES for a series "
            "outside the catalog; 422 INVALID_MARKET_INPUT naming `start`, `end` or "
            "`transform`; " + UNAVAILABLE + "."
        ),
        responses=problems(404, 414, 429, 503),
    )
    async def get_macro_series(
        self,
        markets: MarketsDep,
        macro_series_id: FromPath[str],
        start: Annotated[str | None, _day("2019-01-01")] = None,
        end: Annotated[str | None, _day("2024-12-31")] = None,
        transform: Annotated[
            str | None,
            QueryParameter(
                max_length=32,
                description="level (default), yoy, period_annualized, change, change_yoy",
            ),
        ] = None,
    ) -> MacroSeriesOut:
        view = await markets.macro.series(macro_series_id, start, end, transform)
        return MacroSeriesOut.from_view(view)


class InsiderController(MarketsController):
    path = "/analytics/insiders"

    @get(
        "",
        summary="Net insider buying per symbol over a window (Form 4)",
        description=(
            "Per symbol: open-market purchases (code P) and sales (S) in [`start`, `end`] "
            "(defaults: the 90 days to `end`; today, UTC; at most 5 years): counts, distinct "
            "buyers and sellers, shares and USD values, net shares and net value; other codes "
            "counted apart. `symbols` narrows to a comma-separated list (at most 100 symbols, "
            "600 characters). 422 INVALID_MARKET_INPUT naming the parameter; " + UNAVAILABLE + "."
        ),
        responses=problems(414, 429, 503),
    )
    async def list_insider_net_buying(
        self,
        markets: MarketsDep,
        start: Annotated[str | None, _day("2024-01-01")] = None,
        end: Annotated[str | None, _day("2024-12-31")] = None,
        symbols: Annotated[str | None, QueryParameter(max_length=600)] = None,
    ) -> NetInsiderBuyingOut:
        view = await markets.insiders.net_buying(start, end, symbols)
        return NetInsiderBuyingOut.from_view(view)

    @get(
        "/{symbol:str}",
        summary="A symbol's Form 4 transactions over a window, newest first",
        description=(
            "Every Table I row of the symbol in [`start`, `end`] (as above), at most 1,000 "
            "(`truncated` says when more exist). 422 INVALID_MARKET_INPUT naming the parameter; "
            + UNAVAILABLE
            + "."
        ),
        responses=problems(414, 429, 503),
    )
    async def list_insider_transactions(
        self,
        markets: MarketsDep,
        symbol: FromPath[str],
        start: Annotated[str | None, _day("2024-01-01")] = None,
        end: Annotated[str | None, _day("2024-12-31")] = None,
    ) -> InsiderTransactionsOut:
        view = await markets.insiders.transactions(symbol, start, end)
        return InsiderTransactionsOut.from_view(view)


CONTROLLERS: list[Any] = [FuturesController, MacroController, InsiderController]
