"""American options: options/s of the CRR tree (500 steps) and Barone-Adesi-Whaley.

One seeded random book (spot and strike 50-150, 0.05-2 years, vol 10-60%, r 0-8%, q 0-6%, half
calls), timed warm (the numba kernels are compiled or loaded from the cache first): Bulwark's
numba path, its NumPy path (what BULWARK_NUMBA=0 runs) and QuantLib's per-option loop
(BinomialVanillaEngine("crr", 500) and BaroneAdesiWhaleyApproximationEngine, dev dependency),
on fewer options where they are slow, and the numba kernels on one thread (best of 5: the
per-core rate when the machine is shared). Best of `--repeats` runs. Options/s, no targets.
Run: `.venv/bin/python -m benchmarks.bench_american [--crr N] [--baw N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

import numpy as np

from benchmarks.timing import timed
from domain.analytics.options import _baw, _crr
from domain.analytics.options.american import baw_american, crr_american

STEPS = 500


def book(n: int, seed: int = 18) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    return (
        rng.uniform(50.0, 150.0, n),
        rng.uniform(50.0, 150.0, n),
        rng.uniform(0.05, 2.0, n),
        rng.uniform(0.1, 0.6, n),
        rng.uniform(0.0, 0.08, n),
        rng.uniform(0.0, 0.06, n),
        rng.random(n) < 0.5,
    )


def quantlib_loop(args: tuple[np.ndarray, ...], engine: str) -> Callable[[], None]:
    import QuantLib as ql

    today = ql.Date(15, ql.January, 2025)
    ql.Settings.instance().evaluationDate = today
    day_count = ql.Actual365Fixed()
    spot = ql.SimpleQuote(100.0)
    rate, div, vol = ql.SimpleQuote(0.0), ql.SimpleQuote(0.0), ql.SimpleQuote(0.2)
    process = ql.BlackScholesMertonProcess(
        ql.QuoteHandle(spot),
        ql.YieldTermStructureHandle(ql.FlatForward(today, ql.QuoteHandle(div), day_count)),
        ql.YieldTermStructureHandle(ql.FlatForward(today, ql.QuoteHandle(rate), day_count)),
        ql.BlackVolTermStructureHandle(
            ql.BlackConstantVol(today, ql.NullCalendar(), ql.QuoteHandle(vol), day_count)
        ),
    )
    pricing = (
        ql.BinomialVanillaEngine(process, "crr", STEPS)
        if engine == "crr"
        else ql.BaroneAdesiWhaleyApproximationEngine(process)
    )

    def run() -> None:
        for s, k, t, v, r, q, c in zip(*args, strict=True):
            spot.setValue(float(s))
            rate.setValue(float(r))
            div.setValue(float(q))
            vol.setValue(float(v))
            option = ql.VanillaOption(
                ql.PlainVanillaPayoff(ql.Option.Call if c else ql.Option.Put, float(k)),
                ql.AmericanExercise(today, today + max(1, round(t * 365))),
            )
            option.setPricingEngine(pricing)
            option.NPV()

    return run


def line(name: str, n: int, seconds: float) -> None:
    print(f"  {name:<44} {n:>9,} options {seconds * 1e3:>10.1f} ms {n / seconds:>14,.0f} options/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--crr", type=int, default=20_000, help="options for the CRR tree")
    parser.add_argument("--baw", type=int, default=1_000_000, help="options for BAW")
    parser.add_argument("--repeats", type=int, default=3)
    parsed = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"American options, {cores} cores, CRR {STEPS} steps (price + delta, gamma, theta)")

    crr_args = book(parsed.crr)
    crr_american(*(a[:4] for a in crr_args), steps=STEPS)  # compile or load the kernels
    seconds = timed(lambda: crr_american(*crr_args, steps=STEPS), parsed.repeats).best
    line("CRR bulwark numba", parsed.crr, seconds)
    one = tuple(a[:200] for a in crr_args)
    out = np.empty((_crr.N_OUTPUTS, 200))
    seconds = timed(lambda: _crr.kernel_serial(*one, STEPS, out), 5).best
    line("CRR bulwark numba, one thread", 200, seconds)
    small = tuple(a[:500] for a in crr_args)
    seconds = timed(lambda: _crr.kernel_numpy(*small, STEPS), 1).best
    line("CRR bulwark NumPy path (BULWARK_NUMBA=0)", 500, seconds)
    few = tuple(a[:200] for a in crr_args)
    line("CRR QuantLib loop", 200, timed(quantlib_loop(few, "crr"), 1).best)

    baw_args = book(parsed.baw)
    baw_american(*(a[:1000] for a in baw_args))
    seconds = timed(lambda: baw_american(*baw_args), parsed.repeats).best
    line("BAW bulwark numba", parsed.baw, seconds)
    some = tuple(a[:100_000] for a in baw_args)
    prices = np.empty(100_000)
    seconds = timed(lambda: _baw.kernel_serial(*some, _baw.TOLERANCE, prices), 5).best
    line("BAW bulwark numba, one thread", 100_000, seconds)
    line(
        "BAW bulwark NumPy path (BULWARK_NUMBA=0)",
        100_000,
        timed(lambda: _baw.kernel_numpy(*some), 1).best,
    )
    line(
        "BAW QuantLib loop",
        20_000,
        timed(quantlib_loop(tuple(a[:20_000] for a in baw_args), "baw"), 1).best,
    )


if __name__ == "__main__":
    main()
