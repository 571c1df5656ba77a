"""Reading a vendor's bars answer into Bulwark's Decimal bars, beside the target.

A backfill's CPU cost per call is the reading of one answer of a vendor's largest page:
Twelve Data's 5,000 bars (`/time_series` JSON), Yahoo's chart of 5,000 bars (columns of
floats, raw bars: splits undone) and Databento's 5,000 JSON lines (`ohlcv-1m`). Target:
>= 100,000 bars/s for each (a page read in <= 50 ms). Seeded random walks, best of
`--repeats`. Run: `.venv/bin/python -m benchmarks.bench_vendor_pages [--bars 5000]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from adapters.market_data.vendors import databento, twelvedata_wire, yahoo_wire
from domain.market_data.bars import Timeframe

TARGET = 100_000
START = datetime(2024, 1, 2, 14, 30, tzinfo=UTC)


def walk(n: int, seed: int = 7) -> list[tuple[datetime, float, float, float, float, int]]:
    rng = random.Random(seed)
    price, rows = 100.0, []
    for i in range(n):
        o = price
        c = max(1.0, o * (1 + rng.gauss(0, 0.002)))
        h, low = max(o, c) * (1 + rng.random() / 500), min(o, c) * (1 - rng.random() / 500)
        rows.append((START + timedelta(minutes=i), o, h, low, c, rng.randint(100, 100_000)))
        price = c
    return rows


def twelvedata_page(rows: list) -> Callable[[], int]:  # type: ignore[type-arg]
    body = json.dumps({"values": [
        {"datetime": t.strftime("%Y-%m-%d %H:%M:%S"), "open": f"{o:.5f}", "high": f"{h:.5f}",
         "low": f"{lo:.5f}", "close": f"{c:.5f}", "volume": str(v)} for t, o, h, lo, c, v in rows
    ], "status": "ok"}).encode()  # fmt: skip

    def read() -> int:
        values = json.loads(body)["values"]
        return len([twelvedata_wire.bar_of(r, "X", Timeframe.M1) for r in values])

    return read


def yahoo_page(rows: list) -> Callable[[], int]:  # type: ignore[type-arg]
    quote = {k: [] for k in ("open", "high", "low", "close", "volume")}  # type: ignore[var-annotated]
    for _t, o, h, lo, c, v in rows:
        for k, x in zip(quote, (o, h, lo, c, v), strict=True):
            quote[k].append(x)
    stamps = [int(r[0].timestamp()) for r in rows]
    chart = {"meta": {"gmtoffset": -18000}, "timestamp": stamps, "indicators": {"quote": [quote]}}
    body = json.dumps(chart).encode()
    later = [(date(2030, 1, 2), Decimal(2))]

    def read() -> int:
        chart = yahoo_wire.Chart.parse(json.loads(body), "/chart")
        return len(chart.bars("X", Timeframe.M1, False, later))

    return read


def databento_page(rows: list) -> Callable[[], int]:  # type: ignore[type-arg]
    lines = "\n".join(
        json.dumps({"hd": {"ts_event": t.strftime("%Y-%m-%dT%H:%M:%S.000000000Z")},
                    "open": f"{o:.9f}", "high": f"{h:.9f}", "low": f"{lo:.9f}", "close": f"{c:.9f}",
                    "volume": str(v)}) for t, o, h, lo, c, v in rows
    ).encode()  # fmt: skip
    vendor = databento.DatabentoMarketData.__new__(databento.DatabentoMarketData)

    def read() -> int:
        records = [json.loads(line) for line in lines.splitlines()]
        return len([vendor._bar(r, "X", Timeframe.M1) for r in records])

    return read


def best(read: Callable[[], int], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        read()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bars", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    rows = walk(args.bars)
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs; {args.bars} bars a page")
    for name, page in (
        ("Twelve Data /time_series", twelvedata_page),
        ("Yahoo chart (raw: splits undone)", yahoo_page),
        ("Databento ohlcv JSON lines", databento_page),
    ):
        read = page(rows)
        assert read() == args.bars
        took = best(read, args.repeats)
        rate = args.bars / took
        ok = "met" if rate >= TARGET else "MISSED"
        print(f"{name:<36} {took * 1e3:8.1f} ms  {rate:>12,.0f} bars/s   target >= {TARGET:,} {ok}")


if __name__ == "__main__":
    main()
