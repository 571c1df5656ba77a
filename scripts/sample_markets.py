"""Writes the SYNTHETIC samples of the markets screens' offline sources (not market data).

Seeded and deterministic (python scripts/sample_markets.py rewrites the same bytes):
- data/macro/: FRED-shaped CSVs of CPIAUCSL, CPILFESL, UNRATE, FEDFUNDS (monthly, 2018-01 to
  2024-12) and GDPC1, GDP (quarterly), shaped like the 2020 shock and the 2021-23 inflation;
- data/futures/: daily settlements in 2024 of CL, RB, HO, NG contracts (expiries by each
  exchange's rule, weekends only), the spot of each day, and contracts.csv;
- data/insiders/form4.csv: Form 4 Table I-shaped rows for the synthetic backtest symbols.
No value here was published by any agency, exchange or filer. Do not use them for decisions.
"""

from __future__ import annotations

import csv
import math
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "data"
MONTH_CODES = "FGHJKMNQUVXZ"


def month_range(first: date, last: date, step: int = 1) -> list[date]:
    out, day = [], first
    while day <= last:
        out.append(day)
        index = day.year * 12 + day.month - 1 + step
        day = date(index // 12, index % 12 + 1, 1)
    return out


def write_fred(series: str, rows: list[tuple[date, str]]) -> None:
    path = ROOT / "macro" / f"{series}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{d.isoformat()},{v}\n" for d, v in rows)
    path.write_text(f"observation_date,{series}\n{body}")


def macro(rng: random.Random) -> None:
    months = month_range(date(2018, 1, 1), date(2024, 12, 1))

    # monthly inflation (annualized %) by period: calm, 2020 dip, 2021-22 surge, disinflation
    def inflation(d: date) -> float:
        if d < date(2020, 3, 1):
            return 2.0
        if d < date(2020, 7, 1):
            return -3.0
        if d < date(2021, 3, 1):
            return 2.0
        if d < date(2022, 7, 1):
            return 8.5
        if d < date(2023, 7, 1):
            return 3.5
        return 2.8

    cpi, core, rows_cpi, rows_core = 247.9, 255.2, [], []
    for d in months:
        rate = inflation(d) + rng.gauss(0, 0.8)
        cpi *= (1 + rate / 100) ** (1 / 12)
        core *= (1 + (0.6 * rate + 1.0) / 100) ** (1 / 12)
        rows_cpi.append((d, f"{cpi:.3f}"))
        rows_core.append((d, f"{core:.3f}"))
    write_fred("CPIAUCSL", rows_cpi)
    write_fred("CPILFESL", rows_core)

    def unemployment(d: date) -> float:
        if d < date(2020, 3, 1):
            return 4.0 - 0.02 * ((d.year - 2018) * 12 + d.month)
        if d < date(2020, 4, 1):
            return 4.4
        if d < date(2020, 5, 1):
            return 14.7
        if d < date(2022, 1, 1):
            return max(4.0, 14.7 - 0.55 * ((d.year - 2020) * 12 + d.month - 4))
        if d < date(2024, 1, 1):
            return 3.6
        return 3.7 + 0.05 * (d.month - 1)

    write_fred("UNRATE", [(d, f"{unemployment(d) + rng.choice((-0.1, 0, 0, 0.1)):.1f}")
                          for d in months])  # fmt: skip

    def funds(d: date) -> float:
        if d < date(2019, 8, 1):
            return 1.4 + 0.05 * ((d.year - 2018) * 12 + d.month)
        if d < date(2020, 3, 1):
            return 1.6
        if d < date(2022, 3, 1):
            return 0.08
        if d < date(2023, 8, 1):
            return min(5.33, 0.33 + 0.31 * ((d.year - 2022) * 12 + d.month - 3))
        if d < date(2024, 9, 1):
            return 5.33
        return 5.33 - 0.25 * (d.month - 8)

    write_fred("FEDFUNDS", [(d, f"{funds(d):.2f}") for d in months])
    quarters = month_range(date(2018, 1, 1), date(2024, 10, 1), 3)
    real, nominal, rows_real, rows_nominal = 18950.0, 20150.0, [], []
    for d in quarters:
        growth = -30.0 if d == date(2020, 4, 1) else 33.0 if d == date(2020, 7, 1) else 2.4
        growth += rng.gauss(0, 0.9)
        real *= (1 + growth / 100) ** 0.25
        deflator = (1 + (inflation(d) + 0.3) / 100) ** 0.25
        nominal *= (1 + growth / 100) ** 0.25 * deflator
        rows_real.append((d, f"{real:.3f}"))
        rows_nominal.append((d, f"{nominal:.3f}"))
    write_fred("GDPC1", rows_real)
    write_fred("GDP", rows_nominal)


def business_days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)
            if (first + timedelta(days=i)).weekday() < 5]  # fmt: skip


def back_business(day: date, count: int) -> date:
    while count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def expiry(root: str, year: int, month: int) -> date:
    """Each exchange's last trading day (weekends only, holidays ignored: synthetic)."""
    prior = date(year, month, 1) - timedelta(days=1)  # last day of the month before delivery
    if root == "CL":  # 3 business days before the 25th of the month before delivery
        anchor = date(prior.year, prior.month, 25)
        return back_business(anchor, 3 if anchor.weekday() < 5 else 4)
    if root == "NG":  # 3 business days before the first day of the delivery month
        return back_business(date(year, month, 1), 3)
    while prior.weekday() >= 5:  # RB, HO: the last business day of the month before
        prior -= timedelta(days=1)
    return prior


FUTURES = {  # root: name, exchange, unit, size, size unit, start spot, vol, seasonal amplitude
    "CL": ("WTI light sweet crude oil", "NYMEX", "USD per barrel", 1000, "barrels", 72.0, 0.30,
           0.0),
    "RB": ("RBOB gasoline", "NYMEX", "USD per gallon", 42000, "gallons", 2.10, 0.32, 0.06),
    "HO": ("NY Harbor ULSD (heating oil)", "NYMEX", "USD per gallon", 42000, "gallons", 2.60,
           0.30, -0.05),
    "NG": ("Henry Hub natural gas", "NYMEX", "USD per MMBtu", 10000, "MMBtu", 2.55, 0.55, -0.12),
}  # fmt: skip


def futures(rng: random.Random) -> None:
    out = ROOT / "futures"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "contracts.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["root", "name", "exchange", "quote_unit", "size", "size_unit"])
        for root, spec in FUTURES.items():
            writer.writerow([root, spec[0], spec[1], spec[2], spec[3], spec[4]])
    days = business_days(date(2024, 1, 2), date(2024, 12, 31))
    for root, (_, _, unit, _, _, spot0, vol, season) in FUTURES.items():
        places = 2 if unit.endswith("barrel") else 4
        rows, spot = [], spot0
        for day in days:
            spot *= math.exp(rng.gauss(0, vol / math.sqrt(252)))
            # carry: backwardation in the first half, contango in the second (per year)
            slope = -0.06 + 0.12 * (day - days[0]).days / 365
            rows.append([day.isoformat(), "SPOT", "", f"{spot:.{places}f}"])
            listed = 0
            for ahead in range(16):
                index = day.year * 12 + day.month - 1 + ahead + 1
                year, month = index // 12, index % 12 + 1
                last = expiry(root, year, month)
                if last <= day:
                    continue
                years = (last - day).days / 365
                seasonal = season * math.cos(2 * math.pi * (month - 1) / 12)
                price = spot * math.exp(slope * years + seasonal)
                code = f"{root}{MONTH_CODES[month - 1]}{year % 100:02d}"
                rows.append([day.isoformat(), code, last.isoformat(), f"{price:.{places}f}"])
                listed += 1
                if listed == 12:
                    break
        with (out / f"{root}.csv").open("w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["date", "contract", "expiry", "settle"])
            writer.writerows(rows)


INSIDERS = {  # symbol: issuer CIK (synthetic), price level
    "ACME": ("9900000001", 48.0), "BOLT": ("9900000002", 120.0), "CRUX": ("9900000003", 31.0),
    "DYNO": ("9900000004", 75.0), "EPIC": ("9900000005", 210.0), "FLUX": ("9900000006", 18.0),
    "GRID": ("9900000007", 56.0),
}  # fmt: skip
ROLES = ("Director", "Officer: Chief Executive Officer", "Officer: Chief Financial Officer",
         "10% Owner", "Director")  # fmt: skip


def insiders(rng: random.Random) -> None:
    out = ROOT / "insiders"
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for symbol, (cik, level) in INSIDERS.items():
        held = {n: rng.randrange(20_000, 400_000) for n in range(len(ROLES))}
        for number in range(rng.randrange(10, 22)):
            owner = rng.randrange(len(ROLES))
            day = date(2024, 1, 2) + timedelta(days=rng.randrange(0, 360))
            code = rng.choices("PSAMFG", weights=(3, 5, 2, 1, 1, 1))[0]
            shares = rng.randrange(1, 60) * 100
            price = level * math.exp(rng.gauss(0, 0.15))
            disposed = code in "SFG"
            if disposed:
                shares = min(shares, held[owner])
                held[owner] -= shares
            else:
                held[owner] += shares
            priced = code in "PSF"
            rows.append([
                f"9999999999-24-{len(rows) + 1:06d}",
                (day + timedelta(days=2)).isoformat(), cik, symbol, f"99100{owner:05d}{cik[-2:]}",
                f"Synthetic Insider {symbol}-{owner + 1}", ROLES[owner], day.isoformat(), code,
                str(shares), f"{price:.2f}" if priced else "", "D" if disposed else "A",
                str(held[owner]),
            ])  # fmt: skip
            del number
    rows.sort(key=lambda r: (r[7], r[3], r[0]))
    with (out / "form4.csv").open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["accession_number", "filed", "issuer_cik", "symbol", "owner_cik",
                         "owner_name", "relationship", "transaction_date", "code", "shares",
                         "price", "acquired_disposed", "shares_owned_after"])  # fmt: skip
        writer.writerows(rows)


def main() -> None:
    macro(random.Random(22))
    futures(random.Random(2201))
    insiders(random.Random(2202))


if __name__ == "__main__":
    main()
