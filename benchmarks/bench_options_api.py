"""Throughput of POST /api/v1/analytics/options/greeks and /implied-vol: JSON vs Apache Arrow.

In process (Litestar's test client over ASGI: no sockets, no TLS), on the in-memory store, one
request at a time. Each figure is the median of REPEATS requests of N options, as options per
second end to end (the client's encoding of the request and decoding of the answer included,
as a real client pays them), beside the server-side kernel alone for scale.

Run: `.venv/bin/python -m benchmarks.bench_options_api` (BENCH_OPTIONS=n, BENCH_REPEATS=r).
Target: Arrow at least several times JSON's throughput at 1e5 options; the kernel,
not the codec, should dominate an Arrow request.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]

from benchmarks.timing import timed, timed_async
from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.implied_vol import implied_volatility
from tests.http.harness import open_harness
from tests.http.harness import test_settings as make_settings
from tests.kit.arrow import arrow_bytes

N = int(os.environ.get("BENCH_OPTIONS", "100000"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
ARROW = "application/vnd.apache.arrow.stream"
GREEKS = "/api/v1/analytics/options/greeks"
IMPLIED_VOL = "/api/v1/analytics/options/implied-vol"


def book(n: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(1)
    spot = rng.uniform(80, 120, n)
    strike = rng.uniform(80, 120, n)
    years = rng.uniform(0.05, 2.0, n)
    vol = rng.uniform(0.1, 0.6, n)
    rate = np.full(n, 0.03)
    is_call = rng.integers(0, 2, n).astype(bool)
    price = bsm_greeks(spot, strike, years, vol, rate, 0.0, is_call).price
    return {
        "spot": spot,
        "strike": strike,
        "years": years,
        "vol": vol,
        "rate": rate,
        "price": price,
        "is_call": is_call,
    }


async def median_seconds(call: Callable[[], Awaitable[None]]) -> float:
    await call()  # warm: numba caches, first allocation
    return (await timed_async(call, REPEATS)).median


def kernel_seconds(work: Callable[[], object]) -> float:
    work()
    return timed(work, REPEATS).median


async def main() -> None:
    data = book(N)
    rights = np.where(data["is_call"], "call", "put")
    fields = ("spot", "strike", "years", "vol", "rate")
    greeks_json = {name: data[name].tolist() for name in fields} | {"right": rights.tolist()}
    iv_fields = ("price", "spot", "strike", "years", "rate")
    iv_json = {name: data[name].tolist() for name in iv_fields} | {"right": rights.tolist()}
    right_column = pa.array(rights).dictionary_encode()
    greeks_arrow = {name: data[name] for name in fields} | {"right": right_column}
    iv_arrow = {name: data[name] for name in iv_fields} | {"right": right_column}

    settings = make_settings(compute_budget_s="120", api_rate_per_minute="100000")
    harness, client = await open_harness(settings)
    async with client:
        owner = await harness.user()
        headers = owner.headers

        def via_json(path: str, body: dict[str, Any]) -> Callable[[], Awaitable[None]]:
            async def call() -> None:
                response = await client.post(path, json=body, headers=headers)
                assert response.status_code == 200, response.text[:300]
                response.json()

            return call

        def via_arrow(path: str, columns: dict[str, Any]) -> Callable[[], Awaitable[None]]:
            async def call() -> None:
                raw = arrow_bytes(columns)
                arrow_headers = {**headers, "Content-Type": ARROW, "Accept": ARROW}
                response = await client.post(path, content=raw, headers=arrow_headers)
                assert response.status_code == 200, response.text[:300]
                pa.ipc.open_stream(pa.py_buffer(response.content)).read_all()

            return call

        rows = [
            ("greeks JSON", await median_seconds(via_json(GREEKS, greeks_json))),
            ("greeks Arrow", await median_seconds(via_arrow(GREEKS, greeks_arrow))),
            (
                "greeks kernel alone",
                kernel_seconds(
                    lambda: bsm_greeks(*(data[n] for n in fields), 0.0, data["is_call"])
                ),
            ),
            ("implied-vol JSON", await median_seconds(via_json(IMPLIED_VOL, iv_json))),
            ("implied-vol Arrow", await median_seconds(via_arrow(IMPLIED_VOL, iv_arrow))),
            (
                "implied-vol kernel alone",
                kernel_seconds(
                    lambda: implied_volatility(*(data[n] for n in iv_fields), 0.0, data["is_call"])
                ),
            ),
        ]
    print(f"options per request: {N:,}; median of {REPEATS}; {os.cpu_count()} CPUs visible")
    for name, seconds in rows:
        print(f"{name:26s} {seconds * 1000:9.1f} ms   {N / seconds:14,.0f} options/s")
    json_s, arrow_s = rows[0][1], rows[1][1]
    print(f"greeks: Arrow is {json_s / arrow_s:.1f}x JSON's throughput (target: several x)")
    json_s, arrow_s = rows[3][1], rows[4][1]
    print(f"implied-vol: Arrow is {json_s / arrow_s:.1f}x JSON's throughput")


if __name__ == "__main__":
    asyncio.run(main())
