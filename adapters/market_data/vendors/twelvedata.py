"""Twelve Data: quotes, bars (raw or adjusted), splits, dividends and key statistics, through
Twelve Data's own client (`twelvedata.TDClient`), which takes a base URL.

The client builds each request (path, parameters, the key); it is synchronous, so every call
runs in a worker thread (`asyncio.to_thread`), never on the event loop. It is given an HTTP
client of ours that hands back every answer as it came: the client's own one raises one
exception for every refusal and drops the status and the Retry-After header, which the port
needs. The answers are then read here:

- Twelve Data answers most errors with HTTP 200 and a body {"code": 429, "message": ...,
  "status": "error"}: 429 is ProviderRateLimited (the credits of the current minute are spent:
  retry at the next minute), 401/403 a refused key, 400/404 an unknown symbol (QuoteUnavailable),
  and "No data is available on the specified dates" an empty range.
- /quote carries no bid or ask: a Quote's bid and ask are 0 and its `last` is the latest
  close (so its mid is that price).
- /time_series is asked with timezone=UTC, order=ASC, up to 5,000 bars a call, and
  `adjust=none` for raw bars (the bar store keeps raw bars) or `adjust=all` (splits and
  dividends) when `adjusted=True`. Daily bars start at 00:00 UTC of their date.
- Option chains (a separate plan at Twelve Data), order books and the stream are not offered.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import requests
from twelvedata import TDClient

from adapters.market_data.vendors._rest import (
    CallBudget,
    brief,
    not_offered,
    optional_decimal,
    parse_json,
)
from adapters.market_data.vendors._rest_bars import (
    WindowCall,
    WindowedBars,
    with_reference_closes,
)
from adapters.market_data.vendors.common import batched_prices, day_start
from adapters.market_data.vendors.twelvedata_wire import (
    bar_of,
    dividend_of,
    first_day,
    from_percent,
    quote_of,
    rows_of,
    split_of,
    utc_text,
)
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.corporate_actions import CorporateAction
from domain.market_data.fundamentals import KeyRatios
from domain.market_data.options import OptionChain
from ports.core.clock import Clock
from ports.market_data.marketdata import (
    ProviderError,
    ProviderRateLimited,
    Quote,
    QuoteUnavailable,
    RateLimitUsage,
)

BASE_URL = "https://api.twelvedata.com"
NAME = "twelvedata"
CALLS_PER_MINUTE = 8  # the Basic (free) plan: 8 API credits a minute, 800 a day
MAX_OUTPUT = 5000
_MAX_SLICES = 20  # of MAX_OUTPUT bars' time each: at most 20 credits for one bars() call
_INTERVALS = {
    Timeframe.M1: "1min",
    Timeframe.M5: "5min",
    Timeframe.M15: "15min",
    Timeframe.M30: "30min",
    Timeframe.H1: "1h",
    Timeframe.H4: "4h",
    Timeframe.D1: "1day",
}
_NO_DATA = "no data is available"
_QUOTE_BATCH = 8  # a batch costs a credit per symbol: no more than a minute's budget
_REFUSED = frozenset({401, 403})
_UNKNOWN = frozenset({400, 404})


class _Answer:
    """One HTTP answer as it came (what our HTTP client hands the Twelve Data client)."""

    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self.status_code = status
        self.headers = dict(headers)
        self.content = body

    def json(self) -> Any:  # what the client reads of an answer
        return parse_json(NAME, "answer", self.content)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


class _PassThroughHttp:
    """The `http_client` given to TDClient: GET base_url + path, every answer returned."""

    def __init__(self, base_url: str, timeout_s: float) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout_s = timeout_s
        self._session = requests.Session()

    def get(self, relative_url: str, *args: Any, **kwargs: Any) -> _Answer:
        try:
            response = self._session.get(
                f"{self.base_url}{relative_url}", *args, timeout=self._timeout_s, **kwargs
            )
        except requests.Timeout:
            raise ProviderError(NAME, f"{relative_url}: timed out") from None
        except requests.RequestException as exc:
            raise ProviderError(NAME, f"{relative_url}: {type(exc).__name__}") from None
        return _Answer(response.status_code, response.headers, response.content)

    def close(self) -> None:
        self._session.close()


class TwelveDataMarketData(WindowedBars):
    """A MarketDataProvider (quotes and bars), CorporateActionsSource and KeyRatiosSource."""

    name = NAME

    def __init__(
        self,
        api_key: str,
        clock: Clock,
        *,
        base_url: str = BASE_URL,
        per_minute: int = CALLS_PER_MINUTE,
        timeout_s: float = 10.0,
    ) -> None:
        self._clock = clock
        self._http = _PassThroughHttp(base_url, timeout_s)
        self._api_key = api_key
        self._base_url = base_url
        self._client: TDClient | None = None
        self._client_lock = asyncio.Lock()
        self._budget = CallBudget(NAME, per_minute, clock)

    async def aclose(self) -> None:
        await asyncio.to_thread(self._http.close)

    @property
    def calls_made(self) -> int:
        """Calls sent to the vendor since this provider was built (its cost's unit)."""
        return self._budget.spent

    def rate_limit(self) -> RateLimitUsage | None:
        return self._budget.usage()

    async def _call(self, path: str, build: Callable[[TDClient], Any], credits: int = 1) -> Any:
        """Run the client's request in a thread; the JSON body, or the port's error."""
        for _ in range(credits):
            self._budget.take()
        client = await self._td_client()
        answer: _Answer = await asyncio.to_thread(lambda: build(client).execute())
        if answer.status_code == 429:
            raise ProviderRateLimited(NAME, _retry_after(answer.headers, self._clock))
        if answer.status_code >= 500:
            raise ProviderError(NAME, f"{path}: HTTP {answer.status_code}")
        body = parse_json(NAME, path, answer.content)
        code: object = answer.status_code
        if isinstance(body, dict) and body.get("status") == "error":
            code = body.get("code") if isinstance(body.get("code"), int) else 500
        if code != 200:
            message = str(body.get("message", "")) if isinstance(body, dict) else ""
            raise _error(path, code, message, self._clock)
        return body

    async def api_usage(self) -> dict[str, Any]:
        """GET /api_usage: the plan's use this minute (costs no credit; needs a good key)."""
        body = await self._call("/api_usage", lambda td: td.api_usage())
        if not isinstance(body, dict):
            raise ProviderError(NAME, "/api_usage: malformed answer")
        return body

    async def _td_client(self) -> TDClient:
        """The client, built in a thread: its first construction in a process reads the
        technical indicators' list from the API (a blocking call)."""
        async with self._client_lock:
            if self._client is None:
                self._client = await asyncio.to_thread(
                    TDClient, apikey=self._api_key, base_url=self._base_url, http_client=self._http
                )
            return self._client

    # -- quotes ---------------------------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        body = await self._call("/quote", lambda td: td.quote(symbol=symbol))
        quote = quote_of(symbol, body, self._clock)
        if quote is None:
            raise QuoteUnavailable(f"{NAME}: no quote for {symbol}")
        return quote

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return await batched_prices(symbols, _QUOTE_BATCH, self._quotes)

    async def _quotes(self, batch: list[str]) -> dict[str, Quote]:
        body = await self._call("/quote", _quote_request(",".join(batch)), len(batch))
        rows = {batch[0]: body} if len(batch) == 1 else body
        if not isinstance(rows, dict):
            raise ProviderError(NAME, "/quote: malformed batch answer")
        found: dict[str, Quote] = {}
        for symbol in batch:
            row = rows.get(symbol)
            if not isinstance(row, dict) or row.get("status") == "error":
                continue
            quote = quote_of(symbol, row, self._clock)
            if quote is not None:
                found[symbol] = quote
        return found

    # -- bars -----------------------------------------------------------------------------
    async def _fetch_bars(self, call: WindowCall) -> list[Bar]:
        span, limit = call.span, call.limit
        if span.latest:
            rows = await self._series(call, span.start, span.end, limit, newest_first=True)
            return [bar_of(r, call.symbol, call.timeframe) for r in rows]
        # A range is asked a slice at a time, each at most MAX_OUTPUT bars long even without
        # nights and weekends, so Twelve Data's cap never cuts a slice short.
        bars: list[Bar] = []
        at = span.start
        for _ in range(_MAX_SLICES):
            if at >= span.end or len(bars) >= limit:
                break
            until = min(at + call.timeframe.delta * MAX_OUTPUT, span.end)
            rows = await self._series(call, at, until, limit - len(bars))
            bars += [bar_of(r, call.symbol, call.timeframe) for r in rows]
            at = until
        return bars

    async def _series(
        self,
        call: WindowCall,
        start: datetime,
        end: datetime,
        limit: int,
        *,
        newest_first: bool = False,
    ) -> list[Any]:
        """One /time_series call: its rows (none for "no data on these dates")."""
        daily = call.timeframe is Timeframe.D1
        params = {
            "symbol": call.symbol,
            "interval": _INTERVALS[call.timeframe],
            "start_date": utc_text(first_day(start) if daily else start),
            "end_date": utc_text(end),
            "timezone": "UTC",
            "order": "DESC" if newest_first else "ASC",
            "outputsize": min(limit, MAX_OUTPUT),
            "adjust": "all" if call.adjusted else "none",
        }
        try:
            body = await self._call(
                "/time_series", lambda td: td.time_series(**params).price_endpoint
            )
        except _NoData:
            return []
        values = body.get("values") if isinstance(body, dict) else None
        if not isinstance(values, list):
            raise ProviderError(NAME, "/time_series: malformed answer (no values)")
        return values

    # -- corporate actions and ratios ------------------------------------------------------
    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        dates = {"start_date": start.isoformat(), "end_date": end.isoformat()}
        splits_body = await self._call("/splits", lambda td: td.get_splits(symbol=symbol, **dates))
        dividends_body = await self._call(
            "/dividends", lambda td: td.get_dividends(symbol=symbol, **dates)
        )
        splits = [split_of(row) for row in rows_of(splits_body, "splits")]
        dividends = [dividend_of(row) for row in rows_of(dividends_body, "dividends")]
        daily: list[Bar] = []
        if dividends:
            first = min(d for d, _ in dividends) - timedelta(days=10)
            daily = await self.bars(
                symbol, Timeframe.D1, start=day_start(first),
                end=day_start(end) + timedelta(days=1), limit=MAX_OUTPUT,
            )  # fmt: skip
        return with_reference_closes(NAME, symbol, splits, dividends, daily)

    async def key_ratios(self, symbol: str) -> KeyRatios:
        body = await self._call("/statistics", lambda td: td.get_statistics(symbol=symbol))
        stats = body.get("statistics") if isinstance(body, dict) else None
        if not isinstance(stats, dict):
            raise ProviderError(NAME, "/statistics: malformed answer")

        def pick(*path: str) -> Decimal | None:
            node: Any = stats
            for key in path:
                node = node.get(key) if isinstance(node, dict) else None
            return optional_decimal(NAME, node, ".".join(path))

        return KeyRatios(
            symbol=symbol,
            source=NAME,
            at=self._clock.now(),
            market_cap=pick("valuations_metrics", "market_capitalization"),
            trailing_pe=pick("valuations_metrics", "trailing_pe"),
            forward_pe=pick("valuations_metrics", "forward_pe"),
            price_to_book=pick("valuations_metrics", "price_to_book_mrq"),
            price_to_sales=pick("valuations_metrics", "price_to_sales_ttm"),
            dividend_yield=pick("dividends_and_splits", "forward_annual_dividend_yield"),
            trailing_eps=pick("financials", "income_statement", "diluted_eps_ttm"),
            beta=pick("stock_price_summary", "beta"),
            profit_margin=pick("financials", "profit_margin"),
            return_on_equity=pick("financials", "return_on_equity_ttm"),
            debt_to_equity=from_percent(
                pick("financials", "balance_sheet", "total_debt_to_equity_mrq")
            ),
        )

    # -- not offered ----------------------------------------------------------------------
    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        raise not_offered(NAME, "order books")

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        raise not_offered(NAME, "option chains (a separate Twelve Data plan, not wired)")

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        raise not_offered(NAME, "a quote stream (its WebSocket is not wired)")
        yield  # pragma: no cover  (makes this an async generator)


def _quote_request(symbols: str) -> Callable[[TDClient], Any]:
    return lambda td: td.quote(symbol=symbols)


class _NoData(QuoteUnavailable):
    """Twelve Data has no bars in the range asked (an empty answer, not a failure)."""


def _error(path: str, code: object, message: str, clock: Clock) -> QuoteUnavailable:
    text = f"{path}: {brief(message)}" if message else f"{path}: code {code}"
    if code == 429:
        return ProviderRateLimited(NAME, _seconds_to_next_minute(clock))
    if code in _REFUSED:
        return ProviderError(NAME, f"the key was refused ({text})", retryable=False)
    if code in _UNKNOWN and _NO_DATA in message.lower():
        return _NoData(f"{NAME}: {text}")
    if code in _UNKNOWN:
        return QuoteUnavailable(f"{NAME}: {text}")
    if isinstance(code, int) and code >= 500:
        return ProviderError(NAME, text)
    return ProviderError(NAME, text, retryable=False)


def _seconds_to_next_minute(clock: Clock) -> float:
    """Twelve Data's credits are per calendar minute: they come back at the next one."""
    now = clock.now()
    return 60.0 - now.second - now.microsecond / 1e6


def _retry_after(headers: Mapping[str, str], clock: Clock) -> float:
    lowered = {k.lower(): v for k, v in headers.items()}
    try:
        return max(float(lowered["retry-after"]), 0.0)
    except (KeyError, ValueError):
        return _seconds_to_next_minute(clock)
