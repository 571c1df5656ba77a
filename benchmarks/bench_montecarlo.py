"""Monte Carlo at scale: the retirement and regime-switching engines, numba beside plain NumPy.

In one run:
- retirement (`simulate_retirement`): 100,000 paths x 480 months (48M path-steps), lognormal
  monthly returns, contributions then inflated withdrawals; the numba engine (threads over
  fixed random streams) and the plain NumPy reference (use_numba=False) on the same draws.
  Target: <= 0.4 s warm.
- regime switching (`simulate_regimes`, the default four-regime model with Student-t shocks,
  jumps and black swans): 100,000 paths x 252 days x 10 assets. Target: <= 3 s warm. The NumPy
  reference runs on `--regime-numpy-paths` paths (it is slow) and is reported per path-step.

Times are the median of `--repeats` warm runs (one untimed run first compiles or loads the
numba cache); CPU seconds (process time, all threads) are printed beside the wall time with
the load average, since on a shared machine wall time inflates. Peak memory: tracemalloc's peak
of a separate untimed run (NumPy buffers and Python objects, not numba's internal scratch), and
the process's peak resident set at the end (ru_maxrss).
Quick mode for CI smoke (`BULWARK_BENCH_QUICK=1` or `--quick`): a few thousand paths.
Run: `.venv/bin/python -m benchmarks.bench_montecarlo [--paths N] [--repeats R] [--quick]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from benchmarks.http_driver import machine
from benchmarks.timing import timed
from domain.analytics.montecarlo.retirement import simulate_retirement

RETIREMENT_TARGET_S = 0.4
REGIME_TARGET_S = 3.0
RETIREMENT_PLAN: dict[str, Any] = {
    "initial_wealth": 100_000.0,
    "monthly_contribution": 1_000.0,
    "retirement_month": 240,
    "monthly_withdrawal": 3_000.0,
    "horizon_months": 480,
    "annual_return": 0.06,
    "annual_volatility": 0.15,
    "inflation_rate": 0.02,
    "seed": 18,
}


@dataclass(frozen=True)
class Sizes:
    retirement_paths: int
    regime_paths: int
    regime_numpy_paths: int
    repeats: int


FULL = Sizes(100_000, 100_000, 5_000, 3)
QUICK = Sizes(4_000, 2_000, 500, 1)


@dataclass(frozen=True)
class Measured:
    name: str
    path_steps: int
    wall_s: float
    cpu_s: float
    peak_traced_mb: float

    def row(self, target_s: float | None) -> str:
        rate = self.path_steps / self.wall_s / 1e6
        verdict = "-" if target_s is None else ("met" if self.wall_s <= target_s else "NOT met")
        target = "- (full size only)" if target_s is None else f"<= {target_s:g} s"
        return (
            f"| {self.name} | {self.path_steps:,} | {self.wall_s:.3f} | {self.cpu_s:.3f} | "
            f"{rate:,.1f} | {self.peak_traced_mb:,.1f} | {target} | {verdict} |"
        )


def measure(name: str, path_steps: int, run: Callable[[], Any], repeats: int) -> Measured:
    """Warm-up run, tracemalloc peak of an untimed run, then the median of `repeats` timed runs."""
    run()
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    runs = timed(run, repeats)
    return Measured(name, path_steps, runs.median, runs.median_cpu, peak / 2**20)


def header(title: str) -> None:
    print(f"\n{title}")
    columns = "engine | path-steps | wall s | CPU s | M path-steps/s | peak MB (traced)"
    print(f"| {columns} | target | verdict |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")


def bench_retirement(sizes: Sizes) -> tuple[Measured, Measured]:
    paths = sizes.retirement_paths
    steps = paths * RETIREMENT_PLAN["horizon_months"]
    results = {}

    def runner(use_numba: bool) -> Callable[[], Any]:
        def run() -> Any:
            results[use_numba] = simulate_retirement(
                **RETIREMENT_PLAN, paths=paths, use_numba=use_numba
            )
            return results[use_numba]

        return run

    fast = measure(
        "retirement, numba (draws in the kernel, threads)", steps, runner(True), sizes.repeats
    )
    plain = measure(
        "retirement, plain NumPy (use_numba=False)", steps, runner(False), sizes.repeats
    )
    header(f"Retirement Monte Carlo, {paths:,} paths x 480 months, {machine()}")
    print(fast.row(RETIREMENT_TARGET_S if paths == FULL.retirement_paths else None))
    print(plain.row(None))
    agree = np.max(np.abs(results[True].wealth_percentiles - results[False].wealth_percentiles))
    numba_p, numpy_p = results[True].success_probability, results[False].success_probability
    print(
        f"numba {plain.wall_s / fast.wall_s:,.1f}x NumPy; success probability {numba_p:.4f}"
        f" (NumPy {numpy_p:.4f}), max abs fan difference {agree:.2e} (same draws)"
    )
    return fast, plain


def bench_regime(sizes: Sizes) -> Measured | None:
    try:
        from domain.analytics.montecarlo.regime import Regime, default_model, simulate_regimes
    except ImportError:  # pragma: no cover - without the regime kernels
        print("\nregime switching: domain.analytics.montecarlo.regime not here yet")
        return None
    assets, steps = 10, 252
    model = default_model(assets)
    weights = np.full(assets, 1.0 / assets)

    def runner(paths: int, use_numba: bool) -> Callable[[], Any]:
        def run() -> Any:
            return simulate_regimes(
                model,
                weights,
                steps=steps,
                paths=paths,
                initial_regime=Regime.BULL,
                seed=18,
                use_numba=use_numba,
            )

        return run

    fast = measure(
        "regime, numba",
        sizes.regime_paths * steps,
        runner(sizes.regime_paths, True),
        sizes.repeats,
    )
    plain = measure(
        f"regime, plain NumPy ({sizes.regime_numpy_paths:,} paths)",
        sizes.regime_numpy_paths * steps,
        runner(sizes.regime_numpy_paths, False),
        1,
    )
    size = f"{sizes.regime_paths:,} paths x {steps} days x {assets} assets"
    header(f"Regime-switching Monte Carlo, {size}, {machine()}")
    print(fast.row(REGIME_TARGET_S if sizes.regime_paths == FULL.regime_paths else None))
    print(plain.row(None))
    per_step_fast = fast.wall_s / fast.path_steps
    per_step_plain = plain.wall_s / plain.path_steps
    print(
        f"numba {per_step_plain / per_step_fast:,.1f}x NumPy per path-step (x {assets} assets each)"
    )
    return fast


def parse(argv: Sequence[str] | None) -> Sizes:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--paths", type=int, help="paths of both engines (default 100,000)")
    parser.add_argument("--repeats", type=int, help="timed runs per engine (median)")
    parser.add_argument("--quick", action="store_true", help="CI smoke sizes")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick or os.environ.get("BULWARK_BENCH_QUICK") == "1" else FULL
    if args.paths:
        sizes = Sizes(
            args.paths, args.paths, min(sizes.regime_numpy_paths, args.paths), sizes.repeats
        )
    if args.repeats:
        sizes = Sizes(
            sizes.retirement_paths, sizes.regime_paths, sizes.regime_numpy_paths, args.repeats
        )
    return sizes


def main(argv: Sequence[str] | None = None) -> None:
    import numba

    sizes = parse(argv)
    load = os.getloadavg()
    print(
        f"numba {numba.__version__}, {numba.config.NUMBA_NUM_THREADS} threads; load average"
        f" {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (wall times grow under load)"
    )
    bench_retirement(sizes)
    bench_regime(sizes)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the process (ru_maxrss): {peak_rss:,.0f} MB")


if __name__ == "__main__":
    main()
