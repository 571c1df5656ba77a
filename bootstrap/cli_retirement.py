"""`bulwark retirement limits --year Y` and `bulwark retirement rmd --balance B --birth-date D
--year Y`: the IRS limits of a tax year and a required minimum distribution (docs/wealth.md).
Calculations only: nothing is read from or written to the store."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

COMMAND = "retirement"
EXIT_REFUSED = 2


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    retirement = sub.add_parser("retirement", help="retirement accounts: IRS limits, RMDs")
    verbs = retirement.add_subparsers(dest="verb", required=True)
    limits = verbs.add_parser("limits", help="a tax year's contribution limits and sources")
    limits.add_argument("--year", type=int, required=True, help="the tax year")
    rmd = verbs.add_parser("rmd", help="a year's required minimum distribution")
    rmd.add_argument("--balance", required=True, help="December 31 balance of the year before")
    rmd.add_argument("--birth-date", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    rmd.add_argument("--year", type=int, required=True, help="the distribution year")


def run(args: argparse.Namespace, out: TextIO) -> int:
    from domain.numbers import InvalidNumber, parse_decimal
    from domain.retirement.errors import InvalidRetirementInput
    from domain.retirement.limits import limits_for
    from domain.retirement.rmd import required_minimum_distribution

    try:
        if args.verb == "limits":
            y = limits_for(args.year)
            print(f"tax year {y.tax_year} ({', '.join(y.sources)})", file=out)
            rows = [
                ("401(k) elective deferral", y.elective_deferral),
                ("catch-up 50+", y.catch_up_50),
                ("catch-up 60-63", y.catch_up_60_63 if y.catch_up_60_63 is not None else "-"),
                ("415(c) annual additions", y.annual_additions),
                ("IRA", y.ira),
                ("IRA catch-up 50+", y.ira_catch_up_50),
                ("HSA self-only", y.hsa_self),
                ("HSA family", y.hsa_family),
                ("gift exclusion (529)", y.gift_exclusion),
            ]
            for name, value in rows:
                print(f"  {name}: {value}", file=out)
            return 0
        balance = parse_decimal(args.balance, "balance")
        r = required_minimum_distribution(balance, args.birth_date, args.year)
    except (InvalidRetirementInput, InvalidNumber) as exc:
        print(f"refused: {exc}", file=out)
        return EXIT_REFUSED
    if not r.required:
        print(f"{r.distribution_year}: no RMD (age {r.age}; the first is due for "
              f"{r.first_year}, age {r.beginning_age})", file=out)  # fmt: skip
        return 0
    print(f"{r.distribution_year}: RMD {r.amount} = {r.prior_year_end_balance} / "
          f"{r.distribution_period} (age {r.age}), due by {r.deadline}", file=out)  # fmt: skip
    return 0
