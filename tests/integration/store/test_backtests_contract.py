"""The backtest store: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from adapters.memory.backtests import InMemoryBacktestRepository
from adapters.postgres.repos.backtests import SqlBacktestRepository
from domain.backtests.model import (
    Backtest,
    BacktestMetrics,
    BacktestRequest,
    BacktestResult,
    BacktestStatus,
    DataSource,
    DeniedOrder,
    EquityPoint,
    FeeModel,
    TradeRecord,
)
from domain.market_data.bars import Timeframe
from ports.strategies.backtests import BacktestPage, BacktestRepository
from tests.integration.store.conftest import T0, StoreUnderTest

D = Decimal


@pytest.fixture
def repo(store: StoreUnderTest) -> BacktestRepository:
    return store.adapter(InMemoryBacktestRepository, SqlBacktestRepository)


def backtest(i: int = 1, owner: str = "u-1", minutes: int = 0) -> Backtest:
    request = BacktestRequest(
        "stg-1", ("ACME", "BOLT"), date(2020, 1, 1), date(2020, 12, 31), Timeframe.D1,
        D("100000.50"), FeeModel(D("0.005"), D("1.25")), D("2.5"),
    )  # fmt: skip
    return Backtest(f"bt-{i}", owner, request, T0 + timedelta(minutes=minutes))


def result() -> BacktestResult:
    metrics = BacktestMetrics(
        total_return=0.1, cagr=0.05, volatility_annual=0.2, sharpe=1.25, sortino=None,
        calmar=0.5, max_drawdown=0.1, max_drawdown_days=12, trades=1, win_rate=1.0,
        profit_factor=None, average_win=D("12.345678"), average_loss=None, exposure=0.3,
        time_in_market=0.4, turnover_annual=2.5, fees_paid=D("1.0000001"),
        final_equity=D("110000.55"),
    )  # fmt: skip
    return BacktestResult(
        equity=(EquityPoint(date(2020, 1, 2), D("100000.50")),
                EquityPoint(date(2020, 1, 3), D("100012.345678"))),
        trades=(TradeRecord("ACME", "long", D("10"), T0, D("101.123"), T0 + timedelta(days=1),
                            D("102.5"), D("0.1"), D("13.67"), "take_profit",
                            "bullish signal +0.8 >= entry threshold 0.5",
                            "take_profit at 102.5"),),
        denied=(DeniedOrder(T0, "BOLT", "buy", D("5"), "enter", ("SECTOR_CONCENTRATION",),
                            "sector Tech would be 30% of equity"),),
        metrics=metrics,
        bars=504,
        orders_sent=3,
        open_positions={"BOLT": D("-4")},
        denied_total=1,
    )  # fmt: skip


async def test_a_run_is_stored_and_read_back_by_its_owner_only(repo: BacktestRepository) -> None:
    # Arrange
    run = backtest()

    # Act
    await repo.add(run)
    mine = await repo.get("bt-1", "u-1")
    theirs = await repo.get("bt-1", "u-2")

    # Assert
    assert mine is not None and theirs is None
    assert (mine.id, mine.owner_id, mine.status, mine.progress) == (
        "bt-1", "u-1", BacktestStatus.QUEUED, 0.0,
    )  # fmt: skip
    assert mine.request == run.request and mine.created_at == T0


async def test_a_saved_result_comes_back_exactly(repo: BacktestRepository) -> None:
    # Arrange
    run = backtest()
    await repo.add(run)
    run.start(T0 + timedelta(seconds=1))
    run.advance(0.5)
    await repo.save(run)
    halfway = await repo.get("bt-1", "u-1")

    # Act
    run.succeed(result(), T0 + timedelta(seconds=2))
    await repo.save(run)
    done = await repo.get("bt-1", "u-1")

    # Assert
    assert halfway is not None and halfway.status is BacktestStatus.RUNNING
    assert halfway.progress == 0.5 and halfway.started_at == T0 + timedelta(seconds=1)
    assert done is not None and done.status is BacktestStatus.SUCCEEDED and done.progress == 1.0
    assert done.result == result()
    assert done.finished_at == T0 + timedelta(seconds=2)


async def test_adding_a_known_id_fails_and_saving_an_unknown_one_fails(
    repo: BacktestRepository,
) -> None:
    # Arrange
    await repo.add(backtest())

    # Act / Assert
    with pytest.raises(ValueError, match="exists already"):
        await repo.add(backtest())
    with pytest.raises(KeyError):
        await repo.save(backtest(2))


async def test_pages_are_newest_first_per_owner_and_continue_after_an_id(
    repo: BacktestRepository,
) -> None:
    # Arrange
    for i in range(5):
        await repo.add(backtest(i, minutes=i))
    await repo.add(backtest(9, owner="u-2", minutes=9))

    # Act
    first = await repo.page(BacktestPage("u-1", limit=2))
    second = await repo.page(BacktestPage("u-1", limit=2, after=first[-1].id))
    rest = await repo.page(BacktestPage("u-1", limit=10, after=second[-1].id))
    unknown = await repo.page(BacktestPage("u-1", limit=10, after="bt-9"))

    # Assert
    assert [b.id for b in first + second + rest] == ["bt-4", "bt-3", "bt-2", "bt-1", "bt-0"]
    assert unknown == []


async def test_unfinished_runs_are_counted_per_owner_and_in_all(
    repo: BacktestRepository,
) -> None:
    # Arrange
    running, done, queued, other = backtest(1), backtest(2), backtest(3), backtest(4, "u-2")
    for run in (running, done, queued, other):
        await repo.add(run)
    running.start(T0)
    done.fail("boom", T0)
    await repo.save(running)
    await repo.save(done)

    # Act
    mine, everyone = await repo.count_unfinished("u-1"), await repo.count_unfinished()

    # Assert
    assert (mine, everyone) == (2, 3)


async def test_a_store_run_keeps_its_source_and_adjustment(repo: BacktestRepository) -> None:
    # Arrange: a run over the bar store's adjusted bars
    run = backtest()
    run.request = replace(run.request, source=DataSource.STORE, adjusted=True)
    await repo.add(run)
    run.start(T0 + timedelta(seconds=1))
    named = replace(result(), source=DataSource.STORE, adjusted=True)

    # Act
    run.succeed(named, T0 + timedelta(seconds=2))
    await repo.save(run)
    done = await repo.get("bt-1", "u-1")

    # Assert
    assert done is not None and done.result == named
    assert (done.request.source, done.request.adjusted) == (DataSource.STORE, True)
    assert (done.result.source, done.result.adjusted) == (DataSource.STORE, True)
