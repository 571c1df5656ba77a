"""The replay provider: CSV and Parquet alike, the clock as position, aggregation, bad files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.market_data.replay import ReplayDataError, ReplayMarketData, aggregate_bars
from adapters.market_data.replay_files import load_replay
from adapters.memory.clock import FakeClock
from domain.market_data.bars import Bar, Timeframe
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.kit.market_data import REPLAY_FIXTURES as FIXTURES
from tests.kit.market_data import replay_provider

D = Decimal
OPEN = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)  # the fixture session: 14:30-21:00 UTC
AFTER = datetime(2026, 1, 7, tzinfo=UTC)


def replay(at: datetime, folder: str = "csv", speed: float | None = None) -> ReplayMarketData:
    return replay_provider(folder, FakeClock(at), speed=speed)


# -- CSV and Parquet -----------------------------------------------------------------
def test_csv_and_parquet_hold_the_same_rows() -> None:
    # Act
    from_csv = load_replay(FIXTURES / "csv")
    from_parquet = load_replay(FIXTURES / "parquet")

    # Assert: 2 × 390 minute bars, 3 × 21 daily bars, 2 × 260 quotes, equal row by row
    assert (len(from_csv.bars), len(from_csv.quotes)) == (780 + 63, 520)
    assert from_csv == from_parquet


@pytest.mark.parametrize("timeframe", list(Timeframe), ids=str)
async def test_csv_and_parquet_replay_identically(timeframe: Timeframe) -> None:
    # Arrange: both mid-session
    moment = OPEN + timedelta(hours=3, seconds=45)
    csv, parquet = replay(moment, "csv"), replay(moment, "parquet")

    # Act / Assert
    assert await csv.bars("AAPL", timeframe) == await parquet.bars("AAPL", timeframe)
    assert await csv.quote("MSFT") == await parquet.quote("MSFT")
    assert await csv.order_book("AAPL", 3) == await parquet.order_book("AAPL", 3)


# -- the clock is the position -------------------------------------------------------
async def test_quote_is_the_last_one_at_or_before_now() -> None:
    # Arrange: quotes come at hh:mm:30 every 90 s from 14:30:30
    clock = FakeClock(OPEN)
    provider = ReplayMarketData.from_path(FIXTURES / "csv", clock)

    # Act / Assert
    with pytest.raises(QuoteUnavailable):
        await provider.quote("AAPL")  # before the first quote
    clock.set(OPEN + timedelta(seconds=30))
    assert (await provider.quote("AAPL")).at == OPEN + timedelta(seconds=30)
    clock.set(OPEN + timedelta(seconds=119))
    assert (await provider.quote("AAPL")).at == OPEN + timedelta(seconds=30)
    clock.set(OPEN + timedelta(seconds=120))
    assert (await provider.quote("AAPL")).at == OPEN + timedelta(seconds=120)
    clock.set(AFTER)
    assert (await provider.quote("AAPL")).at == OPEN + timedelta(minutes=389)


async def test_bars_show_only_what_has_ended_by_now() -> None:
    # Arrange
    provider = replay(OPEN + timedelta(minutes=7, seconds=30))

    # Act
    minutes = await provider.bars("AAPL", Timeframe.M1)
    fives = await provider.bars("AAPL", Timeframe.M5)
    hours = await provider.bars("AAPL", Timeframe.H1)

    # Assert: 14:30..14:36 have ended; the 14:30 five-minute bar has; no hour bar has
    assert [b.start.minute for b in minutes] == list(range(30, 37))
    assert [b.start.minute for b in fives] == [30]
    assert hours == []


async def test_a_bars_only_symbol_quotes_its_latest_close_and_has_no_book() -> None:
    # Arrange
    provider = replay(AFTER)

    # Act
    quote = await provider.quote("SPY")
    daily = await provider.bars("SPY", Timeframe.D1, limit=1)

    # Assert
    assert (quote.bid, quote.ask, quote.last) == (D(0), D(0), daily[0].close)
    assert quote.mid == daily[0].close
    assert await provider.reference_prices(["SPY", "NOPE"]) == {"SPY": daily[0].close}
    with pytest.raises(ProviderError) as raised:
        await provider.order_book("SPY")
    assert raised.value.retryable is False


async def test_the_book_is_one_level_from_the_quote() -> None:
    # Arrange
    provider = replay(AFTER)
    quote = await provider.quote("AAPL")

    # Act
    book = await provider.order_book("AAPL", 10)

    # Assert
    assert [(lv.price, lv.size) for lv in book.bids] == [(quote.bid, quote.bid_size)]
    assert [(lv.price, lv.size) for lv in book.asks] == [(quote.ask, quote.ask_size)]
    assert (await provider.order_book("AAPL", 0)).bids == ()


async def test_option_chains_are_not_offered() -> None:
    # Act / Assert
    with pytest.raises(ProviderError) as raised:
        await replay(AFTER).option_chain("AAPL")
    assert raised.value.retryable is False and raised.value.provider == "replay"


# -- aggregation ---------------------------------------------------------------------
async def test_larger_timeframes_are_rolled_up_from_minutes() -> None:
    # Arrange
    provider = replay(AFTER)
    minutes = await provider.bars("AAPL", Timeframe.M1)

    # Act
    hours = await provider.bars("AAPL", Timeframe.H1)
    fours = await provider.bars("AAPL", Timeframe.H4)
    days = await provider.bars("AAPL", Timeframe.D1, limit=100)

    # Assert: 14:30-21:00 touches the hours 14..20 and the 4h buckets 12:00, 16:00, 20:00
    assert [b.start.hour for b in hours] == list(range(14, 21))
    assert [b.start.hour for b in fours] == [12, 16, 20]
    fourteen = [b for b in minutes if b.start.hour == 14]
    assert hours[0].open == fourteen[0].open and hours[0].close == fourteen[-1].close
    assert hours[0].high == max(b.high for b in fourteen)
    assert hours[0].volume == sum(b.volume for b in fourteen)
    # The daily file is used as it is (21 weekdays), not rebuilt from one session of minutes
    assert len(days) == 21 and days[-1].volume == sum(b.volume for b in minutes)


_minute_bar = st.tuples(
    st.integers(1, 50_000),  # open, in cents
    st.integers(-300, 300),  # close - open
    st.integers(0, 200),  # upper wick
    st.integers(0, 200),  # lower wick
    st.integers(0, 10_000),  # volume
    st.booleans(),  # gap before this bar
)


def _minute_bars(rows: list[tuple[int, int, int, int, int, bool]]) -> list[Bar]:
    bars, at = [], datetime(2026, 1, 5, 22, 57, tzinfo=UTC)
    for open_c, move, up, down, volume, gap in rows:
        at += timedelta(minutes=7 if gap else 1)
        close_c = max(1, open_c + move)
        low = D(max(1, min(open_c, close_c) - down)) / 100
        high = D(max(open_c, close_c) + up) / 100
        vwap = (low + high) / 2
        bars.append(
            Bar("X", Timeframe.M1, at, D(open_c) / 100, high, low, D(close_c) / 100, D(volume),
                vwap, volume // 10)
        )  # fmt: skip
    return bars


@given(st.lists(_minute_bar, min_size=1, max_size=120), st.sampled_from(list(Timeframe)[1:]))
def test_aggregation_matches_a_brute_force_roll_up(
    rows: list[tuple[int, int, int, int, int, bool]], timeframe: Timeframe
) -> None:
    # Arrange
    bars = _minute_bars(rows)

    # Act
    rolled = aggregate_bars(bars, timeframe)

    # Assert: one bar per touched bucket, each the roll-up of exactly its minutes
    assert [b.start for b in rolled] == sorted({timeframe.floor(b.start) for b in bars})
    for bar in rolled:
        parts = [b for b in bars if timeframe.floor(b.start) == bar.start]
        assert (bar.open, bar.close) == (parts[0].open, parts[-1].close)
        assert (bar.high, bar.low) == (max(p.high for p in parts), min(p.low for p in parts))
        assert bar.volume == sum(p.volume for p in parts)
        assert bar.trades == sum(p.trades or 0 for p in parts)
        if bar.vwap is not None:
            assert bar.low <= bar.vwap <= bar.high
        else:
            assert bar.volume == 0


@given(st.lists(_minute_bar, min_size=1, max_size=120))
def test_aggregating_in_two_steps_equals_one_step(
    rows: list[tuple[int, int, int, int, int, bool]],
) -> None:
    # Arrange
    bars = _minute_bars(rows)

    # Act
    direct = aggregate_bars(bars, Timeframe.H1)
    stepped = aggregate_bars(aggregate_bars(bars, Timeframe.M15), Timeframe.H1)

    # Assert: equal but for the vwap's last digits (a Decimal division in each step)
    def strip(bar: Bar) -> tuple[object, ...]:
        return (bar.start, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.trades)

    assert [strip(b) for b in direct] == [strip(b) for b in stepped]
    for one, two in zip(direct, stepped, strict=True):
        assert (one.vwap is None) == (two.vwap is None)
        if one.vwap is not None and two.vwap is not None:
            assert abs(one.vwap - two.vwap) < D("1e-20")


def test_bars_that_do_not_divide_the_timeframe_are_refused() -> None:
    # Arrange
    bar = _minute_bars([(100, 1, 1, 1, 10, False)])[0]
    hourly = Bar("X", Timeframe.H1, bar.start.replace(minute=0), bar.open, bar.high, bar.low,
                 bar.close, bar.volume)  # fmt: skip

    # Act / Assert
    with pytest.raises(ValueError, match="do not divide"):
        aggregate_bars([hourly], Timeframe.M5)


# -- stream --------------------------------------------------------------------------
async def test_the_stream_replays_the_asked_quotes_in_order_and_ends() -> None:
    # Arrange
    provider = replay(OPEN)

    # Act
    quotes = [q async for q in provider.stream_quotes(["MSFT", "NOPE"])]

    # Assert
    assert len(quotes) == 260 and {q.symbol for q in quotes} == {"MSFT"}
    assert [q.at for q in quotes] == sorted(q.at for q in quotes)


async def test_a_paced_stream_waits_on_the_clock() -> None:
    # Arrange: 60× speed, a fake clock that advances when slept on
    clock = FakeClock(OPEN)
    provider = ReplayMarketData.from_path(FIXTURES / "parquet", clock, speed=60)

    # Act
    quotes = [q async for q in provider.stream_quotes(["AAPL", "MSFT"])]

    # Assert: quotes from 14:30:30 to 20:59:30, 388.5 recorded minutes, take 388.5 s
    assert len(quotes) == 520
    assert clock.now() - OPEN == timedelta(seconds=388.5)


def test_a_speed_must_be_positive() -> None:
    with pytest.raises(ValueError, match="speed"):
        ReplayMarketData(FakeClock(), speed=0)


# -- bad files -----------------------------------------------------------------------
BAR_HEADER = "symbol,timeframe,start,open,high,low,close,volume\n"
GOOD_BAR = "AAPL,1m,2026-01-05T14:30:00Z,190,191,189,190.5,100\n"
QUOTE_HEADER = "symbol,at,bid,ask,last\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (BAR_HEADER + GOOD_BAR + "AAPL,1m,2026-01-05T14:31:00Z,190,abc,189,190,1\n",
         r"row 2: high 'abc' is not a number"),
        (BAR_HEADER + "AAPL,2m,2026-01-05T14:30:00Z,190,191,189,190,1\n",
         r"row 1: timeframe '2m' is not one of 1m, 5m"),
        (BAR_HEADER + "AAPL,5m,2026-01-05T14:31:00Z,190,191,189,190,1\n",
         r"row 1: start 2026-01-05T14:31:00\+00:00 is not on a 5m boundary"),
        (BAR_HEADER + "AAPL,1m,2026-01-05T14:30:00Z,190,189,191,190,1\n",
         r"row 1: low 191 is above high 189"),
        (BAR_HEADER + "AAPL,1m,2026-01-05T14:30:00Z,190,191,189,192,1\n",
         r"row 1: .*low/high do not bound open/close"),
        (BAR_HEADER + "AAPL,1m,2026-01-05T14:30:00Z,190,191,189,190,-5\n",
         r"row 1: volume -5 is negative"),
        (BAR_HEADER + "AAPL,1m,yesterday,190,191,189,190,1\n",
         r"row 1: start 'yesterday' is not an ISO 8601 time"),
        (BAR_HEADER + ",1m,2026-01-05T14:30:00Z,190,191,189,190,1\n", r"row 1: symbol is empty"),
        (BAR_HEADER + GOOD_BAR + GOOD_BAR, r"row 2: a second 1m bar of AAPL .*first is \S+ row 1"),
        ("symbol,timeframe,start,open\nAAPL,1m,2026-01-05T14:30:00Z,190\n",
         r"bars miss the columns high, low, close, volume"),
        (QUOTE_HEADER + "AAPL,2026-01-05T14:30:00Z,191,190,190.5\n",
         r"row 1: crossed quote: bid 191 above ask 190"),
        (QUOTE_HEADER + "AAPL,2026-01-05T14:30:00Z,0,0,0\n", r"row 1: a quote needs a bid"),
        (QUOTE_HEADER + "AAPL,2026-01-05T14:30:00Z,190,nan,190\n",
         r"row 1: ask 'nan' is not a finite number"),
        ("symbol,price\nAAPL,1\n", r"neither bars .* nor quotes"),
    ],
)  # fmt: skip
def test_a_bad_row_or_file_is_refused_naming_file_and_row(
    tmp_path: Path, text: str, problem: str
) -> None:
    # Arrange
    path = tmp_path / "data.csv"
    path.write_text(text)

    # Act / Assert
    with pytest.raises(ReplayDataError, match=problem) as raised:
        ReplayMarketData.from_path(path, FakeClock())
    assert str(path) in str(raised.value)


def test_missing_empty_or_unreadable_paths_are_refused(tmp_path: Path) -> None:
    # Arrange
    garbage = tmp_path / "bad.parquet"
    garbage.write_bytes(b"not a parquet file")
    empty = tmp_path / "empty"
    empty.mkdir()
    header_only = tmp_path / "header.csv"
    header_only.write_text(QUOTE_HEADER)

    # Act / Assert
    with pytest.raises(ReplayDataError, match="no such file"):
        ReplayMarketData.from_path(tmp_path / "nowhere", FakeClock())
    with pytest.raises(ReplayDataError, match=r"no \.csv or \.parquet files"):
        ReplayMarketData.from_path(empty, FakeClock())
    with pytest.raises(ReplayDataError, match=r"bad\.parquet: cannot be read"):
        ReplayMarketData.from_path(garbage, FakeClock())
    with pytest.raises(ReplayDataError, match="no rows"):
        ReplayMarketData.from_path(header_only, FakeClock())


async def test_naive_times_are_utc_and_epoch_seconds_are_read(tmp_path: Path) -> None:
    # Arrange: the same moment three ways, optional columns left empty
    path = tmp_path / "quotes.csv"
    path.write_text(
        "symbol,at,bid,ask,last,bid_size,ask_size\n"
        "A,2026-01-05T14:30:00,1.00,1.02,1.01,,\n"
        "B,1767623400,2.00,2.02,2.01,5,\n"
        "C,2026-01-05T09:30:00-05:00,3.00,3.02,3.01,,7\n"
    )

    # Act
    provider = ReplayMarketData.from_path(path, FakeClock(OPEN))
    quotes = [await provider.quote(symbol) for symbol in "ABC"]

    # Assert
    assert {q.at for q in quotes} == {OPEN}
    assert [(q.bid_size, q.ask_size) for q in quotes] == [(0, 0), (5, 0), (0, 7)]


def test_the_replay_files_are_read_once_until_they_change(tmp_path: Path) -> None:
    # Arrange: a replay folder of one bar
    bars = tmp_path / "ACME.csv"
    bars.write_text(
        "symbol,timeframe,start,open,high,low,close,volume\nACME,1d,2020-01-02,1,2,1,2,9\n"
    )

    # Act: read twice; then the same file, one bar more, and one of the same size
    first, again = load_replay(tmp_path), load_replay(tmp_path)
    bars.write_text(bars.read_text() + "ACME,1d,2020-01-03,2,3,2,3,9\n")
    longer = load_replay(tmp_path)
    bars.write_text(bars.read_text().replace("2,3,2,3,9", "2,4,2,4,9"))
    same_size = load_replay(tmp_path)

    # Assert: the same read for the same bytes; changed bytes are read again, whatever their size
    assert again is first
    assert [bar.close for bar in first.bars] == [2]
    assert [bar.close for bar in longer.bars] == [2, 3]
    assert [bar.close for bar in same_size.bars] == [2, 4]


def test_a_replay_read_that_fails_is_not_kept(tmp_path: Path) -> None:
    # Arrange: a folder with no replay files yet
    folder = tmp_path / "none"

    # Act / Assert: it fails each time until the files are there, then reads them
    with pytest.raises(ReplayDataError, match="no such file"):
        load_replay(folder)
    folder.mkdir()
    (folder / "ACME.csv").write_text("symbol,timeframe,start,open,high,low,close,volume\nbad\n")
    with pytest.raises(ReplayDataError):
        load_replay(folder)
    (folder / "ACME.csv").write_text("symbol,timeframe,start,open,high,low,close,volume\n")
    assert load_replay(folder).bars == ()
