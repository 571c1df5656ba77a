"""Databento: historical bars and the latest top of book, over its Historical HTTP API.

Why not the `databento` client: its Historical client (the gateway can be pointed anywhere)
is synchronous and asks for DBN, Databento's binary encoding, decoded into pandas. The same
documented endpoint answers JSON lines with `encoding=json`, read here with httpx, async,
into exact Decimals (`pretty_px=true`: prices as decimal strings):

- bars: POST /v0/timeseries.get_range, schema ohlcv-1m / ohlcv-1h / ohlcv-1d (5m, 15m and
  30m bars are built from 1m bars, 4h from 1h), stype_in=raw_symbol, one JSON record a line;
- quotes: the last record of schema bbo-1m over the last 15 minutes the dataset holds
  (GET /v0/metadata.get_dataset_range says where its data ends; Historical data is not live);
- order books: the newest record of schema mbp-10 (top ten levels) where the dataset ends,
  read by adapters/market_data/vendors/databento_mbp.py; see `order_book`;
- the key test: GET /v0/metadata.list_datasets;
- the quote stream: the Live gateway of the dataset (a TCP protocol of its own,
  adapters/market_data/vendors/databento_live.py), under the shared reconnect rules.

The key is HTTP Basic's user name (no password). Databento's bars are the venue's raw
trades: `adjusted=True`, corporate actions, option chains and fundamentals are not offered
here.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from adapters.market_data.quotes_each import known_quotes
from adapters.market_data.vendors._rest import (
    OverVendorHttp,
    VendorHttp,
    brief,
    decimal,
    not_offered,
    parse_json,
    rfc3339,
)
from adapters.market_data.vendors._rest_bars import (
    WindowCall,
    WindowedBars,
    aggregate,
    make_bar,
)
from adapters.market_data.vendors.common import day_start
from adapters.market_data.vendors.databento_live import DatabentoLiveStream
from adapters.market_data.vendors.databento_mbp import MBP_LEVELS, mbp10_book
from adapters.market_data.ws_stream import StreamOptions
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import OrderBook
from domain.market_data.options import OptionChain
from ports.core.clock import Clock
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

BASE_URL = "https://hist.databento.com"
NAME = "databento"
DATASET = "XNAS.ITCH"
CALLS_PER_MINUTE = 100  # far under Databento's 100 timeseries requests a second per IP
_SCHEMAS = {
    Timeframe.M1: ("ohlcv-1m", Timeframe.M1),
    Timeframe.M5: ("ohlcv-1m", Timeframe.M1),
    Timeframe.M15: ("ohlcv-1m", Timeframe.M1),
    Timeframe.M30: ("ohlcv-1m", Timeframe.M1),
    Timeframe.H1: ("ohlcv-1h", Timeframe.H1),
    Timeframe.H4: ("ohlcv-1h", Timeframe.H1),
    Timeframe.D1: ("ohlcv-1d", Timeframe.D1),
}
_QUOTE_LOOKBACK = timedelta(minutes=15)
# MBP-10 books: windows back from where the data ends, newest first (each starts where the
# next one ends), the records asked per call, and how often a cut window is narrowed.
_BOOK_WINDOWS = (timedelta(seconds=1), timedelta(seconds=10), timedelta(minutes=1),
                 timedelta(minutes=15))  # fmt: skip
_BOOK_RECORDS = 1000
_BOOK_NARROWINGS = 4
_RANGE_TTL_S = 300.0


class DatabentoMarketData(OverVendorHttp, WindowedBars):
    """A MarketDataProvider (bars and quotes) over Databento's Historical API."""

    name = NAME
    raw_only = "adjusted bars (its bars are the venue's raw trades)"

    def __init__(
        self,
        http: VendorHttp,
        clock: Clock,
        *,
        dataset: str = DATASET,
        live: DatabentoLiveStream | None = None,
    ) -> None:
        self._http = http
        self._clock = clock
        self.dataset = dataset
        self.live_stream = live  # the Live gateway's quotes (None: no stream)
        self._range_end: tuple[float, datetime] | None = None

    @classmethod
    def create(
        cls,
        api_key: str,
        clock: Clock,
        *,
        base_url: str = BASE_URL,
        dataset: str = DATASET,
        per_minute: int = CALLS_PER_MINUTE,
        timeout_s: float = 30.0,
        live_url: str | None = None,
        live_options: StreamOptions | None = None,
    ) -> DatabentoMarketData:
        """The adapter on `api_key`, its quotes streamed from the dataset's Live gateway
        (`live_url`: another gateway, a test's)."""
        http = VendorHttp(NAME, base_url, clock, per_minute=per_minute, timeout_s=timeout_s,
                          auth=(api_key, ""))  # fmt: skip
        live = DatabentoLiveStream(
            api_key, dataset, clock=clock, url=live_url, options=live_options
        )
        return cls(http, clock, dataset=dataset, live=live)

    async def _records(
        self, symbol: str, schema: str, start: datetime, end: datetime, *, limit: int = 0
    ) -> list[dict[str, Any]]:
        path = "/v0/timeseries.get_range"
        form = {
            "dataset": self.dataset,
            "symbols": symbol,
            "schema": schema,
            "start": rfc3339(start),
            "end": rfc3339(end),
            "stype_in": "raw_symbol",
            "encoding": "json",
            "pretty_px": "true",
            "pretty_ts": "true",
            "map_symbols": "true",
        }
        if limit:
            form["limit"] = str(limit)
        try:
            response = await self._http.send("POST", path, data=form)
        except ProviderError as exc:
            # 422 naming the symbols: none of them resolves in the dataset (an unknown symbol).
            if not exc.retryable and "HTTP 422" in exc.message and "symbol" in exc.message.lower():
                raise QuoteUnavailable(f"{NAME}: {symbol}: {exc.message}") from None
            raise
        records = [parse_json(NAME, path, line) for line in response.content.splitlines() if line]
        if not all(isinstance(r, dict) and isinstance(r.get("hd"), dict) for r in records):
            raise ProviderError(NAME, f"{path}: malformed record")
        return records

    # -- bars -----------------------------------------------------------------------------
    async def _fetch_bars(self, call: WindowCall) -> list[Bar]:
        symbol, timeframe, span = call.symbol, call.timeframe, call.span
        schema, base = _SCHEMAS[timeframe]
        stop = min(span.end, await self._available_end())
        if stop <= span.start:
            return []
        records = await self._records(symbol, schema, span.start, stop)
        bars = [self._bar(record, symbol, base) for record in records]
        return aggregate(bars, timeframe) if base is not timeframe else bars

    def _bar(self, record: dict[str, Any], symbol: str, timeframe: Timeframe) -> Bar:
        at = _nanotime(record["hd"].get("ts_event"))
        start = day_start(at.date()) if timeframe is Timeframe.D1 else at
        ohlcv = tuple(
            decimal(NAME, record.get(f), f) for f in ("open", "high", "low", "close", "volume")
        )
        return make_bar(NAME, symbol, timeframe, start, ohlcv)  # type: ignore[arg-type]

    async def _available_end(self) -> datetime:
        """Where the dataset's data ends (Historical lags live), cached for five minutes."""
        now = self._clock.monotonic()
        if self._range_end is not None and now - self._range_end[0] < _RANGE_TTL_S:
            return self._range_end[1]
        path = "/v0/metadata.get_dataset_range"
        body = await self._http.get_json(path, {"dataset": self.dataset})
        if not isinstance(body, dict) or not isinstance(body.get("end"), str):
            raise ProviderError(NAME, f"{path}: malformed answer")
        end = _nanotime(body["end"])
        self._range_end = (now, end)
        return end

    # -- quotes ---------------------------------------------------------------------------
    async def quote(self, symbol: str) -> Quote:
        end = await self._available_end()
        records = await self._records(symbol, "bbo-1m", end - _QUOTE_LOOKBACK, end)
        for record in reversed(records):
            quote = _quote(record, symbol)
            if quote is not None:
                return quote
        raise QuoteUnavailable(f"{NAME}: no quote for {symbol} in {self.dataset}")

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        quotes = await known_quotes(self.quote, dict.fromkeys(symbols))
        return {q.symbol: q.mid for q in quotes if q.mid > 0}

    # -- order books (MBP-10) -------------------------------------------------------------
    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        """The latest MBP-10 book where the dataset ends, up to `depth` (at most 10) a side.

        Windows ending where the dataset's data ends are asked newest first (the last second,
        then further back, up to 15 minutes); the newest record holding a level is the book.
        A window cut by the record limit is narrowed to its newest part. No record with a
        level: QuoteUnavailable.
        """
        if depth < 1:
            raise ValueError("depth must be at least 1")
        end = await self._available_end()
        newer = end
        for lookback in _BOOK_WINDOWS:
            start = end - lookback
            records = await self._newest_records(symbol, start, newer)
            for record in reversed(records):
                at = _nanotime(record["hd"].get("ts_event"))
                book = mbp10_book(NAME, record, symbol, at, min(depth, MBP_LEVELS))
                if book is not None:
                    return book
            newer = start
        raise QuoteUnavailable(f"{NAME}: no order book for {symbol} in {self.dataset}")

    async def _newest_records(
        self, symbol: str, start: datetime, end: datetime
    ) -> list[dict[str, Any]]:
        """The newest records of [start, end): while the limit cuts a window, its newer half
        (after the last record seen) is asked, a few times at most."""
        records = await self._records(symbol, "mbp-10", start, end, limit=_BOOK_RECORDS)
        low, high = start, end
        for _ in range(_BOOK_NARROWINGS):
            if len(records) < _BOOK_RECORDS:
                break
            low = max(low, _received(records[-1]))
            middle = low + (high - low) / 2
            if not low < middle < high:
                break
            newer = await self._records(symbol, "mbp-10", middle, high, limit=_BOOK_RECORDS)
            if newer:
                records = newer
                low = middle
            else:
                high = middle  # nothing after the middle: the newest lies before it
        return records

    # -- not offered ----------------------------------------------------------------------
    async def corporate_actions(self, symbol: str, start: date, end: date) -> list[Any]:
        raise not_offered(NAME, "corporate actions")

    async def key_ratios(self, symbol: str) -> Any:
        raise not_offered(NAME, "fundamentals")

    async def option_chain(self, underlying: str, expiry: date | None = None) -> OptionChain:
        raise not_offered(NAME, "option chains")

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncGenerator[Quote, None]:
        """Quotes of `symbols` from the Live gateway, shared by every reader."""
        if self.live_stream is None:
            raise not_offered(NAME, "a quote stream (no Live gateway given)")
        async for quote in self.live_stream.quotes(symbols):
            yield quote

    async def aclose(self) -> None:
        if self.live_stream is not None:
            await self.live_stream.aclose()
        await self._http.aclose()


def _nanotime(text: object) -> datetime:
    """Databento's pretty timestamps (nanoseconds: 2024-01-02T14:31:00.000000000Z)."""
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ProviderError(NAME, f"malformed timestamp: {brief(str(text), 40)}")
    head, _, fraction = text[:-1].partition(".")
    try:
        at = datetime.fromisoformat(head).replace(tzinfo=UTC)
        micros = int((fraction + "000000")[:6]) if fraction else 0
    except ValueError:
        raise ProviderError(NAME, f"malformed timestamp: {brief(text, 40)}") from None
    return at.replace(microsecond=micros)


def _received(record: dict[str, Any]) -> datetime:
    """When Databento received the record (`ts_recv`: what get_range filters on)."""
    return _nanotime(record.get("ts_recv") or record["hd"].get("ts_event"))


def _quote(record: dict[str, Any], symbol: str) -> Quote | None:
    levels = record.get("levels")
    if not isinstance(levels, list) or not levels or not isinstance(levels[0], dict):
        raise ProviderError(NAME, "malformed bbo record (levels)")
    level = levels[0]
    bid = _price(level.get("bid_px"))
    ask = _price(level.get("ask_px"))
    if bid is None and ask is None:
        return None
    last = _price(record.get("price")) or ((bid or ask or Decimal(0)) + (ask or bid or 0)) / 2
    return Quote(
        symbol=symbol,
        bid=bid or Decimal(0),
        ask=ask or Decimal(0),
        last=last,
        at=_nanotime(record["hd"].get("ts_event")),
        bid_size=decimal(NAME, level.get("bid_sz", 0), "bid_sz"),
        ask_size=decimal(NAME, level.get("ask_sz", 0), "ask_sz"),
    )


def _price(value: object) -> Decimal | None:
    """A pretty price; None for Databento's undefined price (null, or the i64 maximum)."""
    if value is None:
        return None
    price = decimal(NAME, value, "price")
    return None if price <= 0 or price > Decimal("9223372036") else price
