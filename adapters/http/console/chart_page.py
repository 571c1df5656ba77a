"""`/console/chart`: a symbol's price chart (candles or close line, volume bars) with the
indicators the user picks -- moving averages, RSI(14) in its own pane, Bollinger bands.

The indicators are computed server-side by the domain's functions (domain/market_data/
indicators.py), as GET /api/v1/market/{symbol}/bars does: the market service's latest bars
with indicators, or -- when a range (`start`, `end`) is asked -- the stored bar history with
the indicators computed over what was stored in that range. The page's JS (static/chart.js)
fetches `/console/chart/data` with the cookie session and follows the symbol on `/ws/quotes`
(the same cookie authenticates the socket), updating the last bar's close with each quote;
it polls the data route every few seconds when the socket fails. Read-only: every role that
reads the console sees the same chart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar import Request, Response, get
from litestar.response import Template

from adapters.http.console.chart_regime import regime_panel
from adapters.http.console.pages import ConsolePage, fragment, page
from adapters.http.contexts import bundle_of
from adapters.http.market_data import MarketDataServices
from adapters.http.problems import FieldError, domain_status, problem_response
from adapters.http.security import caller_of
from adapters.http.wire_format import PRICE, QUANTITY, decimal_text, json_number
from application.market_data.bar_history import InvalidBarRequest
from application.market_data.market import (
    InvalidMarketRequest,
    MarketDataUnavailable,
    SymbolNotFound,
)
from domain.errors import DomainError
from domain.market_data.bars import Bar, BarSeries, Timeframe
from domain.market_data.indicators import (
    IndicatorSpec,
    InvalidIndicator,
    compute_tail,
    parse_indicators,
)

DEFAULT_SYMBOL = "AAPL"
DEFAULT_LIMIT = 200
MAX_CHART_BARS = 1000
MAX_AVERAGES = 4  # moving averages of each kind a chart draws at once
# What the form offers; the JSON route takes any indicator the market service computes.
INDICATOR_CHOICES = ("rsi:14", "bbands:20:2")


@dataclass(frozen=True, slots=True)
class ChartRequest:
    """A chart the user asked for, validated: `specs` in the indicator syntax's order."""

    symbol: str
    timeframe: Timeframe
    specs: tuple[IndicatorSpec, ...]
    limit: int
    start: datetime | None = None
    end: datetime | None = None

    @property
    def indicators(self) -> str:
        return ",".join(spec.key for spec in self.specs)


class ChartFormError(DomainError):
    """A chart form field that cannot be read; `field` names it (shown beside it)."""

    code = "INVALID_CHART_REQUEST"
    field: str

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message, field=field)


def _periods(raw: str, name: str) -> list[str]:
    """`20,50` -> ["sma:20", "sma:50"]; an empty text -> []."""
    items = [p.strip() for p in raw.split(",") if p.strip()]
    if len(items) > MAX_AVERAGES:
        raise ChartFormError(name, f"at most {MAX_AVERAGES} periods")
    for item in items:
        if not item.isdigit() or not 1 <= int(item) <= 500:
            raise ChartFormError(name, "periods are whole numbers from 1 to 500, comma-separated")
    return [f"{name}:{int(p)}" for p in items]


def _time(raw: str, field: str) -> datetime | None:
    if not raw:
        return None
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        raise ChartFormError(
            field, "an RFC 3339 time with a zone, e.g. 2026-01-02T00:00:00Z"
        ) from None
    if at.tzinfo is None:
        raise ChartFormError(field, "the time needs a zone (e.g. Z)")
    return at


def read_chart_request(query: Any) -> ChartRequest:
    """The query's chart request; ChartFormError names the field it cannot read."""
    symbol = str(query.get("symbol") or DEFAULT_SYMBOL).strip().upper()
    if not symbol or len(symbol) > 24 or not all(c.isalnum() or c in "./-" for c in symbol):
        raise ChartFormError("symbol", "1 to 24 letters, digits or . / -")
    try:
        timeframe = Timeframe(str(query.get("timeframe") or Timeframe.D1.value))
    except ValueError:
        raise ChartFormError(
            "timeframe", "one of " + ", ".join(t.value for t in Timeframe)
        ) from None
    items = _periods(str(query.get("sma") or ""), "sma")
    items += _periods(str(query.get("ema") or ""), "ema")
    wanted = query.getall("ind", []) if hasattr(query, "getall") else []
    items += [str(w) for w in wanted if str(w) in INDICATOR_CHOICES]
    extra = str(query.get("indicators") or "")
    try:
        specs = parse_indicators(",".join([*items, extra] if extra else items))
    except InvalidIndicator as exc:
        raise ChartFormError("indicators", exc.message) from exc
    raw_limit = str(query.get("limit") or DEFAULT_LIMIT)
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_CHART_BARS:
        raise ChartFormError("limit", f"a whole number from 1 to {MAX_CHART_BARS}")
    start = _time(str(query.get("start") or ""), "start")
    end = _time(str(query.get("end") or ""), "end")
    if (start is None) != (end is None):
        raise ChartFormError("end" if end is None else "start", "give both start and end")
    return ChartRequest(symbol, timeframe, specs, int(raw_limit), start, end)


def _bundle(request: Request[Any, Any, Any]) -> MarketDataServices:
    found = bundle_of(request, "market_data")
    if found is None:
        raise MarketDataUnavailable("market data is not served here", retryable=False)
    services: MarketDataServices = found
    return services


async def chart_series(services: MarketDataServices, ask: ChartRequest) -> dict[str, Any]:
    """The chart's JSON: bars as columns (prices and volumes as decimal strings), `x` in unix
    seconds, and each indicator's columns aligned with them (null where none yet)."""
    if ask.start is not None and ask.end is not None:
        stored = await services.history().page(
            ask.symbol, ask.timeframe, ask.start, ask.end, limit=ask.limit
        )
        if not stored.bars:
            raise SymbolNotFound(f"no stored {ask.timeframe.value} bars of {ask.symbol} then")
        bars: Sequence[Bar] = stored.bars
        columns = await asyncio.to_thread(
            lambda: compute_tail(ask.specs, BarSeries.from_bars(list(bars)), len(bars))
        )
        computed: list[tuple[IndicatorSpec, dict[str, Any]]] = list(
            zip(ask.specs, columns, strict=True)
        )
        source = "history"
    else:
        result = await services.market_service().bars(
            ask.symbol, ask.timeframe, ask.limit, ask.specs
        )
        bars = result.bars
        computed = [(series.spec, dict(series.columns)) for series in result.indicators]
        source = "market"
    return {
        "symbol": ask.symbol,
        "timeframe": ask.timeframe.value,
        "source": source,
        "x": [int(bar.start.timestamp()) for bar in bars],
        "open": [decimal_text(bar.open, PRICE) for bar in bars],
        "high": [decimal_text(bar.high, PRICE) for bar in bars],
        "low": [decimal_text(bar.low, PRICE) for bar in bars],
        "close": [decimal_text(bar.close, PRICE) for bar in bars],
        "volume": [decimal_text(bar.volume, QUANTITY) for bar in bars],
        "indicators": [
            {
                "key": spec.key,
                "name": spec.name,
                "columns": {
                    name: [None if v != v else json_number(v, 10) for v in values.tolist()]
                    for name, values in cols.items()
                },
            }
            for spec, cols in computed
        ],
    }


def _form_error(exc: DomainError) -> tuple[str, str]:
    field = str(getattr(exc, "field", None) or "symbol")
    if isinstance(exc, InvalidIndicator):
        field = "indicators"
    return field, exc.message


class ChartPageController(ConsolePage):
    """`/console/chart`"""

    path = "/chart"

    @get("/")
    async def chart(self, request: Request[Any, Any, Any]) -> Template:
        caller_of(request)
        query = request.query_params
        error: tuple[str, str] | None = None
        ask: ChartRequest | None = None
        try:
            ask = read_chart_request(query)
            # One small read checks the symbol, so a wrong one is said beside the field.
            await _bundle(request).market_service().bars(ask.symbol, ask.timeframe, 1)
        except (ChartFormError, InvalidMarketRequest, SymbolNotFound) as exc:
            error = _form_error(exc)
        except MarketDataUnavailable as exc:
            error = ("symbol", exc.message)
        form = {
            "symbol": str(query.get("symbol") or DEFAULT_SYMBOL).strip().upper(),
            "timeframe": str(query.get("timeframe") or Timeframe.D1.value),
            "sma": str(query.get("sma") or ""),
            "ema": str(query.get("ema") or ""),
            "ind": list(query.getall("ind", [])),
        }
        return page(
            request,
            "chart.html",
            title=f"Chart {form['symbol']}",
            status_code=200 if error is None else 400,
            context={
                "form": form,
                "error": error,
                "ask": ask if error is None else None,
                "timeframes": [t.value for t in Timeframe],
                "choices": INDICATOR_CHOICES,
            },
        )

    @get("/data")
    async def data(self, request: Request[Any, Any, Any]) -> Response[Any]:
        """The chart's JSON, or problem+json naming the field (400/404/503)."""
        caller_of(request)
        try:
            ask = read_chart_request(request.query_params)
            body = await chart_series(_bundle(request), ask)
        except (ChartFormError, InvalidMarketRequest, InvalidIndicator, InvalidBarRequest) as exc:
            field, message = _form_error(exc)
            return problem_response(
                request,
                400,
                exc.code,
                "Invalid chart request",
                message,
                errors=[FieldError(field, message, "query")],
            )
        except SymbolNotFound as exc:
            return problem_response(request, 404, exc.code, "Unknown symbol", exc.message)
        except MarketDataUnavailable as exc:
            return problem_response(request, 503, exc.code, "Market data unavailable", exc.message)
        except DomainError as exc:  # e.g. no bar store on this server (503 STORE_UNAVAILABLE)
            status = domain_status(exc)
            return problem_response(request, status, exc.code, "Chart unavailable", exc.message)
        return Response(body, headers={"Cache-Control": "no-store"})

    @get("/regime")
    async def regime(self, request: Request[Any, Any, Any]) -> Template:
        """The market regime of the symbol's stored daily bars, or why there is none: a page
        fragment the chart page loads (chart_regime.py)."""
        caller_of(request)
        return await regime_panel(request, str(request.query_params.get("symbol") or ""))

    @get("/fundamentals")
    async def fundamentals(self, request: Request[Any, Any, Any]) -> Template:
        """The symbol's key ratios as a panel (GET /api/v1/market/{symbol}/fundamentals's),
        or why there are none: a page fragment the chart page loads."""
        caller_of(request)
        symbol = str(request.query_params.get("symbol") or DEFAULT_SYMBOL)
        # The panel says why there are none (an unknown symbol, no provider offering them, a
        # malformed symbol) as its content: a 200, which the page swaps in (htmx leaves an
        # error status's body unshown).
        found, problem = None, None
        try:
            found = await _bundle(request).key_ratios().fundamentals(symbol)
        except (SymbolNotFound, MarketDataUnavailable) as exc:
            problem = exc.message
        except DomainError as exc:  # a malformed symbol
            problem = exc.message
        return fragment(
            request,
            "partials/chart_fundamentals.html",
            context={"symbol": symbol.strip().upper(), "found": found, "problem": problem},
        )
