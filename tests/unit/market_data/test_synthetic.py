"""The synthetic provider: determinism, GBM ticks on the board, bars, books, chains, streams."""

from __future__ import annotations

import asyncio
import math
import statistics
from datetime import timedelta
from decimal import Decimal
from itertools import pairwise

import pytest

from adapters.market_data.synthetic import MAX_HISTORY_BARS, SymbolDynamics, SyntheticMarketData
from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from domain.market_data.bars import Timeframe
from ports.market_data.marketdata import Quote, QuoteUnavailable
from tests.unit.market_data.boards import CountingBoard

D = Decimal
DAY = 86_400.0


@pytest.fixture
def synthetic(board: CountingBoard, clock: FakeClock) -> SyntheticMarketData:
    provider = SyntheticMarketData(board, clock, seed=7)
    board.set_price("AAPL", D("190.00"), spread_bps=D(4), bid_size=D(300), ask_size=D(500))
    board.set_price("MSFT", D("410.00"), spread_bps=D(4))
    return provider


def on_cents(value: Decimal) -> bool:
    return value == value.quantize(D("0.01"))


# -- determinism -------------------------------------------------------------------
async def test_the_same_seed_board_and_clock_give_the_same_data(clock: FakeClock) -> None:
    # Arrange: two independent boards and providers with one seed
    twins = []
    for _ in range(2):
        board = InMemoryMarketData(clock)
        provider = SyntheticMarketData(board, clock, seed=42)
        board.set_price("AAPL", D("190.00"), spread_bps=D(4))
        twins.append(provider)

    # Act
    answers = [
        (
            await p.bars("AAPL", Timeframe.M5, limit=50),
            await p.order_book("AAPL", 10),
            await p.option_chain("AAPL"),
            p.tick(),
        )
        for p in twins
    ]

    # Assert
    assert answers[0] == answers[1]


async def test_another_seed_gives_another_path(board: CountingBoard, clock: FakeClock) -> None:
    # Arrange
    first = SyntheticMarketData(board, clock, seed=1)
    second = SyntheticMarketData(board, clock, seed=2)
    board.set_price("AAPL", D("190.00"))

    # Act
    bars_1 = await first.bars("AAPL", Timeframe.H1, limit=20)
    bars_2 = await second.bars("AAPL", Timeframe.H1, limit=20)

    # Assert: both end at the board price, but the paths behind differ
    assert bars_1[-1].close == bars_2[-1].close == D("190.00")
    assert [b.open for b in bars_1] != [b.open for b in bars_2]


# -- bars ----------------------------------------------------------------------------
async def test_bars_end_at_the_board_price_now(synthetic: SyntheticMarketData) -> None:
    # Act
    bars = await synthetic.bars("AAPL", Timeframe.M1, limit=100)

    # Assert: 100 one-minute bars, the last holding 14:30 (the clock) and closing at 190.00
    assert len(bars) == 100
    assert bars[-1].start.isoformat() == "2026-01-05T14:30:00+00:00"
    assert bars[-1].close == D("190.00")
    assert all(later.open == earlier.close for earlier, later in pairwise(bars))
    assert all(on_cents(p) for b in bars for p in (b.open, b.high, b.low, b.close))
    assert all(b.low <= b.vwap <= b.high for b in bars if b.vwap is not None)


async def test_a_later_clock_appends_bars_and_keeps_their_relative_moves(
    synthetic: SyntheticMarketData, clock: FakeClock
) -> None:
    # Arrange
    before = await synthetic.bars("AAPL", Timeframe.M1, limit=30)

    # Act: three minutes later, at the same board price
    clock.advance(timedelta(minutes=3))
    after = await synthetic.bars("AAPL", Timeframe.M1, limit=30)

    # Assert: three new bars; the shared bars keep their moves (to the cent) and volumes
    assert after[-1].start - before[-1].start == timedelta(minutes=3)
    shared = {b.start: b for b in after}
    common = [(b, shared[b.start]) for b in before if b.start in shared]
    assert len(common) == 27
    for old, new in common:
        assert new.volume == old.volume
        assert math.isclose(float(new.close / new.open), float(old.close / old.open), abs_tol=2e-4)
    assert after[-1].close == D("190.00")


async def test_the_path_scales_with_the_board_price(
    synthetic: SyntheticMarketData, board: CountingBoard
) -> None:
    # Arrange
    before = await synthetic.bars("AAPL", Timeframe.H4, limit=20)

    # Act
    board.set_price("AAPL", D("380.00"))
    after = await synthetic.bars("AAPL", Timeframe.H4, limit=20)

    # Assert: the same path, twice as high (to a cent of rounding)
    for old, new in zip(before, after, strict=True):
        assert abs(new.close - 2 * old.close) <= D("0.02")


async def test_windows_far_back_or_in_the_future_are_empty(
    synthetic: SyntheticMarketData, clock: FakeClock
) -> None:
    # Arrange
    now = clock.now()
    too_old = now - timedelta(minutes=MAX_HISTORY_BARS + 10)

    # Act
    future = await synthetic.bars("AAPL", Timeframe.M1, start=now + timedelta(minutes=1))
    ancient = await synthetic.bars("AAPL", Timeframe.M1, end=too_old)
    nothing = await synthetic.bars("AAPL", Timeframe.M1, limit=0)

    # Assert
    assert future == ancient == nothing == []


async def test_a_start_gives_the_first_bars_from_it(
    synthetic: SyntheticMarketData, clock: FakeClock
) -> None:
    # Arrange: a start inside a bar rounds up to the next bar
    start = clock.now() - timedelta(hours=5, seconds=30)

    # Act
    bars = await synthetic.bars("AAPL", Timeframe.H1, start=start, limit=2)

    # Assert: 09:30 -> the 10:00 and 11:00 bars
    assert [b.start.hour for b in bars] == [10, 11]


async def test_bars_of_an_unknown_symbol_or_during_an_outage_are_unavailable(
    synthetic: SyntheticMarketData, board: CountingBoard
) -> None:
    # Act / Assert
    with pytest.raises(QuoteUnavailable):
        await synthetic.bars("NOPE", Timeframe.M1)
    board.set_down()
    with pytest.raises(QuoteUnavailable):
        await synthetic.bars("AAPL", Timeframe.M1)
    with pytest.raises(QuoteUnavailable):
        await synthetic.quote("AAPL")


# -- ticks ---------------------------------------------------------------------------
def test_tick_moves_every_board_symbol_and_the_listeners_see_it(
    synthetic: SyntheticMarketData, board: CountingBoard
) -> None:
    # Arrange
    seen: list[Quote] = []
    board.subscribe(seen.append)

    # Act
    published = synthetic.tick(DAY)

    # Assert: both symbols moved, on the cent, spread kept in cents, sizes kept
    assert [q.symbol for q in published] == ["AAPL", "MSFT"] == [q.symbol for q in seen]
    aapl = board.latest("AAPL")
    assert aapl is not None and aapl.last != D("190.00")
    assert on_cents(aapl.bid) and on_cents(aapl.ask) and on_cents(aapl.last)
    assert aapl.ask - aapl.bid == D("0.08")  # 190 × 4 bps = 0.076, kept as 8 cents
    assert (aapl.bid_size, aapl.ask_size) == (D(300), D(500))


def test_symbols_quoted_before_the_provider_and_named_ones_are_moved(clock: FakeClock) -> None:
    # Arrange
    board = InMemoryMarketData(clock)
    board.set_price("EARLY", D("10.00"))
    provider = SyntheticMarketData(board, clock, symbols=["NAMED"])
    board.set_price("NAMED", D("20.00"))
    board.set_price("LATE", D("30.00"))

    # Act
    moved = provider.tick()

    # Assert
    assert [q.symbol for q in moved] == ["EARLY", "LATE", "NAMED"]


def test_gbm_steps_have_the_configured_drift_and_volatility(clock: FakeClock) -> None:
    # Arrange: daily steps of a 30 %-vol, 10 %-drift symbol
    dynamics = SymbolDynamics(drift=0.10, volatility=0.30)
    board = InMemoryMarketData(clock)
    provider = SyntheticMarketData(board, clock, seed=3, dynamics={"X": dynamics})
    board.set_price("X", D("100.00"))
    prices = [100.0]

    # Act
    for _ in range(3000):
        prices.append(float(provider.tick(DAY)[0].last))

    # Assert: log-returns ~ N((μ - σ²/2) dt, σ² dt), dt = 1/365.25, within sampling error
    returns = [math.log(b / a) for a, b in pairwise(prices)]
    dt = 1 / 365.25
    expected_sd = 0.30 * math.sqrt(dt)
    assert statistics.stdev(returns) == pytest.approx(expected_sd, rel=0.05)
    standard_error = expected_sd / math.sqrt(len(returns))
    assert abs(statistics.fmean(returns) - (0.10 - 0.045) * dt) < 4 * standard_error


def test_sub_cent_steps_accumulate_and_prices_stay_positive(clock: FakeClock) -> None:
    # Arrange: a penny stock with a huge volatility, and a slow one with tiny steps
    board = InMemoryMarketData(clock)
    wild = SymbolDynamics(drift=-2.0, volatility=4.0)
    provider = SyntheticMarketData(board, clock, seed=5, dynamics={"PENNY": wild})
    board.set_price("PENNY", D("0.02"))
    board.set_price("SLOW", D("100.00"))

    # Act: one-second ticks (SLOW moves ~0.4 cents a tick)
    ticks = [provider.tick(1.0) for _ in range(400)]

    # Assert
    pennies = [q.last for batch in ticks for q in batch if q.symbol == "PENNY"]
    slow = [q.last for batch in ticks for q in batch if q.symbol == "SLOW"]
    assert min(pennies) >= D("0.01") and all(on_cents(p) for p in pennies)
    assert len(set(slow)) > 10  # sub-cent steps add up instead of rounding away


def test_a_price_set_by_someone_else_restarts_the_walk_from_it(
    synthetic: SyntheticMarketData, board: CountingBoard
) -> None:
    # Arrange
    synthetic.tick(60.0)

    # Act
    board.set_price("AAPL", D("50.00"))
    moved = synthetic.tick(60.0)[0]

    # Assert: one minute from 50, not from ~190
    assert abs(moved.last - D("50.00")) < D("0.50")


async def test_run_ticks_on_the_clock_until_cancelled(
    synthetic: SyntheticMarketData, board: CountingBoard, clock: FakeClock
) -> None:
    # Arrange
    seen: list[Quote] = []
    six_seen = asyncio.Event()

    def record(quote: Quote) -> None:
        seen.append(quote)
        if len(seen) >= 6:
            six_seen.set()

    board.subscribe(record)
    started = clock.now()

    # Act
    runner = asyncio.create_task(synthetic.run(every_s=5.0))
    async with asyncio.timeout(5):
        await six_seen.wait()
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner

    # Assert: three ticks of two symbols, five seconds apart (the fake clock's sleep)
    assert clock.now() - started >= timedelta(seconds=15)
    assert [q.at - started for q in seen[:6:2]] == [timedelta(seconds=s) for s in (5, 10, 15)]


def test_bad_settings_are_refused(board: CountingBoard, clock: FakeClock) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="seed"):
        SyntheticMarketData(board, clock, seed=-1)
    with pytest.raises(ValueError, match="positive"):
        SyntheticMarketData(board, clock, tick_seconds=0)
    with pytest.raises(ValueError, match="volatility"):
        SymbolDynamics(volatility=0)
    with pytest.raises(ValueError, match="forward"):
        SyntheticMarketData(board, clock).tick(0)


@pytest.mark.parametrize(("standing", "age_s"), [(True, 0.0), (False, 600.0)])
async def test_a_primarys_price_stands_while_a_fallbacks_quote_keeps_its_age(
    board: CountingBoard, clock: FakeClock, standing: bool, age_s: float
) -> None:
    # Arrange: AAPL set ten minutes ago, never moved since
    provider = SyntheticMarketData(board, clock, seed=7, standing=standing)
    board.set_price("AAPL", D("190.00"), spread_bps=D(4))
    clock.advance(timedelta(minutes=10))

    # Act
    quote = await provider.quote("AAPL")

    # Assert: the same price; the primary's is the price now, the fallback's as old as it is
    assert quote.mid == D("190.00")
    assert (clock.now() - quote.at).total_seconds() == age_s
