"""Backtests in the composition root: where runs are kept, the bars they read, the service."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

from adapters.market_data.replay_history import ReplayHistory
from application.strategies.backtest_signals import ModelReplay
from application.strategies.backtests import BacktestLimits, BacktestService
from application.strategies.combiner_report import CombinerReports
from application.strategies.live_combiner import LiveCombiner
from bootstrap.backtest_world import build_world
from bootstrap.settings import Settings
from bootstrap.shipped import shipped_data
from domain.strategies.definition import Strategy
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.strategies.backtests import BacktestRepository
from ports.strategies.combiner import CombinerFitter
from ports.strategies.sentiment import ScoredNews
from ports.strategies.strategies import StrategyRepository

SHIPPED_DATA = shipped_data() / "backtest"


def backtest_service(
    settings: Settings,
    backtests: BacktestRepository,
    strategies: StrategyRepository,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    bar_store: Callable[[], BarStore] | None = None,
    news: Callable[[], ScoredNews] | None = None,
) -> BacktestService:
    """The service over the replay-format bars of BULWARK_BACKTEST_DATA_PATH (else shipped),
    and the bar store for runs whose source is "store" (opened on the first such run)."""
    limits = BacktestLimits(
        max_symbols=settings.strategies.backtest_max_symbols,
        max_bars=settings.strategies.backtest_max_bars,
        workers=settings.strategies.backtest_workers,
        per_user=settings.strategies.backtest_per_user,
    )
    history = ReplayHistory(settings.strategies.backtest_data_path or SHIPPED_DATA)
    return BacktestService(
        backtests, strategies, history, build_world, uow_factory, clock, ids, limits,
        models=_model_replays(settings),
        bar_store=bar_store, news=news, fitter=combiner_fitter(),
    )  # fmt: skip


def combiner_reports(
    settings: Settings,
    strategies: StrategyRepository,
    bar_store: Callable[[], BarStore] | None = None,
    news: Callable[[], ScoredNews] | None = None,
) -> CombinerReports:
    """The learned combiner's reports on the bar store's daily bars."""
    return CombinerReports(
        strategies, combiner_fitter(), bar_store, models=_model_replays(settings), news=news
    )


def live_combiner(
    settings: Settings,
    bar_store: Callable[[], BarStore] | None = None,
    news: Callable[[], ScoredNews] | None = None,
) -> LiveCombiner:
    """The weights learned strategies decide with live, fitted on the bar store's daily bars
    as the backtests fit them."""
    return LiveCombiner(bar_store, combiner_fitter(), models=_model_replays(settings), news=news)


def combiner_fitter() -> CombinerFitter:
    """The learned combiner's fit: scikit-learn's L2 logistic regression (adapters/ml)."""
    from adapters.ml.signal_combiner import LogisticCombinerFitter

    return LogisticCombinerFitter()


def _model_replays(settings: Settings) -> Callable[[Strategy], ModelReplay | None]:
    """A strategy following a stored signal model has it replayed (docs/model-signals.md)."""
    from adapters.signal_models.file_registry import FolderSignalModelRegistry
    from adapters.signal_models.onnx_scorer import OnnxSignalScorer
    from application.model_signals.serving import model_replays

    registry = FolderSignalModelRegistry(settings.model_signals.dir)
    return model_replays(registry, OnnxSignalScorer(registry).predict)


async def backtests_lifetime(service: BacktestService) -> AsyncIterator[BacktestService]:
    """Stops the runs still going when the app stops (their threads would hold the exit)."""
    try:
        yield service
    finally:
        service.close()
