"""Backtests through strategy + gate + paper broker: bars/s and orders/s beside the target.

Two seeded synthetic data sets, generated at run time (tools/backtest_data.py): 10 years of
daily bars x 100 symbols, and 5 years of 1-minute bars (390-minute sessions) x 1 symbol.
Each runs the BacktestEngine with the bench strategy (below) in a fresh simulated world: the
real OrderService (gate, in-memory store, paper broker), fees and slippage on. The clock runs
from the first bar to the result (numba compilation is warmed up first, not timed). Prints
bars/s beside the backtester's target (>= 200,000 bars/s for daily bars), orders/s, and with
`--profile` the top of a cProfile of the daily run (what dominates).
Run: `.venv/bin/python -m benchmarks.bench_backtest [--symbols 100 --years 10] [--profile]`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import pstats
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from application.strategies.backtest_engine import BacktestEngine
from application.strategies.backtest_world import WorldSpec
from benchmarks.bench_http import cores, machine
from bootstrap.backtest_world import build_world
from bootstrap.gc_tuning import restore_gc, tune_gc
from bootstrap.settings import Settings
from domain.backtests.model import BacktestRequest, FeeModel
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.signals import Pattern
from domain.strategies.definition import (
    EntryRules,
    ExitRules,
    SignalSource,
    SizingPolicy,
    SourceKind,
    Strategy,
)
from domain.trading.instruments import Instrument
from tools.backtest_data import generate, session_minutes

DAILY_TARGET = 200_000  # bars/s, the backtester's target
_SERVE = Settings()  # `bulwark serve`'s defaults: its collector tuning
FIRST = datetime(2010, 1, 4, tzinfo=UTC)
# Spread over sectors, so the gate's sector-concentration control (25 %) is not what binds.
SECTORS = ("Energy", "Materials", "Industrials", "Discretionary", "Staples", "Health",
           "Financials", "Technology", "Communication", "Utilities", "Real Estate")  # fmt: skip


@dataclass(frozen=True)
class Run:
    """One data set's run: bars, orders sent, trades, denials, wall seconds."""

    name: str
    bars: int
    orders: int
    trades: int
    denied: int
    wall_s: float
    target: float | None
    order_path_s: float = 0.0  # wall time inside OrderService.submit_many

    @property
    def bars_per_s(self) -> float:
        return self.bars / self.wall_s if self.wall_s > 0 else 0.0

    @property
    def orders_per_s(self) -> float:
        return self.orders / self.wall_s if self.wall_s > 0 else 0.0


def bench_strategy(min_score: float = 0.6) -> Strategy:
    """Trend following on the EMA crossover, long only, 5 % stop, 15 % target, 60-bar limit;
    entries and signal exits from |score| >= min_score (fewer orders as it rises)."""
    return Strategy(
        id="bench-strategy",
        owner_id="bench-owner",
        name="bench trend",
        account_ids=("bench-account",),
        sources=(SignalSource(SourceKind.PATTERN, pattern=Pattern.EMA_CROSSOVER),),
        sizing=SizingPolicy(risk_fraction=Decimal("0.005"), max_position_fraction=Decimal("0.02")),
        entry=EntryRules(min_score=min_score),
        exit=ExitRules(
            stop_loss_fraction=Decimal("0.05"),
            take_profit_fraction=Decimal("0.15"),
            exit_score=min_score,
            max_holding_bars=60,
        ),
    )


def daily_data(symbols: int, years: int, seed: int = 1) -> dict[str, BarSeries]:
    specs = tuple((f"S{i:03d}", 0.6 + (i % 9) / 10, 0.02 + (i % 7) / 100, 0.15 + (i % 5) / 20)
                  for i in range(symbols))  # fmt: skip
    return _series(generate(specs, bars=years * 252, seed=seed, first=FIRST))


def minute_data(days: int, seed: int = 2) -> dict[str, BarSeries]:
    starts = session_minutes(datetime(2015, 1, 5, 14, 30, tzinfo=UTC), days)
    specs = (("M001", 1.0, 0.05, 0.20),)
    return _series(generate(specs, bars=0, seed=seed, starts=starts, periods_per_year=252 * 390))


def _series(columns: list) -> dict[str, BarSeries]:  # type: ignore[type-arg]
    return {c.symbol: BarSeries(c.start, c.open, c.high, c.low, c.close, c.volume) for c in columns}


@contextlib.contextmanager
def serve_like_gc(on: bool) -> Iterator[None]:
    """The collector as `bulwark serve` tunes it (bootstrap/gc_tuning.py: backtests run in its
    process), undone afterwards."""
    state = tune_gc(_SERVE) if on else None
    try:
        yield
    finally:
        restore_gc(state)


async def run_once(
    name: str,
    series: dict[str, BarSeries],
    timeframe: Timeframe,
    target: float | None,
    profile: cProfile.Profile | None = None,
    min_score: float = 0.6,
    freeze_gc: bool = True,
) -> Run:
    strategy = bench_strategy(min_score)
    first = min(float(s.start[0]) for s in series.values())
    last = max(float(s.start[-1]) for s in series.values())
    request = BacktestRequest(
        strategy.id,
        tuple(series),
        datetime.fromtimestamp(first, tz=UTC).date(),
        datetime.fromtimestamp(last, tz=UTC).date() or date.max,
        timeframe,
        Decimal(1_000_000),
        FeeModel(Decimal("0.005"), Decimal("0.5")),
        Decimal(2),
    )
    account = strategy.account_ids[0]
    spec = WorldSpec(
        account, strategy.owner_id, request.starting_cash, request.symbols,
        request.slippage_bps, datetime.fromtimestamp(first, tz=UTC),
        instruments=tuple(
            Instrument(symbol, sector=SECTORS[i % len(SECTORS)])
            for i, symbol in enumerate(request.symbols)
        ),
    )  # fmt: skip
    with serve_like_gc(freeze_gc):
        if profile is not None:
            profile.enable()
        began = time.perf_counter()
        engine = BacktestEngine(strategy, request, series, build_world(spec), account_id=account)
        result = await engine.run()
        wall = time.perf_counter() - began
        if profile is not None:
            profile.disable()
    return Run(
        name, result.bars, result.orders_sent, len(result.trades), len(result.denied), wall,
        target, engine.order_path_s,
    )  # fmt: skip


def report(run: Run) -> None:
    line = (f"  {run.name:24} {run.bars:>10,} bars {run.wall_s:>7.2f} s "
            f"{run.bars_per_s:>10,.0f} bars/s  {run.orders:>7,} orders {run.orders_per_s:>8,.0f} "
            f"orders/s  ({run.trades:,} trades, {run.denied:,} denied; "
            f"{run.orders / max(run.bars, 1) * 1000:.1f} orders per 1,000 bars)")  # fmt: skip
    print(line)
    if run.target is not None:
        ok = run.bars_per_s >= run.target
        print(f"{'':27}target >= {run.target:,.0f} bars/s -> {'met' if ok else 'NOT met'}")
    rest = run.wall_s - run.order_path_s
    share = run.order_path_s / run.wall_s if run.wall_s > 0 else 0.0
    per_order = run.order_path_s / run.orders * 1e6 if run.orders else 0.0
    rest_rate = run.bars / rest if rest > 0 else 0.0
    print(f"{'':27}order path (gate + store + paper broker) {run.order_path_s:.2f} s = "
          f"{share:.0%} of the run, {per_order:,.0f} us per order; the rest (signals, "
          f"decisions, ledger) {rest:.2f} s = {rest_rate:,.0f} bars/s")  # fmt: skip


def print_profile(profile: cProfile.Profile) -> None:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs()
    stats.sort_stats(pstats.SortKey.TIME).print_stats(15)
    print("\nWhere the daily run's time goes (cProfile, top 15 by own time; cProfile slows "
          "every Python call, so the order path looks bigger than it is):")  # fmt: skip
    print(out.getvalue().strip())


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--symbols", type=int, default=100)
    parser.add_argument("--years", type=int, default=10, help="daily data set (default 10)")
    parser.add_argument(
        "--minute-days", type=int, default=5 * 252, help="sessions of 1-minute bars; 0: none"
    )
    parser.add_argument(
        "--min-score", type=float, default=0.6, help="the strategy's entry/exit |score| (0.6)"
    )
    parser.add_argument("--profile", action="store_true")
    return parser.parse_args(argv)


async def measure(args: argparse.Namespace) -> list[Run]:
    """Warm up on a small set, then the daily and the minute runs."""
    await run_once("warm-up", daily_data(3, 1, seed=9), Timeframe.D1, None)
    score = args.min_score
    runs = [
        await run_once(
            f"daily {args.symbols} x {args.years}y", daily_data(args.symbols, args.years),
            Timeframe.D1, DAILY_TARGET, min_score=score,
        )
    ]  # fmt: skip
    if args.minute_days:
        runs.append(
            await run_once(
                f"1-minute 1 x {args.minute_days}d", minute_data(args.minute_days),
                Timeframe.M1, None, min_score=score,
            )
        )  # fmt: skip
    return runs


def main() -> None:
    args = parse()
    print(f"BacktestEngine (signals, decisions, OrderService gate, paper broker), {machine()}")
    print(f"  note: one process on {cores()} cores; bars generated before the clock starts; "
          f"strategy: EMA crossover, |score| >= {args.min_score}")  # fmt: skip
    for run in asyncio.run(measure(args)):
        report(run)
    if args.profile:
        profile = cProfile.Profile()
        data = daily_data(args.symbols, args.years)
        asyncio.run(run_once("profiled", data, Timeframe.D1, None, profile, args.min_score))
        print_profile(profile)


if __name__ == "__main__":
    main()
