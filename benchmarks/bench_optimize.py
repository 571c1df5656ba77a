"""Portfolio optimisation on 500 assets x 1,260 daily returns (targets on 2 cores).

Times, as the median wall (and CPU) seconds of `--repeats` runs after one warm-up run (the
libraries' import and first compilation are not counted), the whole
`application.analytics.optimization.optimize` call: checks, Ledoit-Wolf covariance, the solve on
cvxpy + Clarabel, the polish onto the bounds, the measures. Targets: each method <= 2 s. Beside
each, the plain NumPy / SciPy baseline of benchmarks/optimize_baseline.py on the same covariance,
and how far its weights are from the library's (max |dw|):

- minimum variance: long-only vs SciPy's SLSQP (on the first `--slsqp-assets` assets: SLSQP
  is O(n^3) an iteration, ~3 minutes at 500), and long-short vs the closed form;
- maximum Sharpe: long-only vs SLSQP (same subset), long-short vs the closed-form tangency;
- risk parity vs Newton's method; HRP vs López de Prado's published procedure.

Then the second figure, scenario repricing of a 1,000-position portfolio under 100
shocks (target <= 0.5 s), from benchmarks/bench_scenarios.py (`--no-scenarios` skips it).

Prints the load average beside the figures (the machine's 2 cores are shared).
Run: `.venv/bin/python -m benchmarks.bench_optimize [--assets N] [--observations T]
[--repeats R] [--slsqp-assets K] [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from adapters.optimization.cvxpy_optimizer import CvxpyOptimizer
from application.analytics.efficient_frontier import Frontier, trace_frontier
from application.analytics.optimization import (
    OptimizationRequest,
    OptimizationResult,
    OptimizationService,
    optimize,
)
from application.core.compute_budget import ComputeBudget
from benchmarks import bench_scenarios
from benchmarks import optimize_baseline as baseline
from domain.analytics.optimization.shrinkage import ledoit_wolf

TARGET_S = 2.0
FRONTIER_ASSETS = 20
PERIODS = 252


def universe(assets: int, observations: int, seed: int = 22) -> np.ndarray:
    """Daily returns with a market factor, five sector factors and noise (~20-35 % a year)."""
    rng = np.random.default_rng(seed)
    market = rng.normal(0.0004, 0.009, (observations, 1))
    sectors = rng.normal(0.0, 0.006, (observations, 5))
    membership = np.eye(5)[rng.integers(0, 5, assets)]
    betas = rng.uniform(0.6, 1.4, assets)
    noise = rng.normal(0.0001, 0.012, (observations, assets))
    returns: np.ndarray = market * betas + sectors @ membership.T + noise
    return returns


def timed(run: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """(median wall s, median CPU s, last result) of `repeats` runs."""
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def _verdict(wall: float) -> str:
    return "ok" if wall <= TARGET_S else "MISSED"


def optimizer_part(args: argparse.Namespace) -> None:
    """The optimiser figures (the scenario-repricing part lives beside it)."""
    n, t = args.assets, args.observations
    returns = universe(n, t)
    assets = [f"S{i:04d}" for i in range(n)]
    rows = returns.tolist()
    optimizer = CvxpyOptimizer()
    wall, cpu, _ = timed(optimizer.warm, 1)
    print(f"optimiser: {optimizer.name}; libraries imported in {wall:.2f} s (not counted)")
    covariance = ledoit_wolf(returns)[0] * PERIODS
    mu = returns.mean(axis=0) * PERIODS
    lw_wall, lw_cpu, _ = timed(lambda: ledoit_wolf(returns), args.repeats)
    print(f"Ledoit-Wolf covariance of {t:,} x {n}: {lw_wall:.3f} s wall, {lw_cpu:.3f} s CPU")

    cases: list[tuple[str, dict[str, Any]]] = [
        ("min_variance", {}),
        ("max_sharpe", {"risk_free_rate": 0.02, "max_weight": 0.10}),
        ("risk_parity", {}),
        ("hrp", {}),
    ]
    results: dict[str, OptimizationResult] = {}
    for method, extra in cases:
        request = OptimizationRequest(method=method, assets=assets, returns=rows, **extra)
        optimize(request, optimizer)  # warm-up: first solve of this shape

        # A new optimizer each run: a one-off request, which pays its own compilation (the
        # optimizer keeps a maximum-Sharpe program compiled once it sees a covariance twice).
        def once(r: OptimizationRequest = request) -> OptimizationResult:
            return optimize(r, CvxpyOptimizer())

        wall, cpu, result = timed(once, args.repeats)
        results[method] = result
        print(f"{method:>13}, {n} assets x {t:,} returns: {wall:.3f} s wall, {cpu:.3f} s CPU "
              f"(target <= {TARGET_S:g} s -> {_verdict(wall)}); "
              f"{int((result.weights > 1e-6).sum())} assets held")  # fmt: skip
    _baselines(args, covariance, mu, results, optimizer)
    _frontier(returns, assets, args.repeats)
    print(f"load average: {_load()}")


def _frontier(returns: np.ndarray, assets: list[str], repeats: int) -> None:
    """The efficient frontier the console traces (~20 tangencies on one covariance), on the
    first FRONTIER_ASSETS assets: with the maximum-Sharpe program compiled once, and compiled
    for every solve (the optimizer keeping none), side by side."""
    k = min(FRONTIER_ASSETS, len(assets))
    request = OptimizationRequest(
        method="max_sharpe", assets=assets[:k], returns=returns[:, :k].tolist(), long_only=True
    )
    for label, kept in (("compiled once", 8), ("compiled per solve", 0)):

        def trace(kept: int = kept) -> Frontier:
            # as served: the service's compute budget, one worker thread
            service = OptimizationService(CvxpyOptimizer(kept), ComputeBudget())
            return asyncio.run(trace_frontier(service, request))

        wall, cpu, frontier = timed(trace, repeats)
        print(f"frontier of {k} assets ({len(frontier.points)} points), {label}: "
              f"{wall:.3f} s wall, {cpu:.3f} s CPU")  # fmt: skip


def _baselines(
    args: argparse.Namespace,
    covariance: np.ndarray,
    mu: np.ndarray,
    results: dict[str, OptimizationResult],
    optimizer: CvxpyOptimizer,
) -> None:
    n, k, repeats = len(covariance), min(args.slsqp_assets, len(covariance)), args.repeats
    print("baseline (plain NumPy / SciPy), same covariance:")
    wall, cpu, w = timed(lambda: baseline.min_variance_closed_form(covariance), repeats)
    lib = _solve_only(lambda: optimizer.min_variance(covariance, _box(n, -5.0, 5.0)), repeats)
    print(f"  min variance long-short, closed form: {wall:.3f} s wall, {cpu:.3f} s CPU; "
          f"library {lib[0]:.3f} s; max |dw| {np.max(np.abs(w - lib[2])):.1e}")  # fmt: skip
    # Sample means of 500 noisy assets make a tangency levered hundreds of times; compare on
    # implied returns (rf + 2.5 S w_eq, reverse optimisation) whose tangency is w_eq = 1/n.
    implied = 0.02 + 2.5 * covariance @ np.full(n, 1.0 / n)
    wall, cpu, w = timed(lambda: baseline.tangency_closed_form(implied, covariance, 0.02), repeats)
    lib = _solve_only(
        lambda: optimizer.max_sharpe(implied, covariance, 0.02, _box(n, -1.0, 1.0)), repeats
    )
    gap = np.max(np.abs(w - lib[2]))
    print(f"  max Sharpe long-short (implied returns), closed-form tangency: {wall:.3f} s wall, "
          f"{cpu:.3f} s CPU; library {lib[0]:.3f} s; max |dw| {gap:.1e}")  # fmt: skip
    sub = covariance[:k, :k]
    wall, cpu, w = timed(lambda: baseline.min_variance_slsqp(sub), 1)
    lib = _solve_only(lambda: optimizer.min_variance(sub, _box(k, 0.0, 1.0)), repeats)
    print(f"  min variance long-only, SLSQP on {k} assets: {wall:.3f} s wall, {cpu:.3f} s CPU; "
          f"library {lib[0]:.3f} s; max |dw| {np.max(np.abs(w - lib[2])):.1e}")  # fmt: skip
    wall, cpu, w = timed(lambda: baseline.max_sharpe_slsqp(mu[:k], sub, 0.02, 0.10), 1)
    lib = _solve_only(lambda: optimizer.max_sharpe(mu[:k], sub, 0.02, _box(k, 0.0, 0.10)), repeats)
    gap = np.max(np.abs(w - lib[2]))
    print(f"  max Sharpe long-only (<= 10 %), SLSQP on {k} assets: {wall:.3f} s wall, "
          f"{cpu:.3f} s CPU; library {lib[0]:.3f} s; max |dw| {gap:.1e}")  # fmt: skip
    wall, cpu, w = timed(lambda: baseline.risk_parity_newton(covariance), repeats)
    print(f"  risk parity, Newton: {wall:.3f} s wall, {cpu:.3f} s CPU; max |dw| vs library "
          f"{np.max(np.abs(w - results['risk_parity'].weights)):.1e}")  # fmt: skip
    wall, cpu, w = timed(lambda: baseline.hrp(covariance), repeats)
    print(f"  HRP, as published: {wall:.3f} s wall, {cpu:.3f} s CPU; max |dw| vs library "
          f"{np.max(np.abs(w - results['hrp'].weights)):.1e}")  # fmt: skip


def _box(n: int, low: float, high: float) -> Any:
    from domain.analytics.optimization.bounds import WeightBounds

    return WeightBounds(np.full(n, low), np.full(n, high))


def _solve_only(run: Callable[[], np.ndarray], repeats: int) -> tuple[float, float, np.ndarray]:
    wall, cpu, weights = timed(run, repeats)
    return wall, cpu, weights


def _load() -> str:
    try:
        with open("/proc/loadavg") as handle:
            return " ".join(handle.read().split()[:3]) + f" on {os.cpu_count()} cores"
    except OSError:
        return "unknown"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--assets", type=int, default=500)
    parser.add_argument("--observations", type=int, default=1260)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--slsqp-assets", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="CI smoke size: 40 x 250, once")
    parser.add_argument("--no-scenarios", action="store_true", help="the optimisers only")
    args = parser.parse_args(argv)
    if args.quick:
        args.assets, args.observations, args.repeats, args.slsqp_assets = 40, 250, 1, 20
    print(f"load average before: {_load()}")
    optimizer_part(args)
    if not args.no_scenarios:
        print()
        bench_scenarios.main(["--positions", "100", "--repeats", "1"] if args.quick else [])


if __name__ == "__main__":
    main()
