"""Scenario repricing: a 1,000-position portfolio under 100 macro shocks (target <= 0.5 s on
2 cores; the scenarios part of bench_optimize, also run on its own).

Prints the median wall time and the process CPU time of `--repeats` runs of:
- `reprice`: domain.analytics.scenarios.repricing.reprice end to end (positions in, each
  scenario's P&L, factor split, hedge split and worst positions out, money to the cent);
- `matrix`: its numpy core alone (the (positions x 5) @ (5 x scenarios) product and the
  convexity term), beside a plain Python loop over positions x scenarios for the same figures
  on a tenth of the positions (the baseline numpy replaces; scaled by 10 in the table);
- `complete`: filling in 100 partial scenarios from the correlation model.
The load average is printed beside them: the machine is shared, figures move with it.
Run: `.venv/bin/python -m benchmarks.bench_scenarios [--positions N] [--shocks M] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import os
import random
from collections.abc import Callable, Sequence
from decimal import Decimal

import numpy as np

from benchmarks import timing
from domain.analytics.scenarios.factors import (
    FACTORS,
    Factor,
    Scenario,
    complete,
    correlation_model,
)
from domain.analytics.scenarios.repricing import (
    BP,
    Sensitivities,
    StressPosition,
    exposures,
    pnl_matrix,
    reprice,
    shock_matrix,
)

TARGET_S = 0.5
VOLS = {Factor.EQUITY: 0.16, Factor.RATES: 90.0, Factor.OIL: 0.35, Factor.USD: 0.08,
        Factor.CREDIT: 50.0}  # fmt: skip
CORRELATIONS = [
    [1.00, 0.10, 0.30, -0.20, -0.60],
    [0.10, 1.00, 0.15, 0.20, -0.30],
    [0.30, 0.15, 1.00, -0.30, -0.30],
    [-0.20, 0.20, -0.30, 1.00, 0.20],
    [-0.60, -0.30, -0.30, 0.20, 1.00],
]


def book(count: int, rng: random.Random) -> list[StressPosition]:
    out = []
    for i in range(count):
        bond = i % 3 == 0
        sens = Sensitivities(
            beta_equity=0.0 if bond else rng.uniform(0.3, 1.8),
            duration=rng.uniform(1, 12) if bond else 0.0,
            convexity=rng.uniform(5, 150) if bond else 0.0,
            beta_oil=rng.uniform(-0.2, 0.6),
            beta_usd=rng.uniform(-0.5, 0.3),
            spread_duration=rng.uniform(0, 8) if bond else 0.0,
        )
        value = Decimal(rng.randrange(1_000, 5_000_000)) * (-1 if i % 17 == 0 else 1)
        out.append(StressPosition(f"P{i:05d}", value, sens, hedge=i % 17 == 0))
    return out


def shocks(count: int, rng: random.Random) -> list[Scenario]:
    out = []
    for j in range(count):
        moves = {
            Factor.EQUITY: rng.uniform(-0.5, 0.2), Factor.RATES: rng.uniform(-200, 300),
            Factor.OIL: rng.uniform(-0.6, 0.6), Factor.USD: rng.uniform(-0.1, 0.15),
            Factor.CREDIT: rng.uniform(-50, 400),
        }  # fmt: skip
        out.append(Scenario(f"S{j:03d}", moves, frozenset(moves)))
    return out


def python_loop(positions: list[StressPosition], scenarios: list[Scenario]) -> list[float]:
    """The same P&L with a Python loop: the baseline the matrix product replaces."""
    totals = []
    for s in scenarios:
        eq, dy, oil, usd, ds = (s.shocks.get(f, 0.0) for f in FACTORS)
        dy, ds = dy * BP, ds * BP
        total = 0.0
        for p in positions:
            v, k = float(p.market_value), p.sensitivities
            rates = -k.duration * dy + 0.5 * k.convexity * dy * dy
            total += v * (k.beta_equity * eq + rates + k.beta_oil * oil + k.beta_usd * usd
                          - k.spread_duration * ds)  # fmt: skip
        totals.append(total)
    return totals


def timed(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    runs = timing.timed(run, repeats)
    return runs.median, runs.median_cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--positions", type=int, default=1000)
    parser.add_argument("--shocks", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(22)
    positions, scenarios = book(args.positions, rng), shocks(args.shocks, rng)
    model = correlation_model(VOLS, CORRELATIONS)
    partial = [{Factor.EQUITY: s.shocks[Factor.EQUITY]} for s in scenarios]
    _, linear, convex = exposures(positions)
    matrix = shock_matrix(scenarios)

    # The matrix's totals agree with the loop's (the check that both compute the same thing).
    tenth = positions[: max(1, len(positions) // 10)]
    _, lin10, con10 = exposures(tenth)
    assert np.allclose(pnl_matrix(lin10, con10, matrix).pnl.sum(axis=0),
                       python_loop(tenth, scenarios), rtol=1e-9, atol=1e-6)  # fmt: skip

    rows = [
        ("reprice (end to end)", *timed(lambda: reprice(positions, scenarios), args.repeats)),
        ("matrix (numpy core)", *timed(lambda: pnl_matrix(linear, convex, matrix), args.repeats)),
        ("complete 100 partial scenarios",
         *timed(lambda: [complete("x", p, model) for p in partial], args.repeats)),
    ]  # fmt: skip
    loop_wall, loop_cpu = timed(lambda: python_loop(tenth, scenarios), max(1, args.repeats // 3))
    rows.append(("python loop baseline (x10 scaled)", loop_wall * 10, loop_cpu * 10))
    print(f"scenario repricing: {args.positions} positions x {args.shocks} shocks, "
          f"median of {args.repeats}; target <= {TARGET_S} s end to end")  # fmt: skip
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} CPUs)")  # fmt: skip
    print(f"{'':36} {'wall s':>10} {'cpu s':>10}")
    for name, wall, cpu in rows:
        print(f"{name:36} {wall:10.4f} {cpu:10.4f}")
    verdict = "meets" if rows[0][1] <= TARGET_S else "MISSES"
    print(f"end to end {rows[0][1]:.4f} s: {verdict} the {TARGET_S} s target")


if __name__ == "__main__":
    main()
