"""PerformanceService in memory: benchmark alignment, provider failures, a total loss."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.equity import InMemoryEquityHistory
from adapters.memory.store import InMemoryStore, InMemoryUnitOfWork
from application.analytics.performance import (
    BenchmarkUnavailable,
    PerformanceService,
    UnknownBenchmark,
)
from application.trading.stored_returns import stored_returns
from domain.market_data.bars import Bar, Timeframe
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.kit.equity import cash_snapshot
from tests.kit.market_data import BarAsk, ServesBars

D = Decimal
OWNER = Principal("owner-1", Role.OWNER)
FRIDAY = date(2026, 1, 2)


class Bars(ServesBars):
    """Daily bars of one symbol from closes by day; other symbols unknown, or an outage."""

    def __init__(self, closes: dict[date, str], *, down: bool = False) -> None:
        self._closes = closes
        self._down = down

    async def serve(self, ask: BarAsk) -> list[Bar]:
        if self._down:
            raise ProviderError("fake", "timeout")
        if ask.symbol != "SPY":
            raise QuoteUnavailable(ask.symbol)
        return [bar(ask.symbol, d, D(c)) for d, c in sorted(self._closes.items())]


def bar(symbol: str, day: date, close: Decimal) -> Bar:
    start = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
    return Bar(symbol, Timeframe.D1, start, close, close, close, close, D(1))


async def service(equity: list[str], bars: Bars) -> PerformanceService:
    """An account whose snapshots are `equity` on consecutive weekdays from FRIDAY."""
    state = InMemoryStore()
    async with InMemoryUnitOfWork(state) as uow:
        await uow.accounts.add(Account("acc-1", OWNER.id, D(0)))
        await uow.commit()
    history = InMemoryEquityHistory()
    day = FRIDAY
    for value in equity:
        midnight = datetime.combine(day, datetime.min.time(), tzinfo=UTC)
        await history.upsert(cash_snapshot("acc-1", day, D(value), taken_at=midnight))
        day += timedelta(days=3 if day.weekday() == 4 else 1)
    clock = FakeClock(datetime(2026, 1, 31, tzinfo=UTC))
    return PerformanceService(lambda: InMemoryUnitOfWork(state), history, bars, clock)


async def test_the_benchmark_pairs_the_days_both_have_across_a_weekend() -> None:
    # Arrange: snapshots Fri 100, Mon 110, Tue 99; benchmark closes Thu..Tue with a weekend
    # bar on Saturday, when the account took no snapshot
    bars = Bars(
        {
            date(2026, 1, 1): "50",
            FRIDAY: "51",
            date(2026, 1, 3): "52",  # Saturday: no snapshot that day
            date(2026, 1, 5): "52",  # Monday: 0 % after Saturday's close
            date(2026, 1, 6): "49.4",  # Tuesday: -5 %
        }
    )
    perf = await service(["100", "110", "99"], bars)

    # Act
    report = await perf.performance(OWNER, "acc-1", FRIDAY, date(2026, 1, 6), "spy")

    # Assert: the benchmark over the same spans: Fri -> Mon 52 / 51 - 1 = 1/51 (Saturday's
    # close is inside the span), Mon -> Tue 49.4 / 52 - 1 = -5 %. With two points beta is the
    # slope through them: (0.1 - -0.1) / (1/51 + 0.05) = 2.8732394
    assert report.benchmark is not None
    stats = report.benchmark.stats
    assert stats.points == 2
    assert stats.beta == pytest.approx(0.2 / (1 / 51 + 0.05))
    assert stats.benchmark_total_return == pytest.approx(49.4 / 51 - 1)


async def test_an_unknown_benchmark_and_a_provider_outage_are_told_apart() -> None:
    perf = await service(["100", "101"], Bars({}))
    with pytest.raises(UnknownBenchmark) as unknown:
        await perf.performance(OWNER, "acc-1", FRIDAY, FRIDAY, "QQQ")
    with pytest.raises(UnknownBenchmark):  # known symbol, no bars at all
        await perf.performance(OWNER, "acc-1", FRIDAY, FRIDAY, "SPY")
    down = await service(["100", "101"], Bars({}, down=True))
    with pytest.raises(BenchmarkUnavailable):
        await down.performance(OWNER, "acc-1", FRIDAY, FRIDAY, "SPY")
    assert unknown.value.field == "benchmark"


async def test_a_total_loss_has_a_curve_but_no_return_statistics() -> None:
    # Arrange: the account goes to zero on Monday
    perf = await service(["100", "0", "0"], Bars({}))

    # Act
    report = await perf.performance(OWNER, "acc-1", FRIDAY, date(2026, 1, 6))

    # Assert
    assert [p.daily_return for p in report.curve] == [None, -1.0, 0.0]
    assert report.returns is None


async def test_stored_returns_are_the_last_ones_oldest_first() -> None:
    # Arrange
    perf = await service(["100", "110", "99", "99"], Bars({}))
    history = perf.history

    # Act
    returns = await stored_returns(history, "acc-1", date(2026, 1, 8), periods=2)

    # Assert
    assert returns == pytest.approx([-0.1, 0.0])
