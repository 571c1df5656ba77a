"""Regime-switching Monte Carlo: 100,000 paths x 252 days x 10 assets (target <= 3 s on 2 cores).

The default model (four regimes, Student-t shocks, Merton jumps, black swans) with antithetic
pairs, numba kernel. Prints the warm wall time (median of `--repeats`), the process CPU time
(wall x cores when the machine is otherwise idle), the split between drawing the random numbers
(NumPy, threads) and the path kernel, and the peak resident memory.
Run: `.venv/bin/python -m benchmarks.bench_regime [--paths N] [--steps T] [--assets A]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from domain.analytics.montecarlo import _regime_draws as draws
from domain.analytics.montecarlo.regime import Regime, default_model, simulate_regimes

TARGET_S = 3.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paths", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=252)
    parser.add_argument("--assets", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    model = default_model(args.assets)
    weights = np.full(args.assets, 1.0 / args.assets)

    def run() -> None:
        simulate_regimes(
            model, weights, steps=args.steps, paths=args.paths, initial_regime=Regime.BULL
        )

    start = time.perf_counter()
    simulate_regimes(model, weights, steps=5, paths=600, initial_regime=Regime.BULL)
    print(f"first call (compile or cache load): {time.perf_counter() - start:.2f} s")
    walls, cpus = [], []
    for _ in range(args.repeats):
        cpu0, wall0 = _cpu(), time.perf_counter()
        run()
        walls.append(time.perf_counter() - wall0)
        cpus.append(_cpu() - cpu0)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"regime MC {args.paths:,} paths x {args.steps} steps x {args.assets} assets: "
        f"wall {wall:.2f} s (target <= {TARGET_S} s on 2 cores), CPU {cpu:.2f} s"
        f", cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}"
    )
    # The draws alone (same chunking and threads as the engine).
    spec = draws.DrawSpec(
        seed=0,
        steps=args.steps,
        assets=args.assets,
        t_dof=5.0,
        jump_count_mean=args.steps / 252.0,
        jump_mean=-0.03,
        jump_std=0.06,
        swan_count_mean=-np.log1p(-0.02) * args.steps / 252.0,
    )
    units = -(-args.paths // 2)
    per_batch = max(1, 4_000_000 // (draws.CHUNK_UNITS * args.steps * args.assets))
    chunks = -(-units // draws.CHUNK_UNITS)
    cpu0, wall0 = _cpu(), time.perf_counter()
    with ThreadPoolExecutor(max_workers=min(os.cpu_count() or 1, per_batch)) as pool:
        for first in range(0, chunks, per_batch):
            sizes = [draws.CHUNK_UNITS] * min(per_batch, chunks - first)
            draws.draw_batch(spec, first, sizes, pool)
    print(
        f"  of which drawing the random numbers: wall {time.perf_counter() - wall0:.2f} s, "
        f"CPU {_cpu() - cpu0:.2f} s"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
