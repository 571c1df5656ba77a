"""The depth screens over sourced books: a ten-level equity book from the depth source (a
whale at level 7, the gap between levels 1 and 2), the one-level book stated, routing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from adapters.memory.clock import FakeClock
from application.market_data.book_sources import BookKind, BookSources, is_us_equity
from application.market_data.market import MarketDataUnavailable, MarketService, SymbolNotFound
from domain.market_data.book import BookLevel, OrderBook
from domain.market_data.depth import BookSide
from ports.market_data.marketdata import ProviderError, QuoteUnavailable
from tests.kit.market_data import OffersNothing

D = Decimal
NOW = datetime(2026, 1, 5, 14, 30, 20, tzinfo=UTC)


def ladder(prices: list[str], sizes: list[int]) -> tuple[BookLevel, ...]:
    return tuple(BookLevel(D(p), D(s)) for p, s in zip(prices, sizes, strict=True))


# NVDA, ten levels a side: 131.87 then a 4-cent hole to 131.83 on the bids; 9,000 at bid level 7.
TEN_LEVELS = OrderBook(
    "NVDA",
    ladder(
        ["131.87", "131.83", "131.82", "131.81", "131.80", "131.79", "131.78", "131.77",
         "131.76", "131.75"],
        [230, 200, 210, 220, 210, 215, 9000, 240, 230, 205],
    ),
    ladder(
        ["131.89", "131.90", "131.91", "131.92", "131.93", "131.94", "131.95", "131.96",
         "131.97", "131.98"],
        [220, 180, 190, 170, 175, 185, 195, 165, 160, 150],
    ),
    NOW,
)  # fmt: skip
# What Alpaca makes of an equity: its quote, one level a side.
ONE_LEVEL = OrderBook("NVDA", ladder(["131.87"], [300]), ladder(["131.89"], [9000]), NOW)
CRYPTO = OrderBook(
    "BTC/USD", ladder(["60000", "59990"], [1, 2]), ladder(["60010", "60020"], [1, 3]), NOW
)


@dataclass
class BookProvider(OffersNothing):
    """Answers the books it holds; `failure` raised instead when set."""

    name: str = "fake"
    books: dict[str, OrderBook] = field(default_factory=dict)
    failure: Exception | None = None
    asked: list[str] = field(default_factory=list)

    async def order_book(self, symbol: str, depth: int = 10) -> OrderBook:
        self.asked.append(symbol)
        if self.failure is not None:
            raise self.failure
        if symbol not in self.books:
            raise QuoteUnavailable(symbol)
        return self.books[symbol]


def service(feed: BookProvider, books: BookSources | None = None) -> MarketService:
    return MarketService(feed, FakeClock(NOW), ttl_s=5.0, books=books)


async def test_a_ten_level_equity_book_from_the_depth_source_carries_the_screens() -> None:
    # Arrange
    feed = BookProvider("alpaca", {"NVDA": ONE_LEVEL})
    databento = BookProvider("databento", {"NVDA": TEN_LEVELS})
    market = service(feed, BookSources(feed, equities=databento))

    # Act
    screen = await market.depth_screen("nvda", 10)

    # Assert: from Databento, ten levels, the whale at bid level 7
    assert (screen.source, screen.kind, screen.levels) == ("databento", BookKind.DEPTH, 10)
    assert screen.depth_meaningful and screen.note is None
    [whale] = screen.analysis.whales
    assert (whale.side, whale.price, whale.size) == (BookSide.BID, D("131.78"), D(9000))
    assert TEN_LEVELS.bids.index(BookLevel(whale.price, whale.size)) == 6  # level 7
    assert feed.asked == []


async def test_the_gap_between_levels_one_and_two_is_shown_and_is_the_widest() -> None:
    # Arrange
    feed = BookProvider("alpaca")
    databento = BookProvider("databento", {"NVDA": TEN_LEVELS})
    market = service(feed, BookSources(feed, equities=databento))

    # Act
    screen = await market.depth_screen("NVDA", 10)

    # Assert: 9 gaps a side; bid level 1 -> 2 is 131.87 -> 131.83, 4 cents
    assert len(screen.gaps) == 18
    first = screen.gaps[0]
    assert (first.side, first.level, first.near, first.far) == (
        BookSide.BID, 1, D("131.87"), D("131.83"),
    )  # fmt: skip
    assert first.gap == D("0.04") and first.bps == D("0.04") / D("131.87") * 10_000
    assert screen.widest_gap == first
    assert screen.analysis.spread is not None and screen.analysis.spread.absolute == D("0.02")


async def test_a_one_level_book_says_the_screens_are_not_meaningful() -> None:
    # Arrange: the ask's 9,000 would be a whale by size; one level a side shows none
    feed = BookProvider("alpaca", {"NVDA": ONE_LEVEL})
    market = service(feed)

    # Act
    screen = await market.depth_screen("NVDA", 10, whale_size=D(1000))

    # Assert
    assert (screen.source, screen.kind, screen.levels) == ("alpaca", BookKind.TOP_OF_BOOK, 1)
    assert not screen.depth_meaningful
    assert screen.note is not None and "one level a side" in screen.note
    assert screen.analysis.whales == () and screen.gaps == () and screen.widest_gap is None
    assert screen.analysis.spread is not None  # the top of book still has its spread


async def test_a_simulated_book_is_flagged_but_keeps_its_levels() -> None:
    # Arrange
    feed = BookProvider("synthetic", {"NVDA": TEN_LEVELS})

    # Act
    screen = await service(feed).depth_screen("NVDA", 10)

    # Assert
    assert (screen.kind, screen.levels, screen.depth_meaningful) == (BookKind.SIMULATED, 10, False)
    assert screen.note is not None and "generated" in screen.note
    assert len(screen.analysis.whales) == 1


async def test_the_feed_names_the_provider_that_answered() -> None:
    # Arrange
    feed = BookProvider("failover", {"NVDA": ONE_LEVEL})

    async def answered(symbol: str, depth: int) -> tuple[OrderBook, str]:
        return await feed.order_book(symbol, depth), "alpaca"

    market = service(feed, BookSources(feed, feed_book=answered))

    # Act
    screen = await market.depth_screen("NVDA", 10)

    # Assert
    assert screen.source == "alpaca"


async def test_crypto_goes_to_the_feed_even_with_a_depth_source() -> None:
    # Arrange
    feed = BookProvider("alpaca", {"BTC/USD": CRYPTO})
    databento = BookProvider("databento", {"NVDA": TEN_LEVELS})
    market = service(feed, BookSources(feed, equities=databento))

    # Act
    screen = await market.depth_screen("BTC/USD", 10)

    # Assert
    assert (screen.source, screen.kind, screen.levels) == ("alpaca", BookKind.DEPTH, 2)
    assert databento.asked == []


async def test_an_equity_the_depth_source_does_not_list_goes_to_the_feed() -> None:
    # Arrange
    feed = BookProvider("alpaca", {"ABCD": ONE_LEVEL})
    databento = BookProvider("databento")
    market = service(feed, BookSources(feed, equities=databento))

    # Act
    screen = await market.depth_screen("ABCD", 10)

    # Assert
    assert (screen.source, screen.kind) == ("alpaca", BookKind.TOP_OF_BOOK)
    assert databento.asked == ["ABCD"]


async def test_a_symbol_nobody_lists_is_not_found() -> None:
    # Arrange
    feed = BookProvider("alpaca")
    market = service(feed, BookSources(feed, equities=BookProvider("databento")))

    # Act / Assert
    with pytest.raises(SymbolNotFound):
        await market.depth_screen("ZZZZ", 10)


async def test_a_depth_source_failure_is_unavailable_not_a_silent_one_level_book() -> None:
    # Arrange
    feed = BookProvider("alpaca", {"NVDA": ONE_LEVEL})
    databento = BookProvider("databento", failure=ProviderError("databento", "HTTP 503"))
    market = service(feed, BookSources(feed, equities=databento))

    # Act / Assert
    with pytest.raises(MarketDataUnavailable, match="databento"):
        await market.depth_screen("NVDA", 10)
    assert feed.asked == []


async def test_the_book_is_cut_to_the_levels_asked_and_counted_after_the_cut() -> None:
    # Arrange
    feed = BookProvider("databento", {"NVDA": TEN_LEVELS})

    # Act
    screen = await service(feed).depth_screen("NVDA", 3)

    # Assert
    assert (screen.levels, screen.bid_levels, screen.ask_levels) == (3, 3, 3)
    assert len(screen.gaps) == 4


@pytest.mark.parametrize(
    ("symbol", "equity"),
    [("AAPL", True), ("BRK.B", True), ("F", True), ("BTC/USD", False), ("BTC-USD", False),
     ("AAPL240621C00190000", False), ("GOOGLEX", False)],
)  # fmt: skip
def test_what_reads_as_a_us_equity(symbol: str, equity: bool) -> None:
    # Act / Assert
    assert is_us_equity(symbol) is equity
