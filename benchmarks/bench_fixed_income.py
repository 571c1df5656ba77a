"""Fixed income: one bond's analytics and a 1,000-bond ladder (targets on 2 cores).

Prints the median wall time of `--repeats` runs of: one bond from its yield and one from its
clean price (schedule, price, yield solve, durations, convexity, DV01, the 8 default shocks;
target <= 2 ms each), and a ladder of `--bonds` 30-year quarterly ACT/ACT ISDA bonds priced
from clean prices (target <= 2 s for 1,000, the endpoint's cap: well inside the 10 s compute
budget). Beside them: QuantLib's clean price + durations + convexity + yield for the same
single bond when QuantLib is installed (a reference point, not a target).
Run: `.venv/bin/python -m benchmarks.bench_fixed_income [--bonds N] [--repeats R]`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date, timedelta

from application.analytics.fixed_income import DEFAULT_SHOCKS_BP
from benchmarks.timing import timed
from domain.fixedincome.bonds import Bond, analyze_bond
from domain.fixedincome.daycount import DayCount
from domain.fixedincome.ladder import LadderPosition, analyze_ladder

BOND_TARGET_S = 0.002
LADDER_TARGET_S = 2.0
SETTLE = date(2026, 1, 15)


def _median(run: Callable[[], object], repeats: int) -> float:
    return timed(run, repeats).median


def _quantlib_single(repeats: int) -> float | None:
    try:
        import QuantLib as ql  # a dev-only reference, imported only here
    except ImportError:
        return None
    dc = ql.ActualActual(ql.ActualActual.ISMA)
    schedule = ql.Schedule(ql.Date(15, 1, 2001), ql.Date(15, 1, 2031), ql.Period(ql.Semiannual),
                           ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted,
                           ql.DateGeneration.Backward, False)  # fmt: skip
    bond = ql.FixedRateBond(0, 100.0, schedule, [0.05], dc)
    day = ql.Date(15, 1, 2026)
    ql.Settings.instance().evaluationDate = day
    rate = (dc, ql.Compounded, ql.Semiannual)

    def run() -> None:
        clean = ql.BondFunctions.cleanPrice(bond, 0.06, *rate, day)
        ql.BondFunctions.duration(bond, 0.06, *rate, ql.Duration.Macaulay, day)
        ql.BondFunctions.duration(bond, 0.06, *rate, ql.Duration.Modified, day)
        ql.BondFunctions.convexity(bond, 0.06, *rate, day)
        ql.BondFunctions.bondYield(bond, ql.BondPrice(clean, ql.BondPrice.Clean), *rate, day)

    return _median(run, repeats)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bonds", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    bond = Bond(date(2031, 1, 15), 0.05, 2, DayCount.ACT_ACT_ICMA)
    from_yield = _median(
        lambda: analyze_bond(bond, SETTLE, yield_rate=0.06, shifts_bp=DEFAULT_SHOCKS_BP),
        args.repeats * 200,
    )
    from_price = _median(
        lambda: analyze_bond(bond, SETTLE, clean=95.7349, shifts_bp=DEFAULT_SHOCKS_BP),
        args.repeats * 200,
    )
    print(f"cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    print(f"5y semiannual bond from its yield: {from_yield * 1e3:.3f} ms "
          f"(target <= {BOND_TARGET_S * 1e3:g} ms)")  # fmt: skip
    print(f"5y semiannual bond from its clean price: {from_price * 1e3:.3f} ms "
          f"(target <= {BOND_TARGET_S * 1e3:g} ms)")  # fmt: skip
    reference = _quantlib_single(args.repeats * 200)
    if reference is not None:
        print(f"  QuantLib price + durations + convexity + yield: {reference * 1e3:.3f} ms")
    positions = [
        LadderPosition(
            Bond(date(2056, 1, 15) - timedelta(days=9 * i), 0.04, 4, DayCount.ACT_ACT_ISDA),
            1_000.0,
            clean_price=97.0,
        )
        for i in range(args.bonds)
    ]
    ladder = _median(lambda: analyze_ladder(SETTLE, positions, DEFAULT_SHOCKS_BP), args.repeats)
    print(f"ladder of {args.bonds:,} quarterly bonds (up to 30y) from clean prices, 8 shocks: "
          f"{ladder:.3f} s (target <= {LADDER_TARGET_S:g} s)")  # fmt: skip


if __name__ == "__main__":
    main()
