"""Quote pump wiring: a non-synthetic primary runs the pump and ages the board; synthetic not."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from bootstrap.market_feed import build_market_feed, build_quote_pump, market_feed_lifetime
from bootstrap.settings import SettingsError
from domain.trading.instruments import Instrument
from ports.market_data.marketdata import QuoteUnavailable
from tests.kit.settings import settings_of

REPLAY = Path(__file__).resolve().parents[2] / "fixtures" / "replay" / "csv"
lifetime = contextlib.asynccontextmanager(market_feed_lifetime)


class StillClock(FakeClock):
    """Sleeping waits a moment of real time; only the test moves this clock."""

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0.002)


async def until(condition: object, what: str) -> None:
    for _ in range(500):
        if callable(condition) and condition():
            return
        await asyncio.sleep(0.002)
    raise AssertionError(what)


async def test_a_replay_primary_pumps_its_quotes_and_ages_the_board() -> None:
    settings = settings_of(
        market_data="replay", market_data_replay_path=str(REPLAY), quote_max_age_seconds="10"
    )
    clock = StillClock(datetime(2026, 1, 6, tzinfo=UTC))
    board = InMemoryMarketData(clock)
    store = InMemoryStore()
    uow = unit_of_work_factory(store)
    async with uow() as tx:
        await tx.instruments.add(Instrument("AAPL"))
        await tx.instruments.add(Instrument("DARK"))  # listed by no provider of the feed
        await tx.commit()
    feed = build_market_feed(settings, board, clock)  # replay, then the synthetic fallback
    pump = build_quote_pump(settings, feed, board, uow, clock)
    assert pump is not None

    async with lifetime(feed, settings, board, pump):
        await until(lambda: board.latest("AAPL") is not None, "no AAPL quote pumped")
        board.set_price("DARK", Decimal(50))  # by hand: only the board-backed synthetic has it
        for _ in range(4):  # 12 s in steps shorter than the maximum age, the pump polling
            clock.advance(3)
            await until(lambda: board.latest("AAPL").at == clock.now(), "AAPL not kept fresh")  # type: ignore[union-attr]
        with pytest.raises(QuoteUnavailable):
            await board.quote("DARK")  # the synthetic fallback did not echo it back to life
        assert (await board.quote("AAPL")).bid > 0
        assert pump.status().mode in ("stream", "poll")

    assert pump.status().mode == "poll"  # stopped: the stream is closed


async def test_a_synthetic_primary_has_no_pump_and_no_maximum_age() -> None:
    settings = settings_of()
    clock = FakeClock()
    board = InMemoryMarketData(clock)
    feed = build_market_feed(settings, board, clock)

    pump = build_quote_pump(settings, feed, board, unit_of_work_factory(InMemoryStore()), clock)
    async with lifetime(feed, settings, board, pump):
        board.set_price("AAPL", Decimal(190))
        clock.advance(3600)
        quote = await board.quote("AAPL")

    assert pump is None
    assert quote.last == Decimal(190)


def test_the_pump_must_poll_more_often_than_quotes_age() -> None:
    with pytest.raises(SettingsError, match="BULWARK_QUOTE_PUMP_POLL_SECONDS"):
        settings_of(quote_max_age_seconds="2", quote_pump_poll_seconds="2")
