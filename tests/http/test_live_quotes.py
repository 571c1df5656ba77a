"""Live quotes in the core: with a replay primary the gate trades on replay prices, and a
symbol whose price stopped coming is denied NO_REFERENCE_PRICE; synthetic runs no pump."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient

from adapters.market_data.replay import ReplayMarketData
from adapters.memory.clock import FakeClock
from bootstrap.app import create_app
from ports.market_data.marketdata import Quote
from tests.http import harness as harnesses
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import Harness, open_harness, reset_schema

pytestmark = pytest.mark.serves("market_data", "trading")

REPLAY = Path(__file__).resolve().parents[1] / "fixtures" / "replay" / "csv"
AFTER_THE_RECORDING = datetime(2026, 1, 6, tzinfo=UTC)


class StillClock(FakeClock):
    """A fake clock whose sleep waits a moment of real time and does not move it.

    The pump runs in the app's background on its own; the test moves time by hand.
    """

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0.005)


@pytest.fixture
async def live() -> AsyncIterator[Harness]:
    clock = StillClock(AFTER_THE_RECORDING)
    settings = harnesses.test_settings(
        market_data="replay",
        market_data_replay_path=str(REPLAY),
        quote_max_age_seconds="10",
        quote_pump_poll_seconds="1",
        quote_pump_refresh_seconds="1",
    )
    container = harnesses.test_container(settings, clock)
    if container.core.store_kind() == "sql":
        await reset_schema(container.core.engine())
    app = create_app(settings, container)
    async with AsyncTestClient(app) as client:
        yield Harness(container, clock, app, client)


async def replay_quote(symbol: str) -> Quote:
    return await ReplayMarketData.from_path(str(REPLAY), FakeClock(AFTER_THE_RECORDING)).quote(
        symbol
    )


async def board_shows(harness: Harness, symbol: str, bid: Decimal, *, fresh: bool) -> None:
    """Wait (real time, bounded) until the board holds `bid` for `symbol`, stamped now if asked."""
    board = harness.container.core.market()
    for _ in range(400):
        quote = board.latest(symbol)
        stamped = quote is not None and (not fresh or quote.at == harness.clock.now())
        if quote is not None and quote.bid == bid and stamped:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"the pump did not write {symbol} {bid}: {board.latest(symbol)}")


async def test_the_gate_and_the_paper_broker_trade_on_replay_prices(live: Harness) -> None:
    owner = await live.user()
    account = await live.account(owner, "acc-1")
    await live.instrument("AAPL", "1")  # a wrong price the pump must replace
    recorded = await replay_quote("AAPL")
    live.clock.advance(1)  # the next symbol refresh sees AAPL

    await board_shows(live, "AAPL", recorded.bid, fresh=False)
    response = await submit(live, owner, order_body(account, quantity="10"))

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["decision"]["approved"] is True
    assert body["order"]["status"] == "filled"
    assert Decimal(body["order"]["average_fill_price"]) == recorded.ask  # bought at replay's ask
    status = live.container.market_data.quote_pump().status()
    assert "AAPL" in status.symbols


async def test_the_providers_report_shows_what_feeds_the_gate(live: Harness) -> None:
    # Arrange
    owner = await live.user()
    await live.instrument("AAPL", "1")
    recorded = await replay_quote("AAPL")
    live.clock.advance(1)
    await board_shows(live, "AAPL", recorded.bid, fresh=False)

    # Act
    response = await live.client.get("/api/v1/providers", headers=owner.headers)

    # Assert
    assert response.status_code == 200, response.text
    pump = response.json()["quote_pump"]
    assert pump["mode"] in ("stream", "poll")
    assert "AAPL" in pump["symbols"]
    assert "AAPL" in pump["last_quote_at"]


async def test_a_price_that_stopped_coming_is_denied_no_reference_price(live: Harness) -> None:
    owner = await live.user()
    holder = await live.account(owner, "acc-holder")
    fresh = await live.account(owner, "acc-fresh")
    await live.instrument("AAPL", "1")
    await live.instrument("DARK", "50")  # set by hand; no provider of the pump lists it
    recorded = await replay_quote("AAPL")
    live.clock.advance(1)
    await board_shows(live, "AAPL", recorded.bid, fresh=False)
    dark_while_fresh = await submit(live, owner, order_body(holder, symbol="DARK"))

    live.clock.advance(10.5)  # past the maximum age of DARK's quote
    await board_shows(live, "AAPL", recorded.bid, fresh=True)  # the pump keeps AAPL fresh
    dark_when_stale = await submit(live, owner, order_body(fresh, symbol="DARK"))
    aapl = await submit(live, owner, order_body(fresh, symbol="AAPL"))
    aapl_while_holding_dark = await submit(live, owner, order_body(holder, symbol="AAPL"))

    assert dark_while_fresh.status_code == 201, dark_while_fresh.text
    denied = assert_problem(dark_when_stale, 422, "ORDER_DENIED")
    assert denied["reasons"] == ["NO_REFERENCE_PRICE"]
    assert aapl.status_code == 201, aapl.text
    # A held position without a fresh mark cannot be valued: the gate denies every order.
    held = assert_problem(aapl_while_holding_dark, 422, "ORDER_DENIED")
    assert held["reasons"] == ["NO_REFERENCE_PRICE"]


async def test_a_synthetic_primary_runs_no_pump_and_keeps_prices_without_age() -> None:
    harness, client = await open_harness()
    async with client:
        owner = await harness.user()
        account = await harness.account(owner, "acc-1")
        await harness.instrument("AAPL", "190")
        harness.clock.advance(timedelta(minutes=5))  # 30 times the age a pump would allow

        response = await submit(harness, owner, order_body(account))

        report = await harness.client.get("/api/v1/providers", headers=owner.headers)

        assert harness.container.market_data.quote_pump() is None
        assert response.status_code == 201, response.text
        assert response.json()["decision"]["approved"] is True
        assert report.json()["quote_pump"] is None
