"""Finnhub market data over its REST API (docs/market-data-vendors.md).

Endpoints: /quote (the last price, the day's open/high/low and the previous close: no bid or
ask, so a Quote's bid and ask are 0 and its mid is `last`), /stock/candle (bars of resolution
1, 5, 15, 30, 60 or D between two epoch seconds, parallel arrays, `"s": "no_data"` when none),
/stock/split and /stock/dividend (corporate actions between two dates). Choices worth knowing:

- Finnhub answers an unknown symbol's quote with zeros (`"c": 0, "t": 0`): QuoteUnavailable.
- 4-hour bars are merged from hourly ones (Finnhub has no 4-hour resolution).
- Finnhub's daily candles come split-adjusted and its intraday candles raw. Adjusted intraday
  bars are the raw ones scaled by the splits from /stock/split (domain Adjustment); raw daily
  bars are not offered. Neither is adjusted for dividends.
- `stream_quotes` reads Finnhub's trades websocket (finnhub_stream.py), one connection shared
  by every reader, reconnected with backoff (ws_stream.py). Finnhub streams trades only: a
  streamed Quote is the last trade (bid and ask 0, its mid the trade's price).
- Order books and option chains are not built.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from adapters.market_data.vendors._rest_bars import aggregate
from adapters.market_data.vendors.common import (
    BarCall,
    VendorAdapter,
    day_start,
    dec,
    dividends_with_closes,
    not_offered,
    parse_day,
    parsing,
    sorted_actions,
)
from adapters.market_data.vendors.finnhub_stream import STREAM_URL, FinnhubProtocol
from adapters.market_data.ws_stream import QuoteStream, StreamHealth, StreamOptions
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import ActionKind, Adjustment, CorporateAction
from ports.core.clock import Clock
from ports.market_data.marketdata import Quote, QuoteUnavailable

RESOLUTIONS: dict[Timeframe, str] = {
    Timeframe.M1: "1",
    Timeframe.M5: "5",
    Timeframe.M15: "15",
    Timeframe.M30: "30",
    Timeframe.H1: "60",
    Timeframe.D1: "D",
}
_FIRST_DAY = date(1970, 1, 2)


class FinnhubMarketData(VendorAdapter):
    """A VendorMarketData over Finnhub's REST API (module doc)."""

    def __init__(
        self,
        http: VendorHttp,
        clock: Clock,
        *,
        stream_url: str = STREAM_URL,
        stream_options: StreamOptions | None = None,
    ) -> None:
        super().__init__(http, clock)
        # The stream reads the key as the HTTP client does (a vault key is re-read in time).
        protocol = FinnhubProtocol(http.api_key)
        self.stream = QuoteStream(stream_url, protocol, clock=clock, options=stream_options)

    async def aclose(self) -> None:
        await self.stream.aclose()
        await super().aclose()

    def stream_health(self) -> StreamHealth:
        return self.stream.health()

    def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        """Quotes of `symbols` from the shared websocket (finnhub_stream.py, ws_stream.py)."""
        return self.stream.quotes(symbols)

    async def quote(self, symbol: str) -> Quote:
        body = await self._http.get_json("/quote", {"symbol": symbol})
        with parsing(self.name, "quote"):
            last, stamp = dec(body["c"]), int(body["t"])
            if last <= 0 or stamp <= 0:
                raise QuoteUnavailable(f"finnhub: no quote for {symbol}")
            return Quote(
                symbol=symbol,
                bid=Decimal(0),
                ask=Decimal(0),
                last=last,
                at=datetime.fromtimestamp(stamp, tz=UTC),
            )

    async def _fetch_bars(self, call: BarCall) -> list[Bar]:
        symbol, timeframe, adjusted = call.symbol, call.timeframe, call.adjusted
        if timeframe is Timeframe.D1 and not adjusted:
            raise not_offered(self.name, "raw (unadjusted) daily bars")
        asked = Timeframe.H1 if timeframe is Timeframe.H4 else timeframe
        raw = await self._candles(symbol, asked, call.lower, call.upper)
        if timeframe is Timeframe.H4:
            raw = aggregate(raw, Timeframe.H4)
        if adjusted and timeframe is not Timeframe.D1 and raw:
            today = self._clock.now().date() + timedelta(days=1)
            splits = await self._splits(symbol, raw[0].start.date(), today)
            adjustment = Adjustment(splits)
            raw = [adjustment.bar(bar) for bar in raw] if adjustment else raw
        return raw

    async def _candles(
        self, symbol: str, timeframe: Timeframe, lower: datetime, upper: datetime
    ) -> list[Bar]:
        params = {
            "symbol": symbol,
            "resolution": RESOLUTIONS[timeframe],
            "from": int(lower.timestamp()),
            "to": int(upper.timestamp()),
        }
        body = await self._http.get_json("/stock/candle", params)
        with parsing(self.name, "candles"):
            if body["s"] == "no_data":
                return []
            if body["s"] != "ok":
                raise ValueError(f"status {body['s']!r}")
            columns = [body[k] for k in ("t", "o", "h", "l", "c", "v")]
            if len({len(column) for column in columns}) != 1:
                raise ValueError("the candle arrays differ in length")
            bars = []
            for t, o, h, low, c, v in zip(*columns, strict=True):
                at = datetime.fromtimestamp(int(t), tz=UTC)
                if timeframe is Timeframe.D1:
                    at = day_start(at.date())
                bars.append(Bar(symbol, timeframe, at, dec(o), dec(h), dec(low), dec(c), dec(v)))
            return sorted(bars, key=lambda b: b.start)

    async def _splits(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        params = {"symbol": symbol, "from": str(start), "to": str(end)}
        body = await self._http.get_json("/stock/split", params)
        with parsing(self.name, "splits"):
            return [
                CorporateAction(
                    symbol,
                    ActionKind.SPLIT,
                    parse_day(raw["date"]),
                    dec(raw["toFactor"]) / dec(raw["fromFactor"]),
                )
                for raw in body
                if start <= parse_day(raw["date"]) < end
            ]

    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        if start >= end:
            return []
        actions = await self._splits(symbol, max(start, _FIRST_DAY), end)
        params = {"symbol": symbol, "from": str(start), "to": str(end - timedelta(days=1))}
        body = await self._http.get_json("/stock/dividend", params)
        with parsing(self.name, "dividends"):
            dividends = [(parse_day(raw["date"]), dec(raw["amount"])) for raw in body]
        if dividends:
            # Finnhub's daily candles are split-adjusted: raw closes come from undoing the
            # splits after each day (the dividend and its close must be in the same shares).
            lower = day_start(start - timedelta(days=10))
            daily = await self._candles(symbol, Timeframe.D1, lower, day_start(end))
            daily = _unsplit(daily, await self._splits(symbol, start, self._clock.now().date()))
            actions += dividends_with_closes(symbol, dividends, daily)
        return sorted_actions(actions, start, end)


def _unsplit(daily: list[Bar], splits: list[CorporateAction]) -> list[Bar]:
    """Split-adjusted daily bars back in the shares of their own day."""
    if not splits:
        return daily
    adjustment = Adjustment(splits)
    result = []
    for bar in daily:
        price, _volume = adjustment.factors(bar.start.date())
        close = bar.close / price
        result.append(
            Bar(bar.symbol, bar.timeframe, bar.start, close, close, close, close, bar.volume)
        )
    return result
