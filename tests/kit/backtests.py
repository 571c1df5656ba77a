"""Small seeded data sets, a strategy, oracle score sources and a run of the engine in a fresh
simulated world."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import numpy as np

from application.strategies.backtest_engine import BacktestEngine
from application.strategies.backtest_signals import ModelReplay, NewsScores, ScoreSource
from application.strategies.backtest_world import WorldSpec
from bootstrap.backtest_world import build_world
from domain.backtests.model import BacktestRequest, BacktestResult, FeeModel
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.signal_columns import ScoreColumns, score_columns
from domain.market_data.signals import Pattern, SignalConfig
from domain.strategies.definition import (
    EntryRules,
    ExitRules,
    SizingMethod,
    SizingPolicy,
    Strategy,
)
from domain.trading.instruments import Instrument
from ports.strategies.combiner import CombinerFitter
from tests.kit.strategies import a_strategy
from tools.backtest_data import generate

FIRST = datetime(2020, 1, 1, tzinfo=UTC)
SECTORS = ("Energy", "Health", "Technology", "Utilities")


def series_of(symbols: int = 3, bars: int = 300, seed: int = 3) -> dict[str, BarSeries]:
    specs = tuple((f"T{i}", 1.0, 0.05, 0.25) for i in range(symbols))
    return {
        c.symbol: BarSeries(c.start, c.open, c.high, c.low, c.close, c.volume)
        for c in generate(specs, bars=bars, seed=seed, first=FIRST)
    }


def cut(series: dict[str, BarSeries], rows: int) -> dict[str, BarSeries]:
    return {
        name: BarSeries(s.start[:rows], s.open[:rows], s.high[:rows], s.low[:rows],
                        s.close[:rows], s.volume[:rows])
        for name, s in series.items()
    }  # fmt: skip


def strategy(**exit_rules: object) -> Strategy:
    rules = {"stop_loss_fraction": Decimal("0.05"), "take_profit_fraction": Decimal("0.10")}
    rules.update(exit_rules)  # type: ignore[arg-type]
    return a_strategy(
        id="st-1",
        name="test trend",
        sizing=SizingPolicy(
            SizingMethod.FIXED_NOTIONAL,
            max_position_fraction=Decimal("0.2"),
            notional=Decimal(10_000),
        ),
        entry=EntryRules(min_score=0.5, allow_short=True),
        exit=ExitRules(**rules),  # type: ignore[arg-type]
    )


def request(
    series: dict[str, BarSeries],
    *,
    start: date = date(2020, 1, 1),
    fees: FeeModel | None = None,
    slippage_bps: Decimal = Decimal(0),
) -> BacktestRequest:
    return BacktestRequest(
        "st-1", tuple(series), start, date(2030, 1, 1), Timeframe.D1, Decimal(100_000),
        fees or FeeModel(), slippage_bps,
    )  # fmt: skip


async def run(
    series: dict[str, BarSeries],
    *,
    strat: Strategy | None = None,
    req: BacktestRequest | None = None,
    scores: ScoreSource = score_columns,
    progress: Callable[[float], None] | None = None,
    canceled: Callable[[], bool] | None = None,
    sectors: bool = True,
    model: ModelReplay | None = None,
    news: dict[str, NewsScores] | None = None,
    fitter: CombinerFitter | None = None,
) -> BacktestResult:
    strat = strat or strategy()
    req = req or request(series)
    instruments = (
        tuple(Instrument(name, sector=SECTORS[i % len(SECTORS)]) for i, name in enumerate(series))
        if sectors
        else ()
    )
    world = build_world(
        WorldSpec("acc-1", "u-1", req.starting_cash, req.symbols, req.slippage_bps, FIRST,
                  instruments=instruments)
    )  # fmt: skip
    engine = BacktestEngine(
        strat, req, series, world, account_id="acc-1", scores=scores, progress=progress,
        canceled=canceled, model=model, news=news, fitter=fitter,
    )  # fmt: skip
    return await engine.run()


def oracle(series: BarSeries, config: SignalConfig) -> ScoreColumns:
    """Cheats: at each bar it 'knows' whether the NEXT bar closes above its open."""
    n = len(series)
    peek = np.zeros(n)
    peek[:-1] = np.sign(series.close[1:] - series.open[1:])
    scores = {p: np.full(n, np.nan) for p in Pattern}
    scores[Pattern.EMA_CROSSOVER] = peek
    return ScoreColumns(scores, np.full(n, np.nan))


def oracle_same_bar(series: BarSeries, config: SignalConfig) -> ScoreColumns:
    """Knows at a bar's close whether that bar closed above its open (honest information)."""
    scores = {p: np.full(len(series), np.nan) for p in Pattern}
    scores[Pattern.EMA_CROSSOVER] = np.sign(series.close - series.open)
    return ScoreColumns(scores, np.full(len(series), np.nan))
