"""Strategies and backtests: signals and their scan, the strategies' stores, the owners'
service, the processor that turns signals into gated orders and its loops, and backtests
run in worker threads beside the strategies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dependency_injector import containers, providers

from application.strategies.service import StrategyService
from application.strategies.signals import SignalService
from application.strategies.strategy_processor import StrategyProcessor
from application.strategies.throttle_stop import StrategyThrottleStop
from bootstrap.backtests import (
    backtest_service,
    backtests_lifetime,
    combiner_reports,
    live_combiner,
)
from bootstrap.containers.stores import store_provider
from bootstrap.signals import signal_engine, signal_scanner
from bootstrap.strategies import strategy_runtime, strategy_stores

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from adapters.memory.backtests import InMemoryBacktestRepository
    from adapters.memory.signals import InMemorySignalRepository
    from adapters.postgres.repos.backtests import SqlBacktestRepository
    from adapters.postgres.repos.signals import SqlSignalRepository


def memory_signal_repository() -> InMemorySignalRepository:
    from adapters.memory.signals import InMemorySignalRepository

    return InMemorySignalRepository()


def sql_signal_repository(engine: AsyncEngine) -> SqlSignalRepository:
    from adapters.postgres.repos.signals import SqlSignalRepository

    return SqlSignalRepository(engine)


def memory_backtest_store() -> InMemoryBacktestRepository:
    from adapters.memory.backtests import InMemoryBacktestRepository

    return InMemoryBacktestRepository()


def sql_backtest_store(engine: AsyncEngine) -> SqlBacktestRepository:
    from adapters.postgres.repos.backtests import SqlBacktestRepository

    return SqlBacktestRepository(engine)


class StrategiesContainer(containers.DeclarativeContainer):
    """Signals to orders, over the core, market data, trading (orders) and safety."""

    core = providers.DependenciesContainer()
    market_data = providers.DependenciesContainer()
    trading = providers.DependenciesContainer()
    safety = providers.DependenciesContainer()
    wealth = providers.DependenciesContainer()
    inference = providers.DependenciesContainer()  # the scored news of sentiment backtests

    signal_repository = store_provider(core, memory_signal_repository, sql_signal_repository)
    signals = providers.Singleton(
        SignalService,
        market_data.market_feed, signal_repository, core.publisher, core.clock, core.ids,
        providers.Singleton(signal_engine, core.settings),
        lookback=core.settings.provided.strategies.signal_lookback_bars,
    )  # fmt: skip
    signal_scan = providers.Resource(
        signal_scanner, core.settings, signals.provider, core.job_leases
    )

    strategy_stores = providers.Singleton(strategy_stores, core.store_kind, core.engine.provider)
    # The weights of learned strategies, shared by the processor and the owners' service.
    live_combiner = providers.Singleton(
        live_combiner, core.settings, market_data.bar_store.provider,
        inference.sentiment.provider,
    )  # fmt: skip
    strategies = providers.Singleton(
        StrategyService,
        core.uow_factory, strategy_stores.provided.strategies,
        strategy_stores.provided.decisions, strategy_stores.provided.holdings,
        safety.killswitch, core.clock, core.ids, core.audit,
        profiles=providers.Selector(
            providers.Callable(
                lambda on: "on" if on else "off", core.settings.provided.wealth.suitability_check
            ),
            on=wealth.investor_profile_store, off=providers.Object(None),
        ),
        combiner=live_combiner,
    )  # fmt: skip
    strategy_processor = providers.Singleton(
        StrategyProcessor,
        core.uow_factory, strategy_stores.provided.strategies,
        strategy_stores.provided.decisions, strategy_stores.provided.holdings,
        trading.orders, core.quotes, core.clock, core.ids,
        publish=core.bus.provided.publish, combiner=live_combiner,
    )  # fmt: skip
    strategy_loops = providers.Resource(
        strategy_runtime, core.settings, core.bus, strategy_processor.provider,
        market_data.market_feed, core.job_leases,
    )  # fmt: skip

    backtest_store = store_provider(core, memory_backtest_store, sql_backtest_store)
    backtests = providers.Singleton(
        backtest_service, core.settings, backtest_store, strategy_stores.provided.strategies,
        core.uow_factory, core.clock, core.ids, market_data.bar_store.provider,
        inference.sentiment.provider,
    )  # fmt: skip
    backtests_running = providers.Resource(backtests_lifetime, backtests)
    combiner_reports = providers.Singleton(
        combiner_reports, core.settings, strategy_stores.provided.strategies,
        market_data.bar_store.provider, inference.sentiment.provider,
    )  # fmt: skip
    # The execution throttle turns a strategy off here (application/strategies/throttle_stop.py).
    throttle_stop = providers.Singleton(StrategyThrottleStop, strategy_stores.provided.strategies)


def prepare(container: Any, settings: Any) -> None:
    """The execution throttle stops a strategy through this context (built on first use,
    after the composition's overrides): the kill switch has no strategy scope."""
    container.safety.throttle_stops().add(container.throttle_stop)
