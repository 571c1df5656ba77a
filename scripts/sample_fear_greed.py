"""Writes the SYNTHETIC sample of the Fear & Greed file source (not market data).

Seeded and deterministic (python scripts/sample_fear_greed.py rewrites the same bytes):
data/fear_greed/vix.csv and put_call.csv, one row per weekday from 2022-01-03 to 2026-06-30.
The VIX-like series is a mean-reverting log process around 18 points with occasional jumps
(a jump decays over a few weeks); the put/call ratio moves with it around 0.9. No value here
was published by the CBOE or any exchange. Do not use them for decisions.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "data" / "fear_greed"
FIRST, LAST = date(2022, 1, 3), date(2026, 6, 30)


def weekdays(first: date, last: date) -> list[date]:
    out, day = [], first
    while day <= last:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return out


def main() -> None:
    rng = random.Random(22)
    days = weekdays(FIRST, LAST)
    level = math.log(18.0)
    vix_rows, pc_rows = [], []
    for day in days:
        jump = rng.expovariate(1.0) * 0.35 if rng.random() < 0.02 else 0.0
        level += 0.06 * (math.log(18.0) - level) + rng.gauss(0.0, 0.055) + jump
        vix = min(80.0, max(9.0, math.exp(level)))
        ratio = 0.9 + 0.018 * (vix - 18.0) + rng.gauss(0.0, 0.07)
        vix_rows.append(f"{day.isoformat()},{vix:.2f}\n")
        pc_rows.append(f"{day.isoformat()},{min(2.5, max(0.4, ratio)):.3f}\n")
    ROOT.mkdir(parents=True, exist_ok=True)
    (ROOT / "vix.csv").write_text("date,close\n" + "".join(vix_rows))
    (ROOT / "put_call.csv").write_text("date,p/c ratio\n" + "".join(pc_rows))


if __name__ == "__main__":
    main()
