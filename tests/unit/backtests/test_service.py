"""BacktestService on in-memory stores: a run to its result, a failing one, checks up front."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.memory.backtests import InMemoryBacktestRepository
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.store import InMemoryStore
from adapters.memory.store import unit_of_work_factory as memory_uow_factory
from adapters.memory.strategies import InMemoryStrategyRepository
from application.strategies.backtest_world import SimulatedWorld, WorldFactory, WorldSpec
from application.strategies.backtests import BacktestLimits, BacktestService, TooManyBacktests
from bootstrap.backtest_world import build_world
from domain.backtests.model import BacktestRequest, BacktestStatus, InvalidBacktest
from domain.errors import NotFound
from domain.market_data.bars import BarSeries, Timeframe
from domain.principals import Principal, Role
from tests.kit.backtests import series_of, strategy

OWNER = Principal("u-1", Role.OWNER)


class Bars:
    """HistoricalBars over a few generated series (all of 2020 on)."""

    def __init__(self) -> None:
        self.data = series_of(symbols=2, bars=260)

    def symbols(self, timeframe: Timeframe) -> list[str]:
        return sorted(self.data)

    def series(
        self, symbol: str, timeframe: Timeframe, start: date, end: date, *, warm_up: int = 0
    ) -> BarSeries:
        return self.data[symbol]


def broken_world(spec: WorldSpec) -> SimulatedWorld:
    raise RuntimeError("no world today")


async def service(worlds: WorldFactory = build_world, **limits: int) -> BacktestService:
    strategies = InMemoryStrategyRepository()
    await strategies.add(strategy())
    return BacktestService(
        InMemoryBacktestRepository(), strategies, Bars(), worlds,
        memory_uow_factory(InMemoryStore()), FakeClock(), SequentialIds(),
        BacktestLimits(**limits),
    )  # fmt: skip


def request(*symbols: str) -> BacktestRequest:
    return BacktestRequest("st-1", symbols or ("T0", "T1"), date(2020, 1, 1), date(2021, 12, 31))


async def test_a_run_ends_succeeded_with_its_result() -> None:
    # Arrange
    backtests = await service()

    # Act
    started = await backtests.start(OWNER, request())
    answered = started.status
    await backtests.wait(started.id)
    done = await backtests.get(OWNER, started.id)

    # Assert
    assert answered is BacktestStatus.QUEUED
    assert done.status is BacktestStatus.SUCCEEDED and done.result is not None
    assert done.progress == 1.0 and done.started_at is not None


async def test_a_run_that_breaks_ends_failed_with_the_error() -> None:
    # Arrange
    backtests = await service(broken_world)

    # Act
    started = await backtests.start(OWNER, request())
    await backtests.wait(started.id)
    done = await backtests.get(OWNER, started.id)

    # Assert
    assert done.status is BacktestStatus.FAILED
    assert done.error == "RuntimeError: no world today" and done.result is None


async def test_requests_are_checked_before_anything_is_stored() -> None:
    # Arrange
    backtests = await service(max_symbols=1, per_user=1)
    stranger = Principal("u-2", Role.OWNER)

    # Act / Assert
    with pytest.raises(InvalidBacktest, match="at most 1 symbols") as too_many:
        await backtests.start(OWNER, request())
    with pytest.raises(InvalidBacktest, match="no 1d bars for NOPE"):
        await backtests.start(OWNER, request("NOPE"))
    with pytest.raises(NotFound):
        await backtests.start(stranger, request("T0"))
    first = await backtests.start(OWNER, request("T0"))
    with pytest.raises(TooManyBacktests):
        await backtests.start(OWNER, request("T0"))
    await backtests.wait(first.id)
    assert too_many.value.field == "symbols"
    assert [b.id for b in await backtests.list_for(OWNER)] == [first.id]


async def test_the_instance_refuses_more_unfinished_runs_than_its_workers_can_queue() -> None:
    # Arrange: one worker that queues one run: a second user's run is refused
    backtests = await service(workers=1, queued_per_worker=1)
    first = await backtests.start(OWNER, request("T0"))

    # Act / Assert
    with pytest.raises(TooManyBacktests, match="waiting or running here"):
        await backtests.start(OWNER, request("T1"))
    await backtests.wait(first.id)
