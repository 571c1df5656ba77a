"""Backfill: the store's missing ranges copied from a provider, resumable and idempotent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from adapters.memory.bar_store import InMemoryBarStore
from application.market_data.bar_backfill import BarBackfill
from application.market_data.bar_history import BarHistory, InvalidBarRequest
from domain.market_data.bars import Bar, Timeframe
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.kit.market_data import BarAsk, ServesBars

DAY = timedelta(days=1)
MONDAY = datetime(2024, 1, 1, tzinfo=UTC)


def daily(symbol: str, day: int) -> Bar:
    price = Decimal(100 + day)
    return Bar(symbol, Timeframe.D1, MONDAY + day * DAY, price, price, price, price, Decimal(10))


class FakeHistory(ServesBars):
    """Daily bars of every day (weekends too) for AAPL and MSFT; records what it was asked."""

    name = "fake"

    def __init__(self, failing: str | None = None) -> None:
        self.asked: list[tuple[str, datetime, datetime, int]] = []
        self._failing = failing

    async def serve(self, ask: BarAsk) -> list[Bar]:
        assert ask.start is not None and ask.end is not None
        self.asked.append((ask.symbol, ask.start, ask.end, ask.limit))
        if ask.symbol == self._failing:
            raise ProviderError("fake", "down")
        if ask.symbol not in ("AAPL", "MSFT"):
            raise QuoteUnavailable(ask.symbol)
        first = -(-(ask.start - MONDAY) // DAY)
        days = [d for d in range(first, first + ask.limit) if MONDAY + d * DAY < ask.end]
        return [daily(ask.symbol, d) for d in days]


async def test_a_backfill_writes_every_bar_of_the_range_in_chunks() -> None:
    store, source = InMemoryBarStore(), FakeHistory()
    seen: list[float] = []

    report = await BarBackfill(source, store, chunk=3).run(
        ["AAPL", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 14 * DAY, seen.append
    )

    # Monday to the second Friday: the weekend between comes with the range, the last does not.
    assert report.written == 24 and report.failed == []
    coverage = await store.coverage("AAPL", Timeframe.D1)
    assert coverage is not None and coverage.count == 12
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert {limit for _, _, _, limit in source.asked} == {3}


async def test_a_second_run_asks_for_nothing_and_a_later_one_only_for_the_missing() -> None:
    store = InMemoryBarStore()
    await BarBackfill(FakeHistory(), store).run(["AAPL"], Timeframe.D1, MONDAY, MONDAY + 7 * DAY)
    again, later = FakeHistory(), FakeHistory()

    second = await BarBackfill(again, store).run(["AAPL"], Timeframe.D1, MONDAY, MONDAY + 7 * DAY)
    await BarBackfill(later, store).run(["AAPL"], Timeframe.D1, MONDAY, MONDAY + 10 * DAY)

    assert again.asked == [] and second.written == 0
    assert [(s, e) for _, s, e, _ in later.asked] == [(MONDAY + 7 * DAY, MONDAY + 10 * DAY)]


async def test_a_failing_symbol_is_reported_and_the_others_go_on() -> None:
    store = InMemoryBarStore()

    report = await BarBackfill(FakeHistory(failing="AAPL"), store).run(
        ["AAPL", "NOPE", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 3 * DAY
    )

    assert [(s.symbol, s.failed) for s in report.failed] == [
        ("AAPL", "provider failed: fake: down"),
        ("NOPE", "unknown to the provider"),
    ]
    assert report.symbols[2].written == 3


async def test_history_pages_are_read_for_the_upper_case_symbol() -> None:
    store = InMemoryBarStore()
    await store.write("AAPL", Timeframe.D1, [daily("AAPL", d) for d in range(3)])

    page = await BarHistory(store).page("aapl", Timeframe.D1, MONDAY, MONDAY + 2 * DAY, limit=1)

    assert [b.start for b in page.bars] == [MONDAY]
    assert page.next_cursor is not None


@pytest.mark.parametrize(
    ("symbol", "start", "end", "limit", "field"),
    [
        ("", MONDAY, MONDAY + DAY, 10, "symbol"),
        ("AAPL", MONDAY, MONDAY, 10, "end"),
        ("AAPL", MONDAY.replace(tzinfo=None), MONDAY + DAY, 10, "start"),
        ("AAPL", MONDAY, MONDAY + DAY, 0, "limit"),
        ("AAPL", datetime(1969, 12, 31, tzinfo=UTC), MONDAY, 10, "start"),
        ("AAPL", MONDAY, datetime(3000, 1, 2, tzinfo=UTC), 10, "end"),
    ],
)
async def test_history_requests_that_cannot_be_read_name_their_field(
    symbol: str, start: datetime, end: datetime, limit: int, field: str
) -> None:
    with pytest.raises(InvalidBarRequest) as raised:
        await BarHistory(InMemoryBarStore()).page(symbol, Timeframe.D1, start, end, limit=limit)

    assert raised.value.field == field


class FlushCountingStore(InMemoryBarStore):
    """The memory store, recording the symbols of each many-symbol write."""

    def __init__(self) -> None:
        super().__init__()
        self.flushes: list[list[str]] = []

    async def write_many(self, timeframe: Timeframe, batches: Mapping[str, Sequence[Bar]]) -> int:
        self.flushes.append(sorted(batches))
        return await super().write_many(timeframe, batches)


async def test_symbols_are_buffered_and_written_together_a_flush_at_a_time() -> None:
    store = FlushCountingStore()

    report = await BarBackfill(FakeHistory(), store, chunk=3, flush_bars=20).run(
        ["AAPL", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 14 * DAY
    )

    # AAPL's 12 bars and MSFT's first 9 pass 20: one write of both; MSFT's rest at the end.
    assert store.flushes == [["AAPL", "MSFT"], ["MSFT"]]
    assert report.written == 24
    for symbol in ("AAPL", "MSFT"):
        coverage = await store.coverage(symbol, Timeframe.D1)
        assert coverage is not None and coverage.count == 12


async def test_a_run_that_breaks_keeps_the_bars_it_fetched_and_a_rerun_resumes() -> None:
    class Breaking(FakeHistory):
        async def bars(self, symbol: str, timeframe: Timeframe, **kwargs: Any) -> list[Bar]:
            if symbol == "MSFT":
                raise RuntimeError("connection reset")
            return await super().bars(symbol, timeframe, **kwargs)

    store, again = FlushCountingStore(), FakeHistory()
    with pytest.raises(RuntimeError, match="connection reset"):
        await BarBackfill(Breaking(), store).run(
            ["AAPL", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 7 * DAY
        )

    await BarBackfill(again, store).run(["AAPL", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 7 * DAY)

    assert store.flushes[0] == ["AAPL"]  # written although the run broke
    assert {symbol for symbol, *_ in again.asked} == {"MSFT"}
