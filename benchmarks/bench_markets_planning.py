"""The crypto, ESG and giving kernels at their request caps, each beside a target.

At the API's largest request (application/analytics/crypto.py, esg.py, giving.py caps):
1. impermanent loss of a v3 range at 10,000 prices (exact Decimals);
2. pool drain over 100,000 TVL observations (24 h window, Decimal);
3. gas z-scores over 200,000 observations with a 250-observation window (the 50,000,000
   cap of observations x window), then the cheapest 3-hour block;
4. ESG score + screens + carbon over 5,000 holdings (Decimal);
5. the deduction schedule over 30 years of gifts with carryovers.
Each runs inside the compute budget's worker thread in the API, so the target is the budget's
business: <= 1 s each on 2 cores leaves the 10 s budget a wide margin under load. Times are
wall seconds of the best of `--repeat` runs after a warm-up, CPU seconds beside them (other load
on the machine inflates wall time). `--quick` (or BULWARK_BENCH_QUICK=1): small sizes, for the
CI smoke. Run: `.venv/bin/python -m benchmarks.bench_markets_planning [--quick]`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import numpy as np

from domain.analytics.crypto.gas import cheapest_window, rolling_scores
from domain.analytics.crypto.impermanent_loss import PriceRange, impermanent_loss
from domain.analytics.crypto.pool_drain import TvlPoint, pool_drain
from domain.analytics.esg.carbon import carbon
from domain.analytics.esg.model import EsgHolding, EsgRecord, ExclusionCategory
from domain.analytics.esg.portfolio import esg_score, screen
from domain.analytics.giving.deduction import schedule
from domain.analytics.giving.model import LimitCategory

TARGET_S = 1.0
D = Decimal


def timed(label: str, work: Callable[[], object], repeat: int) -> float:
    work()  # warm-up
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    verdict = "ok" if best_wall <= TARGET_S else "MISSED"
    print(
        f"{label:<52} {best_wall:8.3f} s wall {best_cpu:8.3f} s CPU   "
        f"target <= {TARGET_S:g} s -> {verdict}"
    )
    return best_wall


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("BULWARK_BENCH_QUICK") == "1"
    scale = 100 if quick else 1
    rng = np.random.default_rng(22)
    with contextlib.suppress(OSError):
        print(f"load average: {os.getloadavg()[0]:.2f} (1 min)")

    prices = [D(int(p)) / 100 for p in rng.uniform(150_000, 450_000, 10_000 // scale)]
    timed(
        f"impermanent loss, v3 range, {len(prices):,} prices",
        lambda: impermanent_loss(
            D(3000), prices, deposit=D(10_000), price_range=PriceRange(D(2500), D(4000))
        ),
        args.repeat,
    )

    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    walk = np.cumsum(rng.normal(0, 1_000, 100_000 // scale)) + 5_000_000
    points = [TvlPoint(t0 + timedelta(minutes=i), D(int(max(v, 0)))) for i, v in enumerate(walk)]
    timed(
        f"pool drain, {len(points):,} observations, 24 h window",
        lambda: pool_drain(points, timedelta(hours=24), D("0.3")),
        args.repeat,
    )

    gwei = rng.lognormal(3, 0.6, 200_000 // scale)
    slots = (np.arange(gwei.size) // 12) % 168  # five-minute observations
    timed(
        f"gas z-scores, {gwei.size:,} x window 250",
        lambda: rolling_scores(gwei, 250, 3.0),
        args.repeat,
    )
    timed(
        f"gas cheapest 3-hour block, {gwei.size:,} observations",
        lambda: cheapest_window(slots, gwei, hours=3),
        args.repeat,
    )

    n = 5_000 // scale
    categories = list(ExclusionCategory)
    records = {
        f"S{i}": EsgRecord(
            f"S{i}",
            f"S{i}",
            "Sector",
            date(2025, 6, 30),
            D(30 + i % 60),
            environmental=D(40 + i % 50),
            social=D(50),
            governance=D(60),
            revenue_shares={categories[i % 6]: D(i % 20) / 100},
            scope1_tco2e=D(1_000 + i),
            scope2_tco2e=D(200),
            revenue_musd=D(500 + i % 300),
            evic_musd=D(2_000 + i),
            pcaf_quality=1 + i % 5,
        )
        for i in range(n)
    }
    holdings = [EsgHolding(f"S{i}", D(10_000 + 7 * i)) for i in range(n)]
    timed(
        f"ESG score + screens + carbon, {n:,} holdings",
        lambda: (
            esg_score(holdings, records),
            screen(holdings, records),
            carbon(holdings, records),
        ),
        args.repeat,
    )

    years = range(1996, 2026)
    gifts = {
        y: {
            LimitCategory.CASH_60: D(int(rng.integers(0, 80_000))),
            LimitCategory.NONCASH_50: D(int(rng.integers(0, 20_000))),
            LimitCategory.CAPITAL_GAIN_30: D(int(rng.integers(0, 60_000))),
        }
        for y in years
    }
    agi = {y: D(int(rng.integers(50_000, 300_000))) for y in years}
    timed(
        f"deduction schedule, {len(years)} years with carryovers",
        lambda: schedule(gifts, agi, 2025),
        args.repeat,
    )


if __name__ == "__main__":
    main()
