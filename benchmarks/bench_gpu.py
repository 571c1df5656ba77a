"""CPU vs CUDA compute backends, side by side, on the quant engine's workloads.

Workloads (one seeded random book / plan, the same inputs for both backends):
- price + Greeks of 1,000,000 European options;
- implied volatility of the same 1,000,000 options (from their CPU prices);
- retirement Monte Carlo, 100,000 paths x 480 months;
- regime-switching Monte Carlo, 100,000 paths x 252 days x 10 assets (default model).

Each figure is the median wall time of `--repeats` warm calls (the first call, which compiles,
is timed apart as "first"), end to end through the ComputePort: input checks, host-to-device
copies, the kernel, device-to-host copies and the host-side summaries. Beside the speed: the
max abs difference of closed forms (GPU vs CPU; expect ~1e-12), and for Monte Carlo the
difference of the headline figure against its combined standard error (the GPU draws its own
random numbers, so agreement is statistical).

Without a usable GPU it prints "no GPU: <reason>" and exits 0 (CI, laptops).
Run: `.venv/bin/python -m benchmarks.bench_gpu [--options N] [--paths N] [--quick]`
(on a GPU machine: `pip install .[gpu]` first, for numba-cuda).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from adapters.gpu.compute_cpu import CpuCompute, cpu_cores, threading_layer
from adapters.gpu.detect import probe_cuda
from benchmarks import timing
from domain.analytics.montecarlo.regime import Regime, default_model
from ports.core.compute import RetirementInputs


def timed(run: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """(first call s, median warm s, last result)."""
    start = time.perf_counter()
    run()
    first = time.perf_counter() - start
    runs = timing.timed(run, repeats)
    return first, runs.median, runs.result


def book(n: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(18)
    spot = rng.uniform(10, 500, n)
    return (
        spot,
        spot * rng.uniform(0.5, 1.5, n),
        np.ceil(rng.uniform(1, 3 * 365, n)) / 365.0,
        rng.uniform(0.05, 1.5, n),
        rng.uniform(0.0, 0.08, n),
        rng.uniform(0.0, 0.05, n),
        rng.random(n) < 0.5,
    )


def line(
    name: str, size: str, cpu: tuple[float, float], gpu: tuple[float, float], check: str
) -> str:
    speedup = cpu[1] / gpu[1] if gpu[1] > 0 else math.inf
    return (
        f"{name:<12} {size:<22} cpu {cpu[1] * 1e3:9.1f} ms (first {cpu[0]:6.2f} s)   "
        f"gpu {gpu[1] * 1e3:9.1f} ms (first {gpu[0]:6.2f} s)   x{speedup:6.1f}   {check}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--options", type=int, default=1_000_000)
    parser.add_argument("--paths", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=480, help="retirement horizon")
    parser.add_argument("--steps", type=int, default=252, help="regime steps (days)")
    parser.add_argument("--assets", type=int, default=10, help="regime assets")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke)")
    args = parser.parse_args(argv)
    probe = probe_cuda()
    if not probe.usable:
        print(f"no GPU: {probe.reason}")
        return 0
    from adapters.gpu.compute_cuda import CudaCompute

    quick = args.quick or os.environ.get("BULWARK_BENCH_QUICK") == "1"
    options = 20_000 if quick else args.options
    paths = 2_000 if quick else args.paths
    repeats = 1 if quick else args.repeats
    cpu, gpu = CpuCompute(), CudaCompute(reason="benchmark", device=probe.device)
    print(f"CPU: {cpu_cores()} cores, numba ({threading_layer()}); GPU: {probe.device}")
    print(f"load average: {os.getloadavg()[0]:.2f}; wall times, median of {repeats} warm calls")

    columns = book(options)
    c = timed(lambda: cpu.greeks(*columns), repeats)
    g = timed(lambda: gpu.greeks(*columns), repeats)
    diff = max(
        float(np.max(np.abs(getattr(c[2], f) - getattr(g[2], f))))
        for f in ("price", "delta", "gamma", "vega")
    )
    rate = options / g[1] / 1e6
    print(
        line(
            "greeks",
            f"{options:,} options",
            c[:2],
            g[:2],
            f"{rate:.1f}M/s gpu, max |diff| {diff:.1e}",
        )
    )

    spot, strike, years, _, rate_r, dividend, call = columns
    price = c[2].price
    c = timed(lambda: cpu.implied_vol(price, spot, strike, years, rate_r, dividend, call), repeats)
    g = timed(lambda: gpu.implied_vol(price, spot, strike, years, rate_r, dividend, call), repeats)
    ok = (c[2].reason == 0) & (g[2].reason == 0)
    diff = (
        float(np.max(np.abs(c[2].volatility[ok] - g[2].volatility[ok]))) if ok.any() else math.nan
    )
    same = float(np.mean(c[2].reason == g[2].reason))
    print(
        line(
            "implied vol",
            f"{options:,} options",
            c[:2],
            g[:2],
            f"max |diff| {diff:.1e}, same reason {same:.6f}",
        )
    )

    plan = RetirementInputs(
        initial_wealth=500_000.0,
        monthly_contribution=2_000.0,
        retirement_month=min(120, args.months),
        monthly_withdrawal=3_500.0,
        horizon_months=args.months,
        annual_return=0.06,
        annual_volatility=0.16,
        inflation_rate=0.025,
        paths=paths,
        seed=1,
    )
    c = timed(lambda: cpu.retirement(plan), repeats)
    g = timed(lambda: gpu.retirement(plan), repeats)
    se = math.hypot(c[2].success_standard_error, g[2].success_standard_error)
    gap = abs(c[2].success_probability - g[2].success_probability) / max(se, 1e-12)
    print(
        line(
            "retirement",
            f"{paths:,} x {args.months} months",
            c[:2],
            g[:2],
            f"success {c[2].success_probability:.4f} vs {g[2].success_probability:.4f} "
            f"({gap:.1f} SE)",
        )
    )

    model, weights = default_model(args.assets), np.full(args.assets, 1.0 / args.assets)
    request = {"steps": args.steps, "paths": paths, "initial_regime": Regime.BULL, "seed": 2}
    c = timed(lambda: cpu.regime(model, weights, **request), repeats)
    g = timed(lambda: gpu.regime(model, weights, **request), repeats)
    se = math.hypot(c[2].mean_return_standard_error, g[2].mean_return_standard_error)
    gap = abs(c[2].mean_return - g[2].mean_return) / max(se, 1e-12)
    print(
        line(
            "regime",
            f"{paths:,} x {args.steps} x {args.assets}",
            c[:2],
            g[:2],
            f"mean return {c[2].mean_return:.4f} vs {g[2].mean_return:.4f} ({gap:.1f} SE)",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
