"""Where the depth-of-market screens read order books, and what a book can tell them.

The feed (the failover's providers) answers every symbol; a depth source, when configured
(Databento's MBP-10, ten levels, for US equities), answers the equity symbols first. Which
answered, and how many levels it had, travels with the book: a one-level book (Alpaca's and
the replay's equities: their quote made into a book) cannot show depth, gaps behind the touch
or large resting orders, and a simulated one (the synthetic provider) shows made-up ones.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum

from domain.market_data.book import OrderBook
from ports.market_data.marketdata import MarketDataProvider, ProviderError, QuoteUnavailable

# A US equity ticker: 1 to 5 letters, and a share class (BRK.B). Crypto pairs (BTC/USD,
# BTC-USD) and option symbols do not match.
_US_EQUITY = re.compile(r"^[A-Z]{1,5}(\.[A-Z]{1,2})?$")
SIMULATED_SOURCES = frozenset({"synthetic"})


class BookKind(StrEnum):
    """What a book can carry: DEPTH (levels behind the touch, from a market), TOP_OF_BOOK (at
    most one level a side), SIMULATED (generated levels, not a market's)."""

    DEPTH = "depth"
    TOP_OF_BOOK = "top_of_book"
    SIMULATED = "simulated"


@dataclass(frozen=True, slots=True)
class SourcedBook:
    """A book and the source that answered it (a provider's name)."""

    book: OrderBook
    source: str
    simulated: bool = False

    @property
    def levels(self) -> int:
        """The deeper side's number of levels."""
        return max(len(self.book.bids), len(self.book.asks))

    @property
    def kind(self) -> BookKind:
        if self.simulated:
            return BookKind.SIMULATED
        return BookKind.DEPTH if self.levels > 1 else BookKind.TOP_OF_BOOK

    @property
    def depth_meaningful(self) -> bool:
        """Whether depth, level gaps and large orders say something about a market."""
        return self.kind is BookKind.DEPTH

    @property
    def note(self) -> str | None:
        """Why the depth screens are not meaningful for this book; None when they are."""
        symbol = self.book.symbol
        if self.kind is BookKind.SIMULATED:
            return (
                f"simulated book from {self.source}: its levels and large orders are generated, "
                "not a market's"
            )
        if self.kind is BookKind.TOP_OF_BOOK:
            return (
                f"{self.source} gave one level a side for {symbol} (the top of book): "
                "cumulative depth, gaps behind the touch and large orders are not meaningful; "
                "a depth source (Databento MBP-10 for US equities) gives up to ten"
            )
        return None


def is_us_equity(symbol: str) -> bool:
    """Whether `symbol` reads as a US equity ticker (AAPL, BRK.B)."""
    return _US_EQUITY.fullmatch(symbol) is not None


class BookSources:
    """The books of the depth screens: US equities from `equities` when given (a symbol it
    does not list goes to the feed), everything else from the feed.

    `feed_book` asks the feed for a book and the name of the provider that answered it (the
    failover's `order_book_answered`: a fallback's name when it answered); without it the
    feed's own name is shown. Sources named in `simulated` give simulated books.
    """

    def __init__(
        self,
        feed: MarketDataProvider,
        *,
        equities: MarketDataProvider | None = None,
        feed_book: Callable[[str, int], Awaitable[tuple[OrderBook, str]]] | None = None,
        simulated: frozenset[str] = SIMULATED_SOURCES,
    ) -> None:
        self._feed = feed
        self._equities = equities
        self._feed_book = feed_book
        self._simulated = simulated

    @property
    def equities(self) -> MarketDataProvider | None:
        """The depth source for US equities; None when the feed serves them too."""
        return self._equities

    async def book(self, symbol: str, depth: int) -> SourcedBook:
        """Up to `depth` levels a side of `symbol`, with the source that answered."""
        if self._equities is not None and is_us_equity(symbol):
            try:
                book = await self._equities.order_book(symbol, depth)
            except ProviderError:
                raise  # a failing depth source is unavailable, not a one-level book instead
            except QuoteUnavailable:
                pass  # not listed there (a bare crypto ticker, say): the feed may know it
            else:
                return SourcedBook(
                    book, self._equities.name, self._equities.name in self._simulated
                )
        if self._feed_book is None:
            book, source = await self._feed.order_book(symbol, depth), self._feed.name
        else:
            book, source = await self._feed_book(symbol, depth)
        return SourcedBook(book, source, source in self._simulated)
