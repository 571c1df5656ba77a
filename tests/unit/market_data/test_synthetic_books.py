"""Synthetic books, option chains and quote streams, and the Black-Scholes pricing under them
(domain/analytics/options: bsm_greeks and the smile)."""

from __future__ import annotations

import asyncio
import math
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.market_data.synthetic import SyntheticMarketData
from adapters.market_data.synthetic_books import monthly_expiries, occ_symbol, strike_step
from adapters.memory.clock import FakeClock
from domain.analytics.options.bsm import Greeks, bsm_greeks
from domain.analytics.options.smile import smile_volatility
from domain.trading.instruments import OptionRight
from ports.market_data.marketdata import QuoteUnavailable
from tests.unit.market_data.boards import CountingBoard

D = Decimal
CALL, PUT = OptionRight.CALL, OptionRight.PUT


@pytest.fixture
def synthetic(board: CountingBoard, clock: FakeClock) -> SyntheticMarketData:
    provider = SyntheticMarketData(board, clock, seed=7, stream_queue=3)
    board.set_quote("AAPL", D("189.96"), D("190.04"), bid_size=D(300), ask_size=D(500))
    board.set_price("MSFT", D("410.00"))  # no spread, no sizes
    return provider


# -- order book ----------------------------------------------------------------------
async def test_the_book_touch_is_the_board_quote_with_its_sizes(
    synthetic: SyntheticMarketData,
) -> None:
    # Act
    book = await synthetic.order_book("AAPL", 8)

    # Assert
    assert (book.bids[0].price, book.bids[0].size) == (D("189.96"), D(300))
    assert (book.asks[0].price, book.asks[0].size) == (D("190.04"), D(500))
    assert len(book.bids) == len(book.asks) == 8
    steps = [a.price - b.price for a, b in zip(book.bids, book.bids[1:], strict=False)]
    assert all(step in {D("0.01"), D("0.02"), D("0.03")} for step in steps)
    assert all(level.size % 100 == 0 for level in book.bids[1:] + book.asks[1:])


async def test_a_locked_quote_gets_a_one_cent_market_around_it(
    synthetic: SyntheticMarketData,
) -> None:
    # Act
    book = await synthetic.order_book("MSFT", 3)

    # Assert
    assert (book.bids[0].price, book.asks[0].price) == (D("409.99"), D("410.01"))


async def test_sizes_grow_away_from_the_touch_with_the_odd_whale(
    synthetic: SyntheticMarketData, clock: FakeClock
) -> None:
    # Arrange: many books, one a second
    books = []
    for _ in range(200):
        clock.advance(1)
        books.append(await synthetic.order_book("AAPL", 10))

    # Act
    sizes = [[float(level.size) for level in book.asks] for book in books]
    near = sorted(s[1] for s in sizes)
    far = sorted(s[9] for s in sizes)
    whales = sum(any(size > 10 * sorted(s)[5] for size in s) for s in sizes)

    # Assert: the median tenth level is larger than the median second; whales are rare
    assert far[100] > 2 * near[100]
    assert 0 < whales < 150


async def test_the_book_is_the_same_for_the_same_moment_and_unknown_is_unavailable(
    synthetic: SyntheticMarketData,
) -> None:
    # Act / Assert
    assert await synthetic.order_book("AAPL", 5) == await synthetic.order_book("AAPL", 5)
    with pytest.raises(QuoteUnavailable):
        await synthetic.order_book("NOPE", 5)


# -- option chain --------------------------------------------------------------------
def test_monthly_expiries_are_third_fridays_after_today() -> None:
    # Act / Assert: 2026-01-16 is January's third Friday; on it, the next month is first
    assert monthly_expiries(date(2026, 1, 5)) == [
        date(2026, 1, 16),
        date(2026, 2, 20),
        date(2026, 3, 20),
    ]
    assert monthly_expiries(date(2026, 1, 16), 1) == [date(2026, 2, 20)]
    assert monthly_expiries(date(2025, 12, 20), 2) == [date(2026, 1, 16), date(2026, 2, 20)]


def test_occ_symbols_and_strike_steps() -> None:
    # Act / Assert
    assert occ_symbol("AAPL", date(2025, 1, 17), CALL, D(190)) == "AAPL250117C00190000"
    assert occ_symbol("F", date(2026, 3, 20), PUT, D("12.5")) == "F260320P00012500"
    assert [strike_step(p) for p in (10, 50, 150, 500)] == [D("0.5"), D(1), D("2.5"), D(5)]


async def test_the_chain_prices_calls_and_puts_consistently(
    synthetic: SyntheticMarketData,
) -> None:
    # Act
    chain = await synthetic.option_chain("AAPL")

    # Assert: 3 expiries × 13 strikes × 2 rights, 2.5 apart around 190
    assert chain.underlying_price == D("190.00")
    assert len(chain.contracts) == 78
    first = [c for c in chain.contracts if c.expiry == date(2026, 1, 16)]
    assert [c.strike for c in first[::2]] == [D("175") + D("2.5") * i for i in range(13)]
    calls = [c for c in first if c.right is CALL]
    puts = [c for c in first if c.right is PUT]
    call_deltas = [c.delta or 0.0 for c in calls]
    assert call_deltas == sorted(call_deltas, reverse=True)
    assert all(0 < d < 1 for d in call_deltas)
    assert all(-1 < (p.delta or 0.0) < 0 for p in puts)
    for call, put in zip(calls, puts, strict=True):
        assert call.strike == put.strike and call.implied_volatility == put.implied_volatility
        assert D(0) <= call.bid < call.ask and D(0) <= put.bid < put.ask
        assert call.bid <= call.last <= call.ask
        # Put-call parity on the lasts (r = 4 %, 11.3 days): C - P = S - K e^(-rT), to a cent
        years = (date(2026, 1, 16) - date(2026, 1, 5)).days / 365.25 + 6.5 / 24 / 365.25
        forward = 190.0 - float(call.strike) * math.exp(-0.04 * years)
        assert float(call.last - put.last) == pytest.approx(forward, abs=0.011)


async def test_the_listed_strikes_show_the_put_skew(synthetic: SyntheticMarketData) -> None:
    # Act
    chain = await synthetic.option_chain("AAPL", date(2026, 2, 20))

    # Assert: near the money the skew dominates, so volatility falls as the strike rises
    ivs = [c.implied_volatility or 0.0 for c in chain.contracts if c.right is CALL]
    assert ivs == sorted(ivs, reverse=True) and ivs[0] > ivs[-1]
    assert chain.expiries() == [date(2026, 2, 20)]


async def test_an_unlisted_expiry_gives_no_contracts_and_filters_keep_the_same_quotes(
    synthetic: SyntheticMarketData,
) -> None:
    # Act
    full = await synthetic.option_chain("AAPL")
    march = await synthetic.option_chain("AAPL", date(2026, 3, 20))
    unlisted = await synthetic.option_chain("AAPL", date(2026, 3, 21))

    # Assert
    assert march.contracts == tuple(c for c in full.contracts if c.expiry == date(2026, 3, 20))
    assert unlisted.contracts == ()


# -- stream --------------------------------------------------------------------------
async def test_the_stream_starts_with_the_current_quotes_then_follows_ticks(
    synthetic: SyntheticMarketData, board: CountingBoard
) -> None:
    # Arrange
    stream = synthetic.stream_quotes(["MSFT", "NOPE"])
    first = await anext(stream)

    # Act
    ticked = synthetic.tick(60.0)
    second = await anext(stream)
    await stream.aclose()  # type: ignore[attr-defined]

    # Assert: MSFT's current quote, then its tick; AAPL's tick is not asked for
    assert first.symbol == "MSFT" and first.last == D("410.00")
    assert second == next(q for q in ticked if q.symbol == "MSFT")


async def test_a_slow_consumer_keeps_the_newest_quotes_and_stopping_unsubscribes(
    synthetic: SyntheticMarketData, board: CountingBoard
) -> None:
    # Arrange: the queue holds 3 quotes
    subscribed_before = board.live
    stream = synthetic.stream_quotes(["AAPL"])
    await anext(stream)  # the current quote; the stream is now listening
    listening = board.live

    # Act
    prices = [D("191.00") + i for i in range(6)]
    for price in prices:
        board.set_price("AAPL", price)
    read = [(await anext(stream)).last for _ in range(3)]
    await stream.aclose()  # type: ignore[attr-defined]

    # Assert
    assert read == prices[-3:]
    assert listening == subscribed_before + 1
    assert board.live == subscribed_before


async def test_a_stream_with_no_updates_waits(synthetic: SyntheticMarketData) -> None:
    # Arrange
    stream = synthetic.stream_quotes(["NOPE"])

    # Act / Assert
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            await anext(stream)
    await stream.aclose()  # type: ignore[attr-defined]


# -- pricing -------------------------------------------------------------------------
def norm_cdf(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def black_scholes(
    right: OptionRight, spot: float, strike: float, years: float, vol: float, rate: float = 0.0
) -> Greeks:
    """The chain's pricing call for one option (bsm_greeks, no dividend yield)."""
    return bsm_greeks(spot, strike, years, vol, rate, 0.0, right is OptionRight.CALL)


def test_black_scholes_textbook_values() -> None:
    # Act: S = K = 100, T = 1, r = 5 %, σ = 20 % (Hull: call 10.4506, put 5.5735)
    call = black_scholes(CALL, 100, 100, 1.0, 0.2, 0.05)
    put = black_scholes(PUT, 100, 100, 1.0, 0.2, 0.05)

    # Assert
    assert call.price == pytest.approx(10.4506, abs=1e-4)
    assert put.price == pytest.approx(5.5735, abs=1e-4)
    assert call.delta == pytest.approx(norm_cdf(0.35), abs=1e-12)
    assert put.delta == pytest.approx(call.delta - 1, abs=1e-12)


def test_at_expiry_an_option_is_worth_its_intrinsic_value() -> None:
    # Act / Assert
    assert black_scholes(CALL, 110, 100, 0.0, 0.3).price == pytest.approx(10)
    assert black_scholes(PUT, 110, 100, 0.0, 0.3).price == 0
    assert black_scholes(PUT, 90, 100, 1.0, 0.0).delta == -1
    with pytest.raises(ValueError, match="positive"):
        black_scholes(CALL, 0, 100, 1.0, 0.2)
    with pytest.raises(ValueError, match="negative"):
        black_scholes(CALL, 100, 100, 1.0, -0.2)


@given(
    spot=st.floats(1, 1000),
    moneyness=st.floats(0.5, 2.0),
    years=st.floats(0.01, 3),
    vol=st.floats(0.05, 1.5),
    rate=st.floats(0, 0.1),
)
def test_put_call_parity_and_price_bounds_hold(
    spot: float, moneyness: float, years: float, vol: float, rate: float
) -> None:
    # Arrange
    strike = spot * moneyness

    # Act
    call = black_scholes(CALL, spot, strike, years, vol, rate)
    put = black_scholes(PUT, spot, strike, years, vol, rate)

    # Assert
    parity = spot - strike * math.exp(-rate * years)
    assert call.price - put.price == pytest.approx(parity, abs=1e-9 * max(spot, strike))
    assert max(parity, 0.0) - 1e-9 * spot <= call.price <= spot
    assert 0.0 <= call.delta <= 1.0 and -1.0 <= put.delta <= 0.0


@given(atm=st.floats(0.05, 1.0), moneyness=st.floats(-1.0, 1.0))
def test_the_smile_is_lowest_at_its_vertex_and_never_below_its_floor(
    atm: float, moneyness: float
) -> None:
    # Arrange: skew -0.4 and curvature 2 put the vertex at ln(K/S) = 0.4 / (2 × 2) = 0.1
    vertex = smile_volatility(atm, 100.0, 100.0 * math.exp(0.1))

    # Act
    iv = smile_volatility(atm, 100.0, 100.0 * math.exp(moneyness))

    # Assert
    assert iv >= max(0.05, vertex - 1e-12)
    assert smile_volatility(atm, 100.0, 100.0) == pytest.approx(atm)
