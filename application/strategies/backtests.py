"""Backtest use cases: start a run of one's strategy, follow it, list, cancel.

A run is checked up front (the strategy is the caller's, every symbol has bars in the range,
the size is within limits), stored as queued, and run by BacktestEngine in a worker thread with
an event loop of its own, so the API's loop only waits on it. The thread pool bounds the runs
at once (the rest wait queued); each user may have `per_user` runs unfinished, and the
instance `workers x queued_per_worker` of everybody's (more: 429 until some finish). Progress lives
in memory while a run goes and is saved every `save_every_s`; a cancel sets a flag the engine
reads between bars. A strategy with a sentiment source has its symbols' scored news read
before the run (ScoredNews, only items published by the last bar's close); the engine counts
at each bar's close only the items published by it. A strategy with a learned combiner has
`training_bars` bars read before `from` (when there are), so its first fit is in force from the
range's first day, and a symbol with no more bars than that is refused up front (422
COMBINER_TOO_FEW_BARS).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from application.core.access import ensure_may_change, owned_by
from application.strategies.backtest_engine import BacktestCanceled, BacktestEngine
from application.strategies.backtest_news import news_of
from application.strategies.backtest_signals import ModelReplay, NewsScores
from application.strategies.backtest_store_bars import StoreBars
from application.strategies.backtest_world import WorldFactory, WorldSpec
from domain.backtests.model import (
    Backtest,
    BacktestRequest,
    BacktestResult,
    DataSource,
    InvalidBacktest,
)
from domain.errors import Conflict, NotFound, RateLimited
from domain.market_data.bars import BarSeries
from domain.principals import Principal
from domain.strategies.combiner import check_history
from domain.strategies.definition import Strategy
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.strategies.backtests import BacktestPage, BacktestRepository, HistoricalBars
from ports.strategies.combiner import CombinerFitter
from ports.strategies.sentiment import ScoredNews
from ports.strategies.strategies import StrategyRepository

MAX_PAGE = 200
WARM_UP_BARS = 60  # bars before `from` the signals may start from


class TooManyBacktests(RateLimited):
    """The caller (or the whole instance) already runs as many backtests as allowed."""

    code = "TOO_MANY_BACKTESTS"


@dataclass(frozen=True, slots=True)
class BacktestLimits:
    """How big one run may be and how many may run."""

    max_symbols: int = 50
    max_bars: int = 5_000_000
    workers: int = 2
    per_user: int = 2
    save_every_s: float = 0.5
    queued_per_worker: int = 8  # unfinished runs of everybody, per worker, before a 429

    @property
    def max_unfinished(self) -> int:
        return self.workers * self.queued_per_worker


@dataclass(slots=True)
class _Active:
    """A run the worker has: its live progress and the flag that cancels it."""

    backtest: Backtest
    progress: float = 0.0
    cancel: threading.Event = field(default_factory=threading.Event)
    task: asyncio.Task[None] | None = None


class BacktestService:
    """Starts, follows and cancels the caller's backtests (another user's are not found)."""

    def __init__(
        self,
        backtests: BacktestRepository,
        strategies: StrategyRepository,
        bars: HistoricalBars,
        worlds: WorldFactory,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        limits: BacktestLimits | None = None,
        models: Callable[[Strategy], ModelReplay | None] | None = None,
        bar_store: Callable[[], BarStore] | None = None,
        news: Callable[[], ScoredNews] | None = None,
        fitter: CombinerFitter | None = None,
    ) -> None:
        self._fitter = fitter  # fits the weights of strategies with a learned combiner
        self._news = news  # read for strategies with a sentiment source
        self._bar_store = bar_store  # opened on the first run whose source is the store
        self._models = models or (lambda _: None)
        self._backtests = backtests
        self._strategies = strategies
        self._bars = bars
        self._worlds = worlds
        self._uow = uow_factory
        self._clock = clock
        self._ids = ids
        self.limits = limits or BacktestLimits()
        self._pool = ThreadPoolExecutor(self.limits.workers, thread_name_prefix="backtest")
        self._active: dict[str, _Active] = {}

    # -- use cases -----------------------------------------------------------------------
    async def start(self, principal: Principal, request: BacktestRequest) -> Backtest:
        """Check and store the run, then start it (202: it runs on after the answer)."""
        ensure_may_change(principal)
        strategy = await self._strategy(principal, request.strategy_id)
        series = await self._series_of(request, warm_up_bars(strategy))
        if strategy.entry.learned:
            entry = strategy.entry
            for name, bars in series.items():
                check_history(name, len(bars), entry.training_bars, entry.refit_bars, field="from")
        unfinished = await self._backtests.count_unfinished(principal.id)
        if unfinished >= self.limits.per_user:
            raise TooManyBacktests(
                f"{unfinished} of your backtests are unfinished (at most {self.limits.per_user})",
                retry_after=5.0,
            )
        everybody = await self._backtests.count_unfinished()
        if everybody >= self.limits.max_unfinished:
            raise TooManyBacktests(
                f"{everybody} backtests are waiting or running here; try again shortly",
                retry_after=10.0,
            )
        backtest = Backtest(self._ids.new("bt-"), principal.id, request, self._clock.now())
        await self._backtests.add(backtest)
        active = _Active(backtest)
        self._active[backtest.id] = active
        active.task = asyncio.create_task(self._run(active, strategy, series))
        return backtest

    async def get(self, principal: Principal, backtest_id: str) -> Backtest:
        backtest = await self._backtests.get(backtest_id, principal.id)
        if backtest is None:
            raise NotFound(f"backtest {backtest_id} not found")
        active = self._active.get(backtest_id)
        if active is not None and not backtest.status.finished:
            backtest.advance(active.progress)
        return backtest

    async def list_for(
        self, principal: Principal, limit: int = 50, after: str | None = None
    ) -> list[Backtest]:
        found = await self._backtests.page(BacktestPage(principal.id, min(limit, MAX_PAGE), after))
        for backtest in found:
            active = self._active.get(backtest.id)
            if active is not None and not backtest.status.finished:
                backtest.advance(active.progress)
        return found

    async def cancel(self, principal: Principal, backtest_id: str) -> Backtest:
        """Ask the run to stop; a run not started yet is canceled at once."""
        ensure_may_change(principal)
        backtest = await self.get(principal, backtest_id)
        if backtest.status.finished:
            raise Conflict(f"backtest {backtest_id} is already {backtest.status.value}")
        active = self._active.get(backtest_id)
        if active is None:  # stored as unfinished by an instance that is gone
            backtest.cancel(self._clock.now())
            await self._backtests.save(backtest)
            return backtest
        active.cancel.set()
        if active.backtest.started_at is None:
            active.backtest.cancel(self._clock.now())
            await self._backtests.save(active.backtest)
        return active.backtest

    async def wait(self, backtest_id: str) -> None:
        """Until the run ends and is saved (tests and the CLI; from any event loop)."""
        while backtest_id in self._active:  # noqa: ASYNC110 (the run may be on another loop)
            await asyncio.sleep(0.01)

    def progress_of(self, backtest_id: str) -> float | None:
        active = self._active.get(backtest_id)
        return None if active is None else active.progress

    def close(self) -> None:
        """Stop every run and let the threads go (the app's shutdown)."""
        for active in self._active.values():
            active.cancel.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- checks --------------------------------------------------------------------------
    async def _strategy(self, principal: Principal, strategy_id: str) -> Strategy:
        strategy = await self._strategies.get(strategy_id)
        refusal = NotFound(f"strategy {strategy_id} not found", field="strategy_id")
        return owned_by(principal, strategy, refusal)

    async def _series_of(self, request: BacktestRequest, warm_up: int) -> dict[str, BarSeries]:
        """The bars of the request's source: the synthetic set, or the bar store, with up to
        `warm_up` bars before `from`."""
        limits = self.limits
        if len(request.symbols) > limits.max_symbols:
            raise InvalidBacktest(
                f"at most {limits.max_symbols} symbols per backtest", field="symbols"
            )
        if request.source is DataSource.SYNTHETIC:
            return self._series(request, warm_up)
        if self._bar_store is None:
            raise InvalidBacktest("no bar store is configured here", field="source")
        return await StoreBars(self._bar_store()).load(
            request.symbols, request.timeframe, request.start, request.end,
            adjusted=request.adjusted, warm_up=warm_up, max_bars=limits.max_bars,
        )  # fmt: skip

    def _series(self, request: BacktestRequest, warm_up: int) -> dict[str, BarSeries]:
        limits = self.limits
        known = set(self._bars.symbols(request.timeframe))
        unknown = [s for s in request.symbols if s not in known]
        if unknown:
            raise InvalidBacktest(
                f"no {request.timeframe.value} bars for {', '.join(unknown[:5])}", field="symbols"
            )
        series: dict[str, BarSeries] = {}
        total = 0
        for symbol in request.symbols:
            found = self._bars.series(
                symbol, request.timeframe, request.start, request.end, warm_up=warm_up
            )
            if len(found) == 0 or float(found.start[-1]) < _epoch(request):
                raise InvalidBacktest(
                    f"no {request.timeframe.value} bars of {symbol} from {request.start} to "
                    f"{request.end}",
                    field="from",
                )
            total += len(found)
            if total > limits.max_bars:
                raise InvalidBacktest(
                    f"more than {limits.max_bars:,} bars: shorten the range or the symbols",
                    field="to",
                )
            series[symbol] = found
        return series

    # -- the run -------------------------------------------------------------------------
    async def _run(self, active: _Active, strategy: Strategy, series: dict[str, BarSeries]) -> None:
        backtest = active.backtest
        loop = asyncio.get_running_loop()
        try:
            spec = await self._world_spec(strategy, backtest.request, series)
            news = await self._news_of(strategy, backtest.request, series)
            started = loop.run_in_executor(
                self._pool, self._work, active, strategy, series, spec, loop, news
            )
            while True:
                done, _ = await asyncio.wait({started}, timeout=self.limits.save_every_s)
                if done:
                    break
                if backtest.status.value == "running":
                    backtest.advance(active.progress)
                    await self._backtests.save(backtest)
            result = started.result()
        except BacktestCanceled:
            if not backtest.status.finished:
                backtest.cancel(self._clock.now())
        except Exception as exc:  # a failed run is reported in its status, not raised
            if not backtest.status.finished:
                backtest.fail(f"{type(exc).__name__}: {exc}", self._clock.now())
        else:
            request = backtest.request
            named = replace(result, source=request.source, adjusted=request.adjusted)
            backtest.succeed(named, self._clock.now())
        try:
            await self._backtests.save(backtest)
        finally:  # only now: `wait` returns once the outcome is stored
            self._active.pop(backtest.id, None)

    def _work(
        self,
        active: _Active,
        strategy: Strategy,
        series: dict[str, BarSeries],
        spec: WorldSpec,
        loop: asyncio.AbstractEventLoop,
        news: dict[str, NewsScores] | None = None,
    ) -> BacktestResult:
        """In the worker thread: the engine on a loop of its own."""
        if active.cancel.is_set():
            raise BacktestCanceled()
        loop.call_soon_threadsafe(self._started, active)

        def progress(fraction: float) -> None:
            active.progress = fraction

        engine = BacktestEngine(
            strategy,
            active.backtest.request,
            series,
            self._worlds(spec),
            account_id=spec.account_id,
            progress=progress,
            canceled=active.cancel.is_set,
            model=self._models(strategy),
            news=news,
            fitter=self._fitter,
        )
        return asyncio.run(engine.run())

    async def _news_of(
        self, strategy: Strategy, request: BacktestRequest, series: dict[str, BarSeries]
    ) -> dict[str, NewsScores] | None:
        if self._news is None:
            return None
        return await news_of(self._news, strategy, request.timeframe, series)

    def _started(self, active: _Active) -> None:
        if active.backtest.status.value == "queued":
            active.backtest.start(self._clock.now())

    async def _world_spec(
        self, strategy: Strategy, request: BacktestRequest, series: dict[str, BarSeries]
    ) -> WorldSpec:
        """The simulated account: the strategy's first account's id and owner, under the rules
        the store holds (each applies by its own scope), the symbols as the store lists them."""
        async with self._uow() as uow:
            rules = tuple(await uow.risk_rules.list())
            instruments = tuple(
                found
                for found in [await uow.instruments.get(symbol) for symbol in request.symbols]
                if found is not None
            )
        first = min(float(s.start[0]) for s in series.values())
        return WorldSpec(
            strategy.account_ids[0],
            strategy.owner_id,
            request.starting_cash,
            request.symbols,
            request.slippage_bps,
            datetime.fromtimestamp(first, tz=UTC),
            rules,
            instruments,
        )


def warm_up_bars(strategy: Strategy) -> int:
    """Bars read before `from`: the signals' warm-up, or a learned combiner's training window."""
    if strategy.entry.learned:
        return max(WARM_UP_BARS, strategy.entry.training_bars)
    return WARM_UP_BARS


def _epoch(request: BacktestRequest) -> float:
    day = request.start
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
