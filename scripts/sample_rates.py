"""Writes data/rates/: a SYNTHETIC sample of FRED's Treasury constant-maturity series.

Not market data. Seeded and deterministic (python scripts/sample_rates.py rewrites the same
bytes): business days 2022-01-03 .. 2024-12-31, yields in percent with two decimals, FRED's
'.' on the US federal holidays listed below, in FRED's CSV download format. The shape is
chosen to exercise the curve and the inversion detector: short rates rise through 2022-23
and the curve inverts (2s10s from mid-2022, 3m10y from late 2022), then disinverts in 2024.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "rates"
TENORS = (("DGS1MO", 1 / 12), ("DGS3MO", 0.25), ("DGS6MO", 0.5), ("DGS1", 1.0),
          ("DGS2", 2.0), ("DGS3", 3.0), ("DGS5", 5.0), ("DGS7", 7.0), ("DGS10", 10.0),
          ("DGS20", 20.0), ("DGS30", 30.0))  # fmt: skip
HOLIDAYS = {date(2022, 1, 17), date(2022, 2, 21), date(2022, 5, 30), date(2022, 6, 20),
            date(2022, 7, 4), date(2022, 9, 5), date(2022, 10, 10), date(2022, 11, 11),
            date(2022, 11, 24), date(2022, 12, 26), date(2023, 1, 2), date(2023, 1, 16),
            date(2023, 2, 20), date(2023, 5, 29), date(2023, 6, 19), date(2023, 7, 4),
            date(2023, 9, 4), date(2023, 10, 9), date(2023, 11, 23), date(2023, 12, 25),
            date(2024, 1, 1), date(2024, 1, 15), date(2024, 2, 19), date(2024, 5, 27),
            date(2024, 6, 19), date(2024, 7, 4), date(2024, 9, 2), date(2024, 10, 14),
            date(2024, 11, 11), date(2024, 11, 28), date(2024, 12, 25)}  # fmt: skip
# (day, short rate, 10-year anchor) knots, linearly interpolated between.
KNOTS = ((date(2022, 1, 3), 0.05, 1.65), (date(2022, 6, 15), 1.60, 3.30),
         (date(2022, 11, 1), 4.00, 3.90), (date(2023, 7, 31), 5.45, 4.00),
         (date(2023, 10, 19), 5.55, 4.95), (date(2024, 3, 1), 5.45, 4.20),
         (date(2024, 9, 30), 4.40, 4.10), (date(2024, 12, 31), 4.05, 4.60))  # fmt: skip


def anchors(day: date) -> tuple[float, float]:
    for (d0, s0, l0), (d1, s1, l1) in pairwise(KNOTS):
        if d0 <= day <= d1:
            w = (day - d0).days / (d1 - d0).days
            return s0 + w * (s1 - s0), l0 + w * (l1 - l0)
    return KNOTS[-1][1], KNOTS[-1][2]


def yield_at(years: float, short: float, ten: float, hump: float) -> float:
    """Nelson-Siegel-like: the short end at `short`, 10y at `ten`, a hump near 1-2 years."""
    slope = (ten - short) / (1 - math.exp(-10 / 2.5))
    level = short + slope * (1 - math.exp(-years / 2.5))
    return level + hump * (years / 1.5) * math.exp(1 - years / 1.5) + 0.012 * max(years - 10, 0)


def main() -> None:
    rng = random.Random(19)
    noise = {series: 0.0 for series, _ in TENORS}
    rows: dict[str, list[str]] = {series: [] for series, _ in TENORS}
    day = date(2022, 1, 3)
    while day <= date(2024, 12, 31):
        if day.weekday() < 5:
            short, ten = anchors(day)
            hump = 0.10 * math.sin(day.toordinal() / 90.0)
            common = rng.gauss(0, 0.03)
            for series, years in TENORS:
                noise[series] = 0.9 * noise[series] + rng.gauss(0, 0.015)
                value = yield_at(years, short, ten, hump) + common + noise[series]
                text = "." if day in HOLIDAYS else f"{max(value, 0.01):.2f}"
                rows[series].append(f"{day.isoformat()},{text}")
        day += timedelta(days=1)
    OUT.mkdir(parents=True, exist_ok=True)
    for series, lines in rows.items():
        (OUT / f"{series}.csv").write_text(f"observation_date,{series}\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
