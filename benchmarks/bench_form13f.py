"""Form 13F: building, writing and validating an information table of N rows.

Prints wall and CPU seconds of the three steps for 1,000 and 20,000 holdings (the endpoint's
cap), with the load average beside them. Target: 20,000 rows within the compute budget's
10 s on 2 cores with room to spare (the endpoint runs the three in one budget slot).
Run: `.venv/bin/python -m benchmarks.bench_form13f [--rows N ...]`.
"""

from __future__ import annotations

import argparse
import os
import time
from decimal import Decimal

from adapters.sec13f.xsd import XsdInformationTableSchema
from domain.analytics.compliance.form13f import (
    Holding13F,
    cusip_check_digit,
    information_table,
    information_table_xml,
)

BUDGET_S = 10.0


def holdings(count: int) -> list[Holding13F]:
    out = []
    for i in range(count):
        first = f"{i:08d}"
        cusip = first + str(cusip_check_digit(first))
        value = Decimal(i * 1000) + Decimal("0.5")
        out.append(Holding13F(f"ISSUER {i} INC", "COM", cusip, value, Decimal(i + 1)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 20000])
    args = parser.parse_args()
    schema = XsdInformationTableSchema()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} CPUs); budget {BUDGET_S} s")  # fmt: skip
    print(f"{'rows':>7} {'KiB':>7} {'table s':>8} {'xml s':>8} {'xsd s':>8} {'wall s':>8} "
          f"{'cpu s':>8}")  # fmt: skip
    for count in args.rows:
        rows = holdings(count)
        cpu, t0 = time.process_time(), time.perf_counter()
        table = information_table(rows)
        t1 = time.perf_counter()
        document = information_table_xml(table)
        t2 = time.perf_counter()
        violations = schema.violations(document)
        t3 = time.perf_counter()
        assert not violations, violations[:3]
        print(f"{count:7d} {len(document) // 1024:7d} {t1 - t0:8.3f} {t2 - t1:8.3f} "
              f"{t3 - t2:8.3f} {t3 - t0:8.3f} {time.process_time() - cpu:8.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
