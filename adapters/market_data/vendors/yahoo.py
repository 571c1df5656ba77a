"""Yahoo Finance: quotes, bars, corporate actions, option chains and key ratios, over the
endpoints the `yfinance` library reads (Yahoo publishes no API of its own).

Why not `yfinance` itself: it hard-codes Yahoo's hosts (no base URL to point at a local
server), is synchronous, and hands back pandas frames with floats. The same endpoints are
called here with httpx, asynchronously:

- quotes: GET /v7/finance/quote?symbols=A,B (unknown symbols are left out of its answer);
- bars and events: GET /v8/finance/chart/{symbol}?period1&period2&interval&events=div,splits;
- option chains: GET /v7/finance/options/{symbol}[?date=EPOCH] (one expiry per call);
- key ratios: GET /v10/finance/quoteSummary/{symbol}?modules=summaryDetail,...;
- the crumb those v7/v10 calls need: GET /v1/test/getcrumb after a first visit to the cookie
  URL (its cookies are kept), fetched once and again when Yahoo refuses it (401).

Choices worth knowing: Yahoo's chart prices and volumes are split-adjusted. Raw bars (the
default; the bar store keeps raw bars) undo the splits after each bar, so a raw call asks
the chart once more for the splits up to now; `adjusted=True` gives daily bars adjusted for
splits and dividends (Yahoo's adjusted close) and intraday bars adjusted for splits only.
Prices are rounded half-even to 6 places (Yahoo sends float32-looking floats). Daily bars
start at 00:00 UTC of their exchange date; 4h bars are built from 1h bars. Yahoo keeps 1m
bars for 30 days (7 days a call: longer ranges are asked a week at a time), other intraday
bars for 60 days and 1h bars for 730 days; it answers older ranges with 422, reported as a
non-retryable ProviderError with its message. No key, no order books, no stream.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import quote as urlquote

from adapters.market_data.vendors._rest import (
    OverVendorHttp,
    VendorHttp,
    not_offered,
    optional_decimal,
)
from adapters.market_data.vendors._rest_bars import (
    WindowCall,
    WindowedBars,
    aggregate,
    with_reference_closes,
)
from adapters.market_data.vendors.common import batched_prices, day_start
from adapters.market_data.vendors.yahoo_wire import (
    Chart,
    contracts_of,
    epoch,
    expiry_stamps,
    result_of,
    rounded,
    split_factor,
)
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.corporate_actions import CorporateAction
from domain.market_data.fundamentals import KeyRatios
from domain.market_data.options import OptionChain
from domain.trading.instruments import OptionRight
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

BASE_URL = "https://query2.finance.yahoo.com"
COOKIE_URL = "https://fc.yahoo.com"
CALLS_PER_MINUTE = 60  # Yahoo states no limit; about one call a second stays clear of its 429s
NAME = "yahoo"
ZERO = Decimal(0)
_INTERVALS = {
    Timeframe.M1: ("1m", timedelta(days=7)),
    Timeframe.M5: ("5m", timedelta(days=59)),
    Timeframe.M15: ("15m", timedelta(days=59)),
    Timeframe.M30: ("30m", timedelta(days=59)),
    Timeframe.H1: ("60m", timedelta(days=729)),
    Timeframe.H4: ("60m", timedelta(days=729)),
    Timeframe.D1: ("1d", timedelta(days=365 * 100)),
}
_QUOTE_BATCH = 50
_RATIO_MODULES = "summaryDetail,defaultKeyStatistics,financialData"
_RIGHT_ORDER = {OptionRight.CALL: 0, OptionRight.PUT: 1}


class YahooMarketData(OverVendorHttp, WindowedBars):
    """A MarketDataProvider (without books and stream), CorporateActionsSource and
    KeyRatiosSource over Yahoo Finance."""

    name = NAME

    def __init__(self, http: VendorHttp, clock: Clock, *, cookie_url: str | None = None) -> None:
        self._http = http
        self._clock = clock
        self._cookie_url = cookie_url
        self._crumb: str | None = None
        self._crumb_lock = asyncio.Lock()

    @classmethod
    def create(
        cls,
        clock: Clock,
        *,
        base_url: str = BASE_URL,
        cookie_url: str | None = COOKIE_URL,
        per_minute: int = CALLS_PER_MINUTE,
        timeout_s: float = 10.0,
    ) -> YahooMarketData:
        headers = {"User-Agent": "Mozilla/5.0 (compatible; Bulwark)"}
        http = VendorHttp(NAME, base_url, clock, per_minute=per_minute, timeout_s=timeout_s,
                          headers=headers)  # fmt: skip
        return cls(http, clock, cookie_url=cookie_url)

    # -- the crumb ------------------------------------------------------------------------
    async def _crumbed(self, path: str, params: Mapping[str, Any]) -> Any:
        """GET a v7/v10 endpoint with the crumb; a refused crumb is fetched again, once."""
        for attempt in range(2):
            crumb = await self._crumb_for(refresh=attempt > 0)
            try:
                return await self._http.get_json(path, {**params, "crumb": crumb})
            except ProviderError as exc:
                if attempt or exc.retryable or "HTTP 401" not in exc.message:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _crumb_for(self, *, refresh: bool) -> str:
        async with self._crumb_lock:
            if self._crumb is None or refresh:
                if self._cookie_url:
                    with contextlib.suppress(QuoteUnavailable):  # its 404 sets the cookie too
                        await self._http.send("GET", self._cookie_url)
                response = await self._http.send("GET", "/v1/test/getcrumb")
                crumb = response.text.strip()
                if not crumb or len(crumb) > 64 or "{" in crumb:
                    raise ProviderError(NAME, "malformed crumb answer")
                self._crumb = crumb
            return self._crumb

    # -- quotes ---------------------------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        found = await self._quotes([symbol])
        if symbol not in found:
            raise QuoteUnavailable(f"{NAME}: no quote for {symbol}")
        return found[symbol]

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return await batched_prices(symbols, _QUOTE_BATCH, self._quotes)

    async def _quotes(self, symbols: Sequence[str]) -> dict[str, Quote]:
        if not symbols:
            return {}
        body = await self._crumbed("/v7/finance/quote", {"symbols": ",".join(symbols)})
        rows = result_of(body, "quoteResponse", "/v7/finance/quote")
        quotes = [self._quote_of(row) for row in rows]
        return {q.symbol: q for q in quotes if q is not None and q.symbol in symbols}

    def _quote_of(self, row: Any) -> Quote | None:
        if not isinstance(row, dict) or not isinstance(row.get("symbol"), str):
            raise ProviderError(NAME, "malformed quote row")
        last = optional_decimal(NAME, row.get("regularMarketPrice"), "regularMarketPrice")
        bid = optional_decimal(NAME, row.get("bid"), "bid") or Decimal(0)
        ask = optional_decimal(NAME, row.get("ask"), "ask") or Decimal(0)
        if last is None or last <= 0:
            return None
        stamp = row.get("regularMarketTime")
        at = epoch(stamp) if isinstance(stamp, int) else self._clock.now()
        return Quote(
            symbol=row["symbol"],
            bid=max(bid, Decimal(0)),
            ask=max(ask, Decimal(0)),
            last=last,
            at=at,
            bid_size=max(optional_decimal(NAME, row.get("bidSize"), "bidSize") or ZERO, ZERO),
            ask_size=max(optional_decimal(NAME, row.get("askSize"), "askSize") or ZERO, ZERO),
        )

    # -- bars -----------------------------------------------------------------------------
    async def _fetch_bars(self, call: WindowCall) -> list[Bar]:
        symbol, timeframe, span, limit = call.symbol, call.timeframe, call.span, call.limit
        interval, reach = _INTERVALS[timeframe]
        charts: list[Chart] = []
        at = span.start
        collected = 0
        while at < span.end and (span.latest or collected < limit):
            until = min(at + reach, span.end)
            chart = await self._chart(symbol, interval, at, until)
            charts.append(chart)
            collected += len(chart.stamps)
            at = until
        later: list[tuple[date, Decimal]] = []
        if not call.adjusted and span.end < self._clock.now():
            later = (await self._chart(symbol, "3mo", span.end, self._clock.now())).splits
        bars: list[Bar] = []
        for chart in charts:
            bars += chart.bars(symbol, timeframe, call.adjusted, later)
        return aggregate(bars, Timeframe.H4) if timeframe is Timeframe.H4 else bars

    async def _chart(self, symbol: str, interval: str, start: datetime, end: datetime) -> Chart:
        path = f"/v8/finance/chart/{urlquote(symbol, safe='')}"
        params = {
            "period1": int(start.timestamp()),
            "period2": int(end.timestamp()),
            "interval": interval,
            "events": "div,splits",
            "includeAdjustedClose": "true",
        }
        body = await self._http.get_json(path, params)
        [result] = result_of(body, "chart", path, one=True)
        return Chart.parse(result, path)

    # -- corporate actions and ratios ------------------------------------------------------
    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        # A week before `start`: the close before the first dividend's ex date.
        first = day_start(start) - timedelta(days=7)
        chart = await self._chart(symbol, "1d", first, day_start(end) + timedelta(days=1))
        later = (await self._chart(symbol, "3mo", day_start(end), self._clock.now())).splits
        raw = chart.bars(symbol, Timeframe.D1, False, later)
        splits = [(d, r) for d, r in chart.splits if start <= d <= end]
        # Yahoo's dividend amounts are split-adjusted like its prices: undo the later splits.
        dividends = [
            (d, rounded(a * split_factor(d, chart.splits + later)))
            for d, a in chart.dividends
            if start <= d <= end
        ]
        return with_reference_closes(NAME, symbol, splits, dividends, raw)

    async def key_ratios(self, symbol: str) -> KeyRatios:
        path = f"/v10/finance/quoteSummary/{urlquote(symbol, safe='')}"
        body = await self._crumbed(path, {"modules": _RATIO_MODULES})
        [result] = result_of(body, "quoteSummary", path, one=True)
        if not isinstance(result, dict):
            raise ProviderError(NAME, f"{path}: malformed answer")

        def raw(module: str, field: str) -> Decimal | None:
            part = result.get(module) or {}
            value = part.get(field) if isinstance(part, dict) else None
            if isinstance(value, dict):
                value = value.get("raw")
            return optional_decimal(NAME, value, f"{module}.{field}")

        debt = raw("financialData", "debtToEquity")
        return KeyRatios(
            symbol=symbol,
            source=NAME,
            at=self._clock.now(),
            market_cap=raw("summaryDetail", "marketCap"),
            trailing_pe=raw("summaryDetail", "trailingPE"),
            forward_pe=raw("summaryDetail", "forwardPE"),
            price_to_book=raw("defaultKeyStatistics", "priceToBook"),
            price_to_sales=raw("summaryDetail", "priceToSalesTrailing12Months"),
            dividend_yield=raw("summaryDetail", "dividendYield"),
            trailing_eps=raw("defaultKeyStatistics", "trailingEps"),
            beta=raw("summaryDetail", "beta"),
            profit_margin=raw("financialData", "profitMargins"),
            return_on_equity=raw("financialData", "returnOnEquity"),
            # Yahoo states debt to equity in percent (145.3 for 1.453).
            debt_to_equity=None if debt is None else debt / 100,
        )

    # -- option chains --------------------------------------------------------------------
    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        path = f"/v7/finance/options/{urlquote(underlying, safe='')}"
        params: dict[str, Any] = {}
        if expiry is not None:
            params["date"] = int(day_start(expiry).timestamp())
        first = await self._chain_page(path, params)
        pages = [first]
        if expiry is None:
            for stamp in first.get("expirationDates") or []:
                if not isinstance(stamp, int):
                    raise ProviderError(NAME, f"{path}: malformed expiration date")
                if any(expiry_stamps(p) == [stamp] for p in pages):
                    continue
                pages.append(await self._chain_page(path, {"date": stamp}))
        quote = first.get("quote") or {}
        spot = optional_decimal(NAME, quote.get("regularMarketPrice"), "regularMarketPrice")
        contracts = [c for page in pages for c in contracts_of(page, underlying)]
        contracts = [c for c in contracts if expiry is None or c.expiry == expiry]
        if not contracts or spot is None:
            raise QuoteUnavailable(f"{NAME}: no option contracts for {underlying}")
        unique = {c.symbol: c for c in contracts}
        ordered = sorted(unique.values(), key=lambda c: (c.expiry, c.strike, _RIGHT_ORDER[c.right]))
        return OptionChain(underlying, spot, self._clock.now(), tuple(ordered))

    async def _chain_page(self, path: str, params: Mapping[str, Any]) -> dict[str, Any]:
        body = await self._crumbed(path, params)
        rows = result_of(body, "optionChain", path)
        if not rows:
            raise QuoteUnavailable(f"{NAME}: no options for {path.rsplit('/', 1)[-1]}")
        if not isinstance(rows[0], dict):
            raise ProviderError(NAME, f"{path}: malformed answer")
        page: dict[str, Any] = rows[0]
        return page

    # -- not offered ----------------------------------------------------------------------
    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        raise not_offered(NAME, "order books")

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        raise not_offered(NAME, "a quote stream (poll quote() instead)")
        yield  # pragma: no cover  (makes this an async generator)
