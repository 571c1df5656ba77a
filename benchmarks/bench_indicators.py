"""Indicators over 1,000,000 bars: numba kernels vs their pure-Python / numpy references.

Every indicator of domain.market_data.indicators on one seeded GBM series, side by side in one
run: the default path (numba kernels, numpy where it vectorises) and the reference where one
exists (the same kernel as plain Python via `py_func`, or numpy sliding windows). Kernels are
compiled first into a fresh cache directory, so the compile times printed are real compiles
(not loads from __pycache__) and are kept out of the per-indicator times. Per indicator: the
median of `--repeats` runs in ms, bars/s, and the reference's time and the speed-up.
Run: `.venv/bin/python -m benchmarks.bench_indicators [--bars N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Before numba is imported (by the first kernel call): compile afresh, not from the cache.
os.environ.setdefault("NUMBA_CACHE_DIR", tempfile.mkdtemp(prefix="bench-indicators-numba-"))

import numpy as np

from benchmarks import timing
from domain.market_data import indicators as ind
from domain.market_data.bars import BarSeries

Run = Callable[[], Any]


@dataclass(frozen=True)
class Case:
    name: str
    fast: Run
    fast_kind: str
    reference: Run | None = None
    reference_kind: str = ""


def gbm_series(n: int, seed: int = 7) -> BarSeries:
    """`n` one-minute bars of a geometric Brownian motion around 100, with wicks and volume."""
    rng = np.random.default_rng(seed)
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0, 0.0008, n)))
    open_ = np.empty(n)
    open_[0] = close[0]
    open_[1:] = close[:-1]
    wick = np.abs(rng.normal(0.0, 0.0005, (2, n))) * close
    return BarSeries(
        start=(1_767_225_600.0 + 60.0 * np.arange(n)).astype(np.float64),
        open=open_,
        high=np.maximum(open_, close) + wick[0],
        low=np.minimum(open_, close) - wick[1],
        close=close,
        volume=rng.integers(100, 10_000, n).astype(np.float64),
    )


def cases(s: BarSeries) -> list[Case]:
    c = s.close
    py, nb, npy = "python", "numba", "numpy"
    return [
        Case(
            "sma:20", lambda: ind.sma(c, 20), "numpy cumsum", lambda: ind.sma_reference(c, 20), npy
        ),
        Case("ema:20", lambda: ind.ema(c, 20), nb, lambda: ind.ema(c, 20, jit=False), py),
        Case("rsi:14", lambda: ind.rsi(c, 14), nb, lambda: ind.rsi(c, 14, jit=False), py),
        Case(
            "macd:12:26:9",
            lambda: ind.macd(c, 12, 26, 9),
            nb,
            lambda: ind.macd(c, 12, 26, 9, jit=False),
            py,
        ),
        Case(
            "bbands:20:2",
            lambda: ind.bollinger(c, 20, 2.0),
            nb,
            lambda: ind.bollinger(c, 20, 2.0, jit=False),
            "numpy windows",
        ),
        Case("vwap:day", lambda: ind.vwap(s), nb, lambda: ind.vwap(s, jit=False), py),
        Case("atr:14", lambda: ind.atr(s, 14), nb, lambda: ind.atr(s, 14, jit=False), py),
        Case("true_range", lambda: ind.true_range(s.high, s.low, s.close), npy),
    ]


def timed(run: Run, repeats: int) -> tuple[float, Any]:
    """Median wall time of `repeats` runs, in seconds, and the last run's result."""
    runs = timing.timed(run, repeats)
    return runs.median, runs.result


def compile_kernels() -> dict[str, float]:
    """Seconds the numba import and each kernel's first call (its compile) take."""
    tiny = gbm_series(64)
    start = time.perf_counter()
    import numba  # noqa: F401 - timed on its own, apart from the compiles

    first = {"import numba": time.perf_counter() - start}
    for name, run in (
        ("recursive_mean (ema, rsi, macd, atr)", lambda: ind.ema(tiny.close, 5)),
        ("rolling_mean_std (bbands)", lambda: ind.bollinger(tiny.close, 5)),
        ("session_vwap (vwap)", lambda: ind.vwap(tiny)),
    ):
        start = time.perf_counter()
        run()
        first[name] = time.perf_counter() - start
    return first


def main(bars: int = 1_000_000, repeats: int = 5, reference_repeats: int = 1) -> None:
    compile_s = compile_kernels()
    import numba

    print(
        f"bench_indicators: {bars:,} bars; python {platform.python_version()}, "
        f"numpy {np.__version__}, numba {numba.__version__}; nproc {os.cpu_count()}; "
        f"{platform.machine()} {platform.processor() or platform.system()}"
    )
    print("\nimport and first calls (fresh cache: real compiles; not in the times below):")
    for name, seconds in compile_s.items():
        print(f"  {name:<40} {seconds * 1000:9.1f} ms")

    series = gbm_series(bars)
    print(
        f"\n{'indicator':<14} {'path':<13} {'ms':>9} {'Mbars/s':>9}   "
        f"{'reference':<13} {'ms':>10} {'speed-up':>9}"
    )
    total_fast = 0.0
    for case in cases(series):
        fast, fast_result = timed(case.fast, repeats)
        total_fast += fast
        line = f"{case.name:<14} {case.fast_kind:<13} {fast * 1000:9.2f} {bars / fast / 1e6:9.1f}"
        if case.reference is not None:
            ref, ref_result = timed(case.reference, reference_repeats)
            # Both paths must agree for their times to mean anything.
            _agree(fast_result, ref_result, case.name)
            line += f"   {case.reference_kind:<13} {ref * 1000:10.1f} {ref / fast:8.1f}x"
        print(line)
    specs = ind.parse_indicators("sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,vwap,atr:14")
    everything, _ = timed(lambda: [spec.compute(series) for spec in specs], repeats)
    print(
        f"\nall seven through IndicatorSpec.compute: {everything * 1000:.1f} ms "
        f"({bars / everything / 1e6:.1f} Mbars/s); sum of the rows above {total_fast * 1000:.1f} ms"
    )


def _agree(fast: Any, reference: Any, name: str) -> None:
    def columns(result: Any) -> list[np.ndarray[Any, Any]]:
        if isinstance(result, np.ndarray):
            return [result]
        return [getattr(result, f) for f in result.__dataclass_fields__]

    for a, b in zip(columns(fast), columns(reference), strict=True):
        if not np.allclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True):
            raise SystemExit(f"{name}: the fast path and its reference disagree")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--reference-repeats", type=int, default=1)
    args = parser.parse_args()
    main(args.bars, args.repeats, args.reference_repeats)
    sys.exit(0)
