"""Backtests over the historical bar store: bars written into a real Parquet store, read back
page by page, the source named in the result, missing ranges refused, no look-ahead."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from adapters.memory.backtests import InMemoryBacktestRepository
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.store import InMemoryStore
from adapters.memory.store import unit_of_work_factory as memory_uow_factory
from adapters.memory.strategies import InMemoryStrategyRepository
from adapters.parquet_bars.store import ParquetBarStore
from application.strategies.backtest_store_bars import StoreBars
from application.strategies.backtests import BacktestService
from bootstrap.backtest_world import build_world
from domain.backtests.model import (
    BacktestRequest,
    BacktestStatus,
    BarsMissing,
    DataSource,
    InvalidBacktest,
)
from domain.market_data.bars import BarSeries, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from domain.principals import Principal, Role
from tests.kit.backtests import oracle, oracle_same_bar, run, series_of, strategy
from tests.kit.backtests import request as engine_request
from tests.unit.backtests.test_service import Bars

OWNER = Principal("u-1", Role.OWNER)
D1 = Timeframe.D1


def day_of(series: BarSeries, row: int) -> date:
    return datetime.fromtimestamp(float(series.start[row]), tz=UTC).date()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[ParquetBarStore]:
    parquet = ParquetBarStore(tmp_path / "bars", threads=2)
    yield parquet
    parquet.close()


async def written(store: ParquetBarStore, **shape: int) -> dict[str, BarSeries]:
    series = series_of(**shape)
    for symbol, bars in series.items():
        await store.write_series(symbol, D1, bars)
    return series


async def service_over(store: ParquetBarStore) -> BacktestService:
    strategies = InMemoryStrategyRepository()
    await strategies.add(strategy())
    return BacktestService(
        InMemoryBacktestRepository(), strategies, Bars(), build_world,
        memory_uow_factory(InMemoryStore()), FakeClock(), SequentialIds(),
        bar_store=lambda: store,
    )  # fmt: skip


def store_request(
    symbols: tuple[str, ...], start: date, end: date, *, adjusted: bool = False
) -> BacktestRequest:
    return BacktestRequest(
        "st-1", symbols, start, end, D1, source=DataSource.STORE, adjusted=adjusted
    )


async def test_a_run_over_stored_bars_succeeds_and_names_its_source(
    store: ParquetBarStore,
) -> None:
    # Arrange
    series = await written(store, symbols=3, bars=300)
    backtests = await service_over(store)
    last = day_of(series["T0"], -1)

    # Act
    asked = store_request(("T0", "T1", "T2"), date(2020, 1, 1), last)
    started = await backtests.start(OWNER, asked)
    await backtests.wait(started.id)
    done = await backtests.get(OWNER, started.id)

    # Assert
    assert done.status is BacktestStatus.SUCCEEDED, done.error
    assert done.result is not None and done.result.bars == 900
    assert (done.result.source, done.result.adjusted) == (DataSource.STORE, False)
    assert done.result.trades


async def test_the_pages_read_back_the_stored_bars_with_the_warm_up_before_the_start(
    store: ParquetBarStore,
) -> None:
    # Arrange: 300 bars; the run starts at bar 100, so 60 warm-up bars come before it
    series = await written(store, symbols=2, bars=300)
    start, end = day_of(series["T0"], 100), day_of(series["T0"], 249)

    # Act: pages of 7 bars and pages of the largest size give the same columns
    small = await StoreBars(store, page=7).load(
        ("T0", "T1"), D1, start, end, adjusted=False, warm_up=60, max_bars=10_000
    )
    large = await StoreBars(store).load(
        ("T0", "T1"), D1, start, end, adjusted=False, warm_up=60, max_bars=10_000
    )

    # Assert
    for symbol, original in series.items():
        got = small[symbol]
        assert len(got) == 60 + 150
        np.testing.assert_allclose(got.close, original.close[40:250], rtol=1e-12)
        np.testing.assert_array_equal(got.start, original.start[40:250])
        np.testing.assert_array_equal(got.close, large[symbol].close)


async def test_a_range_the_store_lacks_is_refused_naming_symbols_and_first_missing_day(
    store: ParquetBarStore,
) -> None:
    # Arrange: T0 and T1 stored over 300 weekdays from 2020-01-01; NOPE never stored
    series = await written(store, symbols=2, bars=300)
    backtests = await service_over(store)
    after_last = day_of(series["T0"], -1) + timedelta(days=3)  # the next weekday (a Monday+)
    beyond = day_of(series["T0"], -1) + timedelta(days=60)

    # Act
    with pytest.raises(BarsMissing) as missing:
        await backtests.start(OWNER, store_request(("T0", "NOPE"), date(2020, 1, 1), beyond))
    with pytest.raises(InvalidBacktest, match="more than 100"):
        await StoreBars(store).load(
            ("T0",), D1, date(2020, 1, 1), date(2020, 12, 31),
            adjusted=False, warm_up=0, max_bars=100,
        )  # fmt: skip

    # Assert
    assert missing.value.code == "BACKTEST_BARS_MISSING"
    assert missing.value.missing["NOPE"] == date(2020, 1, 1)
    assert date(2020, 1, 1) < missing.value.missing["T0"] <= after_last
    assert "NOPE from 2020-01-01" in missing.value.message
    assert await backtests.list_for(OWNER) == []


async def test_a_holiday_in_the_stored_bars_is_not_a_missing_range(
    store: ParquetBarStore,
) -> None:
    # Arrange: one weekday's bar is absent (as an exchange holiday is)
    series = series_of(symbols=1, bars=60)["T0"]
    keep = np.arange(len(series)) != 20
    names = ("start", "open", "high", "low", "close", "volume")
    await store.write_series("T0", D1, BarSeries(*(getattr(series, n)[keep] for n in names)))

    # Act
    missing = await StoreBars(store).first_missing(
        ("T0",), D1, day_of(series, 0), day_of(series, -1)
    )

    # Assert
    assert missing == {}


async def test_adjusted_runs_read_split_adjusted_bars_and_say_so(store: ParquetBarStore) -> None:
    # Arrange: a 2-for-1 split on bar 150's day
    series = await written(store, symbols=1, bars=300)
    split_day = day_of(series["T0"], 150)
    await store.write_actions([CorporateAction("T0", ActionKind.SPLIT, split_day, Decimal(2))])
    backtests = await service_over(store)
    start, end = date(2020, 1, 1), day_of(series["T0"], -1)

    # Act
    raw = await StoreBars(store).load(
        ("T0",), D1, start, end, adjusted=False, warm_up=0, max_bars=10_000
    )
    adjusted = await StoreBars(store).load(
        ("T0",), D1, start, end, adjusted=True, warm_up=0, max_bars=10_000
    )
    started = await backtests.start(OWNER, store_request(("T0",), start, end, adjusted=True))
    await backtests.wait(started.id)
    done = await backtests.get(OWNER, started.id)

    # Assert
    np.testing.assert_allclose(adjusted["T0"].close[:150], raw["T0"].close[:150] / 2, rtol=1e-9)
    np.testing.assert_allclose(adjusted["T0"].close[150:], raw["T0"].close[150:], rtol=1e-12)
    assert done.result is not None
    assert (done.result.source, done.result.adjusted) == (DataSource.STORE, True)


async def test_without_a_bar_store_a_store_run_is_refused_on_the_source_field() -> None:
    # Arrange
    strategies = InMemoryStrategyRepository()
    await strategies.add(strategy())
    backtests = BacktestService(
        InMemoryBacktestRepository(), strategies, Bars(), build_world,
        memory_uow_factory(InMemoryStore()), FakeClock(), SequentialIds(),
    )  # fmt: skip

    # Act / Assert
    with pytest.raises(InvalidBacktest, match="no bar store") as refused:
        await backtests.start(OWNER, store_request(("T0",), date(2020, 1, 1), date(2020, 6, 1)))
    assert refused.value.field == "source"


def test_adjusted_bars_are_asked_of_the_store_only() -> None:
    with pytest.raises(InvalidBacktest) as refused:
        BacktestRequest("st-1", ("T0",), date(2020, 1, 1), date(2020, 6, 1), adjusted=True)
    assert refused.value.field == "adjusted"


async def test_stored_bars_give_a_peeking_signal_its_edge_and_an_honest_one_none(
    store: ParquetBarStore,
) -> None:
    # Arrange: the engine's look-ahead check, on bars read back from the Parquet store
    original = await written(store, symbols=2, bars=400, seed=11)
    end = day_of(original["T0"], -1)
    stored = await StoreBars(store, page=97).load(
        tuple(original), D1, date(2020, 1, 1), end, adjusted=False, warm_up=0, max_bars=10_000
    )
    no_stops = strategy(stop_loss_fraction=None, take_profit_fraction=None, max_holding_bars=1)
    req = engine_request(stored)

    # Act
    peeking = await run(stored, strat=no_stops, req=req, scores=oracle)
    honest = await run(stored, strat=no_stops, req=req, scores=oracle_same_bar)

    # Assert
    assert [len(s) for s in stored.values()] == [400, 400]
    assert peeking.metrics is not None and honest.metrics is not None
    assert peeking.metrics.total_return > 0.10
    assert honest.metrics.total_return < 0.02
