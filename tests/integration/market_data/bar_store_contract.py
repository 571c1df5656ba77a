"""The BarStore contract (ports/market_data/bar_store.py) as a test suite every bar store runs.

Subclass `BarStoreContract` in a module named test_*.py, in a class named Test*, and give it a
fixture `new_store` returning a callable that builds an empty store (Hypothesis examples each
take a fresh one) and a fixture `close_store` (a callable that releases one, or does nothing).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.market_data.bar_calendar import TimeRange
from domain.market_data.bar_pages import InvalidBarCursor, encode_cursor
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import PLACES, ActionKind, CorporateAction
from ports.market_data.bar_store import BarStore

T = TypeVar("T")
D = Decimal
DAY = timedelta(days=1)
MONDAY = datetime(2024, 1, 1, tzinfo=UTC)  # a Monday
NewStore = Callable[[], BarStore]
PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.differing_executors],
)
# At most 15 significant digits and 8 places: what the float64 columns keep exactly.
prices = st.decimals(min_value=D("0.00000001"), max_value=D("9999999"), places=8)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


def bar(
    day: int,
    close: str | Decimal = "100",
    *,
    symbol: str = "AAPL",
    volume: str = "1000",
    timeframe: Timeframe = Timeframe.D1,
    vwap: str | None = None,
    trades: int | None = None,
) -> Bar:
    """A bar `day` steps of `timeframe` after Monday 2024-01-01, open = low = high = close."""
    price = D(close)
    return Bar(
        symbol=symbol,
        timeframe=timeframe,
        start=MONDAY + day * timeframe.delta,
        open=price,
        high=price,
        low=price,
        close=price,
        volume=D(volume),
        vwap=None if vwap is None else D(vwap),
        trades=trades,
    )


@st.composite
def histories(draw: st.DrawFn) -> dict[int, Bar]:
    """Up to 60 bars on distinct days of the first 400, with prices drawn per bar."""
    days = draw(st.sets(st.integers(0, 400), min_size=1, max_size=60))
    result: dict[int, Bar] = {}
    for day in sorted(days):
        o, c = draw(prices), draw(prices)
        low, high = min(o, c) - draw(st.sampled_from([D(0), D("0.00000001")])), max(o, c)
        result[day] = Bar(
            symbol="AAPL",
            timeframe=Timeframe.D1,
            start=MONDAY + day * DAY,
            open=o,
            high=high,
            low=max(low, D("0.00000001")) if low <= 0 else low,
            close=c,
            volume=draw(st.decimals(min_value=0, max_value=D("999999999999"), places=2)),
        )
    return result


class BarStoreContract:
    """Writes are idempotent, ranges half-open and paged without gap or duplicate, adjusted
    bars are the raw ones times the factors, coverage and gaps read what is stored."""

    @pytest.fixture
    def store(self, new_store: NewStore, close_store: Callable[[BarStore], None]) -> Any:
        made = new_store()
        yield made
        close_store(made)

    async def test_a_written_bar_reads_back_exactly(self, store: BarStore) -> None:
        written = [
            bar(0, "187.12345678", volume="1234567.5", vwap="187.1", trades=42),
            bar(1, "9999999.99999999"),  # 15 digits: the largest exact price
            bar(2, "0.00000001", volume="0"),
        ]

        await store.write("AAPL", Timeframe.D1, written)
        page = await store.read("AAPL", Timeframe.D1, MONDAY, MONDAY + 10 * DAY)

        assert list(page.bars) == written
        assert page.next_cursor is None

    async def test_a_range_is_half_open_and_per_symbol_and_timeframe(self, store: BarStore) -> None:
        await store.write("AAPL", Timeframe.D1, [bar(d, str(100 + d)) for d in range(5)])
        await store.write("MSFT", Timeframe.D1, [bar(2, "400", symbol="MSFT")])
        await store.write("AAPL", Timeframe.H1, [bar(2, "1", timeframe=Timeframe.H1)])

        page = await store.read("AAPL", Timeframe.D1, MONDAY + DAY, MONDAY + 3 * DAY)

        assert [b.close for b in page.bars] == [D(101), D(102)]

    async def test_a_rewritten_bar_replaces_the_stored_one(self, store: BarStore) -> None:
        await store.write("AAPL", Timeframe.D1, [bar(0, "100"), bar(1, "101")])

        await store.write("AAPL", Timeframe.D1, [bar(1, "111"), bar(1, "112")])
        page = await store.read("AAPL", Timeframe.D1, MONDAY, MONDAY + 5 * DAY)

        assert [b.close for b in page.bars] == [D(100), D(112)]

    async def test_a_bar_of_another_symbol_is_refused(self, store: BarStore) -> None:
        with pytest.raises(ValueError, match="MSFT"):
            await store.write("AAPL", Timeframe.D1, [bar(0, symbol="MSFT")])

    async def test_a_cursor_of_another_listing_or_no_cursor_is_refused(
        self, store: BarStore
    ) -> None:
        await store.write("AAPL", Timeframe.D1, [bar(0)])
        other = encode_cursor("MSFT", Timeframe.D1, MONDAY)

        for cursor in (other, "not-a-cursor"):
            with pytest.raises(InvalidBarCursor):
                await store.read("AAPL", Timeframe.D1, MONDAY, MONDAY + DAY, cursor=cursor)

    async def test_coverage_is_the_first_and_last_stored_bar(self, store: BarStore) -> None:
        assert await store.coverage("AAPL", Timeframe.D1) is None
        await store.write("AAPL", Timeframe.D1, [bar(3), bar(0), bar(9)])

        coverage = await store.coverage("AAPL", Timeframe.D1)

        assert coverage is not None
        assert (coverage.first, coverage.last, coverage.count) == (MONDAY, MONDAY + 9 * DAY, 3)

    async def test_gaps_are_the_weekdays_not_stored(self, store: BarStore) -> None:
        # Two weeks stored but the first Wednesday and the second Monday and Tuesday; the
        # weekends are no gap.
        await store.write("AAPL", Timeframe.D1, [bar(d) for d in (0, 1, 3, 4, 9, 10, 11)])

        found = await store.gaps("AAPL", Timeframe.D1, MONDAY, MONDAY + 14 * DAY)

        assert found == [
            TimeRange(MONDAY + 2 * DAY, MONDAY + 3 * DAY),
            TimeRange(MONDAY + 7 * DAY, MONDAY + 9 * DAY),
        ]

    async def test_series_holds_the_columns_of_each_symbol_with_bars(self, store: BarStore) -> None:
        await store.write("AAPL", Timeframe.D1, [bar(d, str(100 + d)) for d in range(3)])
        await store.write("MSFT", Timeframe.D1, [bar(1, "400", symbol="MSFT")])

        found = await store.series(["AAPL", "MSFT", "NONE"], Timeframe.D1, MONDAY, MONDAY + 2 * DAY)

        assert set(found) == {"AAPL", "MSFT"}
        assert found["AAPL"].close.tolist() == [100.0, 101.0]
        assert found["AAPL"].start.tolist() == [MONDAY.timestamp(), (MONDAY + DAY).timestamp()]
        assert found["MSFT"].close.tolist() == [400.0]

    async def test_actions_are_kept_one_per_key_the_last_winning(self, store: BarStore) -> None:
        first = CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 3), D(2))
        again = CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 3), D(4))

        await store.write_actions([first])
        await store.write_actions([again])

        assert await store.actions("AAPL") == [again]
        assert await store.actions("MSFT") == []

    async def test_adjusted_series_scale_before_the_ex_date(self, store: BarStore) -> None:
        await store.write("AAPL", Timeframe.D1, [bar(d, "100") for d in range(4)])
        await store.write_actions(
            [CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 3), D(2))]
        )

        found = await store.series(["AAPL"], Timeframe.D1, MONDAY, MONDAY + 4 * DAY, adjusted=True)

        assert found["AAPL"].close.tolist() == [50.0, 50.0, 100.0, 100.0]
        assert found["AAPL"].volume.tolist() == [2000.0, 2000.0, 1000.0, 1000.0]

    async def test_a_many_symbol_write_stores_each_symbols_bars(self, store: BarStore) -> None:
        await store.write("MSFT", Timeframe.D1, [bar(0, "300", symbol="MSFT")])
        batches = {
            "AAPL": [bar(d, str(100 + d)) for d in range(3)],
            "MSFT": [bar(0, "301", symbol="MSFT"), bar(400, "302", symbol="MSFT")],
        }

        written = await store.write_many(Timeframe.D1, batches)
        aapl = await store.read("AAPL", Timeframe.D1, MONDAY, MONDAY + 500 * DAY)
        msft = await store.read("MSFT", Timeframe.D1, MONDAY, MONDAY + 500 * DAY)

        assert written == 5
        assert list(aapl.bars) == batches["AAPL"]
        assert list(msft.bars) == batches["MSFT"]  # the stored bar of day 0 replaced

    async def test_a_many_symbol_write_with_a_stray_bar_writes_nothing(
        self, store: BarStore
    ) -> None:
        batches = {"AAPL": [bar(0)], "MSFT": [bar(1, symbol="AAPL")]}

        with pytest.raises(ValueError, match="in a write of MSFT"):
            await store.write_many(Timeframe.D1, batches)

        assert await store.coverage("AAPL", Timeframe.D1) is None

    async def test_a_many_symbol_series_write_reads_back_as_columns(self, store: BarStore) -> None:
        await store.write_many(
            Timeframe.D1, {"AAPL": [bar(0, "1"), bar(1, "2")], "MSFT": [bar(1, "5", symbol="MSFT")]}
        )
        series = await store.series(["AAPL", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 9 * DAY)

        await store.write_many_series(Timeframe.D1, {"IBM": series["AAPL"], "MSFT": series["AAPL"]})
        found = await store.series(["IBM", "MSFT"], Timeframe.D1, MONDAY, MONDAY + 9 * DAY)

        assert found["IBM"].close.tolist() == [1.0, 2.0]
        assert found["MSFT"].close.tolist() == [1.0, 2.0]

    @PROPERTY
    @given(
        history=histories(),
        symbols=st.lists(st.sampled_from(["AAPL", "B", "C/USD", "Z"]), min_size=1, max_size=4),
        data=st.data(),
    )
    def test_a_many_symbol_write_is_the_per_symbol_writes(
        self, new_store: NewStore, close_store: Any, history: dict[int, Bar], symbols: list[str],
        data: st.DataObject,
    ) -> None:  # fmt: skip
        """Bars spread over symbols and flushes read back as the last write of each start."""
        own = {s: [replace(b, symbol=s) for b in history.values()] for s in dict.fromkeys(symbols)}
        flushes = data.draw(st.integers(1, 3))

        async def scenario() -> dict[str, list[Bar]]:
            store = new_store()
            try:
                for n in range(flushes):  # a share of every symbol's stale bars, then all anew
                    stale = {s: [replace(b, volume=b.volume + 1) for b in bars[n::flushes]]
                             for s, bars in own.items()}  # fmt: skip
                    await store.write_many(Timeframe.D1, stale)
                await store.write_many(Timeframe.D1, own)
                end = MONDAY + 500 * DAY
                pages = {s: await store.read(s, Timeframe.D1, MONDAY, end, limit=1000) for s in own}
                return {s: list(page.bars) for s, page in pages.items()}
            finally:
                close_store(store)

        assert run(scenario()) == own

    @PROPERTY
    @given(history=histories(), split=st.integers(1, 3), data=st.data())
    def test_writes_are_idempotent_whatever_the_batches(
        self, new_store: NewStore, close_store: Any, history: dict[int, Bar], split: int,
        data: st.DataObject,
    ) -> None:  # fmt: skip
        bars = list(history.values())
        order = data.draw(st.permutations(bars))

        async def scenario() -> list[Bar]:
            store = new_store()
            try:
                for _ in range(2):  # everything twice, in batches of a drawn size
                    for i in range(0, len(order), split):
                        await store.write("AAPL", Timeframe.D1, order[i : i + split])
                page = await store.read("AAPL", Timeframe.D1, MONDAY, MONDAY + 500 * DAY,
                                        limit=1000)  # fmt: skip
                return list(page.bars)
            finally:
                close_store(store)

        assert run(scenario()) == bars

    @PROPERTY
    @given(history=histories(), limit=st.integers(1, 7), lo=st.integers(0, 200),
           span=st.integers(1, 300))  # fmt: skip
    def test_pages_concatenate_to_the_whole_range(
        self, new_store: NewStore, close_store: Any, history: dict[int, Bar], limit: int,
        lo: int, span: int,
    ) -> None:  # fmt: skip
        start, end = MONDAY + lo * DAY, MONDAY + (lo + span) * DAY

        async def scenario() -> list[Bar]:
            store = new_store()
            try:
                await store.write("AAPL", Timeframe.D1, list(history.values()))
                pages: list[Bar] = []
                cursor: str | None = None
                for _ in range(400):
                    page = await store.read("AAPL", Timeframe.D1, start, end, limit=limit,
                                            cursor=cursor)  # fmt: skip
                    assert len(page.bars) <= limit
                    pages.extend(page.bars)
                    cursor = page.next_cursor
                    if cursor is None:
                        return pages
                raise AssertionError("the pages never ended")
            finally:
                close_store(store)

        expected = [b for d, b in sorted(history.items()) if lo <= d < lo + span]
        assert run(scenario()) == expected

    @PROPERTY
    @given(
        history=histories(),
        splits=st.lists(
            st.tuples(st.integers(0, 400), st.sampled_from([D(2), D(3), D("0.5"), D(10)])),
            max_size=3,
        ),
        dividends=st.lists(
            st.tuples(st.integers(0, 400), st.decimals(D("0.01"), D("5"), places=2)),
            max_size=3,
        ),
    )
    def test_adjusted_bars_are_the_raw_bars_times_the_factors(
        self, new_store: NewStore, close_store: Any, history: dict[int, Bar],
        splits: list[tuple[int, Decimal]], dividends: list[tuple[int, Decimal]],
    ) -> None:  # fmt: skip
        actions = {
            a.key: a
            for a in [
                *(CorporateAction("AAPL", ActionKind.SPLIT, (MONDAY + d * DAY).date(), r)
                  for d, r in splits),
                *(CorporateAction("AAPL", ActionKind.DIVIDEND, (MONDAY + d * DAY).date(), a,
                                  reference_close=D(100)) for d, a in dividends),
            ]
        }.values()  # fmt: skip

        async def scenario() -> tuple[list[Bar], list[Bar]]:
            store = new_store()
            try:
                await store.write("AAPL", Timeframe.D1, list(history.values()))
                await store.write_actions(list(actions))
                end = MONDAY + 500 * DAY
                raw = await store.read("AAPL", Timeframe.D1, MONDAY, end, limit=1000)
                adjusted = await store.read(
                    "AAPL", Timeframe.D1, MONDAY, end, limit=1000, adjusted=True
                )
                return list(raw.bars), list(adjusted.bars)
            finally:
                close_store(store)

        raw, adjusted = run(scenario())
        assert len(raw) == len(adjusted)
        for r, a in zip(raw, adjusted, strict=True):
            price, volume = D(1), D(1)
            for action in actions:
                if action.ex_date > r.start.date():
                    price *= action.price_factor
                    volume *= action.volume_factor
            assert a.start == r.start
            assert a.close == (r.close * price).quantize(PLACES)
            assert a.low == (r.low * price).quantize(PLACES)
            assert a.volume == (r.volume * volume).quantize(PLACES)
