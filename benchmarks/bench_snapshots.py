"""The daily equity snapshot job and the performance query.

Side by side in one run: `take_all` over `--accounts` accounts holding `--fills` fills each
(5 symbols, marked), at batch sizes 1, 4 (the default), 25 and 200, on the in-memory store:
accounts/s, and the longest stall of the event loop meanwhile (a 1 ms ticker measures the
largest gap between its wake-ups in this thread's CPU time, so that other processes on a
shared machine do not count; the job yields between batches, so the stall grows with the
batch). The same on the embedded SQLite store (`--sqlite-accounts`, after one warm-up run
that compiles the statements). Then PerformanceService.performance over a year of snapshots
(252 days) and ten times the fills, without and with a benchmark. Figures are printed beside
their targets: a stall under 50 ms at the default batch, a performance answer under 50 ms.
Run: `.venv/bin/python -m benchmarks.bench_snapshots [--accounts N] [--fills F]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from adapters.market_data.synthetic import SyntheticMarketData
from adapters.memory.clock import FakeClock
from adapters.memory.equity import InMemoryEquityHistory
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from adapters.postgres.engine import make_engine
from adapters.postgres.equity import SqlEquityHistory
from adapters.postgres.schema import metadata
from adapters.postgres.uow import unit_of_work_factory
from application.analytics.equity_snapshots import DEFAULT_BATCH, EquitySnapshots
from application.analytics.performance import PerformanceService
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from domain.trading.fills import Fill
from domain.trading.orders import Side
from ports.trading.equity import EquitySnapshot

D = Decimal
SYMBOLS = ("AAPL", "MSFT", "XOM", "JPM", "SPY")
T0 = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)
STALL_TARGET_MS = 50.0
QUERY_TARGET_MS = 50.0


def marked_market(clock: FakeClock) -> InMemoryMarketData:
    market = InMemoryMarketData(clock)
    for k, symbol in enumerate(SYMBOLS):
        price = D(100 + 10 * k)
        market.set_quote(symbol, price - D("0.01"), price + D("0.01"), last=price)
    return market


async def world(accounts: int, fills: int) -> tuple[InMemoryStore, InMemoryMarketData, FakeClock]:
    clock = FakeClock(T0)
    state = InMemoryStore(max_orders=10**8)
    market = marked_market(clock)
    await fill_accounts(lambda: InMemoryUnitOfWork(state), accounts, fills)
    return state, market, clock


async def fill_accounts(uow_factory: Callable[[], Any], accounts: int, fills: int) -> None:
    """`accounts` accounts of 1 000 000 cash, each trading `fills` fills of 10 shares."""
    async with uow_factory() as uow:
        for a in range(accounts):
            account = Account(f"acc-{a:05d}", "owner-1", D(1_000_000))
            for f in range(fills):
                symbol = SYMBOLS[f % len(SYMBOLS)]
                side = Side.BUY if (f // len(SYMBOLS)) % 2 == 0 else Side.SELL
                fill = Fill(
                    f"f-{a}-{f}", f"o-{a}-{f}", account.id, symbol, side, D(10),
                    D(100 + f % 7), T0 - timedelta(minutes=fills - f), commission=D(1),
                )  # fmt: skip
                account.apply_fill(fill)
                await uow.fills.add(fill)
            await uow.accounts.add(account)
        await uow.commit()


async def bench_take_all_sqlite(accounts: int, fills: int) -> None:
    """The default batch on the embedded SQLite store (a file in a temporary folder)."""
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite+aiosqlite:///{folder}/bench.db")
        async with engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        uow_factory = unit_of_work_factory(engine)
        await fill_accounts(uow_factory, accounts, fills)
        clock = FakeClock(T0)
        warm = EquitySnapshots(uow_factory, marked_market(clock), SqlEquityHistory(engine), clock)
        await warm.take_all()
        print(f"take_all on SQLite: {accounts} accounts x {fills} fills")
        print(HEADER)
        for batch in (1, DEFAULT_BATCH, 25):
            job = EquitySnapshots(
                uow_factory, marked_market(clock), SqlEquityHistory(engine), clock,
                batch_size=batch,
            )  # fmt: skip
            seconds, stall = await timed(job, accounts)
            print(
                f"  {batch:>6} {seconds:>9.3f} {accounts / seconds:>11,.0f} {stall:>13.1f}  "
                f"< {STALL_TARGET_MS:g} ms"
            )
        await engine.dispose()


HEADER = f"  {'batch':>6} {'seconds':>9} {'accounts/s':>11} {'stall cpu ms':>13}  target"


async def timed(job: EquitySnapshots, accounts: int) -> tuple[float, float]:
    """Seconds `job.take_all()` took, and its worst stall of the loop (ms); all taken."""
    started = time.perf_counter()
    task = asyncio.ensure_future(job.take_all())
    stall = await stall_while(task)
    run = await task
    seconds = time.perf_counter() - started
    assert len(run.taken) == accounts and not run.failed, run.failed
    return seconds, stall


async def stall_while(job: asyncio.Future[object]) -> float:
    """The largest CPU time, in ms, this thread spent between two wake-ups of a 1 ms ticker
    while `job` runs: how long the loop was held, without the time other processes on a
    shared machine took the CPU (wall-clock gaps would count those too)."""
    worst = 0.0
    last = time.thread_time()
    while not job.done():
        await asyncio.sleep(0.001)
        now = time.thread_time()
        worst = max(worst, now - last)
        last = now
    return worst * 1000


async def bench_take_all(accounts: int, fills: int) -> None:
    state, market, clock = await world(accounts, fills)
    print(f"take_all: {accounts} accounts x {fills} fills (5 symbols, marked)")
    print(HEADER)
    for batch in (1, DEFAULT_BATCH, 25, 200):
        job = EquitySnapshots(
            lambda: InMemoryUnitOfWork(state), market, InMemoryEquityHistory(), clock,
            batch_size=batch,
        )  # fmt: skip
        seconds, stall = await timed(job, accounts)
        mark = f"< {STALL_TARGET_MS:g} ms" + (" (default)" if batch == DEFAULT_BATCH else "")
        print(f"  {batch:>6} {seconds:>9.3f} {accounts / seconds:>11,.0f} {stall:>13.1f}  {mark}")


async def bench_query(fills: int, repeats: int) -> None:
    state, market, clock = await world(1, fills)
    clock.set(T0 + timedelta(days=400))
    history = InMemoryEquityHistory()
    end = clock.now().date()
    for k in range(252):
        day = end - timedelta(days=252 - k)
        equity = D(1_000_000) * (D(1) + D(k % 11 - 5) / 1000)
        await history.upsert(
            EquitySnapshot(
                "acc-00000", day, equity, equity, D(0), D(500_000), D(0), D(10_000), D(5),
                datetime.combine(day, datetime.min.time(), tzinfo=UTC),
            )
        )  # fmt: skip
    async with InMemoryUnitOfWork(state) as uow:
        account = await uow.accounts.get("acc-00000")
        assert account is not None
        account.owner_id = "owner-1"
    bars = SyntheticMarketData(market, clock)
    service = PerformanceService(lambda: InMemoryUnitOfWork(state), history, bars, clock)
    owner = Principal("owner-1", Role.OWNER)
    print(f"performance: 252 snapshots, {fills} fills, median of {repeats}")
    for benchmark in (None, "SPY"):
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            report = await service.performance(
                owner, "acc-00000", end - timedelta(days=365), end, benchmark
            )
            times.append((time.perf_counter() - started) * 1000)
        assert len(report.curve) == 252
        label = "with benchmark SPY" if benchmark else "no benchmark"
        print(f"  {label:<20} {statistics.median(times):8.2f} ms   target < {QUERY_TARGET_MS:g} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--fills", type=int, default=200)
    parser.add_argument("--sqlite-accounts", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    asyncio.run(bench_take_all(args.accounts, args.fills))
    asyncio.run(bench_take_all_sqlite(args.sqlite_accounts, args.fills))
    asyncio.run(bench_query(args.fills * 10, args.repeats))


if __name__ == "__main__":
    main()
