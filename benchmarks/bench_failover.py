"""Failover switch time and the composite's per-call overhead (FailoverMarketData).

Two in-process providers answer a prepared quote at once, so the figures are the composite's
own costs, not a network's. For each trial a fresh feed serves a few quotes from the primary;
then the primary starts to fail and the clock runs from that moment to the first quote the
secondary serves:
  - timeout-triggered: the primary hangs; the call waits out `call_timeout_s`, then fails over
    (the switch time is the timeout plus the composite's overhead, shown separately);
  - error-triggered: the primary raises ProviderError at once.
After the breaker opens, calls skip the primary without asking it: that steady state is
timed too. Last, the per-call cost of a quote through the composite vs the provider directly.
Run: `.venv/bin/python -m benchmarks.bench_failover [--trials N] [--timeout-ms MS]`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.memory.clock import SystemClock
from domain.market_data.breaker import BreakerConfig
from ports.market_data.marketdata import ProviderError, Quote
from tests.kit.market_data import OffersNothing

WARMUP_QUOTES = 5


class BenchProvider(OffersNothing):
    """Answers a prepared quote at once; `mode` makes it hang or fail (it offers nothing else)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.mode = "ok"
        self._quote = Quote("AAPL", Decimal("189.99"), Decimal("190.01"), Decimal(190), _NOW)

    async def quote(self, symbol: str) -> Quote:
        if self.mode == "hang":
            await asyncio.sleep(3600)
        elif self.mode == "error":
            raise ProviderError(self.name, "503 from upstream")
        return self._quote

    async def reference_prices(self, symbols: list[str]) -> dict[str, Decimal]:
        return dict.fromkeys(symbols, self._quote.mid)


_NOW = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)


def feed_of(timeout_s: float) -> tuple[FailoverMarketData, BenchProvider, BenchProvider]:
    primary, secondary = BenchProvider("primary"), BenchProvider("secondary")
    config = FailoverConfig(
        call_timeout_s=timeout_s,
        breaker=BreakerConfig(window_size=20, minimum_calls=5, failure_rate=0.5),
    )
    return FailoverMarketData([[primary], [secondary]], SystemClock(), config), primary, secondary


async def switch_once(mode: str, timeout_s: float) -> float:
    """Seconds from the primary's failure to the first quote served by the secondary."""
    feed, primary, secondary = feed_of(timeout_s)
    for _ in range(WARMUP_QUOTES):
        await feed.quote("AAPL")
    secondary_quote = await secondary.quote("AAPL")
    primary.mode = mode
    started = time.perf_counter()
    quote = await feed.quote("AAPL")
    elapsed = time.perf_counter() - started
    assert quote is secondary_quote
    return elapsed


async def after_open_us(calls: int) -> float:
    """CPU microseconds per quote once the primary's breaker is open (it is skipped)."""
    feed, primary, _ = feed_of(1.0)
    primary.mode = "error"
    while feed.active() != "secondary":
        await feed.quote("AAPL")
    started = time.process_time()
    for _ in range(calls):
        await feed.quote("AAPL")
    return (time.process_time() - started) / calls * 1e6


async def per_call_us(calls: int) -> tuple[float, float, float]:
    """Microseconds per quote: the provider directly, inside a bare asyncio.timeout (the
    composite's own bound, for reference), and through the composite."""
    feed, primary, _ = feed_of(2.0)

    async def direct() -> None:
        for _ in range(calls):
            await primary.quote("AAPL")

    async def bounded() -> None:
        for _ in range(calls):
            async with asyncio.timeout(2.0):
                await primary.quote("AAPL")

    async def composite() -> None:
        for _ in range(calls):
            await feed.quote("AAPL")

    best = [math.inf, math.inf, math.inf]
    # CPU time, best of interleaved rounds: a shared machine's other work does not count.
    for _ in range(5):
        for i, run in enumerate((direct, bounded, composite)):
            started = time.process_time()
            await run()
            best[i] = min(best[i], (time.process_time() - started) / calls * 1e6)
    return best[0], best[1], best[2]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def line(label: str, samples_s: list[float]) -> str:
    ms = [s * 1e3 for s in samples_s]
    return (
        f"  {label:<34} p50 {statistics.median(ms):8.3f} ms   p99 {percentile(ms, 0.99):8.3f} ms"
        f"   max {max(ms):8.3f} ms"
    )


async def main(trials: int, timeout_ms: float, calls: int) -> None:
    timeout_s = timeout_ms / 1e3
    timeouts = [await switch_once("hang", timeout_s) for _ in range(trials)]
    errors = [await switch_once("error", timeout_s) for _ in range(trials)]
    skipping = await after_open_us(calls)
    direct, bounded, composite = await per_call_us(calls)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"failover switch time, {trials} trials each (primary fails -> secondary's answer)")
    print(line(f"timeout-triggered ({timeout_ms:g} ms timeout)", timeouts))
    print(line("  of which above the timeout", [t - timeout_s for t in timeouts]))
    print(line("error-triggered", errors))
    print(f"per quote call, CPU time, best of 5 rounds of {calls:,}")
    print(f"  provider called directly           {direct:8.2f} us")
    print(f"  inside a bare asyncio.timeout      {bounded:8.2f} us   (+{bounded - direct:.2f} us)")
    print(
        f"  through the composite              {composite:8.2f} us   (+{composite - direct:.2f} us)"
    )
    print(f"  composite, primary's breaker open  {skipping:8.2f} us")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_failover", description=__doc__
    )
    parser.add_argument("--trials", type=int, default=200, help="switches timed per trigger")
    parser.add_argument("--timeout-ms", type=float, default=25.0, help="per-call timeout")
    parser.add_argument("--calls", type=int, default=20_000, help="quote calls per round")
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse(None)
    asyncio.run(main(args.trials, args.timeout_ms, args.calls))
