"""Alpaca market-data wire shapes (REST and the quote stream) as msgspec Structs."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import msgspec

from domain.market_data.bars import Bar, Timeframe
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.options import OptionQuote
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import Quote

ZERO = Decimal(0)

# Alpaca's timeframe parameter for each Bulwark timeframe.
TIMEFRAMES: dict[Timeframe, str] = {
    Timeframe.M1: "1Min",
    Timeframe.M5: "5Min",
    Timeframe.M15: "15Min",
    Timeframe.M30: "30Min",
    Timeframe.H1: "1Hour",
    Timeframe.H4: "4Hour",
    Timeframe.D1: "1Day",
}

# OCC option symbol without padding, as Alpaca writes it: ROOT YYMMDD C|P strike×1000 (8 digits).
_OCC = re.compile(r"^(?P<root>[A-Z0-9.]{1,6})(?P<ymd>\d{6})(?P<right>[CP])(?P<strike>\d{8})$")
_THOUSAND = Decimal(1000)


def is_crypto(symbol: str) -> bool:
    """Alpaca names crypto pairs BASE/QUOTE (BTC/USD); equities have no slash."""
    return "/" in symbol


def parse_occ(symbol: str) -> tuple[str, date, Decimal, OptionRight]:
    """Root, expiry, strike and right of an OCC symbol such as AAPL250117C00190000."""
    match = _OCC.match(symbol)
    if match is None:
        raise ValueError(f"not an OCC option symbol: {symbol!r}")
    ymd = match["ymd"]
    expiry = date(2000 + int(ymd[:2]), int(ymd[2:4]), int(ymd[4:]))
    strike = Decimal(int(match["strike"])) / _THOUSAND
    right = OptionRight.CALL if match["right"] == "C" else OptionRight.PUT
    return match["root"], expiry, strike, right


# -- quotes -------------------------------------------------------------------------------
class WireQuote(msgspec.Struct):
    """A quote of the latest-quote endpoints and of option snapshots."""

    t: datetime
    bp: Decimal = ZERO
    bs: Decimal = ZERO
    ap: Decimal = ZERO
    as_: Decimal = msgspec.field(default=ZERO, name="as")

    def to_domain(self, symbol: str) -> Quote | None:
        """The quote, or None when Alpaca has no market on either side (an empty quote)."""
        return make_quote(symbol, self.bp, self.ap, self.bs, self.as_, self.t)


def make_quote(
    symbol: str, bid: Decimal, ask: Decimal, bid_size: Decimal, ask_size: Decimal, at: datetime
) -> Quote | None:
    """A Quote from one side or both; `last` is the mid (Alpaca's quotes carry no trade)."""
    if bid <= 0 and ask <= 0:
        return None
    bid, ask = max(bid, ZERO), max(ask, ZERO)
    last = (bid + ask) / 2 if bid > 0 and ask > 0 else bid or ask
    return Quote(
        symbol=symbol,
        bid=bid,
        ask=ask,
        last=last,
        at=at,
        bid_size=max(bid_size, ZERO),
        ask_size=max(ask_size, ZERO),
    )


class LatestQuote(msgspec.Struct):
    """GET /v2/stocks/{symbol}/quotes/latest."""

    quote: WireQuote | None = None
    symbol: str = ""


class LatestQuotes(msgspec.Struct):
    """GET /v2/stocks/quotes/latest and /v1beta3/crypto/us/latest/quotes (unknown: absent)."""

    quotes: dict[str, WireQuote] | None = None


# -- bars -----------------------------------------------------------------------------------
class WireBar(msgspec.Struct):
    """One bar; `n` (trade count) and `vw` (VWAP) are missing on some feeds."""

    t: datetime
    o: Decimal
    h: Decimal
    l: Decimal  # noqa: E741 (Alpaca's field name)
    c: Decimal
    v: Decimal = ZERO
    n: int | None = None
    vw: Decimal | None = None

    def to_domain(self, symbol: str, timeframe: Timeframe) -> Bar:
        # Alpaca stamps daily bars at midnight New York; Bulwark's start at midnight UTC of the
        # same date, which still holds every trade of the session.
        start = timeframe.floor(self.t) if timeframe is Timeframe.D1 else self.t
        vwap = self.vw if self.vw is not None and self.l <= self.vw <= self.h else None
        return Bar(
            symbol=symbol,
            timeframe=timeframe,
            start=start,
            open=self.o,
            high=self.h,
            low=self.l,
            close=self.c,
            volume=self.v,
            vwap=vwap,
            trades=self.n,
        )


class StockBars(msgspec.Struct):
    """GET /v2/stocks/{symbol}/bars (`bars` is null when there are none)."""

    bars: list[WireBar] | None = None
    symbol: str = ""
    next_page_token: str | None = None


class CryptoBars(msgspec.Struct):
    """GET /v1beta3/crypto/us/bars?symbols=..."""

    bars: dict[str, list[WireBar]] | None = None
    next_page_token: str | None = None


# -- order books ----------------------------------------------------------------------------
class WireLevel(msgspec.Struct):
    p: Decimal
    s: Decimal


class WireBook(msgspec.Struct):
    t: datetime
    b: list[WireLevel] | None = None
    a: list[WireLevel] | None = None

    def to_domain(self, symbol: str, depth: int) -> OrderBook:
        return OrderBook(
            symbol=symbol,
            bids=_levels(self.b or [], depth, best_high=True),
            asks=_levels(self.a or [], depth, best_high=False),
            at=self.t,
        )


def _levels(raw: list[WireLevel], depth: int, *, best_high: bool) -> tuple[BookLevel, ...]:
    """Levels best first, one per price (sizes summed), empty levels dropped."""
    sizes: dict[Decimal, Decimal] = {}
    for level in raw:
        if level.s > 0 and level.p > 0:
            sizes[level.p] = sizes.get(level.p, ZERO) + level.s
    prices = sorted(sizes, reverse=best_high)[:depth]
    return tuple(BookLevel(price=p, size=sizes[p]) for p in prices)


class LatestBooks(msgspec.Struct):
    """GET /v1beta3/crypto/us/latest/orderbooks?symbols=..."""

    orderbooks: dict[str, WireBook] | None = None


# -- options ----------------------------------------------------------------------------------
class WireTrade(msgspec.Struct):
    p: Decimal
    t: datetime | None = None
    s: Decimal = ZERO


class WireGreeks(msgspec.Struct):
    delta: float | None = None
    gamma: float | None = None
    theta: float | None = None
    vega: float | None = None
    rho: float | None = None


class WireSnapshot(msgspec.Struct, rename="camel"):
    """One contract of GET /v1beta1/options/snapshots/{underlying}."""

    latest_quote: WireQuote | None = None
    latest_trade: WireTrade | None = None
    implied_volatility: float | None = None
    greeks: WireGreeks | None = None
    daily_bar: WireBar | None = None

    def to_domain(self, symbol: str, underlying: str) -> OptionQuote:
        _root, expiry, strike, right = parse_occ(symbol)
        quote = self.latest_quote
        bid = max(quote.bp, ZERO) if quote else ZERO
        ask = max(quote.ap, ZERO) if quote else ZERO
        if ask and bid > ask:
            bid = ask  # a stale crossed indicative quote: keep the chain usable, not crossed
        last = self.latest_trade.p if self.latest_trade else (bid + ask) / 2 if ask else bid
        return OptionQuote(
            symbol=symbol,
            underlying=underlying,
            expiry=expiry,
            strike=strike,
            right=right,
            bid=bid,
            ask=ask,
            last=last,
            volume=int(self.daily_bar.v) if self.daily_bar else 0,
            implied_volatility=self.implied_volatility,
            delta=self.greeks.delta if self.greeks else None,
        )


class OptionSnapshots(msgspec.Struct):
    snapshots: dict[str, WireSnapshot] | None = None
    next_page_token: str | None = None


# -- the stream -----------------------------------------------------------------------------
class StreamMessage(msgspec.Struct):
    """Any stream message; `T` tells which: success, error, subscription, q (quote), ..."""

    T: str
    msg: str | None = None
    code: int | None = None
    S: str | None = None
    t: datetime | None = None
    bp: Decimal = ZERO
    bs: Decimal = ZERO
    ap: Decimal = ZERO
    as_: Decimal = msgspec.field(default=ZERO, name="as")
    quotes: list[str] | None = None

    def quote(self) -> Quote | None:
        if self.S is None or self.t is None:
            return None
        return make_quote(self.S, self.bp, self.ap, self.bs, self.as_, self.t)


class Decoders:
    """Every decoder of the adapter, built once per provider."""

    def __init__(self) -> None:
        self.latest_quote = msgspec.json.Decoder(LatestQuote)
        self.latest_quotes = msgspec.json.Decoder(LatestQuotes)
        self.stock_bars = msgspec.json.Decoder(StockBars)
        self.crypto_bars = msgspec.json.Decoder(CryptoBars)
        self.books = msgspec.json.Decoder(LatestBooks)
        self.snapshots = msgspec.json.Decoder(OptionSnapshots)
        self.stream = msgspec.json.Decoder(list[StreamMessage])
