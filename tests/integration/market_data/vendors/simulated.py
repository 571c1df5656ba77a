"""Simulated vendors on a local server (tests/alpaca_server.py's route table): each answers its
documented endpoints the way the vendor does, from one deterministic set of prices and bars.

Shapes follow the recorded answers in tests/fixtures/vendors/<vendor>/: Polygon's snapshots and
aggregates (milliseconds, daily bars at midnight New York, pages of PAGE with `next_url`),
Finnhub's quote (zeros for an unknown symbol) and parallel-array candles, Alpha Vantage's
GLOBAL_QUOTE and time series keyed by New York times, its errors as 200s.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from adapters.market_data.vendors.alphavantage import INTERVALS
from adapters.market_data.vendors.finnhub import RESOLUTIONS
from adapters.market_data.vendors.polygon import SPANS
from domain.market_data.bars import Timeframe
from tests.alpaca_server import AlpacaServer, Reply, Request

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "vendors"
NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")
PRICES = {"AAPL": 189.12, "MSFT": 410.10}
BARS = 40
PAGE = 7


def fixture(vendor: str, name: str) -> Any:
    """A recorded answer from tests/fixtures/vendors/<vendor>/<name>.json (a fresh copy)."""
    return json.loads((FIXTURES / vendor / f"{name}.json").read_text())


def bar_starts(timeframe: Timeframe) -> list[datetime]:
    """The BARS bar starts (UTC) of a timeframe, oldest first, the last one before NOW."""
    if timeframe is Timeframe.D1:
        last = datetime.combine(NOW.date() - timedelta(days=1), time(0), UTC)
    else:
        last = timeframe.floor(NOW) - timeframe.delta
    return [last - timeframe.delta * (BARS - 1 - i) for i in range(BARS)]


def ohlcv(symbol: str, i: int) -> tuple[float, float, float, float, int]:
    o = round(PRICES[symbol] + 3 * math.sin(i / 4), 2)
    c = round(PRICES[symbol] + 3 * math.sin((i + 1) / 4), 2)
    return o, round(max(o, c) + 0.25, 2), round(min(o, c) - 0.25, 2), c, 1000 + 10 * i


def _ny_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), NEW_YORK)


class SimulatedPolygon:
    def __init__(self, server: AlpacaServer) -> None:
        self.server = server
        server.route("GET", "/v2/snapshot/locale/us/markets/stocks/tickers/{symbol}", self.one)
        server.route("GET", "/v2/snapshot/locale/us/markets/stocks/tickers", self.many)
        server.route(
            "GET", "/v2/aggs/ticker/{symbol}/range/{multiplier}/{span}/{frm}/{to}", self.aggs
        )
        server.route("GET", "/v3/reference/splits", lambda r: Reply(200, self.empty()))
        server.route("GET", "/v3/reference/dividends", lambda r: Reply(200, self.empty()))

    @staticmethod
    def empty() -> dict[str, Any]:
        return {"results": [], "status": "OK", "request_id": "r"}

    @staticmethod
    def snapshot(symbol: str) -> dict[str, Any]:
        mid = PRICES[symbol]
        ns = int((NOW - timedelta(seconds=1)).timestamp()) * 10**9
        return {
            "ticker": symbol,
            "lastQuote": {"p": round(mid - 0.02, 2), "s": 3, "P": round(mid + 0.02, 2)}
            | {"S": 4, "t": ns},
            "lastTrade": {"p": mid, "s": 100, "t": ns - 10**6, "x": 4},
            "updated": ns,
        }

    def one(self, request: Request) -> Reply:
        symbol = request.path_params["symbol"]
        if symbol not in PRICES:
            return Reply(404, {"status": "NOT_FOUND", "request_id": "r", "message": "Not found"})
        return Reply(200, {"status": "OK", "request_id": "r", "ticker": self.snapshot(symbol)})

    def many(self, request: Request) -> Reply:
        asked = request.params["tickers"].split(",")
        tickers = [self.snapshot(s) for s in asked if s in PRICES]
        return Reply(200, {"status": "OK", "count": len(tickers), "tickers": tickers})

    def aggs(self, request: Request) -> Reply:
        p, q = request.path_params, request.params
        timeframe = next(
            tf for tf, span in SPANS.items() if span == (int(p["multiplier"]), p["span"])
        )
        body: dict[str, Any] = {"ticker": p["symbol"], "status": "OK", "request_id": "r"}
        if p["symbol"] not in PRICES:
            return Reply(200, body | {"queryCount": 0, "resultsCount": 0})
        rows = []
        for i, start in enumerate(bar_starts(timeframe)):
            o, h, low, c, v = ohlcv(p["symbol"], i)
            stamp = _ny_midnight(start.date()) if timeframe is Timeframe.D1 else start
            rows.append({"o": o, "h": h, "l": low, "c": c, "v": v, "n": 5 + i})
            rows[-1]["t"] = int(stamp.timestamp() * 1000)
            rows[-1]["vw"] = round((h + low) / 2, 4)
        if timeframe is Timeframe.D1:
            first, last = date.fromisoformat(p["frm"]), date.fromisoformat(p["to"])
            rows = [
                r
                for r in rows
                if first <= datetime.fromtimestamp(r["t"] / 1000, NEW_YORK).date() <= last
            ]
        else:
            rows = [r for r in rows if int(p["frm"]) <= r["t"] <= int(p["to"])]
        if q.get("sort") == "desc":
            rows.reverse()
        offset = int(q.get("cursor", "0"))
        page = rows[offset : offset + PAGE]
        body |= {"adjusted": q.get("adjusted") == "true", "resultsCount": len(page)}
        if page:
            body["results"] = page
        if offset + PAGE < len(rows):
            query = f"cursor={offset + PAGE}&sort={q.get('sort', 'asc')}"
            body["next_url"] = f"{self.server.url}{request.path}?{query}"
        return Reply(200, body)


class SimulatedFinnhub:
    def __init__(self, server: AlpacaServer) -> None:
        server.route("GET", "/quote", self.quote)
        server.route("GET", "/stock/candle", self.candle)
        server.route("GET", "/stock/split", lambda r: Reply(200, []))
        server.route("GET", "/stock/dividend", lambda r: Reply(200, []))

    def quote(self, request: Request) -> Reply:
        symbol = request.params["symbol"]
        if symbol not in PRICES:
            return Reply(200, fixture("finnhub", "quote_unknown"))
        price = PRICES[symbol]
        stamp = int((NOW - timedelta(seconds=5)).timestamp())
        return Reply(200, {"c": price, "h": price + 1, "l": price - 1, "o": price, "pc": price}
                     | {"d": 0, "dp": 0, "t": stamp})  # fmt: skip

    def candle(self, request: Request) -> Reply:
        q = request.params
        symbol = q["symbol"]
        timeframe = next(tf for tf, r in RESOLUTIONS.items() if r == q["resolution"])
        if symbol not in PRICES:
            return Reply(200, {"s": "no_data"})
        columns: dict[str, list[Any]] = {k: [] for k in ("t", "o", "h", "l", "c", "v")}
        for i, start in enumerate(bar_starts(timeframe)):
            stamp = int(start.timestamp())
            if not int(q["from"]) <= stamp <= int(q["to"]):
                continue
            o, h, low, c, v = ohlcv(symbol, i)
            for key, value in zip(columns, (stamp, o, h, low, c, v), strict=True):
                columns[key].append(value)
        if not columns["t"]:
            return Reply(200, {"s": "no_data"})
        return Reply(200, {"s": "ok", **columns})


class SimulatedAlphaVantage:
    def __init__(self, server: AlpacaServer) -> None:
        server.route("GET", "/query", self.query)

    def query(self, request: Request) -> Reply:
        q = request.params
        function, symbol = q["function"], q.get("symbol", "")
        if function == "GLOBAL_QUOTE":
            if symbol not in PRICES:
                return Reply(200, fixture("alphavantage", "global_quote_unknown"))
            price = f"{PRICES[symbol]:.4f}"
            day = str(NOW.date())
            raw = {"01. symbol": symbol, "05. price": price, "07. latest trading day": day}
            return Reply(200, {"Global Quote": raw})
        if symbol not in PRICES:
            return Reply(200, fixture("alphavantage", "error_invalid_call"))
        if function == "TIME_SERIES_INTRADAY":
            interval = q["interval"]
            timeframe = next(tf for tf, name in INTERVALS.items() if name == interval)
            series = {}
            for i, start in enumerate(bar_starts(timeframe)):
                stamp = start.astimezone(NEW_YORK).strftime("%Y-%m-%d %H:%M:%S")
                series[stamp] = self.row(symbol, i, adjusted=False)
            meta = {"2. Symbol": symbol, "4. Interval": interval, "6. Time Zone": "US/Eastern"}
            return Reply(200, {"Meta Data": meta, f"Time Series ({interval})": series})
        if function in ("TIME_SERIES_DAILY", "TIME_SERIES_DAILY_ADJUSTED"):
            adjusted = function.endswith("ADJUSTED")
            series = {
                str(start.date()): self.row(symbol, i, adjusted=adjusted)
                for i, start in enumerate(bar_starts(Timeframe.D1))
            }
            meta = {"2. Symbol": symbol, "5. Time Zone": "US/Eastern"}
            return Reply(200, {"Meta Data": meta, "Time Series (Daily)": series})
        if function in ("SPLITS", "DIVIDENDS"):
            return Reply(200, {"symbol": symbol, "data": []})
        return Reply(200, fixture("alphavantage", "error_invalid_call"))

    @staticmethod
    def row(symbol: str, i: int, *, adjusted: bool) -> dict[str, str]:
        o, h, low, c, v = ohlcv(symbol, i)
        row = {"1. open": f"{o:.4f}", "2. high": f"{h:.4f}", "3. low": f"{low:.4f}"}
        row["4. close"] = f"{c:.4f}"
        if adjusted:
            return row | {"5. adjusted close": f"{c:.4f}", "6. volume": str(v)}
        return row | {"5. volume": str(v)}
