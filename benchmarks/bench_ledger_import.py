"""The ledger's CSV import into PostgreSQL: the column-wise path beside the row-wise one.

Part 4 of benchmarks/bench_ledger.py (and runnable alone). The rows of the seeded ledger
(benchmarks/ledger_data.py) as broker statements in the documented 13-column format
(docs/ledger.md; reference = the row's id), in files of at most MAX_ROWS rows, imported into
PostgreSQL (durable defaults) by
- the new path: `parse_transaction_csv` (adapters/arrow: pyarrow, checks per distinct value)
  -> `SqlPortfolioStore.import_transactions` (COPY of the batch's CSV text);
- the old path: `parse_transactions` (the reference row parser) -> `add_transactions`
  (binary COPY of a tuple per row);
each into an empty table (TRUNCATE and CHECKPOINT before each), parse and store timed apart;
then a digest of every stored field (in SQL) shows both stored the same. Target: >= 50,000
rows/s end to end (parse + store). Then, with `--use-case` (on in bench_ledger's full run),
the API's whole import (`PortfolioService.import_csv`: parse, the tax engine's check of the
ledger, store; the check runs while the rows are copied) beside the old sequence (parse, then
check, then store): the tax engine's share is not this part's (bench_ledger part 1 times it).
Wall seconds with CPU seconds beside them, this process's and PostgreSQL's (its processes'
/proc counters, when it runs on this machine): on a shared machine wall time mostly measures
the wait for a core, the CPU seconds are what the work costs. The inputs sit in the
collector's frozen generation.
Run: `.venv/bin/python -m benchmarks.bench_ledger_import [--quick] [--rows N] [--profile]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import gc
import io
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from adapters.arrow.transaction_csv import parse_transaction_csv
from application.portfolio.ledger_checks import check_new, tax_accounts
from application.portfolio.transaction_import import (
    COLUMNS,
    MAX_ROWS,
    ImportContext,
    parse_transactions,
)
from benchmarks.ledger_data import ACCOUNTS, LedgerSpec, generate
from domain.portfolio.transactions import Transaction
from ports.portfolio.portfolios import Portfolio, PortfolioAccount, transaction_id, transaction_ids
from ports.portfolio.transaction_batch import batch_csv

TARGET_ROWS_S = 50_000.0
DIGEST = """
SELECT count(*), md5(string_agg(concat_ws('|', split_part(account_id, ':', 2), kind, trade_date,
    currency, symbol, quantity::text, price::text, amount::text, fees::text, split_ratio::text,
    acquired, source, external_id, note), E'\\n' ORDER BY external_id))
FROM portfolio_transactions WHERE portfolio_id = $1
"""


@dataclass
class Timing:
    parse: float = 0.0
    store: float = 0.0
    cpu: float = 0.0
    extra: float = 0.0  # the new path's CSV text (part of its store time)
    server_cpu: float | None = None  # PostgreSQL's processes (None: not on this machine)

    def cpu_words(self) -> str:
        server = "n/a" if self.server_cpu is None else f"{self.server_cpu:.2f} s"
        return f"{self.cpu:.2f} s CPU here, {server} CPU in PostgreSQL"

    @property
    def total(self) -> float:
        return self.parse + self.store


def statement(txs: Sequence[Transaction]) -> str:
    """The rows as a 13-column broker statement (accounts by name, reference = the id)."""
    out = io.StringIO()
    out.write(",".join(COLUMNS) + "\n")
    for tx in txs:
        split = tx.split_ratio is not None
        cells = (
            tx.trade_date.isoformat(),
            tx.account_id,
            tx.kind.value,
            tx.symbol or "",
            "" if split else str(tx.quantity),
            "" if split else str(tx.price),
            "",
            "" if split else str(tx.fees),
            tx.currency,
            tx.id,
            str(tx.split_ratio) if split else "",
            "",
            "",
        )
        out.write(",".join(cells) + "\n")
    return out.getvalue()


def rate(rows: int, seconds: float) -> str:
    return f"{rows / seconds:>9,.0f} rows/s" if seconds > 0 else "      n/a rows/s"


class Bench:
    """One PostgreSQL, one portfolio per path (accounts `<portfolio>:<name>`)."""

    def __init__(self, url: str) -> None:
        from adapters.postgres.engine import make_engine
        from adapters.postgres.portfolios import SqlPortfolioStore

        self.engine = make_engine(url)
        self.store = SqlPortfolioStore(self.engine)
        self.today = datetime.now(UTC)

    async def portfolio(self, pid: str) -> ImportContext:
        accounts = tuple(
            PortfolioAccount(f"{pid}:{a.id}", a.id, "manual", a.tax_type, a.lot_method)
            for a in ACCOUNTS
        )
        await self.store.add_portfolio(
            Portfolio(pid, "bench-user", pid, "USD", self.today, accounts)
        )
        names = {a.name: a.id for a in accounts}
        return ImportContext(
            pid, "USD", names, frozenset(), self.today.date(), transaction_id, transaction_ids
        )

    async def sql(self, query: str, *args: Any) -> Any:
        async with self.engine.connect() as conn:
            raw = await conn.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            return await driver.fetchrow(query, *args)

    async def fresh_table(self) -> None:
        """An empty ledger table and a checkpoint behind us, before each timed run."""
        await self.sql("TRUNCATE portfolio_transactions")
        with contextlib.suppress(Exception):  # a --database-url role may not checkpoint
            await self.sql("CHECKPOINT")

    async def new_path(
        self, pid: str, files: list[str], profile: cProfile.Profile | None
    ) -> Timing:
        context = await self.portfolio(pid)
        timing = Timing()
        cpu = time.process_time()
        for text in files:
            began = time.perf_counter()
            if profile is not None:
                profile.enable()
            batch = parse_transaction_csv(text, context)
            parsed = time.perf_counter()
            await self.store.import_transactions(pid, batch)
            if profile is not None:
                profile.disable()
            timing.parse += parsed - began
            timing.store += time.perf_counter() - parsed
            began = time.perf_counter()
            batch_csv(batch)  # untimed: the CSV text's share of the store time
            timing.extra += time.perf_counter() - began
        timing.cpu = time.process_time() - cpu
        return timing

    async def old_path(self, pid: str, files: list[str]) -> Timing:
        context = await self.portfolio(pid)
        timing = Timing()
        cpu = time.process_time()
        for text in files:
            began = time.perf_counter()
            rows = parse_transactions(text, context)
            parsed = time.perf_counter()
            await self.store.add_transactions(pid, [r.transaction for r in rows])
            timing.parse += parsed - began
            timing.store += time.perf_counter() - parsed
        timing.cpu = time.process_time() - cpu
        return timing

    async def server_cpu(self) -> float | None:
        """CPU seconds used so far by this server's processes (None: not local)."""
        rows = await self.sql("SELECT array_agg(pid) FROM pg_stat_activity")
        return process_cpu(rows[0])

    async def digest(self, pid: str) -> tuple[int, str]:
        found = await self.sql(DIGEST, pid)
        return int(found[0]), str(found[1])


async def import_path(
    url: str, txs: Sequence[Transaction], profile: cProfile.Profile | None, use_case: bool = False
) -> None:
    """Part 4 of bench_ledger (module doc); `profile` records the new path's import."""
    files = [statement(txs[i : i + MAX_ROWS]) for i in range(0, len(txs), MAX_ROWS)]
    n = len(txs)
    bench = Bench(url)
    try:
        await warm_up(bench, files[0])
        gc.collect()
        gc.freeze()
        try:
            await bench.fresh_table()
            server = await bench.server_cpu()
            new = await bench.new_path("pf-new", files, profile)
            new.server_cpu = await since(bench, server)
            new_digest = await bench.digest("pf-new")
            await bench.fresh_table()
            server = await bench.server_cpu()
            old = await bench.old_path("pf-old", files)
            old.server_cpu = await since(bench, server)
            old_digest = await bench.digest("pf-old")
        finally:
            gc.unfreeze()
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        megabytes = sum(len(f) for f in files) / 1e6
        print(
            f"  import CSV -> parser -> PostgreSQL {rate(n, new.total)} ({n:,} rows in "
            f"{len(files)} file(s) of 13 columns, {megabytes:.1f} MB, {new.total:.2f} s wall; "
            f"{new.cpu_words()})   target >= {TARGET_ROWS_S:,.0f} rows/s -> "
            f"{'met' if n / new.total >= TARGET_ROWS_S else 'NOT met'}   (load {load})"
        )
        print(
            f"{'':4}new: parse_transaction_csv {rate(n, new.parse)} ({new.parse:.2f} s); "
            f"import_transactions (COPY csv) {rate(n, new.store)} ({new.store:.2f} s, of which "
            f"the CSV text {new.extra:.2f} s)"
        )
        print(
            f"{'':4}old: parse_transactions    {rate(n, old.parse)} ({old.parse:.2f} s); "
            f"add_transactions (binary COPY) {rate(n, old.store)} ({old.store:.2f} s); end to "
            f"end {rate(n, old.total)} ({old.total:.2f} s wall; {old.cpu_words()})"
        )
        same = "the same" if new_digest == old_digest else f"DIFFERENT {new_digest} {old_digest}"
        print(f"{'':4}stored rows, every field (md5 in SQL): {same}; new / old = "
              f"{old.total / new.total:.1f}x")  # fmt: skip
        if use_case:
            await bench.fresh_table()
            await use_cases(bench, files, n)
    finally:
        await bench.engine.dispose()


def process_cpu(pids: Sequence[int]) -> float | None:
    """CPU seconds (user + system) of these local processes; None when one is not local."""
    total = 0.0
    try:
        for pid in pids:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None
    return total


async def since(bench: Bench, before: float | None) -> float | None:
    now = await bench.server_cpu()
    return None if now is None or before is None else now - before


async def warm_up(bench: Bench, text: str) -> None:
    """Both paths once on a slice (pyarrow's first call, the pools, the plans)."""
    head = "\n".join(text.splitlines()[:2001]) + "\n"
    await bench.old_path("pf-warm-old", [head])
    await bench.new_path("pf-warm-new", [head], None)


async def use_cases(bench: Bench, files: list[str], n: int) -> None:
    """The API's import end to end: the new use case beside the old sequence."""
    from adapters.memory.clock import FakeClock, SequentialIds
    from application.portfolio.portfolios import PortfolioService
    from domain.principals import Principal, Role

    owner = Principal("bench-user", Role.OWNER)
    clock = FakeClock(bench.today)
    service = PortfolioService(
        bench.store, None, clock, SequentialIds(), None, csv_parser=parse_transaction_csv
    )  # type: ignore[arg-type]  # the import needs neither a unit of work nor market data

    async def new_case() -> None:
        await bench.portfolio("pf-case-new")
        for text in files:
            await service.import_csv(owner, "pf-case-new", text)

    async def old_case() -> None:  # what the use case did before: one step after the other
        context = await bench.portfolio("pf-case-old")
        portfolio = await bench.store.get_portfolio("pf-case-old")
        assert portfolio is not None
        for text in files:
            booked = await bench.store.list_transactions("pf-case-old")
            rows = await asyncio.to_thread(parse_transactions, text, context)
            new = [r.transaction for r in rows]
            errors = await asyncio.to_thread(check_new, booked, new, tax_accounts(portfolio))
            assert not errors
            await bench.store.add_transactions("pf-case-old", new)

    new_s = await timed(new_case)
    await bench.fresh_table()
    old_s = await timed(old_case)
    print(
        f"  the API's import use case (parse, tax-engine check of the ledger, store), {n:,} "
        f"rows: new {rate(n, new_s[0])} ({new_s[0]:.2f} s wall, {new_s[1]:.2f} s CPU; the "
        f"check runs while the rows are copied); old sequence {rate(n, old_s[0])} "
        f"({old_s[0]:.2f} s wall, {old_s[1]:.2f} s CPU)"
    )


async def timed(work: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    await work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", default=bool(os.environ.get("BULWARK_BENCH_QUICK"))
    )
    parser.add_argument("--rows", type=int, help="rows to import (default 200,000; quick 2,000)")
    parser.add_argument("--symbols", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--use-case", action="store_true", help="also the API's use case")
    parser.add_argument("--database-url", help="PostgreSQL to use instead of a throwaway one")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    rows = args.rows or (2_000 if args.quick else 200_000)
    txs = generate(LedgerSpec(transactions=rows, symbols=args.symbols, seed=args.seed))[:rows]
    from benchmarks.bench_ledger import print_profile, provisioned_postgres

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Ledger CSV import, load average {load}")
    with provisioned_postgres(args.database_url) as url:
        profile = cProfile.Profile() if args.profile else None
        asyncio.run(import_path(url, txs, profile, use_case=args.use_case))
        if profile is not None:
            print_profile(profile, f"the new import path ({rows:,} rows)")


if __name__ == "__main__":
    main()
