"""Bar gaps by the exchange's sessions: a holiday and the hours after an early close are no gaps.

The sessions are Thanksgiving week 2026 in New York (tests/kit/calendars.py): Thursday the
26th a holiday, Friday the 27th closing at 13:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from adapters.memory.bar_store import InMemoryBarStore
from application.market_data.bar_backfill import BarBackfill
from application.market_data.bar_gaps import SessionGaps
from domain.market_data.bar_calendar import TimeRange, session_starts, utc
from domain.market_data.bars import Bar, Timeframe
from tests.kit.calendars import WeekSource, new_york, thanksgiving_week
from tests.kit.market_data import BarAsk, ServesBars

DAY = timedelta(days=1)
TUESDAY, SATURDAY = datetime(2026, 11, 24, tzinfo=UTC), datetime(2026, 11, 28, tzinfo=UTC)


def bar(timeframe: Timeframe, start: datetime) -> Bar:
    price = Decimal(100)
    return Bar("AAPL", timeframe, start, price, price, price, price, Decimal(10))


def day(n: int) -> datetime:
    return datetime(2026, 11, n, tzinfo=UTC)


async def stored(timeframe: Timeframe, starts: list[datetime]) -> InMemoryBarStore:
    store = InMemoryBarStore()
    await store.write("AAPL", timeframe, [bar(timeframe, s) for s in starts])
    return store


class TradingDays(ServesBars):
    """A provider's daily history: a bar on each day the exchange traded; records the asks."""

    name = "days"

    def __init__(self) -> None:
        self.asked: list[tuple[datetime, datetime]] = []

    async def serve(self, ask: BarAsk) -> list[Bar]:
        assert ask.start is not None and ask.end is not None
        self.asked.append((ask.start, ask.end))
        days = [day(n) for n in (23, 24, 25, 27, 30)]
        return [bar(ask.timeframe, d) for d in days if ask.start <= d < ask.end][: ask.limit]


def test_the_sessions_expect_no_bar_on_the_holiday_and_none_after_the_early_close() -> None:
    # Arrange
    sessions = thanksgiving_week().sessions

    # Act
    daily = session_starts(Timeframe.D1, TUESDAY, SATURDAY, sessions)
    friday = session_starts(Timeframe.M30, day(27), day(28), sessions)

    # Assert
    assert [utc(int(s)).day for s in daily] == [24, 25, 27]
    assert utc(int(friday[0])) == new_york(27, 9, 30)
    assert utc(int(friday[-1])) == new_york(27, 12, 30)
    assert len(friday) == 7


async def test_a_holiday_is_a_gap_by_weekdays_and_none_by_the_sessions() -> None:
    # Arrange: every trading day stored; Thanksgiving has no bar.
    store = await stored(Timeframe.D1, [day(24), day(25), day(27)])

    # Act
    by_weekdays = await SessionGaps(store, None).gaps("AAPL", Timeframe.D1, TUESDAY, SATURDAY)
    by_sessions = await SessionGaps(store, WeekSource()).gaps(
        "AAPL", Timeframe.D1, TUESDAY, SATURDAY
    )

    # Assert
    assert by_weekdays == [TimeRange(day(26), day(27))]
    assert by_sessions == []


async def test_the_afternoon_after_an_early_close_is_no_gap() -> None:
    # Arrange: Friday's half-hour bars 09:30-12:30 New York, the whole early-closed session.
    starts = [new_york(27, 9, 30) + timedelta(minutes=30 * n) for n in range(7)]
    store = await stored(Timeframe.M30, starts)

    # Act
    by_weekdays = await SessionGaps(store, None).gaps("AAPL", Timeframe.M30, day(27), day(28))
    by_sessions = await SessionGaps(store, WeekSource()).gaps(
        "AAPL", Timeframe.M30, day(27), day(28)
    )

    # Assert
    assert by_weekdays == [TimeRange(new_york(27, 13), new_york(27, 16))]
    assert by_sessions == []


async def test_missing_trading_days_around_the_holiday_are_one_gap() -> None:
    # Arrange: only Tuesday stored.
    store = await stored(Timeframe.D1, [day(24)])

    # Act
    found = await SessionGaps(store, WeekSource()).gaps("AAPL", Timeframe.D1, TUESDAY, SATURDAY)

    # Assert: Wednesday and Friday missing, Thursday no session: one run.
    assert found == [TimeRange(day(25), day(28))]


async def test_a_range_beyond_the_sessions_kept_keeps_the_weekday_gaps() -> None:
    # Arrange
    store = InMemoryBarStore()
    december = datetime(2026, 12, 7, tzinfo=UTC)

    # Act
    found = await SessionGaps(store, WeekSource()).gaps(
        "AAPL", Timeframe.D1, december, december + 5 * DAY
    )

    # Assert
    assert found == [TimeRange(december, december + 5 * DAY)]


async def test_a_backfill_by_the_sessions_never_asks_for_the_holiday_again() -> None:
    # Arrange: the first run stores the week's four trading days.
    store = InMemoryBarStore()
    await BarBackfill(TradingDays(), store, sessions=WeekSource()).run(
        ["AAPL"], Timeframe.D1, TUESDAY, SATURDAY
    )
    again, without_sessions = TradingDays(), TradingDays()

    # Act
    second = await BarBackfill(again, store, sessions=WeekSource()).run(
        ["AAPL"], Timeframe.D1, TUESDAY, SATURDAY
    )
    await BarBackfill(without_sessions, store).run(["AAPL"], Timeframe.D1, TUESDAY, SATURDAY)

    # Assert
    assert again.asked == [] and second.written == 0
    assert without_sessions.asked == [(day(26), day(27))]
