"""Portfolio CSV import before the store: rows/s of parsing and checking a broker statement.

A seeded statement (buys and sells over `--symbols` symbols, 100 rows a day, every row with a
fee and a reference) is parsed and validated (application/portfolio/transaction_import.py), then run
through the tax engine (application/portfolio/ledger_checks.py: the all-or-nothing check). The
store's write (COPY on PostgreSQL) is measured by benchmarks/bench_ledger.py. Also timed: the answer
when the last row oversells (found by the linear positions pass, no engine run). Best of
`--repeats`; the figures print beside a reference target of 50,000 rows/s for the import.
Run: `.venv/bin/python -m benchmarks.bench_csv_import [--rows N] [--symbols S] [--repeats R]`.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from application.portfolio.ledger_checks import check_new
from application.portfolio.transaction_import import COLUMNS, ImportContext, parse_transactions
from benchmarks.timing import timed
from domain.tax.lots import TaxAccount
from ports.portfolio.portfolios import transaction_id

TARGET_ROWS_PER_S = 50_000


def statement(rows: int, symbols: int) -> str:
    lines = [",".join(COLUMNS)]
    start = date(2015, 1, 1)
    for i in range(rows):
        day = start + timedelta(days=i // 100)
        kind = "buy" if (i // symbols) % 2 == 0 else "sell"
        symbol = f"S{i % symbols:04d}"
        lines.append(f"{day},Brokerage,{kind},{symbol},10,{100 + i % 7}.25,,1.00,USD,r-{i},,,")
    return "\n".join(lines) + "\n"


def context() -> ImportContext:
    return ImportContext(
        "pf-bench", "USD", {"Brokerage": "a1"}, frozenset(), date(2026, 1, 1), transaction_id
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    text = statement(args.rows, args.symbols)
    accounts = {"a1": TaxAccount("a1")}
    parsed = [r.transaction for r in parse_transactions(text, context())]
    t_parse = timed(lambda: parse_transactions(text, context()), args.repeats).best
    t_check = timed(lambda: check_new([], parsed, accounts), args.repeats).best
    bad = text + f"2025-12-31,Brokerage,sell,S0000,{10 * args.rows},1,,,USD,r-bad,,,\n"
    bad_rows = [r.transaction for r in parse_transactions(bad, context())]
    t_bisect = timed(lambda: check_new([], bad_rows, accounts), 1).best
    rate = args.rows / (t_parse + t_check)
    print(f"statement: {args.rows:,} rows, {len(text) / 1e6:.1f} MB, {args.symbols} symbols")
    print(f"parse + validate : {t_parse:7.3f} s  {args.rows / t_parse:12,.0f} rows/s")
    print(f"tax-engine check : {t_check:7.3f} s  {args.rows / t_check:12,.0f} rows/s")
    print(f"both             : {t_parse + t_check:7.3f} s  {rate:12,.0f} rows/s  "
          f"(target {TARGET_ROWS_PER_S:,} rows/s for the whole import path)")  # fmt: skip
    print(f"one bad last row : {t_bisect:7.3f} s  (named by the positions pass)")


if __name__ == "__main__":
    main()
