"""Polygon.io market data over its REST API (docs/market-data-vendors.md).

Endpoints: quotes from the stock snapshots /v2/snapshot/locale/us/markets/stocks/tickers[/{T}]
(one call for many symbols); bars from the aggregates
/v2/aggs/ticker/{T}/range/{multiplier}/{timespan}/{from}/{to} with `adjusted` and `sort`,
following `next_url`; splits /v3/reference/splits and dividends /v3/reference/dividends
(also paged by `next_url`); financial statements /vX/reference/financials
(polygon_statements.py). Choices worth knowing:

- A Quote's bid/ask are the snapshot's last NBBO, `last` the last trade (the mid without one);
  its time the later of the two (nanoseconds on the wire).
- Daily aggregates are stamped at midnight New York; a daily Bar starts at midnight UTC of
  that date, like the other providers'.
- Without `start`, bars are asked newest first (`sort=desc`) over a lookback wide enough for
  `limit` bars, then returned oldest first.
- `stream_quotes` reads Polygon's stocks websocket (polygon_stream.py: quote events, `last`
  the mid), one connection shared by every reader, reconnected with backoff (ws_stream.py);
  `stream_url` picks the real-time or the delayed cluster. Quotes need a plan with them.
- Order books and option chains are not built (they need paid plans).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import quote as urlquote

from adapters.market_data.vendors.common import (
    NEW_YORK,
    BarCall,
    VendorAdapter,
    batched_prices,
    day_start,
    dec,
    dividends_with_closes,
    parse_day,
    parsing,
    sorted_actions,
)
from adapters.market_data.vendors.polygon_statements import polygon_statements
from adapters.market_data.vendors.polygon_stream import STREAM_URL, PolygonProtocol
from adapters.market_data.ws_stream import QuoteStream, StreamHealth, StreamOptions
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from domain.market_data.statements import FinancialStatements, StatementPeriod
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

SPANS: dict[Timeframe, tuple[int, str]] = {
    Timeframe.M1: (1, "minute"),
    Timeframe.M5: (5, "minute"),
    Timeframe.M15: (15, "minute"),
    Timeframe.M30: (30, "minute"),
    Timeframe.H1: (1, "hour"),
    Timeframe.H4: (4, "hour"),
    Timeframe.D1: (1, "day"),
}
_SNAPSHOTS = "/v2/snapshot/locale/us/markets/stocks/tickers"
_MAX_PAGE = 50_000  # Polygon's largest page of aggregates
_MAX_PAGES = 100
_MAX_SYMBOLS = 250  # tickers per snapshot call, to keep URLs short


class PolygonMarketData(VendorAdapter):
    """A VendorMarketData over Polygon's REST API (module doc)."""

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
        protocol = PolygonProtocol(http.api_key)
        self.stream = QuoteStream(stream_url, protocol, clock=clock, options=stream_options)

    async def aclose(self) -> None:
        await self.stream.aclose()
        await super().aclose()

    def stream_health(self) -> StreamHealth:
        return self.stream.health()

    def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        """Quotes of `symbols` from the shared websocket (polygon_stream.py, ws_stream.py)."""
        return self.stream.quotes(symbols)

    # -- quotes -------------------------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        body = await self._http.get_json(f"{_SNAPSHOTS}/{urlquote(symbol, safe='')}")
        with parsing(self.name, "snapshot"):
            snapshot = body.get("ticker")
            quote = None if not snapshot else _quote(symbol, snapshot)
        if quote is None:
            raise QuoteUnavailable(f"polygon: no quote for {symbol}")
        return quote

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return await batched_prices(symbols, _MAX_SYMBOLS, self._snapshots)

    async def _snapshots(self, chunk: list[str]) -> dict[str, Quote]:
        body = await self._http.get_json(_SNAPSHOTS, {"tickers": ",".join(chunk)})
        found: dict[str, Quote] = {}
        with parsing(self.name, "snapshots"):
            for snapshot in body.get("tickers") or []:
                symbol = str(snapshot["ticker"])
                quote = _quote(symbol, snapshot) if symbol in chunk else None
                if quote is not None:
                    found[symbol] = quote
        return found

    # -- bars ---------------------------------------------------------------------------
    async def _fetch_bars(self, call: BarCall) -> list[Bar]:
        symbol, timeframe, lower, upper = call.symbol, call.timeframe, call.lower, call.upper
        multiplier, span = SPANS[timeframe]
        if timeframe is Timeframe.D1:  # dates: Polygon reads them as New York days
            frm, to = str((lower - timedelta(days=1)).date()), str(upper.date())
        else:
            frm, to = str(_ms(lower)), str(_ms(upper))
        path = f"/v2/aggs/ticker/{urlquote(symbol, safe='')}/range/{multiplier}/{span}/{frm}/{to}"
        params: dict[str, Any] = {
            "adjusted": "true" if call.adjusted else "false",
            "sort": "desc" if call.start is None else "asc",
            "limit": _MAX_PAGE,
        }
        collected: list[Bar] = []
        async for page in self._pages(path, params, "aggregates"):
            with parsing(self.name, "aggregates"):
                collected += [_bar(symbol, timeframe, raw) for raw in page.get("results") or []]
            if len(call.finish(collected)) >= call.limit:
                break
        return collected

    # -- corporate actions --------------------------------------------------------------
    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[CorporateAction]:
        if start >= end:
            return []
        window = {"ticker": symbol, "limit": 1000}
        actions: list[CorporateAction] = []
        split_params = {**window, "execution_date.gte": str(start), "execution_date.lt": str(end)}
        async for page in self._pages("/v3/reference/splits", split_params, "splits"):
            with parsing(self.name, "splits"):
                actions += [
                    CorporateAction(
                        symbol,
                        ActionKind.SPLIT,
                        parse_day(raw["execution_date"]),
                        dec(raw["split_to"]) / dec(raw["split_from"]),
                    )
                    for raw in page.get("results") or []
                ]
        dividend_params = {
            **window,
            "ex_dividend_date.gte": str(start),
            "ex_dividend_date.lt": str(end),
        }
        dividends: list[tuple[date, Decimal]] = []
        async for page in self._pages("/v3/reference/dividends", dividend_params, "dividends"):
            with parsing(self.name, "dividends"):
                dividends += [
                    (parse_day(raw["ex_dividend_date"]), dec(raw["cash_amount"]))
                    for raw in page.get("results") or []
                ]
        if dividends:
            daily = await self.bars(
                symbol,
                Timeframe.D1,
                start=day_start(start - timedelta(days=10)),
                end=day_start(end),
                limit=5000,
                adjusted=False,
            )
            actions += dividends_with_closes(symbol, dividends, daily)
        return sorted_actions(actions, start, end)

    # -- financial statements -----------------------------------------------------------
    async def financial_statements(
        self, symbol: str, period: StatementPeriod, limit: int
    ) -> FinancialStatements:
        return await polygon_statements(self._http.get_json, self.name, symbol, period, limit)

    # -- plumbing -----------------------------------------------------------------------
    async def _pages(
        self, path: str, params: dict[str, Any], what: str
    ) -> AsyncIterator[dict[str, Any]]:
        """Each page's body, following `next_url` (which carries the query but not the key)."""
        body = await self._http.get_json(path, params)
        for _ in range(_MAX_PAGES):
            if not isinstance(body, dict):
                raise ProviderError(self.name, f"malformed {what}: not an object")
            yield body
            next_url = body.get("next_url")
            if not next_url:
                return
            body = await self._http.get_json(str(next_url))


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _ns_time(value: Any) -> datetime:
    return datetime.fromtimestamp(int(value) / 1e9, tz=UTC)


def _quote(symbol: str, snapshot: dict[str, Any]) -> Quote | None:
    """A snapshot's last NBBO and trade as a Quote; None when it has neither."""
    nbbo = snapshot.get("lastQuote") or {}
    trade = snapshot.get("lastTrade") or {}
    bid, ask = dec(nbbo.get("p", 0)), dec(nbbo.get("P", 0))
    last = dec(trade["p"]) if trade.get("p") is not None else Decimal(0)
    stamps = [int(x["t"]) for x in (nbbo, trade) if x.get("t")]
    if not stamps or (bid <= 0 and ask <= 0 and last <= 0):
        return None
    if bid > 0 and ask > 0 and bid > ask:
        raise ValueError(f"crossed quote for {symbol}: bid {bid} > ask {ask}")
    if last <= 0:
        last = (bid + ask) / 2 if bid > 0 and ask > 0 else max(bid, ask)
    return Quote(
        symbol=symbol,
        bid=bid,
        ask=ask,
        last=last,
        at=_ns_time(max(stamps)),
        bid_size=dec(nbbo.get("s", 0)),
        ask_size=dec(nbbo.get("S", 0)),
    )


def _bar(symbol: str, timeframe: Timeframe, raw: dict[str, Any]) -> Bar:
    at = datetime.fromtimestamp(int(raw["t"]) / 1000, tz=UTC)
    if timeframe is Timeframe.D1:
        at = day_start(at.astimezone(NEW_YORK).date())
    return Bar(
        symbol=symbol,
        timeframe=timeframe,
        start=at,
        open=dec(raw["o"]),
        high=dec(raw["h"]),
        low=dec(raw["l"]),
        close=dec(raw["c"]),
        volume=dec(raw["v"]),
        vwap=dec(raw["vw"]) if raw.get("vw") is not None else None,
        trades=int(raw["n"]) if raw.get("n") is not None else None,
    )
