"""Vendor bars: how fast a page of Polygon aggregates (and a Finnhub candle answer) becomes
Bars, over HTTP from a local replay server (tests/alpaca_server.py) on this machine.

The vendors' own latency and budgets (5 calls a minute on Polygon's free tier) dwarf this;
the figure says the adapter is not the bottleneck when a paid plan lets a backfill run fast.
Bars/s, best of `--repeats`; no targets.
Run: `.venv/bin/python -m benchmarks.bench_vendor_bars [--bars N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta

from adapters.market_data.vendors.finnhub import FinnhubMarketData
from adapters.market_data.vendors.polygon import PolygonMarketData
from adapters.memory.clock import FakeClock
from adapters.vendor_http.apis import finnhub_api, polygon_api
from adapters.vendor_http.client import VendorHttp
from domain.market_data.bars import Timeframe
from tests.alpaca_server import AlpacaServer, Reply

START = datetime(2026, 1, 5, tzinfo=UTC)


def _rows(n: int) -> list[dict[str, float | int]]:
    return [
        {"o": 100.0 + i % 7, "h": 108.0, "l": 99.0, "c": 101.5, "v": 1000 + i}
        | {"t": int((START + timedelta(minutes=i)).timestamp() * 1000), "n": 10, "vw": 101.2}
        for i in range(n)
    ]


async def run(bars: int, repeats: int) -> None:
    rows = _rows(bars)
    candle = {
        "s": "ok",
        "t": [int(r["t"]) // 1000 for r in rows],
        **{k: [r[k] for r in rows] for k in ("o", "h", "l", "c", "v")},
    }
    end = START + timedelta(minutes=bars)
    async with AlpacaServer() as server:
        server.route(
            "GET",
            "/v2/aggs/ticker/{s}/range/{m}/{span}/{f}/{t}",
            lambda r: Reply(200, {"status": "OK", "results": rows}),
        )
        server.route("GET", "/stock/candle", lambda r: Reply(200, candle))
        clock = FakeClock(end)
        polygon = PolygonMarketData(
            VendorHttp(polygon_api(server.url), "k", clock, calls_per_minute=10**6), clock
        )
        finnhub = FinnhubMarketData(
            VendorHttp(finnhub_api(server.url), "k", clock, calls_per_minute=10**6), clock
        )
        for name, adapter in (("polygon aggregates", polygon), ("finnhub candles", finnhub)):
            best = float("inf")
            for _ in range(repeats):
                began = time.perf_counter()
                got = await adapter.bars(
                    "AAPL", Timeframe.M1, start=START, end=end, limit=bars, adjusted=False
                )
                best = min(best, time.perf_counter() - began)
                assert len(got) == bars
            print(
                f"{name:20s} {bars:>7,} bars  {best * 1000:8.1f} ms  {bars / best:>10,.0f} bars/s"
            )
            await adapter.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bars", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(run(args.bars, args.repeats))


if __name__ == "__main__":
    main()
