"""Attribution use case: check, attribute (Brinson-Fachler), link, CUSUM, on posted periods.

The endpoint computes on the event loop (no compute budget), so its cost per request must stay
small at the largest body the API accepts (1 MiB of JSON, about 8,000 sector rows):

- typical: 120 monthly periods x 11 sectors (ten years of GICS sectors): target <= 10 ms;
- body-limited: 720 periods x 11 sectors (7,920 rows, ~1 MiB): target <= 50 ms;
- direct call at the use case's caps, 2,000 periods x 200 sectors (not reachable over HTTP
  with the default body limit): printed for reference, target <= 2 s.

Prints, per case and for Carino and Menchero, the warm wall time of `--repeats` runs (median
and best) and the process CPU time per run (median; the verdict uses it: on a loaded 2-core
machine a run is often preempted, which wall time counts and CPU time does not), and the
largest |linked total - compounded active return| seen (rounding grows with the compounded
growth, see docs/attribution.md).
Run: `.venv/bin/python -m benchmarks.bench_attribution [--repeats N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from datetime import date, timedelta

import numpy as np

from application.analytics.attribution import (
    AttributionRequest,
    PeriodInput,
    SectorInput,
    analyse_attribution,
)
from domain.portfolio.linking import LinkingMethod

CASES = ((120, 11, 0.010), (720, 11, 0.050), (2_000, 200, 2.0))  # periods, sectors, target s


def _weights(rng: np.random.Generator, n: int) -> np.ndarray:
    raw = rng.uniform(0.1, 1.0, n)
    return raw / raw.sum()


def request(
    periods: int, sectors: int, method: LinkingMethod, seed: int = 19
) -> AttributionRequest:
    rng = np.random.default_rng(seed)
    names = [f"sector-{j:03d}" for j in range(sectors)]
    start = date(2000, 1, 1)
    rows = []
    for i in range(periods):
        w_p, w_b = _weights(rng, sectors), _weights(rng, sectors)
        r_b = rng.normal(0.006, 0.04, sectors)
        r_p = r_b + rng.normal(0.001, 0.01, sectors)
        rows.append(
            PeriodInput(
                start + timedelta(days=30 * i),
                start + timedelta(days=30 * (i + 1)),
                tuple(
                    SectorInput(
                        names[j], float(w_p[j]), float(w_b[j]), float(r_p[j]), float(r_b[j])
                    )
                    for j in range(sectors)
                ),
            )
        )
    return AttributionRequest(periods=tuple(rows), linking=method)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    for periods, sectors, target in CASES:
        for method in LinkingMethod:
            req = request(periods, sectors, method)
            analyse_attribution(req)  # warm
            walls, cpus, worst = [], [], 0.0
            for _ in range(args.repeats):
                c0, t0 = time.process_time(), time.perf_counter()
                report = analyse_attribution(req)
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
                coefficients = report.linked.coefficients
                worst = max(worst, abs(report.linked.totals.total - coefficients.active_return))
            wall, best = statistics.median(walls), min(walls)
            cpu = statistics.median(cpus)
            verdict = "ok" if cpu <= target else "OVER"
            print(
                f"{periods:>5} periods x {sectors:>3} sectors, {method.value:<8}: "
                f"wall median {wall * 1e3:7.1f} ms, best {best * 1e3:7.1f} ms; CPU "
                f"{cpu * 1e3:7.1f} ms (target <= {target * 1e3:.0f} ms, {verdict}); "
                f"|linked - active| {worst:.1e}, events {len(report.cusum.events)}"
            )


if __name__ == "__main__":
    main()
