"""The MarketDataProvider contract, run against AlpacaMarketData and a simulated Alpaca.

`SimulatedAlpacaData` answers the Market Data API the way Alpaca does (inclusive `end`,
`sort`, pages of at most PAGE bars with next_page_token, daily bars stamped at midnight
New York, 404 for an unknown symbol's quote, no bars and no snapshots for it), and the
stream server feeds quotes to whatever the client subscribed.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from adapters.alpaca.http import AlpacaCredentials, AlpacaHttp
from adapters.market_data.alpaca import AlpacaMarketData
from adapters.market_data.alpaca_stream import StreamOptions
from adapters.market_data.alpaca_wire import TIMEFRAMES
from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from ports.market_data.marketdata import MarketDataProvider
from tests.alpaca_server import AlpacaServer, Reply, Request
from tests.alpaca_stream_server import AlpacaStreamServer
from tests.kit.market_data_contract import MarketDataContract

KEYS = AlpacaCredentials("key", "secret")
NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
PRICES = {"AAPL": 189.12, "MSFT": 410.10}
BARS_PER_TIMEFRAME = 40
PAGE = 7  # bars per page at most, so the client has to follow next_page_token
EXPIRIES = (date(2026, 1, 16), date(2026, 2, 20))
STRIKES = (180, 190, 200)
BUDGET = {"X-RateLimit-Limit": "200", "X-RateLimit-Remaining": "199"}
NOT_FOUND = Reply(404, {"code": 40410000, "message": "symbol not found"})
TIMEFRAME_OF = {name: tf for tf, name in TIMEFRAMES.items()}


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _quote(symbol: str) -> dict[str, Any]:
    mid = PRICES[symbol]
    bid, ask = round(mid - 0.02, 2), round(mid + 0.02, 2)
    return {"t": _stamp(NOW - timedelta(seconds=1)), "bp": bid, "bs": 3, "ap": ask, "as": 4}


class SimulatedAlpacaData:
    """Deterministic quotes, bars and option snapshots for PRICES, on an AlpacaServer."""

    def install(self, server: AlpacaServer) -> None:
        server.route("GET", "/v2/stocks/{symbol}/quotes/latest", self.latest_quote)
        server.route("GET", "/v2/stocks/quotes/latest", self.latest_quotes)
        server.route("GET", "/v2/stocks/{symbol}/bars", self.bars)
        server.route("GET", "/v1beta1/options/snapshots/{underlying}", self.snapshots)

    def latest_quote(self, request: Request) -> Reply:
        symbol = request.path_params["symbol"]
        if symbol not in PRICES:
            return NOT_FOUND
        return Reply(200, {"symbol": symbol, "quote": _quote(symbol)}, BUDGET)

    def latest_quotes(self, request: Request) -> Reply:
        asked = request.params["symbols"].split(",")
        return Reply(200, {"quotes": {s: _quote(s) for s in asked if s in PRICES}}, BUDGET)

    def bars(self, request: Request) -> Reply:
        symbol, params = request.path_params["symbol"], request.params
        every = self._bars(symbol, TIMEFRAME_OF[params["timeframe"]])
        start = _parse(params["start"]) if "start" in params else datetime.min.replace(tzinfo=UTC)
        end = _parse(params["end"]) if "end" in params else NOW
        chosen = [b for b in every if start <= _parse(b["t"]) <= end]
        if params.get("sort") == "desc":
            chosen.reverse()
        offset = int(params.get("page_token", "0"))
        size = min(int(params.get("limit", "1000")), PAGE)
        page = chosen[offset : offset + size]
        more = offset + size < len(chosen)
        token = str(offset + size) if more else None
        body = {"bars": page or None, "symbol": symbol, "next_page_token": token}
        return Reply(200, body, BUDGET)

    def snapshots(self, request: Request) -> Reply:
        underlying = request.path_params["underlying"]
        contracts = self._snapshots(underlying) if underlying in PRICES else {}
        wanted = request.params.get("expiration_date")
        if wanted:
            stamp = date.fromisoformat(wanted).strftime("%y%m%d")
            contracts = {s: c for s, c in contracts.items() if s[len(underlying) :][:6] == stamp}
        names = sorted(contracts, reverse=True)  # the client must sort, not the server
        offset = int(request.params.get("page_token", "0"))
        page = names[offset : offset + 5]
        token = str(offset + 5) if offset + 5 < len(names) else None
        body = {"snapshots": {n: contracts[n] for n in page}, "next_page_token": token}
        return Reply(200, body, BUDGET)

    @staticmethod
    def _bars(symbol: str, timeframe: Timeframe) -> list[dict[str, Any]]:
        if symbol not in PRICES:
            return []
        last = timeframe.floor(NOW)
        bars = []
        for i in range(BARS_PER_TIMEFRAME):
            start = last - timeframe.delta * (BARS_PER_TIMEFRAME - 1 - i)
            if timeframe is Timeframe.D1:
                start += timedelta(hours=5)  # Alpaca stamps days at midnight New York
            o = round(PRICES[symbol] + 3 * math.sin(i / 4), 2)
            c = round(PRICES[symbol] + 3 * math.sin((i + 1) / 4), 2)
            h, low = round(max(o, c) + 0.25, 2), round(min(o, c) - 0.25, 2)
            bars.append(
                {"t": _stamp(start), "o": o, "h": h, "l": low, "c": c, "v": 1000 + 10 * i}
                | {"n": 50 + i, "vw": round((h + low) / 2, 4)}
            )
        return bars

    @staticmethod
    def _snapshots(underlying: str) -> dict[str, dict[str, Any]]:
        spot = PRICES[underlying]
        found = {}
        for expiry in EXPIRIES:
            for strike in STRIKES:
                for right in ("C", "P"):
                    intrinsic = max(0.0, spot - strike if right == "C" else strike - spot)
                    bid = round(intrinsic + 1.5, 2)
                    symbol = f"{underlying}{expiry:%y%m%d}{right}{strike * 1000:08d}"
                    found[symbol] = {
                        "latestQuote": {"t": _stamp(NOW), "bp": bid, "bs": 5}
                        | {"ap": round(bid + 0.1, 2), "as": 7},
                        "impliedVolatility": 0.25,
                        "greeks": {"delta": 0.5 if right == "C" else -0.5},
                    }
        return found


class TestAlpacaContract(MarketDataContract):
    symbol = "AAPL"
    unknown_symbol = "NOPE"
    other_symbol = "MSFT"

    @pytest.fixture
    async def stream_server(self) -> AsyncIterator[AlpacaStreamServer]:
        async with AlpacaStreamServer() as running:
            yield running

    @pytest.fixture
    async def provider(
        self, stream_server: AlpacaStreamServer
    ) -> AsyncIterator[MarketDataProvider]:
        clock = FakeClock(NOW)
        async with AlpacaServer() as server:
            SimulatedAlpacaData().install(server)
            http = AlpacaHttp(server.url, KEYS, provider_name="alpaca", clock=clock)
            md = AlpacaMarketData(
                http,
                KEYS,
                clock=clock,
                stream_url=stream_server.url,
                stream_options=StreamOptions(handshake_timeout_s=1.0),
            )
            yield md
            await md.aclose()

    @pytest.fixture
    def stream_feeder(self, stream_server: AlpacaStreamServer) -> Callable[[], Awaitable[None]]:
        async def feed() -> None:
            tick = 0
            while True:
                tick += 1
                for symbol, mid in PRICES.items():
                    bid, ask = f"{mid - 0.01 * tick:.2f}", f"{mid + 0.01 * tick:.2f}"
                    await stream_server.publish(symbol, bid, ask)
                await asyncio.sleep(0.005)

        return feed
