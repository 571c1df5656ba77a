"""Implied volatility of 1,000,000 random European options: throughput beside the target.

Options: spot 100, strike 100 * exp(U(-0.4, 0.4)), 1 week to 2 years, vol 5%-100%, rate 0-8%,
dividend yield 0-4%, calls and puts half each; prices from `bsm_greeks`, then
`implied_volatility` on them (numba kernel, all threads numba has). Prints the median wall time
of `--repeats` warm runs, options/s beside the target (>= 8M options/s on 2 cores), CPU
time per option (the cost on an idle core, whatever else shares the machine), the reason codes
and the worst round-trip error where one ulp of price moves the vol by < 1e-13 (and the
price is above 1e-250, so it has all its digits).
Run: `.venv/bin/python -m benchmarks.bench_implied_vol [--options N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

import numpy as np

from benchmarks.timing import timed
from domain.analytics.options.bsm import bsm_greeks
from domain.analytics.options.implied_vol import IVReason, implied_volatility

TARGET_PER_SECOND = 8_000_000  # on 2 cores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--options", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    n = args.options
    rng = np.random.default_rng(18)
    spot = np.full(n, 100.0)
    strike = 100.0 * np.exp(rng.uniform(-0.4, 0.4, n))
    years = rng.uniform(7 / 365, 2.0, n)
    vol = rng.uniform(0.05, 1.0, n)
    rate = rng.uniform(0.0, 0.08, n)
    div = rng.uniform(0.0, 0.04, n)
    call = rng.random(n) < 0.5
    greeks = bsm_greeks(spot, strike, years, vol, rate, div, call)
    price = greeks.price

    started = time.perf_counter()
    implied_volatility(price[:8], spot[:8], strike[:8], years[:8], rate[:8], div[:8], call[:8])
    first_call = time.perf_counter() - started
    runs = timed(
        lambda: implied_volatility(price, spot, strike, years, rate, div, call), args.repeats
    )
    result, wall, cpu = runs.result, runs.median, runs.median_cpu

    with np.errstate(divide="ignore", invalid="ignore"):
        per_ulp = np.finfo(float).eps * price / (greeks.vega * vol)
    determined = (per_ulp < 1e-13) & (price > 1e-250)
    error = np.abs(result.volatility[determined] / vol[determined] - 1.0)
    counts = np.bincount(result.reason.ravel(), minlength=len(IVReason))

    print(f"implied volatility, {n:,} options, {platform.processor() or platform.machine()}")
    print(f"  cores visible {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}")
    print(f"  first call (compile or cache load) {first_call:.2f} s")
    print(
        f"  median wall {wall * 1e3:.1f} ms = {n / wall / 1e6:.2f}M options/s"
        f"   (target >= {TARGET_PER_SECOND / 1e6:.0f}M/s on 2 cores)"
    )
    print(
        f"  CPU {cpu / n * 1e9:.0f} ns/option"
        f" = {2 * n / cpu / 1e6:.2f}M options/s on 2 otherwise idle cores"
    )
    print("  reasons " + ", ".join(f"{r.name} {counts[r]:,}" for r in IVReason if counts[r]))
    print(f"  round trip: max relative error {error.max():.1e} over {determined.sum():,} options")


if __name__ == "__main__":
    main()
