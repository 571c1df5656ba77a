"""The signal repository: one contract on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import select

from adapters.memory.signals import InMemorySignalRepository
from adapters.postgres.engine import make_engine
from adapters.postgres.repos.signals import SqlSignalRepository
from adapters.postgres.tables.outbox import outbox
from domain.errors import StoreUnavailable
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, Signal
from ports.strategies.signals import SignalCursor, SignalRepository, SignalSearch
from tests.integration.servers import free_port
from tests.integration.store.conftest import T0, StoreUnderTest

PARIS = timezone(timedelta(hours=1))


@pytest.fixture
def repository(store: StoreUnderTest) -> SignalRepository:
    return store.adapter(InMemorySignalRepository, SqlSignalRepository)


def signal(i: int, **fields: Any) -> Signal:
    """The i-th signal: its bar and its emission i minutes after T0."""
    at = T0 + timedelta(minutes=i)
    values: dict[str, Any] = {
        "symbol": "AAPL",
        "timeframe": Timeframe.M5,
        "pattern": Pattern.EMA_CROSSOVER,
        "score": 0.5,
        "at": at,
        "created_at": at,
        "reason": "fast EMA crossed above slow EMA on the last bar",
        "details": {"ema_fast": 190.123456789, "gap_atr": -0.000123, "atr": 1e-7},
        **fields,
    }
    return Signal(id=f"sig-{i:04d}", **values)


async def everything(repository: SignalRepository) -> list[str]:
    return [s.id for s in await repository.page(SignalSearch(limit=1000))]


async def test_a_signal_round_trips_exactly(repository: SignalRepository) -> None:
    # Arrange
    original = signal(
        1,
        score=-0.6121,
        pattern=Pattern.VWAP_DEVIATION,
        timeframe=Timeframe.H4,
        at=datetime(2026, 3, 2, 16, 0, tzinfo=PARIS),
        created_at=T0,
    )

    # Act
    added = await repository.add([original])
    [loaded] = await repository.page(SignalSearch())

    # Assert
    assert added == [original]
    assert loaded == original
    assert loaded.at.utcoffset() == timedelta(0) and loaded.at == original.at
    assert loaded.created_at.microsecond == 123456
    assert loaded.details == original.details
    assert isinstance(loaded.details["gap_atr"], float)


async def test_one_signal_per_bar_and_pattern_however_often_it_is_added(
    repository: SignalRepository,
) -> None:
    # Arrange
    first = signal(1)
    same_bar_again = signal(2, at=first.at)
    other_pattern = signal(3, at=first.at, pattern=Pattern.VOLATILITY_BREAKOUT)
    other_timeframe = signal(4, at=first.at, timeframe=Timeframe.M1)
    other_symbol = signal(5, at=first.at, symbol="MSFT")

    # Act
    stored_first = await repository.add([first, same_bar_again, other_pattern])
    stored_again = await repository.add([same_bar_again, other_timeframe, other_symbol, first])

    # Assert
    assert stored_first == [first, other_pattern]
    assert stored_again == [other_timeframe, other_symbol]
    assert sorted(await everything(repository)) == ["sig-0001", "sig-0003", "sig-0004", "sig-0005"]


async def test_stored_signals_events_are_in_the_outbox_when_the_store_has_one(
    store: StoreUnderTest, repository: SignalRepository
) -> None:
    # Arrange
    first, again = signal(1), signal(2, at=signal(1).at)

    # Act
    await repository.add([first, again])
    await repository.add([again])

    # Assert: one SignalEmitted row, for the one signal stored; memory publishes directly
    if store.kind == "memory":
        assert repository.events_in_outbox is False
        return
    async with store.engine.connect() as conn:
        rows = (await conn.execute(select(outbox.c.event_type, outbox.c.aggregate_id))).all()
    assert repository.events_in_outbox is True
    assert [(row.event_type, row.aggregate_id) for row in rows] == [("SignalEmitted", first.symbol)]


async def test_a_taken_id_is_not_stored_twice(repository: SignalRepository) -> None:
    await repository.add([signal(1)])

    stored = await repository.add([signal(1, at=T0 + timedelta(hours=5))])

    assert stored == []
    assert await everything(repository) == ["sig-0001"]


async def test_adding_nothing_stores_nothing(repository: SignalRepository) -> None:
    assert await repository.add([]) == []
    assert await everything(repository) == []


async def test_concurrent_scanners_store_a_bar_once(repository: SignalRepository) -> None:
    # Arrange: two scanners read the same bar and make their own ids for it
    mine, theirs = signal(1), signal(2, at=T0 + timedelta(minutes=1))

    # Act
    results = await asyncio.gather(repository.add([mine]), repository.add([theirs]))

    # Assert
    assert sorted(len(r) for r in results) == [0, 1]
    assert len(await everything(repository)) == 1


async def test_pages_are_newest_first_with_ties_broken_by_id(repository: SignalRepository) -> None:
    # Arrange
    tied = T0 + timedelta(minutes=30)
    await repository.add(
        [
            signal(1),
            signal(3, created_at=tied),
            signal(2, created_at=tied, pattern=Pattern.VWAP_DEVIATION),
            signal(4, created_at=T0 - timedelta(days=1)),
        ]
    )

    # Act
    first_two = await repository.page(SignalSearch(limit=2))
    after_tie = await repository.page(SignalSearch(after=SignalCursor(tied, "sig-0003"), limit=10))

    # Assert
    assert [s.id for s in first_two] == ["sig-0003", "sig-0002"]
    assert [s.id for s in after_tie] == ["sig-0002", "sig-0001", "sig-0004"]


async def test_a_cursor_pages_on_without_repeats_while_signals_arrive(
    repository: SignalRepository,
) -> None:
    # Arrange
    await repository.add([signal(i) for i in range(7)])

    # Act
    seen: list[str] = []
    after = None
    for arriving in range(7, 20):
        page = await repository.page(SignalSearch(after=after, limit=3))
        seen.extend(s.id for s in page)
        await repository.add([signal(arriving), signal(100 + arriving, created_at=T0)])
        if len(page) < 3:
            break
        after = SignalCursor(page[-1].created_at, page[-1].id)

    # Assert: the signals stored after the first page but sorting earlier come too, once
    later = [f"sig-{100 + i:04d}" for i in range(7, 20)]
    assert len(seen) == len(set(seen))
    assert [i for i in seen if i not in later] == [f"sig-{i:04d}" for i in reversed(range(7))]


async def test_filters_combine(repository: SignalRepository) -> None:
    # Arrange
    await repository.add(
        [
            signal(1, score=0.3),
            signal(2, score=-0.3),
            signal(3, score=0.2999),
            signal(4, score=-0.9, symbol="MSFT"),
            signal(5, score=0.9, pattern=Pattern.VOLATILITY_BREAKOUT),
            signal(6, score=1.0, timeframe=Timeframe.D1),
        ]
    )

    async def ids(**search: Any) -> list[str]:
        return [s.id for s in await repository.page(SignalSearch(**search))]

    # Act / Assert: min_score is on |score| and includes its bound
    assert await ids(min_score=0.3) == ["sig-0006", "sig-0005", "sig-0004", "sig-0002", "sig-0001"]
    assert await ids(symbol="MSFT") == ["sig-0004"]
    assert await ids(symbol="msft") == []
    assert await ids(pattern=Pattern.VOLATILITY_BREAKOUT) == ["sig-0005"]
    assert await ids(timeframe=Timeframe.D1) == ["sig-0006"]
    assert await ids(symbol="AAPL", min_score=0.5, timeframe=Timeframe.M5) == ["sig-0005"]
    assert await ids(min_score=0.0, limit=2) == ["sig-0006", "sig-0005"]
    assert await ids(limit=0) == []


async def test_an_unreachable_database_is_store_unavailable() -> None:
    engine = make_engine(f"postgresql+asyncpg://bulwark:x@127.0.0.1:{free_port()}/bulwark")
    repository = SqlSignalRepository(engine)
    try:
        with pytest.raises(StoreUnavailable):
            await repository.page(SignalSearch())
        with pytest.raises(StoreUnavailable):
            await repository.add([signal(1)])
    finally:
        await engine.dispose()
