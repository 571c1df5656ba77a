"""Alpha Vantage market data over its REST API (docs/market-data-vendors.md).

Every call is GET /query?function=...: GLOBAL_QUOTE (the latest price of the latest trading
day: no bid or ask, so a Quote's mid is `last`), TIME_SERIES_INTRADAY (1, 5, 15, 30, 60 min,
`adjusted`, `month=YYYY-MM` for history), TIME_SERIES_DAILY and TIME_SERIES_DAILY_ADJUSTED,
SPLITS and DIVIDENDS, and the financial statements (alphavantage_statements.py). Choices worth
knowing:

- Alpha Vantage answers every error with a 200: an "Error Message" (an unknown symbol reads
  "Invalid API call"), or a "Note"/"Information" for a rate limit or a premium-only endpoint
  (adapters/vendor_http/apis.py tells them apart).
- Intraday times are New York's (the "6. Time Zone" of the answer's meta data); 4-hour bars
  are merged from 60-minute ones. Without a start, the latest answer (about 30 days) is read;
  a start more than 30 days back is asked month by month (`month=`), at most 24 months.
- Adjusted daily bars scale open, high and low by the adjusted close over the close (splits
  and dividends); volumes are as reported.
- A quote's time is the close (16:00 New York) of its trading day, or now when that is later.
- Order books, option chains and streams are not offered.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from adapters.market_data.vendors._rest_bars import aggregate
from adapters.market_data.vendors.alphavantage_statements import alphavantage_statements
from adapters.market_data.vendors.common import (
    NEW_YORK,
    BarCall,
    VendorAdapter,
    day_start,
    dec,
    dividends_with_closes,
    parse_day,
    parsing,
    sorted_actions,
)
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from domain.market_data.statements import FinancialStatements, StatementPeriod
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

INTERVALS: dict[Timeframe, str] = {
    Timeframe.M1: "1min",
    Timeframe.M5: "5min",
    Timeframe.M15: "15min",
    Timeframe.M30: "30min",
    Timeframe.H1: "60min",
}
_RECENT = timedelta(days=30)  # what an intraday call without `month` covers
_MAX_MONTHS = 24
_COMPACT = 100  # points in a compact answer


class AlphaVantageMarketData(VendorAdapter):
    """A VendorMarketData over Alpha Vantage's REST API (module doc)."""

    def __init__(self, http: VendorHttp, clock: Clock) -> None:
        super().__init__(http, clock)

    async def _query(self, function: str, **params: Any) -> Any:
        body = await self._http.get_json("/query", {"function": function, **params})
        if not isinstance(body, dict):
            raise ProviderError(self.name, f"malformed {function}: not an object")
        return body

    async def quote(self, symbol: str) -> Quote:
        body = await self._query("GLOBAL_QUOTE", symbol=symbol)
        with parsing(self.name, "GLOBAL_QUOTE"):
            raw = body["Global Quote"]
            if not raw:
                raise QuoteUnavailable(f"alphavantage: no quote for {symbol}")
            price = dec(raw["05. price"])
            day = parse_day(raw["07. latest trading day"])
            close = datetime(day.year, day.month, day.day, 16, tzinfo=NEW_YORK).astimezone(UTC)
            if price <= 0:
                raise QuoteUnavailable(f"alphavantage: no price for {symbol}")
            return Quote(
                symbol=symbol,
                bid=Decimal(0),
                ask=Decimal(0),
                last=price,
                at=min(close, self._clock.now()),
            )

    async def _fetch_bars(self, call: BarCall) -> list[Bar]:
        symbol, timeframe, adjusted = call.symbol, call.timeframe, call.adjusted
        size = "compact" if call.start is None and call.limit <= _COMPACT else "full"
        if timeframe is Timeframe.D1:
            return await self._daily(symbol, adjusted, size)
        asked = Timeframe.H1 if timeframe is Timeframe.H4 else timeframe
        bars = await self._intraday(call, asked, size)
        return aggregate(bars, Timeframe.H4) if timeframe is Timeframe.H4 else bars

    async def _intraday(self, call: BarCall, timeframe: Timeframe, size: str) -> list[Bar]:
        """`call`'s bars of `timeframe` (a month at a time for an old range from its start)."""
        symbol, lower, upper = call.symbol, call.lower, call.upper
        params: dict[str, Any] = {
            "symbol": symbol,
            "interval": INTERVALS[timeframe],
            "adjusted": "true" if call.adjusted else "false",
            "extended_hours": "false",
            "outputsize": size,
        }
        months: list[str | None] = [None]
        if call.start is not None and self._clock.now() - lower > _RECENT:
            months = list(_months(lower, upper))
            if len(months) > _MAX_MONTHS:
                raise ProviderError(
                    self.name,
                    f"intraday bars over more than {_MAX_MONTHS} months in one call",
                    retryable=False,
                )
        bars: list[Bar] = []
        for month in months:
            extra = {"month": month, "outputsize": "full"} if month else {}
            body = await self._query("TIME_SERIES_INTRADAY", **(params | extra))
            with parsing(self.name, "TIME_SERIES_INTRADAY"):
                zone = ZoneInfo(str(body["Meta Data"].get("6. Time Zone", "US/Eastern")))
                series = body[f"Time Series ({INTERVALS[timeframe]})"]
                for stamp, raw in series.items():
                    at = datetime.fromisoformat(stamp).replace(tzinfo=zone).astimezone(UTC)
                    bars.append(_bar(symbol, timeframe, at, raw, adjusted=False))
        return bars

    async def _daily(self, symbol: str, adjusted: bool, size: str) -> list[Bar]:
        function = "TIME_SERIES_DAILY_ADJUSTED" if adjusted else "TIME_SERIES_DAILY"
        body = await self._query(function, symbol=symbol, outputsize=size)
        with parsing(self.name, function):
            return [
                _bar(symbol, Timeframe.D1, day_start(parse_day(day)), raw, adjusted=adjusted)
                for day, raw in body["Time Series (Daily)"].items()
            ]

    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        if start >= end:
            return []
        splits = await self._query("SPLITS", symbol=symbol)
        dividends = await self._query("DIVIDENDS", symbol=symbol)
        with parsing(self.name, "SPLITS"):
            actions = [
                CorporateAction(
                    symbol,
                    ActionKind.SPLIT,
                    parse_day(raw["effective_date"]),
                    dec(raw["split_factor"]),
                )
                for raw in splits["data"]
            ]
        with parsing(self.name, "DIVIDENDS"):
            cash = [
                (parse_day(raw["ex_dividend_date"]), dec(raw["amount"]))
                for raw in dividends["data"]
            ]
        cash = [(day, amount) for day, amount in cash if start <= day < end]
        if cash:
            daily = await self._daily(symbol, adjusted=False, size="full")
            actions += dividends_with_closes(symbol, cash, daily)
        return sorted_actions(actions, start, end)

    async def financial_statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements:
        return await alphavantage_statements(self._query, self.name, symbol, period, limit)


def _months(lower: datetime, upper: datetime) -> list[str]:
    """The YYYY-MM months (New York) from lower's through upper's."""
    first, last = lower.astimezone(NEW_YORK), upper.astimezone(NEW_YORK)
    year, month, months = first.year, first.month, []
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _bar(
    symbol: str, timeframe: Timeframe, at: datetime, raw: dict[str, Any], *, adjusted: bool
) -> Bar:
    open_, high, low, close = (dec(raw[k]) for k in ("1. open", "2. high", "3. low", "4. close"))
    if adjusted:  # TIME_SERIES_DAILY_ADJUSTED: scale by the adjusted close
        adjusted_close = dec(raw["5. adjusted close"])
        factor = adjusted_close / close if close else Decimal(1)
        open_, high, low = (v * factor for v in (open_, high, low))
        close, volume = adjusted_close, dec(raw["6. volume"])
    else:
        volume = dec(raw["5. volume"])
    return Bar(symbol, timeframe, at, open_, high, low, close, volume)
