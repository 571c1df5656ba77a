"""In-memory market data: quotes, reference prices, listeners and outages."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.marketdata import InMemoryMarketData
from ports.market_data.marketdata import Quote, QuoteUnavailable

D = Decimal


async def test_set_quote_is_stamped_by_the_clock_with_last_defaulting_to_mid(
    market: InMemoryMarketData, clock: FakeClock
) -> None:
    # Arrange
    clock.advance(timedelta(minutes=1))

    # Act
    market.set_quote("AAPL", D("100.00"), D("100.10"), bid_size=D("5"), ask_size=D("7"))
    quote = await market.quote("AAPL")

    # Assert: last = (100.00 + 100.10) / 2 = 100.05
    assert quote == Quote(
        "AAPL", D("100.00"), D("100.10"), D("100.05"), clock.now(), D("5"), D("7")
    )


def test_set_price_spreads_the_quote_around_the_price(market: InMemoryMarketData) -> None:
    # Act
    quote = market.set_price("AAPL", D("250"), spread_bps=D("10"))

    # Assert: half spread 250 × 10 / 20 000 = 0.125
    assert (quote.bid, quote.ask, quote.last) == (D("249.875"), D("250.125"), D("250"))


def test_a_crossed_quote_is_refused(market: InMemoryMarketData) -> None:
    # Act / Assert
    with pytest.raises(ValueError, match="crossed"):
        market.set_quote("AAPL", D("101"), D("100"))


async def test_reference_prices_are_mids_and_leave_unknown_symbols_out(
    market: InMemoryMarketData,
) -> None:
    # Arrange
    market.set_quote("AAPL", D("100"), D("101"))
    market.set_quote("MSFT", D("0"), D("0"), last=D("400"))

    # Act
    prices = await market.reference_prices(["AAPL", "MSFT", "NOPE"])

    # Assert: AAPL (100 + 101) / 2 = 100.5; MSFT has no book, so its last trade
    assert prices == {"AAPL": D("100.5"), "MSFT": D("400")}


async def test_an_unknown_symbol_is_unavailable(market: InMemoryMarketData) -> None:
    # Act / Assert
    with pytest.raises(QuoteUnavailable):
        await market.quote("NOPE")


async def test_an_outage_hides_every_quote_until_it_ends(market: InMemoryMarketData) -> None:
    # Arrange
    market.set_price("AAPL", D("100"))
    market.set_down()

    # Act
    with pytest.raises(QuoteUnavailable):
        await market.quote("AAPL")
    during = await market.reference_prices(["AAPL"])
    market.set_down(False)
    after = await market.quote("AAPL")

    # Assert
    assert during == {}
    assert after.last == D("100")


def test_listeners_see_every_update_until_they_unsubscribe(market: InMemoryMarketData) -> None:
    # Arrange
    seen: list[Quote] = []
    unsubscribe = market.subscribe(seen.append)

    # Act
    first = market.set_price("AAPL", D("100"))
    second = market.set_price("AAPL", D("101"))
    unsubscribe()
    market.set_price("AAPL", D("102"))

    # Assert
    assert seen == [first, second]
