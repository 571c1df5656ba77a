"""Strategy processor throughput: decisions per second from signal to recorded verdict.

Side by side in one run, K strategies (each on its own paper account) follow AAPL and get N
signals that alternate enter (+0.8) and exit (-0.9), so every signal makes a real decision:
(a) shadow mode, stores in memory: decide + claim (no order);
(b) shadow mode, strategy stores on SQLite (a claim is one write transaction);
(c) paper mode, in memory: decide + claim + a gated market order through OrderService and the
    paper broker + complete + holding update (what a live deployment does per decision).
No target is set; the reference is the order path itself (bench_orders): (c)
should be a small multiple of it, as each decision is one order plus a few store calls.
Run: `.venv/bin/python -m benchmarks.bench_strategies [signals] [strategies]`.
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from adapters.memory.strategies import (
    InMemoryDecisionLog,
    InMemoryHoldingRepository,
    InMemoryStrategyRepository,
)
from adapters.postgres.engine import make_engine
from adapters.postgres.schema import metadata
from application.strategies.strategy_processor import StrategyProcessor
from bootstrap.embedded import build_embedded
from bootstrap.strategies import StrategyStores, strategy_stores
from domain.market_data.bars import Timeframe
from domain.strategies.decide import StrategySignal
from domain.strategies.definition import (
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
    StrategyMode,
)
from domain.trading.instruments import Instrument

D = Decimal
T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


def signal(i: int) -> StrategySignal:
    return StrategySignal(
        id=f"sig-{i}",
        kind=SourceKind.PATTERN,
        symbol="AAPL",
        score=0.8 if i % 2 == 0 else -0.9,
        price=D(100),
        at=T0 + timedelta(minutes=5 * i),
        timeframe=Timeframe.M5,
    )


async def run(
    mode: StrategyMode,
    stores: StrategyStores,
    signals: int,
    strategies: int,
) -> tuple[float, list[float]]:
    e = build_embedded()
    await e.add_instrument(Instrument("AAPL", sector="Tech"), D(100))
    repo, log, holdings = stores.strategies, stores.decisions, stores.holdings
    for k in range(strategies):
        account = f"acc-{k}"
        await e.open_account(account, "u-1", D(1_000_000))
        await repo.add(
            Strategy(
                id=f"stg-{k}",
                owner_id="u-1",
                name=f"bench {k}",
                account_ids=(account,),
                sources=(SignalSource(SourceKind.PATTERN, frozenset({"AAPL"})),),
                sizing=SizingPolicy(SizingMethod.FIXED_NOTIONAL, notional=D(5_000)),
                mode=mode,
            )
        )
    processor = StrategyProcessor(e.uow, repo, log, holdings, e.orders, e.market, e.clock, e.ids)
    per_signal: list[float] = []
    start = time.perf_counter()
    for i in range(signals):
        began = time.perf_counter()
        decided = await processor.on_signal(signal(i))
        per_signal.append(time.perf_counter() - began)
        assert len(decided) == strategies, (len(decided), processor.last_error)
    return time.perf_counter() - start, per_signal


def memory_stores() -> StrategyStores:
    return StrategyStores(
        InMemoryStrategyRepository(), InMemoryDecisionLog(), InMemoryHoldingRepository()
    )


def report(label: str, elapsed: float, per_signal: list[float], decisions: int) -> None:
    per_signal_ms = sorted(x * 1000 for x in per_signal)
    p50 = statistics.median(per_signal_ms)
    p99 = per_signal_ms[int(len(per_signal_ms) * 0.99) - 1]
    print(
        f"{label:<44} {decisions / elapsed:>10,.0f} decisions/s   "
        f"per signal p50 {p50:7.2f} ms  p99 {p99:7.2f} ms"
    )


async def main(signals: int, strategies: int) -> None:
    print(
        f"bench_strategies: {signals} signals x {strategies} strategies; "
        f"python {platform.python_version()}, {os.cpu_count()} cores"
    )
    decisions = signals * strategies
    elapsed, lat = await run(StrategyMode.SHADOW, memory_stores(), signals, strategies)
    report("(a) shadow, memory", elapsed, lat, decisions)
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
        async with engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        sql = strategy_stores("sql", lambda: engine)
        elapsed, lat = await run(StrategyMode.SHADOW, sql, signals, strategies)
        await engine.dispose()
    report("(b) shadow, strategy stores on SQLite", elapsed, lat, decisions)
    elapsed, lat = await run(StrategyMode.PAPER, memory_stores(), signals, strategies)
    report("(c) paper, memory (gated order per decision)", elapsed, lat, decisions)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    asyncio.run(main(*(args + [200, 20][len(args) :])))
