"""QuotePump: streams to the board, polls while the stream is down, follows the symbol set."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Sequence
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from application.market_data.quote_pump import FUTURE_SKEW, QuotePump, QuotePumpConfig
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.positions import Position
from ports.market_data.marketdata import ProviderError, Quote, QuoteUnavailable

D = Decimal
END = object()  # pushed into a stream: it ends normally
CONFIG = QuotePumpConfig(poll_s=2.0, refresh_s=30.0, backoff_min_s=1.0, backoff_max_s=8.0)


class ScriptedProvider:
    """A provider whose streams the test feeds, and whose polled quotes it sets."""

    name = "scripted"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.prices: dict[str, tuple[str, str]] = {}
        self.poll_error: Exception | None = None
        self.polls: list[str] = []
        self.subscriptions: list[tuple[str, ...]] = []
        self.queues: list[asyncio.Queue[object]] = []
        self.closed = 0

    def quote_of(self, symbol: str, bid: str, ask: str) -> Quote:
        return Quote(symbol, D(bid), D(ask), (D(bid) + D(ask)) / 2, self.clock.now())

    async def quote(self, symbol: str) -> Quote:
        self.polls.append(symbol)
        if self.poll_error is not None:
            raise self.poll_error
        if symbol not in self.prices:
            raise QuoteUnavailable(symbol)
        return self.quote_of(symbol, *self.prices[symbol])

    async def stream_quotes(self, symbols: Sequence[str]) -> AsyncIterator[Quote]:
        self.subscriptions.append(tuple(symbols))
        queue: asyncio.Queue[object] = asyncio.Queue()
        self.queues.append(queue)
        try:
            while True:
                item = await queue.get()
                if item is END:
                    return
                if isinstance(item, Exception):
                    raise item
                assert isinstance(item, Quote)
                yield item
        finally:
            self.closed += 1

    async def push(self, item: object) -> None:
        self.queues[-1].put_nowait(item)
        for _ in range(5):
            await asyncio.sleep(0)


class Rig:
    """A pump over a scripted provider, an in-memory board and store, on a fake clock."""

    def __init__(self, jitter: float = 0.0) -> None:
        self.clock = FakeClock()
        self.store = InMemoryStore()
        self.uow = unit_of_work_factory(self.store)
        self.board = InMemoryMarketData(self.clock)
        self.provider = ScriptedProvider(self.clock)
        self.pump = QuotePump(
            self.provider,  # type: ignore[arg-type]  # the pump uses quote and stream_quotes
            self.board,
            self.uow,
            self.clock,
            CONFIG,
            jitter=lambda: jitter,
        )

    async def instruments(self, *symbols: str) -> None:
        async with self.uow() as uow:
            for symbol in symbols:
                await uow.instruments.add(Instrument(symbol))
            await uow.commit()


@pytest.fixture
async def rig() -> AsyncIterator[Rig]:
    r = Rig()
    await r.instruments("AAPL", "MSFT")
    yield r
    await r.pump.close()


async def test_streamed_quotes_reach_the_board(rig: Rig) -> None:
    await rig.pump.step()

    await rig.provider.push(rig.provider.quote_of("AAPL", "189.90", "190.10"))

    assert rig.provider.subscriptions == [("AAPL", "MSFT")]
    quote = await rig.board.quote("AAPL")
    assert (quote.bid, quote.ask, quote.last) == (D("189.90"), D("190.10"), D("190.00"))
    status = rig.pump.status()
    assert status.mode == "stream"
    assert status.symbols == ("AAPL", "MSFT")
    assert status.last_quote_at == {"AAPL": rig.clock.now()}


async def test_symbols_of_positions_and_open_orders_are_tracked_too() -> None:
    r = Rig()
    await r.instruments("AAPL")
    account = Account("acc-1", "owner-1", D(1000))
    account.positions["XOM"] = Position("XOM", D(5), D(100))
    async with r.uow() as uow:
        await uow.accounts.add(account)
        await uow.commit()

    await r.pump.step()

    assert r.pump.status().symbols == ("AAPL", "XOM")
    await r.pump.close()


async def test_a_new_instrument_is_picked_up_at_the_next_refresh(rig: Rig) -> None:
    await rig.pump.step()
    await rig.instruments("NVDA")

    rig.clock.advance(CONFIG.refresh_s - 1)
    await rig.pump.step()
    before = rig.pump.status().symbols
    rig.clock.advance(1)
    await rig.pump.step()

    assert before == ("AAPL", "MSFT")
    assert rig.pump.status().symbols == ("AAPL", "MSFT", "NVDA")
    assert rig.provider.subscriptions == [("AAPL", "MSFT"), ("AAPL", "MSFT", "NVDA")]
    assert rig.provider.closed == 1  # the old stream was closed, not left running


async def test_a_failed_stream_falls_back_to_polling_then_streams_again(rig: Rig) -> None:
    rig.provider.prices = {"AAPL": ("189", "191"), "MSFT": ("409", "411")}
    await rig.pump.step()
    await rig.provider.push(rig.provider.quote_of("AAPL", "190", "190.20"))
    await rig.provider.push(ProviderError("scripted", "socket closed"))
    rig.clock.advance(CONFIG.poll_s)

    await rig.pump.step()

    polling = rig.pump.status()
    assert polling.mode == "poll"
    assert polling.errors[-1].where == "stream"
    assert "socket closed" in polling.errors[-1].message
    assert polling.next_stream_in_s == CONFIG.backoff_min_s  # it had served: shortest wait
    assert (await rig.board.quote("MSFT")).bid == D("409")
    assert (await rig.board.quote("AAPL")).bid == D("189")

    rig.clock.advance(CONFIG.backoff_min_s)
    await rig.pump.step()
    await rig.provider.push(rig.provider.quote_of("MSFT", "412", "412.50"))

    resumed = rig.pump.status()
    assert resumed.mode == "stream" and resumed.stream_starts == 2
    assert (await rig.board.quote("MSFT")).bid == D("412")


async def test_a_stream_that_never_delivers_backs_off_doubling_up_to_the_cap(rig: Rig) -> None:
    waits: list[float | None] = []
    await rig.pump.step()

    for _ in range(6):
        await rig.provider.push(ProviderError("scripted", "refused"))
        await rig.pump.step()
        status = rig.pump.status()
        waits.append(status.next_stream_in_s)
        assert status.next_stream_in_s is not None
        rig.clock.advance(status.next_stream_in_s)
        await rig.pump.step()

    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert rig.pump.status().stream_starts == 7


@given(jitter=st.floats(min_value=0.0, max_value=0.999))
async def test_jitter_stretches_the_wait_by_less_than_the_backoff(jitter: float) -> None:
    r = Rig(jitter=jitter)
    await r.instruments("AAPL")
    await r.pump.step()

    await r.provider.push(END)
    await r.pump.step()

    wait = r.pump.status().next_stream_in_s
    assert wait is not None
    assert CONFIG.backoff_min_s <= wait < 2 * CONFIG.backoff_min_s
    assert r.pump.status().errors[-1].message == "the stream ended"
    await r.pump.close()


async def test_a_quiet_symbol_is_polled_while_the_stream_is_up(rig: Rig) -> None:
    rig.provider.prices = {"MSFT": ("409", "411")}
    await rig.pump.step()
    rig.provider.polls.clear()
    await rig.provider.push(rig.provider.quote_of("AAPL", "190", "190.20"))
    rig.clock.advance(CONFIG.poll_s / 2)

    await rig.pump.step()  # both were written within poll_s: nothing to poll
    polled_early = list(rig.provider.polls)
    rig.clock.advance(CONFIG.poll_s)
    await rig.pump.step()  # the stream stayed quiet: both are polled

    assert polled_early == []
    assert rig.provider.polls == ["AAPL", "MSFT"]
    assert rig.pump.status().mode == "stream"


async def test_poll_failures_are_kept_not_raised_and_unknown_symbols_are_skipped(
    rig: Rig,
) -> None:
    rig.provider.prices = {"AAPL": ("189", "191")}
    await rig.pump.step()
    errors_before = rig.pump.status().error_count
    rig.provider.poll_error = ProviderError("scripted", "HTTP 503")
    rig.clock.advance(CONFIG.poll_s)

    await rig.pump.step()

    status = rig.pump.status()
    assert errors_before == 0  # MSFT unknown to the provider is no error
    assert [(e.where, e.message) for e in status.errors] == [
        ("poll", "scripted: HTTP 503"),
        ("poll", "scripted: HTTP 503"),
    ]
    with pytest.raises(QuoteUnavailable):
        await rig.board.quote("MSFT")


async def test_an_older_quote_never_replaces_a_newer_one(rig: Rig) -> None:
    await rig.pump.step()
    old = rig.provider.quote_of("AAPL", "150", "151")
    rig.clock.advance(60)
    await rig.provider.push(rig.provider.quote_of("AAPL", "190", "191"))

    await rig.provider.push(old)  # a stream replaying from the start

    assert (await rig.board.quote("AAPL")).bid == D("190")


async def test_a_quote_from_ahead_of_the_clock_is_not_written(rig: Rig) -> None:
    # Arrange: a replay stream running ahead of the clock
    await rig.pump.step()
    await rig.provider.push(rig.provider.quote_of("AAPL", "190", "191"))
    now = rig.provider.quote_of("AAPL", "0", "0").at
    ahead = dataclasses.replace(
        rig.provider.quote_of("AAPL", "250", "251"), at=now + FUTURE_SKEW + timedelta(seconds=1)
    )
    skewed = dataclasses.replace(
        rig.provider.quote_of("AAPL", "192", "193"), at=now + FUTURE_SKEW / 2
    )

    # Act
    await rig.provider.push(ahead)
    after_ahead = (await rig.board.quote("AAPL")).bid
    await rig.provider.push(skewed)

    # Assert: look-ahead dropped, a little clock skew tolerated
    assert after_ahead == D("190")
    assert (await rig.board.quote("AAPL")).bid == D("192")


async def test_a_crossed_quote_is_refused_and_counted(rig: Rig) -> None:
    await rig.pump.step()

    await rig.provider.push(Quote("AAPL", D(191), D(190), D(190), rig.clock.now()))

    assert rig.pump.status().errors[-1].where == "quote"
    with pytest.raises(QuoteUnavailable):
        await rig.board.quote("AAPL")


async def test_a_store_failure_keeps_the_last_symbol_set(rig: Rig) -> None:
    await rig.pump.step()

    def broken() -> object:
        raise ConnectionError("store down")

    rig.pump._uow_factory = broken  # type: ignore[assignment]
    rig.clock.advance(CONFIG.refresh_s)
    await rig.pump.step()

    status = rig.pump.status()
    assert status.symbols == ("AAPL", "MSFT")
    assert status.errors[-1].where == "symbols"
    assert "store down" in status.errors[-1].message


async def test_no_symbols_means_no_stream_and_idle() -> None:
    r = Rig()

    await r.pump.step()

    assert r.pump.status().mode == "idle"
    assert r.provider.subscriptions == []


async def test_run_pumps_until_stopped_then_closes_the_stream(rig: Rig) -> None:
    rig.provider.prices = {"AAPL": ("189", "191")}
    stop = asyncio.Event()
    task = asyncio.create_task(rig.pump.run(stop))
    for _ in range(10):
        await asyncio.sleep(0)

    stop.set()
    await asyncio.wait_for(task, 1.0)

    assert (await rig.board.quote("AAPL")).bid == D("189")
    assert rig.provider.closed == 1


def test_config_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="must be positive"):
        QuotePumpConfig(poll_s=0)
    with pytest.raises(ValueError, match="backoff_max_s"):
        QuotePumpConfig(backoff_min_s=5, backoff_max_s=1)


# -- the board's maximum age -----------------------------------------------------------
async def test_board_without_max_age_keeps_old_quotes_usable() -> None:
    clock = FakeClock()
    board = InMemoryMarketData(clock)
    board.set_price("AAPL", "190")

    clock.advance(timedelta(days=1))

    assert (await board.quote("AAPL")).last == D("190")
    assert await board.reference_prices(["AAPL"]) == {"AAPL": D("190")}


async def test_board_with_max_age_treats_older_quotes_as_unavailable() -> None:
    clock = FakeClock()
    board = InMemoryMarketData(clock, max_age_s=10)
    board.set_price("AAPL", "190")
    board.set_price("MSFT", "410")

    clock.advance(10)
    fresh = await board.reference_prices(["AAPL", "MSFT"])
    board.set_price("MSFT", "411")
    clock.advance(0.5)

    assert fresh == {"AAPL": D("190"), "MSFT": D("410")}
    assert await board.reference_prices(["AAPL", "MSFT"]) == {"MSFT": D("411")}
    with pytest.raises(QuoteUnavailable):
        await board.quote("AAPL")
    assert board.latest("AAPL") is not None  # simulations still see it


def test_board_max_age_must_be_positive() -> None:
    with pytest.raises(ValueError, match="must be positive"):
        InMemoryMarketData(FakeClock(), max_age_s=0)
