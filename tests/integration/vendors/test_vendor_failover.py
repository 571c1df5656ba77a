"""The vendors behind the failover composite: a vendor out of calls cools and the next one
answers; what a vendor does not offer is asked of the next without counting against it."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from adapters.market_data.failover import FailoverConfig, FailoverMarketData
from adapters.memory.clock import FakeClock
from domain.market_data.bars import Timeframe
from tests.integration.vendors.conftest import make_vendor
from tests.integration.vendors.replay_server import ReplayServer, Reply


async def test_a_rate_limited_vendor_cools_and_the_next_vendor_answers(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: Yahoo first, answering 429 with Retry-After; Twelve Data behind it
    server.route(
        "GET", "/v7/finance/quote", lambda s: Reply(429, "Too Many Requests", {"Retry-After": "30"})
    )
    yahoo = make_vendor("yahoo", server, clock)
    twelvedata = make_vendor("twelvedata", server, clock)
    feed = FailoverMarketData([[yahoo], [twelvedata]], clock, FailoverConfig(call_timeout_s=5))

    # Act
    first = await feed.quote("NVDA")
    asked_yahoo = len(server.seen("/v7/finance/quote"))
    second = await feed.quote("NVDA")
    await yahoo.aclose()
    await twelvedata.aclose()

    # Assert: both from Twelve Data; Yahoo is not asked again while it cools
    assert first.last == second.last == Decimal("131.88")
    assert len(server.seen("/v7/finance/quote")) == asked_yahoo == 1


async def test_what_a_vendor_does_not_offer_is_asked_of_the_next_one(
    server: ReplayServer, clock: FakeClock
) -> None:
    # Arrange: Databento has no option chains, Yahoo has
    databento = make_vendor("databento", server, clock)
    yahoo = make_vendor("yahoo", server, clock)
    feed = FailoverMarketData([[databento], [yahoo]], clock, FailoverConfig(call_timeout_s=5))

    # Act
    chain = await feed.option_chain("NVDA")
    bars = await feed.bars(
        "NVDA", Timeframe.D1, start=datetime(2024, 6, 3, tzinfo=UTC),
        end=datetime(2024, 6, 8, tzinfo=UTC),
    )  # fmt: skip
    await databento.aclose()
    await yahoo.aclose()

    # Assert
    assert len(chain.contracts) == 4
    assert len(bars) == 5 and server.seen("/v0/timeseries.get_range")
    health = {h.name: h for h in feed.health()}
    assert health["databento"].failure_rate == 0.0  # "not offered" is not a failure
